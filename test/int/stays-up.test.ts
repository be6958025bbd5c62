// Database faults and overload on PostgreSQL (PGlite runs in this process and has no connections
// to lose): backends terminated during requests and while idle, a full pool, a statement and a
// request that take too long, a client that has gone, and /readyz within a second throughout.
// Every answer is 503 problem+json with Retry-After, never a crashed process or a 500; the next
// request uses a fresh connection.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, testDatabaseUrl, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../support/factory.js';
import { login, testApp } from '../support/http.js';
import { openPostgres, type Database, type PoolSettings } from '../../src/platform/db/db.js';
import { Unavailable } from '../../src/platform/http/errors.js';
import type { App } from '../../src/platform/http/app.js';
import { loadLimits } from '../../src/config.js';
import { oneRow } from '../../src/platform/db/rows.js';

let t: TestDb;
let url: string;
let admin: pg.Client;
let region: string;
let team: string;
let teacher: TestUser;
const opened: Array<{ app: App; db: Database }> = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onPostgres)('stays up through database faults and overload (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    // Regie as in production: the server's login role; the test plays the database administrator.
    url = testDatabaseUrl(t.name, 'regie_server');
    admin = new pg.Client({ connectionString: testDatabaseUrl(t.name) });
    await admin.connect();
    region = await createRegion(t.db);
    team = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Noord');
    teacher = await createUser(t.db, region, await createOrganisation(t.db, region, 'school', 'OBS Het Anker'), ['professional']);
  });
  afterAll(async () => {
    for (const o of opened) {
      await o.app.close();
      await o.db.close();
    }
    await admin?.end();
    await t?.drop();
  });

  /** A Regie on its own pool of the test database, and a logged-in teacher. */
  async function regie(pool: PoolSettings, env: Record<string, string> = {}) {
    const db = await openPostgres(url, pool);
    const app = await testApp(db, env);
    opened.push({ app, db });
    return { app, db, c: await login(app, teacher.username) };
  }

  const body = (whatSeen: string) => ({
    receivingOrganisationId: team,
    source: 'school',
    whatSeen,
    safetyAtStake: false,
    urgency: 'normal',
    subjectDescription: 'Gezin op nummer 7',
  });
  const stored = async (whatSeen: string) =>
    Number(oneRow(await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM signals WHERE what_seen = $1`, [whatSeen])).n);
  /** Ends every connection of the server (regie_server) to the test database, like a failover or a restarted server. */
  const terminateBackends = () =>
    admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = 'regie_server' AND pid <> pg_backend_pid()`,
      [t.name],
    );
  async function lock(table: string, mode = 'SHARE') {
    await admin.query('BEGIN');
    await admin.query(`LOCK TABLE ${table} IN ${mode} MODE`);
    return () => admin.query('COMMIT');
  }
  function expectUnavailable(r: { status: number; body: any; headers: Record<string, unknown> }) {
    expect(r.status, JSON.stringify(r.body)).toBe(503);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(r.body).toMatchObject({ status: 503, code: 'unavailable' });
    expect(r.body.title).toMatch(/niet beschikbaar/);
    expect(r.body.titleEn).toMatch(/unavailable/i);
    expect(r.body.detail).toBeTruthy();
    expect(r.body.detailEn).toBeTruthy();
  }

  it('backends terminated while idle: the next requests get fresh connections', async () => {
    const { c } = await regie({ max: 4 });
    expect((await c.get('/api/v1/signals?scope=reported')).status).toBe(200);
    await terminateBackends();
    await sleep(200);
    for (let i = 0; i < 3; i++) expect((await c.get('/api/v1/signals?scope=reported')).status).toBe(200);
  });

  it('backends terminated during a request: 503 problem+json with Retry-After (Dutch and English), nothing stored, then back to normal', async () => {
    const { c } = await regie({ max: 4 });
    const seen = `Verbinding verbroken ${randomUUID()}`;
    const release = await lock('signals');
    const during = c.post('/api/v1/signals', body(seen));
    await sleep(400);
    await terminateBackends();
    const r = await during;
    await release();
    expectUnavailable(r);
    expect(r.body.reason).toBe('database');
    expect(await stored(seen)).toBe(0);
    expect((await c.post('/api/v1/signals', body(`Daarna weer ${randomUUID()}`))).status).toBe(201);
  });

  it('a connection lost between two statements of a transaction fails that transaction only, not the process', async () => {
    const db = await openPostgres(url, { max: 2 });
    try {
      const outcome = db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await terminateBackends();
        await sleep(300); // the client is checked out, between statements, when its backend goes
        await tx.query('SELECT 1');
      });
      await expect(outcome).rejects.toBeInstanceOf(Unavailable);
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('a full pool answers 503 after the pool wait, and /readyz still answers within a second', async () => {
    const { app, c } = await regie({ max: 1, waitMs: 300 });
    const release = await lock('signals');
    const holding = c.post('/api/v1/signals', body(`Houdt de verbinding vast ${randomUUID()}`));
    await sleep(300);
    const started = Date.now();
    const r = await c.get('/api/v1/signals?scope=reported');
    expectUnavailable(r);
    expect(r.body.reason).toBe('busy');
    expect(Date.now() - started).toBeLessThan(1_500);
    const ready0 = Date.now();
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(Date.now() - ready0).toBeLessThan(1_000);
    await release();
    expect((await holding).status).toBe(201);
  });

  it('/readyz answers 503 within a second when the database cannot serve (a lock on its own table)', async () => {
    const { app } = await regie({ max: 2 });
    const release = await lock('schema_migrations', 'ACCESS EXCLUSIVE');
    try {
      const started = Date.now();
      const r = await app.inject({ method: 'GET', url: '/readyz' });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(r.statusCode).toBe(503);
      expect(r.headers['retry-after']).toBeDefined();
    } finally {
      await release();
    }
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('a statement that runs past the statement time-out answers 503 and stores nothing', async () => {
    const { c } = await regie({ max: 2, statementTimeoutMs: 300 });
    const seen = `Te lang gewacht ${randomUUID()}`;
    const release = await lock('signals');
    const started = Date.now();
    const r = await c.post('/api/v1/signals', body(seen));
    await release();
    expectUnavailable(r);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await stored(seen)).toBe(0);
  });

  it('a request past the request time-out answers 503 at once, and its write is rolled back when it would finish', async () => {
    const { c } = await regie({ max: 2, statementTimeoutMs: 10_000 }, { REQUEST_TIMEOUT_MS: '700' });
    const seen = `Aanvraag te lang ${randomUUID()}`;
    const release = await lock('signals');
    const started = Date.now();
    const r = await c.post('/api/v1/signals', body(seen));
    const took = Date.now() - started;
    await sleep(300);
    await release(); // now the insert goes through — and must not be committed
    await sleep(500);
    expectUnavailable(r);
    expect(took).toBeLessThan(1_500);
    expect(await stored(seen)).toBe(0);
  });

  it('beyond MAX_IN_FLIGHT requests in progress, one more answers 503 at once instead of queueing', async () => {
    const { c } = await regie({ max: 4, waitMs: 10_000 }, { MAX_IN_FLIGHT: '2' });
    const release = await lock('signals');
    const held = [1, 2].map(() => c.post('/api/v1/signals', body(`In behandeling ${randomUUID()}`)));
    await sleep(300);
    const started = Date.now();
    const r = await c.get('/api/v1/signals?scope=reported');
    expect(Date.now() - started).toBeLessThan(300);
    expectUnavailable(r);
    expect(r.body.reason).toBe('busy');
    await release();
    expect((await Promise.all(held)).map((x) => x.status)).toEqual([201, 201]);
    expect((await c.get('/api/v1/signals?scope=reported')).status).toBe(200);
  });
});

describe('limits are settings with sensible defaults', () => {
  it('reads DB_POOL_SIZE, DB_POOL_WAIT_MS, STATEMENT_TIMEOUT_MS, REQUEST_TIMEOUT_MS, SHUTDOWN_TIMEOUT_MS and MAX_IN_FLIGHT', () => {
    expect(loadLimits({})).toEqual({
      poolSize: 10,
      poolWaitMs: 2_000,
      statementTimeoutMs: 5_000,
      requestTimeoutMs: 10_000,
      shutdownTimeoutMs: 8_000,
      maxInFlight: 100,
    });
    expect(
      loadLimits({
        DB_POOL_SIZE: '25',
        DB_POOL_WAIT_MS: '500',
        STATEMENT_TIMEOUT_MS: '2000',
        REQUEST_TIMEOUT_MS: '4000',
        SHUTDOWN_TIMEOUT_MS: '5000',
        MAX_IN_FLIGHT: '300',
      }),
    ).toEqual({
      poolSize: 25,
      poolWaitMs: 500,
      statementTimeoutMs: 2_000,
      requestTimeoutMs: 4_000,
      shutdownTimeoutMs: 5_000,
      maxInFlight: 300,
    });
    expect(loadLimits({ DB_POOL_SIZE: 'zero', REQUEST_TIMEOUT_MS: '-1' })).toMatchObject({ poolSize: 10, requestTimeoutMs: 10_000 });
  });
});
