// The audit chain in stripes (migrations/0260, docs/adr/0014): a region's log is K hash chains, so
// audited transactions of one region do not wait for each other; each chain is still gap-free,
// linked and anchored, and verification walks them all.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../support/factory.js';
import { recordAccess, verifyChain } from '../../src/platform/audit/audit.js';
import { openPostgres, type Tx } from '../../src/platform/db/db.js';
import { oneRow } from '../../src/platform/db/rows.js';
import { asActor } from '../../src/platform/db/actor-tx.js';
import { checkpointSettings, readCheckpoints, verifyAgainstCheckpoint, writeCheckpoints } from '../../src/platform/audit/checkpoints.js';

let t: TestDb;
let dir: string;
const log = { info: () => undefined, error: () => undefined };
beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'regie-stripes-'));
});
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function regionWithUser() {
  const region = await createRegion(t.db);
  const user = await createUser(t.db, region, await createOrganisation(t.db, region), ['professional']);
  return { region, user };
}

/** `n` rows in one transaction, in chain `stripe` (claimed the way audit_take_stripe remembers its choice). */
const rowsIn = (user: TestUser, stripe: number, n: number) =>
  t.db.transaction(async (tx) => {
    await tx.query(
      `SELECT set_config('regie.audit_stripes', pg_current_xact_id()::text || ' ' || jsonb_build_object($1::text, $2::int)::text, false)`,
      [user.actor.regionId, stripe],
    );
    for (let i = 0; i < n; i++) await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: `${stripe}:${i}` });
  });

describe('the audit chain in stripes', () => {
  it('gives every region 16 chains; a transaction writes all its rows into one, each chain gap-free and linked', async () => {
    const { region, user } = await regionWithUser();
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: String(i) });
    });
    // The first transaction took its connection's chain (backend pid mod 16); the two claimed below
    // are others, whatever that pid was.
    const [first] = await t.db.query<{ stripe: number }>(`SELECT stripe FROM audit_log WHERE region_id = $1 LIMIT 1`, [region]);
    const a = (first!.stripe + 3) % 16;
    const b = (first!.stripe + 11) % 16;
    await rowsIn(user, a, 2);
    await rowsIn(user, b, 3);
    await rowsIn(user, a, 1);
    const heads = await t.db.query<{ stripe: number }>(`SELECT stripe FROM audit_chain_head WHERE region_id = $1 ORDER BY stripe`, [
      region,
    ]);
    expect(heads.map((h) => h.stripe)).toEqual([...Array(16).keys()]);
    const rows = await t.db.query<{
      stripe: number;
      pos: string;
      seq: string;
      object_id: string;
      prev_hash: string;
      hash: string;
      c: string;
    }>(
      `SELECT a.stripe, a.chain_seq::text AS pos, a.seq::text AS seq, a.object_id, a.prev_hash, a.hash, regie.audit_canonical(a) AS c
         FROM audit_log a WHERE region_id = $1 ORDER BY a.seq`,
      [region],
    );
    expect(rows).toHaveLength(11);
    // The first transaction's five rows: one chain, places 1..5.
    expect(new Set(rows.slice(0, 5).map((r) => r.stripe)).size).toBe(1);
    const byStripe = new Map<number, typeof rows>();
    for (const r of rows) byStripe.set(r.stripe, [...(byStripe.get(r.stripe) ?? []), r]);
    expect(byStripe.get(b)!.map((r) => r.object_id)).toEqual([`${b}:0`, `${b}:1`, `${b}:2`]);
    expect(byStripe.get(a)!.map((r) => r.object_id)).toEqual([`${a}:0`, `${a}:1`, `${a}:0`]);
    expect(byStripe.get(first!.stripe)!.map((r) => r.object_id)).toEqual(['0', '1', '2', '3', '4']);
    for (const [, chain] of byStripe) {
      let prev = '0'.repeat(64);
      chain.forEach((r, i) => {
        expect(Number(r.pos)).toBe(i + 1);
        expect(r.prev_hash).toBe(prev);
        // The hashed text holds the chain and the place: moving a row breaks its hash.
        expect(r.c.endsWith(`|${r.stripe}|${r.pos}`)).toBe(true);
        expect(createHash('sha256').update(`${r.prev_hash}|${r.c}`, 'utf8').digest('hex')).toBe(r.hash);
        prev = r.hash;
      });
    }
    // seq: unique over the region, increasing in writing order — the readable trail's order.
    expect(rows.map((r) => Number(r.seq))).toEqual([...rows.map((r) => Number(r.seq))].sort((a, b) => a - b));
    const v = await verifyChain(t.db, region);
    expect(v).toMatchObject({ ok: true, rows: 11, stripes: 16, problems: [] });
  });

  it('remembers the chain a transaction took, for that transaction only', async () => {
    const { region } = await regionWithUser();
    const [a, b, memo] = await t.db.transaction(
      async (tx) =>
        [
          oneRow(await tx.query<{ s: number }>(`SELECT regie.audit_take_stripe($1) AS s`, [region])).s,
          oneRow(await tx.query<{ s: number }>(`SELECT regie.audit_take_stripe($1) AS s`, [region])).s,
          oneRow(
            await tx.query<{ m: string; x: string }>(`SELECT current_setting('regie.audit_stripes') AS m, pg_current_xact_id()::text AS x`),
          ),
        ] as const,
    );
    expect(b).toBe(a);
    expect(memo.m.startsWith(`${memo.x} `)).toBe(true);
    expect(JSON.parse(memo.m.slice(memo.x.length + 1))).toEqual({ [region]: a });
    // A later transaction does not take the memo for its own.
    const later = await t.db.transaction(async (tx) => {
      await tx.query(`SELECT regie.audit_take_stripe($1)`, [region]);
      return oneRow(
        await tx.query<{ m: string; x: string }>(`SELECT current_setting('regie.audit_stripes') AS m, pg_current_xact_id()::text AS x`),
      );
    });
    expect(later.m.startsWith(`${later.x} `)).toBe(true);
    expect(later.x).not.toBe(memo.x);
  });

  it("writes a chain's head once per statement, continues it from the transaction's memo, and takes a savepoint's rows back with it", async () => {
    const { region, user } = await regionWithUser();
    const persons = (n: number) => Array.from({ length: n }, () => randomUUID());
    // Every update of a chain head counted, by a trigger this test adds (as the superuser) and removes.
    await t.superuser.exec(`CREATE TABLE test_head_updates (n integer);
      CREATE FUNCTION test_count_head_update() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
      BEGIN INSERT INTO test_head_updates VALUES (1); RETURN NULL; END $$;
      CREATE TRIGGER test_count AFTER UPDATE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION test_count_head_update();
      GRANT SELECT ON test_head_updates TO PUBLIC;`);
    const headUpdates = async (tx: Tx) =>
      Number(oneRow(await tx.query<{ n: string }>(`SELECT count(*)::text AS n FROM test_head_updates`)).n);
    const updates = await t.db
      .transaction(async (tx) => {
        await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'a', personIds: persons(10) });
        const afterTen = await headUpdates(tx);
        await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'b', personIds: persons(3) });
        await tx.query('SAVEPOINT s');
        await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'undone', personIds: persons(4) });
        await tx.query('ROLLBACK TO SAVEPOINT s');
        await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'c' });
        return [afterTen, await headUpdates(tx)];
      })
      .finally(() =>
        t.superuser.exec(
          `DROP TRIGGER test_count ON audit_chain_head; DROP FUNCTION test_count_head_update(); DROP TABLE test_head_updates`,
        ),
      );
    // One update of the head row per INSERT (was one per row: 10, then 14); the savepoint's own went with it.
    expect(updates).toEqual([1, 3]);
    const rows = await t.db.query<{ pos: string; object_id: string }>(
      `SELECT chain_seq::text AS pos, object_id FROM audit_log WHERE region_id = $1 ORDER BY chain_seq`,
      [region],
    );
    expect(rows.map((r) => r.object_id)).toEqual([...Array(10).fill('a'), 'b', 'b', 'b', 'c']);
    expect(rows.map((r) => Number(r.pos))).toEqual([...Array(14).keys()].map((i) => i + 1));
    expect(await verifyChain(t.db, region)).toMatchObject({ ok: true, rows: 14, problems: [] });
  });

  it('refuses a statement that a forged memo of the running head would put out of step, and the chain stays whole', async () => {
    const { region, user } = await regionWithUser();
    await t.db.transaction((tx) => recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'honest' }));
    /** One row written, then the memo changed by `forge`, then one more row: refused. */
    type Head = [stripe: number, seq: number, hash: string];
    const forged = (forge: (head: Head) => Head) =>
      t.db.transaction(async (tx) => {
        await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'before' });
        const { m, x } = oneRow(
          await tx.query<{ m: string; x: string }>(`SELECT current_setting('regie.audit_heads') AS m, pg_current_xact_id()::text AS x`),
        );
        const heads = JSON.parse(m.slice(x.length + 1)) as Record<string, Head>;
        expect(Object.keys(heads)).toEqual([region]);
        heads[region] = forge(heads[region]!);
        await tx.query(`SELECT set_config('regie.audit_heads', $1, false)`, [`${x} ${JSON.stringify(heads)}`]);
        await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'after' });
      });
    await expect(forged(([s, seq, hash]) => [s, seq + 5, hash])).rejects.toThrow(/out of step/);
    await expect(forged(([s, seq]) => [s, seq, 'f'.repeat(64)])).rejects.toThrow(/out of step/);
    await expect(forged(([s, seq, hash]) => [s, seq - 1, hash])).rejects.toThrow();
    // Another chain, continued from this one's head: that chain's head row does not match.
    await expect(forged(([s, seq, hash]) => [(s + 1) % 16, seq, hash])).rejects.toThrow(/out of step/);
    await t.db.transaction((tx) => recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: 'honest again' }));
    expect(await verifyChain(t.db, region)).toMatchObject({ ok: true, rows: 2, problems: [] });
  });

  it('names a changed row, a removed row and a wrong head in any chain', async () => {
    const { region, user } = await regionWithUser();
    await rowsIn(user, 0, 3);
    await rowsIn(user, 7, 4);
    await t.superuser.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE audit_log SET object_id = 'forged' WHERE region_id = $1 AND stripe = 7 AND chain_seq = 2`, [region]);
      await tx.query(`DELETE FROM audit_log WHERE region_id = $1 AND stripe = 0 AND chain_seq = 2`, [region]);
      await tx.query(`UPDATE audit_chain_head SET seq = 9 WHERE region_id = $1 AND stripe = 5`, [region]);
    });
    const v = await verifyChain(t.db, region);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stripe: 7, seq: 2, problem: 'changed' }),
        expect.objectContaining({ stripe: 0, seq: 2, problem: 'missing' }),
        expect.objectContaining({ stripe: 5, seq: 9, problem: 'head-mismatch' }),
      ]),
    );
  });

  it('names a chain whose rows and head were removed altogether, from its signed checkpoint', async () => {
    const settings = checkpointSettings({ dataDir: dir, auditCheckpointKey: 'stripes-test-key-0123456789-abcdefghij' });
    const { region, user } = await regionWithUser();
    await rowsIn(user, 2, 2);
    await rowsIn(user, 9, 3);
    const written = await writeCheckpoints(t.db, settings, log);
    expect(
      written
        .filter((c) => c.regionId === region)
        .map((c) => [c.chain, c.seq])
        .sort(),
    ).toEqual([
      ['audit_log/2', 2],
      ['audit_log/9', 3],
    ]);
    expect(await verifyAgainstCheckpoint(t.db, region, readCheckpoints(settings))).toMatchObject({
      ok: true,
      checkpoint: { seq: 5, chains: 2 },
    });
    await t.superuser.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`DELETE FROM audit_log WHERE region_id = $1 AND stripe = 9`, [region]);
      await tx.query(`DELETE FROM audit_chain_head WHERE region_id = $1 AND stripe = 9`, [region]);
    });
    // Every remaining chain is consistent in itself…
    expect((await verifyChain(t.db, region)).ok).toBe(true);
    // …but the checkpoint saw chain 9 at row 3.
    const r = await verifyAgainstCheckpoint(t.db, region, readCheckpoints(settings));
    expect(r.problems).toEqual([expect.objectContaining({ stripe: 9, seq: 3, problem: 'truncated' })]);
  });

  it.runIf(onPostgres)("lets transactions of one region write audit rows at the same time: none waits for another's COMMIT", async () => {
    const { region, user } = await regionWithUser();
    // The region's first audit row makes its chains (a new region's first rows wait for that).
    await t.db.transaction((tx) => recordAccess(tx, user.actor, { action: 'read', objectType: 'test' }));
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${t.name}`;
    url.username = 'regie_server';
    url.password = '';
    const pool = await openPostgres(url.toString(), { max: 10, waitMs: 10_000 });
    try {
      // Eight transactions, each holding its audit row uncommitted until all eight have written
      // theirs: with one chain per region the second would wait for the first's COMMIT (here: a
      // lock timeout). Through asActor, so the rows go the way every use case writes them.
      const n = 8;
      let written = 0;
      let release!: () => void;
      const allWritten = new Promise<void>((resolve) => {
        release = resolve;
      });
      const results = await Promise.allSettled(
        Array.from({ length: n }, (_, i) =>
          asActor(pool, user.actor, async (tx) => {
            await tx.query(`SET LOCAL lock_timeout = '3s'`);
            await tx.query(
              `INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, object_type, object_id, outcome, prev_hash, hash)
                        VALUES ($1, 0, 'read', $2, 'professional', $3::uuid, $3::text, 'test', $4, 'allowed', '', '')`,
              [region, user.actor.userId, user.actor.organisationId, `concurrent:${i}`],
            );
            if (++written === n) release();
            await Promise.race([
              allWritten,
              new Promise((_, reject) => setTimeout(() => reject(new Error('waited for another transaction')), 8000)),
            ]);
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
      const stripes = await t.db.query<{ stripe: number }>(
        `SELECT stripe FROM audit_log WHERE region_id = $1 AND object_id LIKE 'concurrent:%'`,
        [region],
      );
      expect(new Set(stripes.map((s) => s.stripe)).size).toBe(n);
      expect(await verifyChain(t.db, region)).toMatchObject({ ok: true, rows: n + 1 });
    } finally {
      await pool.close();
    }
  });
});
