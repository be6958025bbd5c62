// Two coordinator handovers of the same case at the same moment: the case version (and the row
// lock behind it) lets exactly one win; the case never ends up with zero or two coordinators.
// On PostgreSQL the two requests really overlap; on PGlite they are serialised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { oneRow } from '../../src/platform/db/rows.js';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;
let a: TestUser;
let b: TestUser;
let lead1: TestUser;
let lead2: TestUser;
let c: Client;
let l1: Client;
let l2: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team');
  const youth = await createOrganisation(t.db, region, 'youth_care');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  a = await createUser(t.db, region, team, ['professional', 'coordinator']);
  b = await createUser(t.db, region, youth, ['professional', 'coordinator']);
  // Team leads of the coordinator's organisation may manage the case too, before and after a handover.
  lead1 = await createUser(t.db, region, team, ['professional', 'team_lead']);
  lead2 = await createUser(t.db, region, team, ['professional', 'team_lead']);
  app = await testApp(t.server);
  [c, l1, l2] = await Promise.all([login(app, coord.username), login(app, lead1.username), login(app, lead2.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

async function freshCase() {
  const fam = await c.post('/api/v1/families', familyBody(coord.actor.userId, { children: 1 }));
  expect(fam.status).toBe(201);
  const { id: caseId } = oneRow(
    await t.db.query<{ id: string }>(`SELECT id FROM cases WHERE region_id = $1 AND family_id = $2`, [region, fam.body.id]),
    'case',
  );
  const timeline = await t.db.query(`SELECT 1 FROM timeline_events WHERE region_id = $1 AND family_id = $2`, [region, fam.body.id]);
  return { familyId: fam.body.id as string, caseId, timelineBefore: timeline.length };
}

/** Two handovers at once, each by its own client to its own target; returns the winner's index. */
async function race(clients: [Client, Client], k: Awaited<ReturnType<typeof freshCase>>) {
  const targets = [a, b];
  const results = await Promise.all(
    clients.map((cl, i) =>
      cl.post(`/api/v1/cases/${k.caseId}/coordinator-transfers`, { toUserId: targets[i]!.actor.userId, caseVersion: 1 }),
    ),
  );
  const ok = results.filter((r) => r.status === 200);
  expect(ok, JSON.stringify(results.map((r) => r.body))).toHaveLength(1);
  const won = results.findIndex((r) => r.status === 200); // 0 or 1: exactly one won (above)
  expect(results[won]!.body).toEqual({ id: k.caseId, version: 2 });

  // Exactly one active coordinator: the winner's target.
  const coordinators = await t.db.query<{ user_id: string }>(
    `SELECT user_id FROM case_team WHERE region_id = $1 AND case_id = $2 AND role = 'coordinator' AND ended_at IS NULL`,
    [region, k.caseId],
  );
  expect(coordinators).toEqual([{ user_id: targets[won]!.actor.userId }]);
  // The loser left nothing behind: no membership for its target, one transfer event, version 2.
  const loserRows = await t.db.query(`SELECT 1 FROM case_team WHERE region_id = $1 AND case_id = $2 AND user_id = $3`, [
    region,
    k.caseId,
    targets[1 - won]!.actor.userId,
  ]);
  expect(loserRows).toEqual([]);
  const events = await t.db.query<{ type: string }>(`SELECT type FROM timeline_events WHERE region_id = $1 AND family_id = $2`, [
    region,
    k.familyId,
  ]);
  expect(events.length).toBe(k.timelineBefore + 1);
  expect(events.filter((e) => e.type === 'coordinator_transferred')).toHaveLength(1);
  const cs = oneRow(
    await t.db.query<{ version: number }>(`SELECT version FROM cases WHERE region_id = $1 AND id = $2`, [region, k.caseId]),
    'case',
  );
  expect(cs.version).toBe(2);
  return { won, lost: results[1 - won]! };
}

const engine = onPostgres ? 'PostgreSQL' : 'PGlite';

describe('concurrent coordinator transfers', () => {
  it(`let exactly one of two simultaneous handovers win and give the other 409 stale_version (${engine})`, async () => {
    for (let round = 0; round < 10; round++) {
      const { lost } = await race([l1, l2], await freshCase());
      expect(lost.status).toBe(409);
      expect(lost.body).toMatchObject({ code: 'stale_version', field: 'version' });
    }
  });

  it(`keep exactly one coordinator when the coordinator submits two handovers at once (${engine})`, async () => {
    for (let round = 0; round < 10; round++) {
      const { lost } = await race([c, c], await freshCase());
      // The loser is no longer coordinator once the winner committed, but still hears 409:
      // the version is checked before the right to manage the case.
      expect(lost.status).toBe(409);
      expect(lost.body).toMatchObject({ code: 'stale_version', field: 'version' });
    }
  });
});
