// Idempotency-Key on writes: a retry gets the first answer and writes nothing, another body with
// the same key is refused, two at once write once, a client that gave up and retries never makes
// a second signal, and keys are kept (at least) a day per user.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { idempotencySweep } from '../../src/platform/http/idempotency.js';
import { oneRow } from '../../src/platform/db/rows.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let school: string;
let teacher: TestUser;
let colleague: TestUser;
let s: Client;
let s2: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Oost');
  school = await createOrganisation(t.db, region, 'school', 'OBS De Wilg');
  teacher = await createUser(t.db, region, school, ['professional']);
  colleague = await createUser(t.db, region, school, ['professional']);
  app = await testApp(t.server);
  [s, s2] = await Promise.all([login(app, teacher.username), login(app, colleague.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const signalBody = (whatSeen: string) => ({
  receivingOrganisationId: team,
  source: 'school',
  whatSeen,
  safetyAtStake: false,
  urgency: 'normal',
  subjectDescription: 'Gezin aan de Lindelaan',
});

async function post(c: Client, url: string, body: unknown, key?: string) {
  const r = await app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...(key ? { 'idempotency-key': key } : {}) },
  });
  return { status: r.statusCode, body: r.json(), headers: r.headers };
}

const signalsSeen = async (whatSeen: string) =>
  Number(
    oneRow(
      await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM signals WHERE region_id = $1 AND what_seen = $2`, [
        region,
        whatSeen,
      ]),
    ).n,
  );

describe('Idempotency-Key on writes', () => {
  it('answers a repeat with the first answer and writes nothing again', async () => {
    const key = randomUUID();
    const seen = `Herhaald verzonden ${randomUUID()}`;
    const first = await post(s, '/api/v1/signals', signalBody(seen), key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await post(s, '/api/v1/signals', signalBody(seen), key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await signalsSeen(seen)).toBe(1);
    // Without a key, the same body is a new signal (the header is what makes a retry safe).
    expect((await post(s, '/api/v1/signals', signalBody(seen))).status).toBe(201);
    expect(await signalsSeen(seen)).toBe(2);
  });

  it('refuses the same key with another body (422 problem+json, Dutch and English) and writes nothing', async () => {
    const key = randomUUID();
    const seen = `Eerste ${randomUUID()}`;
    const other = `Ander ${randomUUID()}`;
    expect((await post(s, '/api/v1/signals', signalBody(seen), key)).status).toBe(201);
    const r = await post(s, '/api/v1/signals', signalBody(other), key);
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
    expect(r.body.title).toBeTruthy();
    expect(r.body.titleEn).toBeTruthy();
    expect(await signalsSeen(other)).toBe(0);
  });

  it('writes once when two requests with the same key arrive at the same moment', async () => {
    const key = randomUUID();
    const seen = `Dubbelklik ${randomUUID()}`;
    const answers = await Promise.all([1, 2, 3].map(() => post(s, '/api/v1/signals', signalBody(seen), key)));
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409);
      expect(a.body.code).toBe('idempotency_in_progress');
      expect(a.headers['retry-after']).toBeDefined();
    }
    expect(await signalsSeen(seen)).toBe(1);
  });

  it('tells a retry "in progress" while the first request is still storing its answer, and "outcome unknown" once its process is gone', async () => {
    const key = randomUUID();
    const seen = `Half beantwoord ${randomUUID()}`;
    expect((await post(s, '/api/v1/signals', signalBody(seen), key)).status).toBe(201);
    // The moment between the write's COMMIT and storing its answer, then a process that died there.
    const where = [region, teacher.actor.userId, key];
    await t.db.query(
      `UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, locked_until = now() + interval '1 minute'
                       WHERE region_id = $1 AND user_id = $2 AND key = $3`,
      where,
    );
    expect((await post(s, '/api/v1/signals', signalBody(seen), key)).body.code).toBe('idempotency_in_progress');
    await t.db.query(
      `UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE region_id = $1 AND user_id = $2 AND key = $3`,
      where,
    );
    expect((await post(s, '/api/v1/signals', signalBody(seen), key)).body.code).toBe('idempotency_outcome_unknown');
    expect(await signalsSeen(seen)).toBe(1);
  });

  it('keeps keys per user: another professional with the same key makes their own signal', async () => {
    const key = randomUUID();
    const seen = `Per gebruiker ${randomUUID()}`;
    expect((await post(s, '/api/v1/signals', signalBody(seen), key)).status).toBe(201);
    const theirs = await post(s2, '/api/v1/signals', signalBody(seen), key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await signalsSeen(seen)).toBe(2);
  });

  it('refuses a malformed key', async () => {
    const r = await post(s, '/api/v1/signals', signalBody('Sleutel te lang om te bewaren'), 'a'.repeat(201));
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('Idempotency-Key');
  });

  it('keeps a key for 24 hours, then the cleanup sweep removes it', async () => {
    const fresh = randomUUID();
    const old = randomUUID();
    await post(s, '/api/v1/signals', signalBody(`Vers ${fresh}`), fresh);
    await post(s, '/api/v1/signals', signalBody(`Oud ${old}`), old);
    await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '23 hours 50 minutes' WHERE key = $1`, [fresh]);
    await t.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '24 hours 10 minutes' WHERE key = $1`, [old]);
    await idempotencySweep.run(t.db, new Date());
    const left = (await t.db.query<{ key: string }>(`SELECT key FROM idempotency_keys WHERE key = ANY($1)`, [[fresh, old]])).map(
      (r) => r.key,
    );
    expect(left).toEqual([fresh]);
  });
});

// A real HTTP connection that the client closes while the server is still at work.
describe.skipIf(!onPostgres)('a client that gives up (PostgreSQL: a lock holds the write)', () => {
  let port = 0;
  let admin: pg.Client;
  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${t.name}`;
    admin = new pg.Client({ connectionString: u.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
  });

  /** Sends the request and closes the connection after `abortAfterMs`, like a browser tab that gave up. */
  function sendAndAbort(body: unknown, key: string | undefined, abortAfterMs: number) {
    return new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/signals',
        headers: {
          'content-type': 'application/json',
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          ...(key ? { 'idempotency-key': key } : {}),
        },
      });
      req.on('error', () => resolve());
      req.end(JSON.stringify(body));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, abortAfterMs);
    });
  }

  async function withSignalsLocked(ms: number, during: () => Promise<void>) {
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE signals IN SHARE MODE'); // reads go on, inserts wait
    const release = setTimeout(() => void admin.query('COMMIT'), ms);
    try {
      await during();
    } finally {
      await new Promise((r) => setTimeout(r, ms + 300));
      clearTimeout(release);
    }
  }

  it('a write whose client has gone before it committed is rolled back, not stored', async () => {
    const seen = `Opgegeven ${randomUUID()}`;
    await withSignalsLocked(1_000, () => sendAndAbort(signalBody(seen), undefined, 300));
    await new Promise((r) => setTimeout(r, 500));
    expect(await signalsSeen(seen)).toBe(0);
  });

  it('a client that times out and retries with the same key creates one signal only', async () => {
    const key = randomUUID();
    const seen = `Time-out en opnieuw ${randomUUID()}`;
    await withSignalsLocked(1_000, () => sendAndAbort(signalBody(seen), key, 300));
    let r = await post(s, '/api/v1/signals', signalBody(seen), key);
    for (let i = 0; r.status === 409 && i < 20; i++) {
      await new Promise((x) => setTimeout(x, 200));
      r = await post(s, '/api/v1/signals', signalBody(seen), key);
    }
    expect(r.status).toBe(201);
    const again = await post(s, '/api/v1/signals', signalBody(seen), key);
    expect(again.body).toEqual(r.body);
    expect(await signalsSeen(seen)).toBe(1);
  });
});

// The web app's side (web/src/api.ts): one key per user action, reused when the answer was lost.
describe('the web app sends one key per submit and reuses it on retry', () => {
  let lose = 0;
  const keys: (string | undefined)[] = [];
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>), cookie: s.cookie };
      keys.push(headers['idempotency-key']);
      const r = await app.inject({ method: init.method as 'POST', url, headers, payload: init.body as string });
      if (lose > 0) {
        lose--;
        throw new TypeError('fetch failed');
      } // the server did the work; the answer got lost
      const h = new Headers();
      for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) h.set(k, String(v));
      return new Response(r.statusCode === 204 ? null : r.body, { status: r.statusCode, headers: h });
    }) as typeof fetch;
    const { setCsrf } = await import('../../web/src/api.js');
    setCsrf(s.csrf);
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  it('a submit whose answers were lost, sent again by the user, makes one signal; the next submit is a new action', async () => {
    const { post: webPost, ApiError } = await import('../../web/src/api.js');
    const seen = `Via de webapp ${randomUUID()}`;
    lose = 2;
    keys.length = 0;
    const lost = await webPost('/api/v1/signals', { body: signalBody(seen) }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ApiError);
    expect((lost as InstanceType<typeof ApiError>).problem.status).toBe(0);
    const again = await webPost('/api/v1/signals', { body: signalBody(seen) }); // the user presses "Versturen" again
    expect(again.id).toBeTruthy();
    expect(new Set(keys).size).toBe(1); // the same key on all three sends
    expect(await signalsSeen(seen)).toBe(1);
    await webPost('/api/v1/signals', { body: signalBody(seen) }); // a new submit after a success: a new key, a new signal
    expect(new Set(keys).size).toBe(2);
    expect(await signalsSeen(seen)).toBe(2);
  });
});
