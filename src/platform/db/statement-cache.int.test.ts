// `{ cache: true }` statements (statement-cache.ts): prepared while among a connection's most
// recently used, never more than CACHED_STATEMENTS of them, and a connection whose prepared
// statements may no longer match pg's record of them is not used again. On both engines; on
// PostgreSQL through a pool of one connection, so every transaction meets the same cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, testDatabaseUrl, type TestDb } from '../../../test/support/db.js';
import { openPostgres, type Database } from './db.js';
import { CACHED_STATEMENTS } from './statement-cache.js';

let t: TestDb;
let db: Database;
beforeAll(async () => {
  t = await createTestDatabase();
  db = onPostgres ? await openPostgres(testDatabaseUrl(t.name, 'regie_owner'), 1) : t.db;
});
afterAll(async () => {
  if (onPostgres) await db?.close();
  await t?.drop();
});

/** A statement of its own text per k (the marker finds them in pg_prepared_statements). */
const probe = (k: number) => `SELECT $1::int + ${k} AS n /* cache-probe */`;
const run = (k: number) => db.transaction(async (tx) => (await tx.query<{ n: number }>(probe(k), [1], { cache: true }))[0]!.n);
const preparedProbes = () =>
  db.transaction(
    async (tx) =>
      (
        await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%/* cache-probe */%' AND statement NOT LIKE '%pg_prepared_statements%'`,
        )
      )[0]!.n,
  );

describe('statements prepared in a bounded cache per connection', () => {
  it('answers every statement and keeps at most the limit prepared, however many texts come', async () => {
    const texts = CACHED_STATEMENTS + 8;
    for (let k = 0; k < texts; k++) expect(await run(k)).toBe(1 + k);
    expect(await preparedProbes()).toBe(CACHED_STATEMENTS);
    // The evicted ones come back (prepared again), the kept ones are reused.
    for (let k = 0; k < texts; k++) expect(await run(k)).toBe(1 + k);
    expect(await preparedProbes()).toBe(CACHED_STATEMENTS);
  });

  it('keeps working when an eviction meets a failed transaction', async () => {
    // Fill the cache, then in one transaction a failing statement and, right behind it (one
    // round trip on PostgreSQL), a new cached statement whose eviction cannot run there.
    for (let k = 100; k < 100 + CACHED_STATEMENTS; k++) await run(k);
    await expect(
      db.transaction(async (tx) => {
        await Promise.all([tx.query('SELECT 1 / 0'), tx.query(probe(999), [1], { cache: true })]);
      }),
    ).rejects.toThrow(/division by zero/);
    // The statement whose eviction failed, and the rest, still answer.
    for (let k = 100; k < 100 + CACHED_STATEMENTS; k++) expect(await run(k)).toBe(1 + k);
    expect(await run(999)).toBe(1000);
    expect(await preparedProbes()).toBeLessThanOrEqual(CACHED_STATEMENTS);
  });

  it('forgets a cached statement that failed to parse, so its eviction later does not cost the connection', async () => {
    const pid = () => db.transaction(async (tx) => (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid);
    const before = await pid();
    const bad = 'SELECT $1::int + nonsense_column /* cache-probe */';
    for (let i = 0; i < 2; i++)
      await expect(db.transaction((tx) => tx.query(bad, [1], { cache: true }))).rejects.toThrow(/nonsense_column/);
    // Enough new statements to push it out, had it been kept: DEALLOCATE of a name the server
    // never prepared would fail and retire the connection.
    for (let k = 200; k < 200 + CACHED_STATEMENTS + 1; k++) expect(await run(k)).toBe(1 + k);
    expect(await pid()).toBe(before);
  });
});
