// The audit log and the timeline by month (migrations/0400, docs/adr/0015-month-partitions.md):
// rows land in their month's partition, the months ahead are made and a month already holding
// rows in the default partition is left alone, partitions are closed to direct access, the audit
// trigger refuses a time of another month, a month can be detached for retention and back, and
// the whole history is still read through the table as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../http/app.js';
import { asActor } from './actor-tx.js';
import { asSystem } from './system-tx.js';
import { appendEvent } from '../../modules/timeline/timeline.js';
import { recordAccess, verifyChain } from '../audit/audit.js';
import { ensureMonthPartitions, MONTHS_AHEAD } from './partitions.js';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;
let c: Client;
let familyId: string;

/** The first instant of the month `k` months from now, in UTC. */
const monthStart = (k: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + k, 1));
};
const monthName = (table: string, k: number) => {
  const m = monthStart(k);
  return `${table}_${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
};
const partitionOf = async (table: string, where: string, params: unknown[]) =>
  (await t.db.query<{ p: string }>(`SELECT tableoid::regclass::text AS p FROM ${table} WHERE ${where}`, params)).map((r) => r.p);

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  coord = await createUser(t.db, region, await createOrganisation(t.db, region, 'municipal_team'), ['professional', 'coordinator']);
  app = await testApp(t.server);
  c = await login(app, coord.username);
  const r = await c.post('/api/v1/families', familyBody(coord.actor.userId));
  expect(r.status).toBe(201);
  familyId = r.body.id;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('the audit log and the timeline by month', () => {
  it('are partitioned tables with a history and the months ahead (the audit log with a default), each closed to direct access', async () => {
    const parts = await t.db.query<{ parent: string; name: string; bound: string }>(
      `SELECT i.inhparent::regclass::text AS parent, c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent IN ('audit_log'::regclass, 'timeline_events'::regclass) ORDER BY 1, 2`,
    );
    for (const table of ['audit_log', 'timeline_events']) {
      const names = parts.filter((p) => p.parent === table).map((p) => p.name);
      expect(names).toContain(`${table}_history`);
      // The audit log has a default partition (an audited request never fails for want of one); the timeline has none (its pages read the months in order).
      if (table === 'audit_log') expect(names).toContain('audit_log_default');
      else expect(names.filter((n) => n.endsWith('_default'))).toEqual([]);
      // This month is the history's or its own; the next MONTHS_AHEAD each have one.
      for (let k = 1; k <= MONTHS_AHEAD; k++) expect(names).toContain(monthName(table, k));
      expect(parts.find((p) => p.name === `${table}_history`)?.bound).toMatch(/^FOR VALUES FROM \(MINVALUE\) TO \('/);
    }
    // Row-level security forced and no grants on every partition: through the table only.
    const open = await t.db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent IN ('audit_log'::regclass, 'timeline_events'::regclass)
          AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity OR c.relacl IS NOT NULL AND EXISTS (
                SELECT 1 FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner))`,
    );
    expect(open).toEqual([]);
    await expect(
      asActor(t.db, coord.actor, (tx) => tx.query(`SELECT count(*) FROM ${monthName('timeline_events', 1)}`)),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(asActor(t.db, coord.actor, (tx) => tx.query(`SELECT count(*) FROM audit_log_history`))).rejects.toMatchObject({
      code: '42501',
    });
  });

  it("puts an event in its month's partition and reads the whole history through the timeline as before", async () => {
    const next = new Date(monthStart(1).getTime() + 36 * 3600_000);
    const far = new Date(monthStart(30).getTime() + 36 * 3600_000);
    const past = new Date(Date.UTC(2019, 5, 3, 12));
    await asActor(t.db, coord.actor, async (tx) => {
      await appendEvent(tx, coord.actor, { familyId, kind: 'note', params: { text: 'volgende maand' }, occurredAt: next });
      await appendEvent(tx, coord.actor, { familyId, kind: 'note', params: { text: 'lang geleden' }, occurredAt: past });
    });
    // A month without a partition (years ahead, which no event has) is refused, not lost.
    await expect(
      asActor(t.db, coord.actor, (tx) =>
        appendEvent(tx, coord.actor, { familyId, kind: 'note', params: { text: 'over jaren' }, occurredAt: far }),
      ),
    ).rejects.toThrow(/no partition/);
    const where = `region_id = $1 AND family_id = $2 AND params->>'text' = $3`;
    expect(await partitionOf('timeline_events', where, [region, familyId, 'volgende maand'])).toEqual([monthName('timeline_events', 1)]);
    expect(await partitionOf('timeline_events', where, [region, familyId, 'over jaren'])).toEqual([]);
    expect(await partitionOf('timeline_events', where, [region, familyId, 'lang geleden'])).toEqual(['timeline_events_history']);
    // seq still orders the writing, drawn by the trigger (a writer cannot choose it).
    const seqs = await t.db.query<{ seq: string }>(
      `SELECT seq::text FROM timeline_events WHERE region_id = $1 AND family_id = $2 ORDER BY seq`,
      [region, familyId],
    );
    expect(new Set(seqs.map((s) => s.seq)).size).toBe(seqs.length);

    const page = await c.get(`/api/v1/families/${familyId}/timeline?limit=100`);
    expect(page.status).toBe(200);
    const texts = (page.body.items as { params: { text?: string } }[]).map((e) => e.params.text).filter(Boolean);
    // Newest first, across a month and the history partition.
    expect(texts).toEqual(['volgende maand', 'lang geleden']);
  });

  it('does not make a month whose rows already wait in the default partition, and makes the others', async () => {
    // An audit row of month +20 in the default partition (written past the chain triggers, in a
    // region of its own so that no chain here is touched).
    const other = await createRegion(t.db);
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_chain, DISABLE TRIGGER audit_chain_close');
    try {
      await t.db.query(
        `INSERT INTO audit_log (region_id, seq, occurred_at, action, object_type, outcome, prev_hash, hash) VALUES ($1, nextval('audit_log_seq'), $2, 'read', 'test', 'allowed', '', '')`,
        [other, new Date(monthStart(20).getTime() + 3600_000)],
      );
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_chain, ENABLE TRIGGER audit_chain_close');
    }
    expect(await partitionOf('audit_log', 'region_id = $1', [other])).toEqual(['audit_log_default']);
    const made = await asSystem(t.db, 'partitions', (tx) =>
      tx.query<{ made: string[] }>('SELECT regie.ensure_month_partitions(24) AS made').then((r) => r[0]!.made),
    );
    expect(made).toContain(monthName('timeline_events', 24));
    expect(made).toContain(monthName('audit_log', 24));
    expect(made).toContain(monthName('timeline_events', 20));
    expect(made).toContain(monthName('audit_log', 19));
    expect(made).not.toContain(monthName('audit_log', 20));
    expect(await partitionOf('audit_log', 'region_id = $1', [other])).toEqual(['audit_log_default']);
    // Again: nothing new, nothing fails.
    expect(await ensureMonthPartitions(t.db)).toEqual([]);
    await expect(asSystem(t.db, 'partitions', (tx) => tx.query('SELECT regie.ensure_month_partitions(99)'))).rejects.toMatchObject({
      code: '22023',
    });
    // The application's own role may not make partitions.
    await expect(asActor(t.db, coord.actor, (tx) => tx.query('SELECT regie.ensure_month_partitions(1)'))).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('writes an audit row at the time of writing: a time of another month is refused, not stored', async () => {
    // The trigger overwrites a supplied time in this month…
    const seq = await asActor(t.db, coord.actor, (tx) =>
      recordAccess(tx, coord.actor, { action: 'read', objectType: 'test', objectId: 'now' }),
    );
    const [row] = await t.db.query<{ age: number; p: string }>(
      `SELECT extract(epoch FROM clock_timestamp() - occurred_at)::float AS age, tableoid::regclass::text AS p FROM audit_log WHERE region_id = $1 AND seq = $2`,
      [region, seq],
    );
    expect(row!.age).toBeLessThan(60);
    // …and refuses one that routed the row to another month's partition.
    await expect(
      asActor(t.db, coord.actor, (tx) =>
        tx.query(
          `INSERT INTO audit_log (region_id, seq, occurred_at, action, object_type, outcome, prev_hash, hash)
           VALUES ($1, 0, $2, 'read', 'test', 'allowed', '', '')`,
          [region, new Date(monthStart(2).getTime() + 3600_000)],
        ),
      ),
    ).rejects.toThrow(/partition/);
    expect((await verifyChain(t.db, region)).ok).toBe(true);
  });

  it('lets the oldest month leave for retention, append-only, and verification starts from where each chain now begins', async () => {
    // Only the oldest partition may leave, and never the default.
    await expect(t.db.query(`SELECT regie.detach_month_partition($1)`, [monthName('timeline_events', 1)])).rejects.toMatchObject({
      code: '55000',
    });
    await expect(t.db.query(`SELECT regie.detach_month_partition('audit_log_default')`)).rejects.toMatchObject({ code: '22023' });
    await expect(t.db.query(`SELECT regie.detach_month_partition('families')`)).rejects.toMatchObject({ code: '22023' });

    // Some audit rows, then the history (everything up to now) leaves.
    await asActor(t.db, coord.actor, async (tx) => {
      for (let i = 0; i < 4; i++) await recordAccess(tx, coord.actor, { action: 'read', objectType: 'test', objectId: `before:${i}` });
    });
    const before = await verifyChain(t.db, region);
    expect(before.ok).toBe(true);
    await t.db.query(`SELECT regie.detach_month_partition('audit_log_history')`);
    expect(await t.db.query(`SELECT 1 FROM audit_log WHERE region_id = $1`, [region])).toEqual([]);
    // The month that left is a table of its own, still append-only, to be archived and dropped.
    await expect(t.db.query(`DELETE FROM audit_log_history WHERE region_id = $1`, [region])).rejects.toThrow(/append-only/);
    const anchors = await t.db.query<{ stripe: number; start: boolean }>(
      `SELECT stripe, start FROM audit_retention_anchors WHERE region_id = $1`,
      [region],
    );
    const used = await t.db.query<{ stripe: number }>(`SELECT DISTINCT stripe FROM audit_log_history WHERE region_id = $1`, [region]);
    expect(
      anchors
        .filter((a) => a.start)
        .map((a) => a.stripe)
        .sort(),
    ).toEqual(used.map((u) => u.stripe).sort());

    // The chains carry on from their anchors, and verify.
    await asActor(t.db, coord.actor, async (tx) => {
      for (let i = 0; i < 3; i++) await recordAccess(tx, coord.actor, { action: 'read', objectType: 'test', objectId: `after:${i}` });
    });
    const after = await verifyChain(t.db, region);
    expect(after).toMatchObject({ ok: true, problems: [], rows: 3 });

    // A row removed after the anchor is still found missing.
    const [victim] = await t.db.query<{ stripe: number; pos: string }>(
      `SELECT stripe, chain_seq::text AS pos FROM audit_log WHERE region_id = $1 ORDER BY seq LIMIT 1`,
      [region],
    );
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_append_only');
    try {
      await t.db.query(`DELETE FROM audit_log WHERE region_id = $1 AND stripe = $2 AND chain_seq = $3`, [
        region,
        victim!.stripe,
        victim!.pos,
      ]);
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_append_only');
    }
    const broken = await verifyChain(t.db, region);
    expect(broken.ok).toBe(false);
    expect(broken.problems).toContainEqual(
      expect.objectContaining({ stripe: victim!.stripe, seq: Number(victim!.pos), problem: 'missing' }),
    );

    // The timeline: its history leaves, the months after it are read as before, and then the next month is the oldest.
    const events = async () =>
      (await c.get(`/api/v1/families/${familyId}/timeline?limit=100`)).body.items.map((e: { params: { text?: string } }) => e.params.text);
    await t.db.query(`SELECT regie.detach_month_partition('timeline_events_history')`);
    expect((await events()).filter(Boolean)).toEqual(['volgende maand']);
    await t.db.query(`SELECT regie.detach_month_partition($1)`, [monthName('timeline_events', 1)]);
    expect((await events()).filter(Boolean)).toEqual([]);
  });
});
