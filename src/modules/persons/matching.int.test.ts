import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';

let t: TestDb;
let app: App;
let coord: TestUser;
let other: TestUser;
let c: Client;
let o: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  const region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region);
  const gp = await createOrganisation(t.db, region, 'gp_practice');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  other = await createUser(t.db, region, gp, ['professional', 'coordinator']);
  app = await testApp(t.server);
  [c, o] = await Promise.all([login(app, coord.username), login(app, other.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

function body(user: TestUser, surname: string, prefix?: string, given = 'Zoë') {
  const b = familyBody(user.actor.userId, { familyName: surname, withBsn: false, children: 1 });
  b.members[0] = {
    ...b.members[0],
    givenNames: given,
    birthDate: '1987-06-15',
    ...(prefix ? { familyNamePrefix: prefix } : {}),
  } as (typeof b.members)[0];
  return b;
}

describe('possible same person', () => {
  it('suggests a visible record on name and birth date, tolerantly, and says neutrally when a match is elsewhere', async () => {
    const first = await c.post('/api/v1/families', body(coord, 'Berg', 'van der'));
    expect(first.status).toBe(201);
    const q = { givenNames: 'Zoe', familyName: 'vd Berg', birthDate: '1987-06-15' };
    const mine = await c.post('/api/v1/persons/possible-matches', q);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ fullName: 'Zoë van der Berg', reason: 'name_and_birth_date', familyId: first.body.id });
    const theirs = await o.post('/api/v1/persons/possible-matches', q);
    expect(theirs.body).toEqual({ items: [], possibleElsewhere: true });
    const none = await c.post('/api/v1/persons/possible-matches', { ...q, birthDate: '1987-06-16' });
    expect(none.body).toEqual({ items: [], possibleElsewhere: false });
  });

  it('links a confirmed match instead of creating a second person, and merges two records reversibly', async () => {
    const a = await c.post('/api/v1/families', body(coord, 'Kastelein', undefined, 'Pieter'));
    const pageA = (await c.get(`/api/v1/families/${a.body.id}`)).body;
    const pieter = pageA.members[0];
    // confirmed: a second household (e.g. after a divorce) with the same Pieter
    const b2 = body(coord, 'Kastelein', undefined, 'Pieter');
    (b2.members[0] as Record<string, unknown>).existingPersonId = pieter.personId;
    const b = await c.post('/api/v1/families', b2);
    expect(b.status).toBe(201);
    const pageB = (await c.get(`/api/v1/families/${b.body.id}`)).body;
    expect(pageB.members.map((m: { personId: string }) => m.personId)).toContain(pieter.personId);
    // a duplicate record typed by someone else, then merged and undone
    const d = await c.post('/api/v1/families', body(coord, 'Kasteleijn', undefined, 'Pieter'));
    const dup = (await c.get(`/api/v1/families/${d.body.id}`)).body.members[0];
    const merge = await c.post('/api/v1/person-merges', {
      survivingPersonId: pieter.personId,
      mergedPersonId: dup.personId,
      reason: 'Zelfde persoon, typefout in achternaam',
    });
    expect(merge.status).toBe(201);
    const afterMerge = (await c.get(`/api/v1/families/${d.body.id}`)).body.members.map((m: { personId: string }) => m.personId);
    expect(afterMerge).toContain(pieter.personId);
    expect(afterMerge).not.toContain(dup.personId);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE object_type = 'person-merge' AND person_id = $1`, [dup.personId]);
    expect(audit.length).toBeGreaterThan(0);
    const undo = await c.post(`/api/v1/person-merges/${merge.body.id}/undo`);
    expect(undo.status).toBe(200);
    const afterUndo = (await c.get(`/api/v1/families/${d.body.id}`)).body.members.map((m: { personId: string }) => m.personId);
    expect(afterUndo).toContain(dup.personId);
    expect(afterUndo).not.toContain(pieter.personId);
    expect((await c.post(`/api/v1/person-merges/${merge.body.id}/undo`)).status).toBe(409);
    // someone who cannot see both records cannot merge them
    expect(
      (
        await o.post('/api/v1/person-merges', {
          survivingPersonId: pieter.personId,
          mergedPersonId: dup.personId,
          reason: 'poging van buiten',
        })
      ).status,
    ).toBe(404);
  });
});
