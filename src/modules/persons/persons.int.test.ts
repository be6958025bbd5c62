import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';

let t: TestDb;
let app: App;
let coord: TestUser;
let outsider: TestUser;
let c: Client;
let out: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  const region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region);
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  outsider = await createUser(t.db, region, team, ['professional']);
  app = await testApp(t.server);
  [c, out] = await Promise.all([login(app, coord.username), login(app, outsider.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

async function newFamily() {
  const r = await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Smit' }));
  const page = (await c.get(`/api/v1/families/${r.body.id}`)).body;
  return { familyId: r.body.id as string, person: page.members[0] };
}
const edit = (p: Record<string, any>, changes: Record<string, unknown>) => ({
  givenNames: p.givenNames,
  familyName: p.familyName,
  birthDate: p.birthDate,
  bsn: p.bsn,
  version: p.version,
  ...changes,
});

describe('changing a person', () => {
  it('saves the change with a new version, makes the new name searchable, and logs it', async () => {
    const { familyId, person } = await newFamily();
    const r = await c.put(
      `/api/v1/persons/${person.personId}`,
      edit(person, { familyName: 'Smit-Öztürk', street: 'Lange Delft', houseNumber: '12', postcode: '4331ab', city: 'Middelburg' }),
    );
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(person.version + 1);
    const page = (await c.get(`/api/v1/families/${familyId}`)).body;
    const m = page.members.find((x: { personId: string }) => x.personId === person.personId);
    expect(m).toMatchObject({ familyName: 'Smit-Öztürk', postcode: '4331 AB', city: 'Middelburg' });
    expect(page.timeline[0].type).toBe('person_updated');
    expect((await c.get('/api/v1/families?q=ozturk')).body.items.map((f: { id: string }) => f.id)).toContain(familyId);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE person_id = $1 AND action = 'update' AND object_type = 'person'`, [
      person.personId,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('refuses a stale version with 409 and leaves the record as the other person saved it', async () => {
    const { person } = await newFamily();
    const first = await c.put(`/api/v1/persons/${person.personId}`, edit(person, { phone: '0612345678' }));
    expect(first.status).toBe(200);
    const second = await c.put(`/api/v1/persons/${person.personId}`, edit(person, { phone: '0699999999' }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'stale_version', field: 'version' });
    const rows = await t.db.query<{ phone: string; version: number }>(`SELECT phone, version FROM persons WHERE id = $1`, [
      person.personId,
    ]);
    expect(rows[0]).toEqual({ phone: '0612345678', version: person.version + 1 });
  });

  it('gives 404 to someone not on the case team, and refuses a BSN that belongs to someone else', async () => {
    const { person } = await newFamily();
    expect((await out.put(`/api/v1/persons/${person.personId}`, edit(person, { phone: '1' }))).status).toBe(404);
    const other = await newFamily();
    const dup = await c.put(`/api/v1/persons/${person.personId}`, edit(person, { bsn: other.person.bsn }));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_bsn');
    const ok = await c.put(`/api/v1/persons/${person.personId}`, edit(person, { bsn: nextBsn() }));
    expect(ok.status).toBe(200);
  });
});
