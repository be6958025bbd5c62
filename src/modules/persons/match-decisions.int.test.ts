// "Possibly the same person", finished: a surname with one typo, prefix or transposition is
// proposed, ranked by score; confirm and reject are actions with an audit row; a rejected pair
// is not proposed again; out of sight the asker hears at most "possibly known elsewhere" (the
// database compares with pg_trgm, migrations/0221), never who.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;
let colleague: TestUser;
let other: TestUser;
let c: Client;
let k: Client;
let o: Client;
const BORN = '1987-06-15';

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region);
  const gp = await createOrganisation(t.db, region, 'gp_practice');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  colleague = await createUser(t.db, region, team, ['team_lead']); // sees the families her organisation works with
  other = await createUser(t.db, region, gp, ['professional', 'coordinator']);
  app = await testApp(t.server);
  [c, k, o] = await Promise.all([login(app, coord.username), login(app, colleague.username), login(app, other.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A family whose first member is the given person (no BSN: only name and birth date can match). */
async function register(given: string, surname: string, prefix?: string, born = BORN) {
  const b = familyBody(coord.actor.userId, { familyName: surname, withBsn: false, children: 1 });
  b.members[0] = {
    ...b.members[0],
    givenNames: given,
    birthDate: born,
    ...(prefix ? { familyNamePrefix: prefix } : {}),
  } as (typeof b.members)[0];
  const r = await c.post('/api/v1/families', b);
  expect(r.status).toBe(201);
  const page = (await c.get(`/api/v1/families/${r.body.id}`)).body;
  return { familyId: r.body.id as string, personId: page.members[0].personId as string };
}
const decisionsAudit = (personId: string) =>
  t.db.query<{ action: string; outcome: string; reason: string | null; user_id: string }>(
    `SELECT action, outcome, reason, user_id FROM audit_log WHERE region_id = $1 AND object_type = 'person-match-decision' AND person_id = $2 ORDER BY seq`,
    [region, personId],
  );

const asked = { givenNames: 'Zoë', familyNamePrefix: 'van der', familyName: 'Bergh', birthDate: BORN };

describe('possibly the same person: typos, ranking, confirm and reject', () => {
  let berg: { familyId: string; personId: string };
  let bergh: { familyId: string; personId: string };

  it('proposes "Zoë van der Berg" for "Zoë van der Bergh", ranked below an exact match, and tells others only "possibly elsewhere"', async () => {
    berg = await register('Zoë', 'Berg', 'van der');
    const mine = await c.post('/api/v1/persons/possible-matches', asked);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ personId: berg.personId, fullName: 'Zoë van der Berg', reason: 'name_and_birth_date', score: 0.95 }),
    ]);
    bergh = await register('Zoe', 'Bergh', 'Van der');
    const ranked = (await c.post('/api/v1/persons/possible-matches', asked)).body.items;
    expect(ranked.map((m: { personId: string }) => m.personId)).toEqual([bergh.personId, berg.personId]);
    expect(ranked[0].score).toBe(1);
    // A transposition and a case/accent variant, with the prefix written into the surname.
    const swapped = await c.post('/api/v1/persons/possible-matches', { givenNames: 'ZOE', familyName: 'van der Bregh', birthDate: BORN });
    expect(swapped.body.items.map((m: { personId: string }) => m.personId)).toContain(bergh.personId);
    // Someone who may see neither record: no names, only the neutral hint (the SQL side tolerates the typo too).
    expect((await o.post('/api/v1/persons/possible-matches', { ...asked, familyName: 'Burgh' })).body).toEqual({
      items: [],
      possibleElsewhere: true,
    });
    expect((await o.post('/api/v1/persons/possible-matches', { ...asked, familyName: 'Pietersen' })).body).toEqual({
      items: [],
      possibleElsewhere: false,
    });
  });

  it('remembers a rejection: the pair is not proposed again, also not to the team lead, however the name is typed; audited', async () => {
    const r = await c.post('/api/v1/person-match-rejections', {
      subject: asked,
      candidatePersonId: berg.personId,
      reason: 'Andere moeder, ander adres',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ decision: 'rejected', candidatePersonId: berg.personId, score: 0.95, version: 1 });
    const again = (await c.post('/api/v1/persons/possible-matches', asked)).body.items.map((m: { personId: string }) => m.personId);
    expect(again).toEqual([bergh.personId]);
    const colleagues = (
      await k.post('/api/v1/persons/possible-matches', { givenNames: 'ZOE', familyName: 'Van Der Bergh', birthDate: BORN })
    ).body;
    expect(colleagues.items.map((m: { personId: string }) => m.personId)).toEqual([bergh.personId]);
    // Another described person (one with a BSN) still gets the proposal.
    expect(
      (await c.post('/api/v1/persons/possible-matches', { ...asked, bsn: '111222333' })).body.items.map(
        (m: { personId: string }) => m.personId,
      ),
    ).toContain(berg.personId);
    expect(await decisionsAudit(berg.personId)).toEqual([
      expect.objectContaining({
        action: 'create',
        outcome: 'allowed',
        user_id: coord.actor.userId,
        reason: expect.stringContaining('afgewezen'),
      }),
    ]);
  });

  it('records a confirmation (shown as confirmed, linked only when the family is registered with it); a decision can be changed', async () => {
    const r = await c.post('/api/v1/person-match-confirmations', { subject: asked, candidatePersonId: bergh.personId });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ decision: 'confirmed', candidatePersonId: bergh.personId, score: 1 });
    const items = (await c.post('/api/v1/persons/possible-matches', asked)).body.items;
    expect(items[0]).toMatchObject({ personId: bergh.personId, confirmed: true });
    // Nothing was linked or merged by confirming.
    const persons = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM persons WHERE region_id = $1 AND merged_into IS NOT NULL`,
      [region],
    );
    expect(persons[0]!.n).toBe(0);
    // Changing one's mind: the rejected pair confirmed after all, version 2, audited as an update.
    const changed = await k.post('/api/v1/person-match-confirmations', { subject: asked, candidatePersonId: berg.personId });
    expect(changed.body).toMatchObject({ decision: 'confirmed', version: 2 });
    expect((await c.post('/api/v1/persons/possible-matches', asked)).body.items.map((m: { personId: string }) => m.personId)).toContain(
      berg.personId,
    );
    expect((await decisionsAudit(berg.personId)).map((a) => a.action)).toEqual(['create', 'update']);
    expect((await decisionsAudit(bergh.personId)).map((a) => a.action)).toEqual(['create']);
  });

  it('answers 404 for a record the asker may not see (audited as refused), and 400 for a record that is no possible match', async () => {
    const hidden = await o.post('/api/v1/person-match-rejections', { subject: asked, candidatePersonId: berg.personId });
    expect(hidden.status).toBe(404);
    const never = await o.post('/api/v1/person-match-rejections', {
      subject: asked,
      candidatePersonId: '00000000-0000-4000-8000-000000000000',
    });
    expect(never.status).toBe(404);
    expect({ ...hidden.body, instance: undefined }).toEqual({ ...never.body, instance: undefined });
    const denied = await t.db.query(`SELECT 1 FROM audit_log WHERE region_id = $1 AND user_id = $2 AND outcome = 'denied'`, [
      region,
      other.actor.userId,
    ]);
    expect(denied.length).toBeGreaterThanOrEqual(2);
    const unlike = await register('Pieter', 'Kastelein', undefined, '1990-01-01');
    const no = await c.post('/api/v1/person-match-confirmations', { subject: asked, candidatePersonId: unlike.personId });
    expect(no.status).toBe(400);
    expect(no.body).toMatchObject({ code: 'not_a_possible_match', field: 'candidatePersonId' });
    const rows = await t.db.query(`SELECT 1 FROM person_match_decisions WHERE region_id = $1 AND person_id = $2`, [
      region,
      unlike.personId,
    ]);
    expect(rows).toHaveLength(0);
  });
});
