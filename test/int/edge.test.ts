// The edge as an attacker meets it: forged proxy headers, missing security headers, /metrics
// from outside, error statuses that are not problem+json, large bodies without a session, and
// error logs that would echo input.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { login, testApp } from '../support/http.js';
import { buildApp, CONTENT_SECURITY_POLICY, loggerOptions, type App } from '../../src/platform/http/app.js';
import { loadConfig } from '../../src/config.js';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  app = await testApp(t.server);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A problem+json body in Dutch and English. */
function expectProblem(r: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(r.statusCode).toBe(status);
  expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(r.body);
  expect(p).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    titleEn: expect.any(String),
    detail: expect.any(String),
    detailEn: expect.any(String),
  });
  expect(p.detail).not.toBe(p.detailEn);
  return p;
}

const lastAuditIp = async (userId: string) =>
  (
    await t.db.query<{ ip: string | null }>(`SELECT ip FROM audit_log WHERE user_id = $1 AND ip IS NOT NULL ORDER BY seq DESC LIMIT 1`, [
      userId,
    ])
  )[0]?.ip;

describe('proxy headers (TRUST_PROXY)', () => {
  const forged = { 'x-forwarded-for': '203.0.113.7' };

  it('ignores X-Forwarded-For by default: the audit row and the session carry the socket address', async () => {
    const c = await login(app, coord.username, PASSWORD, { headers: forged, remoteAddress: '198.51.100.20' });
    expect((await c.post('/api/v1/families', familyBody(coord.actor.userId))).status).toBe(201);
    expect(await lastAuditIp(coord.actor.userId)).toBe('198.51.100.20');
    const s = await t.db.query<{ ip: string }>(`SELECT ip FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [
      coord.actor.userId,
    ]);
    expect(s[0]?.ip).toBe('198.51.100.20');
  });

  it('a rotating X-Forwarded-For does not get past the login rate limit', async () => {
    const limited = await testApp(t.server, { LOGIN_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'niemand', password: 'fout-wachtwoord-1' },
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
          remoteAddress: '198.51.100.21',
        });
        statuses.push(r.statusCode);
        if (r.statusCode === 429) expectProblem(r, 429);
      }
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('believes X-Forwarded-For from a configured proxy only', async () => {
    const proxied = await testApp(t.server, { TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    try {
      const viaProxy = await login(proxied, coord.username, PASSWORD, { headers: forged, remoteAddress: '10.1.2.3' });
      expect((await viaProxy.post('/api/v1/families', familyBody(coord.actor.userId))).status).toBe(201);
      expect(await lastAuditIp(coord.actor.userId)).toBe('203.0.113.7');
      const direct = await login(proxied, coord.username, PASSWORD, { headers: forged, remoteAddress: '198.51.100.22' });
      expect((await direct.post('/api/v1/families', familyBody(coord.actor.userId))).status).toBe(201);
      expect(await lastAuditIp(coord.actor.userId)).toBe('198.51.100.22');
    } finally {
      await proxied.close();
    }
  });
});

describe('security headers', () => {
  it('sends a CSP without inline script on the API, the documentation and the web app', async () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    for (const url of ['/api/v1/session', '/docs/', '/docs/static/swagger-initializer.js', '/openapi.json', '/']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
    }
    // Swagger UI's page loads all its scripts from files.
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('tells browsers and proxies never to store an API answer with personal data', async () => {
    const c = await login(app, coord.username, PASSWORD);
    for (const url of ['/api/v1/session', '/api/v1/families?scope=mine']) {
      const r = await c.get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/families/00000000-0000-4000-8000-000000000000' })).headers['cache-control'],
    ).toBe('no-store');
  });

  it('sends HSTS only when PUBLIC_URL is https', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toBeUndefined();
    const https = await testApp(t.server, { PUBLIC_URL: 'https://regie.example.nl' });
    try {
      expect((await https.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toMatch(/max-age=\d{8}/);
    } finally {
      await https.close();
    }
  });
});

describe('/metrics', () => {
  it('answers on loopback, and elsewhere only with the token', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expectProblem(await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '198.51.100.23' }), 403);
    // Without TRUST_PROXY a forged header does not make a request local, nor hide a local one.
    expectProblem(
      await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '198.51.100.23', headers: { 'x-forwarded-for': '127.0.0.1' } }),
      403,
    );
    const withToken = await testApp(t.server, { METRICS_TOKEN: 'geheim-token-voor-prometheus' });
    try {
      const from = { remoteAddress: '198.51.100.23' };
      expect(
        (
          await withToken.inject({
            method: 'GET',
            url: '/metrics',
            ...from,
            headers: { authorization: 'Bearer geheim-token-voor-prometheus' },
          })
        ).statusCode,
      ).toBe(200);
      expectProblem(await withToken.inject({ method: 'GET', url: '/metrics', ...from, headers: { authorization: 'Bearer fout' } }), 403);
    } finally {
      await withToken.close();
    }
  });
});

describe('error statuses are problem+json in Dutch and English', () => {
  it('404, 413, 415, 400 (malformed JSON) and a wrong method', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' }), 404);
    expectProblem(await app.inject({ method: 'DELETE', url: '/healthz' }), 404);
    expectProblem(await app.inject({ method: 'POST', url: '/zorg-melden', payload: {} }), 404);
    // An API address that exists with other methods: 405 and what it allows (also with a path parameter).
    const wrong = await app.inject({ method: 'DELETE', url: '/api/v1/session/password' });
    expect(expectProblem(wrong, 405).code).toBe('method_not_allowed');
    expect(wrong.headers.allow).toBe('PUT');
    const withId = await app.inject({ method: 'PUT', url: '/api/v1/families/00000000-0000-4000-8000-000000000000/members' });
    expect(expectProblem(withId, 405).code).toBe('method_not_allowed');
    expect(String(withId.headers.allow)).toMatch(/POST/);
    // The login takes small bodies only (it runs before any session exists).
    const big = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'x'.repeat(64 * 1024), password: 'y' } });
    expect(expectProblem(big, 413).code).toBe('too_large');
    const media = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(expectProblem(media, 415).field).toBe('body');
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(expectProblem(bad, 400).code).toBe('malformed_json');
  });

  it('414/431 and unreadable requests that Node refuses before any route', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const raw = (path: string) =>
      new Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const r = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ statusCode: res.statusCode!, headers: res.headers, body }));
        });
        r.on('error', reject);
        r.end();
      });
    const long = await raw(`/api/v1/families?q=${'a'.repeat(20_000)}`);
    expect([414, 431]).toContain(long.statusCode);
    expectProblem(long, long.statusCode);
  });
});

describe('large and incomplete bodies without a session', () => {
  it('answers 401 before reading the body: no 413 probing, no field errors after the session expired', async () => {
    const huge = await app.inject({ method: 'POST', url: '/api/v1/families', payload: { members: [], filler: 'x'.repeat(200 * 1024) } });
    expect(expectProblem(huge, 401).code).toBe('unauthenticated');
    const incomplete = await app.inject({ method: 'POST', url: '/api/v1/families', payload: { members: [{ givenNames: '' }] } });
    expect(expectProblem(incomplete, 401).code).toBe('unauthenticated');
  });
});

/** An app with one extra route, whose log lines (level info) are collected. */
async function loggingProbe(route: Parameters<typeof buildApp>[0]['routes'][number]) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const probe = await buildApp({
    db: t.db,
    config: { ...loadConfig({}), demoFamilies: 0 },
    logger: { ...loggerOptions({ logLevel: 'info' }), stream },
    routes: [route],
  });
  return { probe, lines };
}

describe('request logs', () => {
  it('one line per request with request id, method, route, status and ms; never the URL', async () => {
    const { probe, lines } = await loggingProbe((a) => {
      a.get('/echo/:name', { config: { permission: 'public' } }, async () => ({ ok: true }));
    });
    try {
      const r = await probe.inject({ method: 'GET', url: '/echo/Jansen-geheim?q=Pietersen' });
      expect(r.statusCode).toBe(200);
      const entries = lines
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((e) => e.reqId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ msg: 'request', method: 'GET', route: '/echo/:name', status: 200 });
      expect(typeof entries[0].ms).toBe('number');
      expect(lines.join('')).not.toMatch(/geheim|Pietersen/);
    } finally {
      await probe.close();
    }
  });
});

describe('error logs', () => {
  it('hold the kind of failure, never the input the database echoed', async () => {
    const { probe, lines } = await loggingProbe((a) => {
      // A route with a bug: input reaches an SQL cast unchecked, and PostgreSQL quotes it back.
      a.get('/echo', { config: { permission: 'public' } }, async (req) =>
        a.db.query('SELECT $1::date AS d', [(req.query as { v: string }).v]),
      );
    });
    try {
      const r = await probe.inject({ method: 'GET', url: '/echo?v=Jansen-geheim-31-02-2020' });
      expect(expectProblem(r, 500).code).toBe('internal');
      const log = lines.join('');
      expect(log).toContain('request failed');
      expect(log).toContain('22007'); // invalid_datetime_format: the code says what went wrong
      expect(log).not.toContain('geheim');
      expect(r.body).not.toContain('geheim');
    } finally {
      await probe.close();
    }
  });
});
