// An open case's coordinator is always an active professional with the coordinator qualification,
// enforced by the database for every path (migrations/0130): a transfer to an inactive or
// unqualified account, deactivating the coordinator, taking away its coordinator role — also by
// SQL that skips the services — and a deactivation racing a transfer to the same professional.
// On PostgreSQL the race really overlaps; on PGlite the requests are serialised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, testDatabaseUrl, type TestDb } from '../support/db.js';
import { openPostgres, type Database } from '../../src/platform/db/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { oneRow } from '../../src/platform/db/rows.js';

let t: TestDb;
let appDb: Database;
let app: App;
let region: string;
let team: string;
let coord: TestUser;
let admin: TestUser;
let c: Client;
let adm: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  admin = await createUser(t.db, region, team, ['functional_admin']);
  // The race sends 100 requests at once: on PostgreSQL they share 20 connections, and on a busy
  // machine some wait longer than the default pool wait and request time-out (503, not a race).
  if (onPostgres) {
    appDb = await openPostgres(testDatabaseUrl(t.name, 'regie_server'), { max: 20, waitMs: 120_000 });
  } else appDb = t.server;
  app = await testApp(appDb, { MAX_IN_FLIGHT: '1000', REQUEST_TIMEOUT_MS: '120000' });
  [c, adm] = await Promise.all([login(app, coord.username), login(app, admin.username)]);
});
afterAll(async () => {
  await app?.close();
  if (appDb !== t?.db) await appDb?.close();
  await t?.drop();
});

async function openCase(by: Client = c, coordinatorUserId = coord.actor.userId) {
  const fam = await by.post('/api/v1/families', familyBody(coordinatorUserId, { children: 1 }));
  expect(fam.status, JSON.stringify(fam.body)).toBe(201);
  return oneRow(
    await t.db.query<{ id: string; version: number }>(`SELECT id, version FROM cases WHERE region_id = $1 AND family_id = $2`, [
      region,
      fam.body.id,
    ]),
    'case',
  );
}

/** Open cases in the region whose current coordinator is inactive or not qualified. */
const broken = () =>
  t.db.query<{ case_id: string }>(
    `SELECT ct.case_id FROM case_team ct JOIN cases k ON k.region_id = ct.region_id AND k.id = ct.case_id
     JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
    WHERE ct.region_id = $1 AND ct.role = 'coordinator' AND ct.ended_at IS NULL AND k.status <> 'closed'
      AND (NOT u.active OR NOT ('coordinator' = ANY (u.roles)))`,
    [region],
  );

/** SQL as the connection's own role (the owner): no service check, no row-level security. */
const direct = (sql: string, params: unknown[]) => t.db.transaction((tx) => tx.query(sql, params));

describe("the database keeps an open case's coordinator active and qualified", () => {
  it('refuses deactivating the coordinator of an open case, even by plain SQL', async () => {
    const other = await createUser(t.db, region, team, ['professional', 'coordinator']);
    await openCase(c, other.actor.userId);
    await expect(
      direct(`UPDATE users SET active = false WHERE region_id = $1 AND id = $2`, [region, other.actor.userId]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'case_coordinator_active' });
    await expect(
      direct(`UPDATE users SET roles = '{professional}' WHERE region_id = $1 AND id = $2`, [region, other.actor.userId]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'case_coordinator_qualified' });
    expect(await broken()).toEqual([]);
  });

  it('refuses making an inactive professional the coordinator, even by plain SQL', async () => {
    const k = await openCase();
    const gone = await createUser(t.db, region, team, ['professional', 'coordinator']);
    await direct(`UPDATE users SET active = false WHERE region_id = $1 AND id = $2`, [region, gone.actor.userId]);
    const swap = () =>
      t.db.transaction(async (tx) => {
        await tx.query(
          `UPDATE case_team SET ended_at = now() WHERE region_id = $1 AND case_id = $2 AND role = 'coordinator' AND ended_at IS NULL`,
          [region, k.id],
        );
        await tx.query(
          `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis, created_by)
        SELECT region_id, gen_random_uuid(), id, family_id, $3, $4, 'coordinator', 'consent', $4 FROM cases WHERE region_id = $1 AND id = $2`,
          [region, k.id, team, gone.actor.userId],
        );
      });
    await expect(swap()).rejects.toMatchObject({ code: '23514', constraint: 'case_coordinator_active' });
    expect(await broken()).toEqual([]);
  });

  it('lets an account go once its cases are closed or handed over, and a closed case keeps its history', async () => {
    const other = await createUser(t.db, region, team, ['professional', 'coordinator']);
    const k = await openCase(c, other.actor.userId);
    await direct(`UPDATE cases SET status = 'closed' WHERE region_id = $1 AND id = $2`, [region, k.id]);
    await direct(`UPDATE users SET active = false, roles = '{professional}' WHERE region_id = $1 AND id = $2`, [
      region,
      other.actor.userId,
    ]);
    const u = oneRow(
      await t.db.query<{ active: boolean }>(`SELECT active FROM users WHERE region_id = $1 AND id = $2`, [region, other.actor.userId]),
      'user',
    );
    expect(u.active).toBe(false);
  });

  it('50 simultaneous deactivate-versus-transfer pairs leave no open case with an inactive coordinator', async () => {
    const pairs = await Promise.all(Array.from({ length: 50 }, () => createUser(t.db, region, team, ['professional', 'coordinator'])));
    const cases: { id: string; version: number }[] = [];
    for (let i = 0; i < pairs.length; i++) cases.push(await openCase());
    const results = await Promise.all(
      pairs.flatMap((target, i) => [
        c.post(`/api/v1/cases/${cases[i]!.id}/coordinator-transfers`, { toUserId: target.actor.userId, caseVersion: cases[i]!.version }),
        adm.post(`/api/v1/accounts/${target.actor.userId}/deactivate`, { version: 1 }),
      ]),
    );
    // Every answer is a success or a clear refusal (problem+json), never a server error: a refusal
    // by the database rule at commit answers 409 like the services' own checks.
    results.forEach((r, n) => {
      expect(n % 2 ? [200, 409] : [200, 400, 409], JSON.stringify(r.body)).toContain(r.status);
      if (r.status !== 200) expect(r.headers['content-type']).toMatch(/problem\+json/);
    });
    for (let i = 0; i < pairs.length; i++) {
      const [transfer, deactivate] = [results[2 * i]!, results[2 * i + 1]!];
      // Both may not win: either the case moved to an active coordinator, or the account is inactive.
      expect(transfer.status === 200 && deactivate.status === 200, `pair ${i}`).toBe(false);
    }
    expect(await broken()).toEqual([]);
  }, 120_000);
});
