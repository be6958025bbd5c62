// Migration 0400 on a database that already holds an audit log and a timeline: the rows are not
// copied but become the history partition as they are, the audit chains still verify, and the
// next audit row and event carry on (the chain from its head, seq after the last one).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from './db.js';
import { migrate, migrateBefore } from './migrate.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { recordAccess, verifyChain } from '../audit/audit.js';

let db: Database;
let region: string;
let user: TestUser;
let familyId: string;
const snapshot: { audit: unknown[]; events: unknown[] } = { audit: [], events: [] };

const auditRows = () => db.query(`SELECT * FROM audit_log WHERE region_id = $1 ORDER BY seq`, [region]);
const events = () => db.query(`SELECT * FROM timeline_events WHERE region_id = $1 ORDER BY seq`, [region]);

beforeAll(async () => {
  db = await openPglite();
  await migrateBefore(db, '0400');
  region = await createRegion(db);
  user = await createUser(db, region, await createOrganisation(db, region));
  familyId = randomUUID();
  await db.query(`INSERT INTO families (region_id, id, name) VALUES ($1, $2, 'Jansen')`, [region, familyId]);
  for (let tx = 0; tx < 4; tx++)
    await db.transaction(async (t) => {
      for (let i = 0; i < 5; i++) await recordAccess(t, user.actor, { action: 'read', objectType: 'test', objectId: `${tx}:${i}` });
    });
  for (let i = 0; i < 6; i++)
    await db.query(
      `INSERT INTO timeline_events (region_id, id, family_id, type, kind, params, occurred_at) VALUES ($1, $2, $3, 'note', 'note', $4, now() - make_interval(days => $5))`,
      [region, randomUUID(), familyId, JSON.stringify({ text: `oud ${i}` }), 400 - i],
    );
  snapshot.audit = await auditRows();
  snapshot.events = await events();
  expect(snapshot.audit.length).toBe(20);
  await migrate(db);
});
afterAll(async () => {
  await db?.close();
});

describe('migration 0400 on a database with history', () => {
  it('keeps every audit row and event as it was, in the history partitions', async () => {
    expect(await auditRows()).toEqual(snapshot.audit);
    expect(await events()).toEqual(snapshot.events);
    const where = await db.query<{ t: string; p: string }>(
      `SELECT 'a' AS t, tableoid::regclass::text AS p FROM audit_log WHERE region_id = $1
       UNION SELECT 'e', tableoid::regclass::text FROM timeline_events WHERE region_id = $1`,
      [region],
    );
    expect(where).toEqual(
      expect.arrayContaining([
        { t: 'a', p: 'audit_log_history' },
        { t: 'e', p: 'timeline_events_history' },
      ]),
    );
    expect(where.length).toBe(2);
  });

  it('carries the chains and the order of events on', async () => {
    const result = await verifyChain(db, region);
    expect(result).toMatchObject({ ok: true, rows: 20 });
    await db.transaction(async (t) => {
      for (let i = 0; i < 3; i++) await recordAccess(t, user.actor, { action: 'read', objectType: 'test', objectId: `after:${i}` });
    });
    const after = await verifyChain(db, region);
    expect(after).toMatchObject({ ok: true, rows: 23, problems: [] });
    const maxBefore = Math.max(...(snapshot.events as { seq: string }[]).map((e) => Number(e.seq)));
    await db.query(`INSERT INTO timeline_events (region_id, id, family_id, type, kind, params) VALUES ($1, $2, $3, 'note', 'note', '{}')`, [
      region,
      randomUUID(),
      familyId,
    ]);
    const [last] = await db.query<{ seq: string }>(`SELECT max(seq)::text AS seq FROM timeline_events WHERE region_id = $1`, [region]);
    expect(Number(last!.seq)).toBeGreaterThan(maxBefore);
  });
});
