// Every audit row of a read carries the legal basis that allowed it (issue 8, ASVS V4, NEN 7513):
// the family page and search results ("Mijn gezinnen", a team lead's organisation list), the
// handover and signal lists, possible matches and the reference index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;
let lead: TestUser;
let c: Client;
let l: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  lead = await createUser(t.db, region, team, ['professional', 'team_lead']);
  app = await testApp(t.server);
  [c, l] = await Promise.all([login(app, coord.username), login(app, lead.username)]);
  for (const legalBasis of ['consent', 'statutory_task'] as const)
    expect(
      (await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: `Basis${legalBasis}`, legalBasis }))).status,
    ).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('the legal basis of every read', () => {
  it('is on every read row, search results included, and is the basis of the membership that let the actor see the family', async () => {
    const mine = await c.get('/api/v1/families');
    expect(mine.body.items.length).toBe(2);
    expect((await c.get('/api/v1/families?q=basis')).status).toBe(200);
    expect((await l.get('/api/v1/families?scope=organisation')).body.items.length).toBe(2);
    await c.get(`/api/v1/families/${mine.body.items[0].id}`);
    await c.get('/api/v1/handovers');
    await c.get('/api/v1/signals?scope=reported');
    await c.post('/api/v1/persons/possible-matches', { givenNames: 'Anna', familyName: 'Basisconsent', birthDate: '1988-04-12' });
    await c.get('/api/v1/refindex/registrations');

    const reads = await t.db.query<{ object_type: string; legal_basis: string | null; person_id: string | null; family: string | null }>(
      `SELECT a.object_type, a.legal_basis, a.person_id, f.name AS family FROM audit_log a
         LEFT JOIN family_members fm ON fm.region_id = a.region_id AND fm.person_id = a.person_id
         LEFT JOIN families f ON f.region_id = fm.region_id AND f.id = fm.family_id
        WHERE a.region_id = $1 AND a.action = 'read' AND a.outcome = 'allowed'`,
      [region],
    );
    expect(reads.filter((r) => r.object_type === 'family-search').length).toBeGreaterThanOrEqual(3 * 3);
    expect(reads.filter((r) => r.legal_basis === null)).toEqual([]);
    for (const r of reads.filter((x) => x.object_type === 'family-search'))
      expect(r.legal_basis).toBe(r.family === 'Gezin Basisconsent' ? 'consent' : 'statutory_task');
  });
});
