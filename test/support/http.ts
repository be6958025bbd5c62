// An in-process Regie (app.inject) with a logged-in client per professional.
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/platform/db/db.js';
import { createServer } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/platform/http/app.js';
import { createPeople, createRegion, PASSWORD, type TestUser, type UserSpec } from './factory.js';
import { createTestDatabase, type TestDb } from './db.js';

export async function testApp(db: Database, env: Record<string, string> = {}): Promise<App> {
  const app = await createServer({ ...loadConfig({ LOGIN_RATE_LIMIT: '1000', ...env }), demoFamilies: 0 }, db, false);
  await app.ready();
  return app;
}

export interface Client {
  get(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  post(url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  patch(url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  put(url: string, body?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  del(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  cookie: string;
  csrf: string;
}

/** Where a request comes from: extra headers (e.g. a forged X-Forwarded-For) and the socket's address. */
export interface Origin {
  headers?: Record<string, string>;
  remoteAddress?: string;
}

export async function login(app: App, username: string, password = PASSWORD, from: Origin = {}): Promise<Client> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
    headers: from.headers,
    remoteAddress: from.remoteAddress,
  });
  if (r.statusCode !== 200) throw new Error(`login failed: ${r.statusCode} ${r.body}`);
  const set = r.cookies.find((c) => c.name === 'regie_sid')!;
  return clientFor(app, `regie_sid=${set.value}`, r.json().csrfToken, from);
}

export function clientFor(app: App, cookie: string, csrf: string, from: Origin = {}): Client {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const r = await app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrf, 'user-agent': 'vitest', ...from.headers },
      remoteAddress: from.remoteAddress,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    let body: unknown = r.body;
    try {
      body = r.json();
    } catch {
      /* not JSON */
    }
    return { status: r.statusCode, body, headers: r.headers as Record<string, unknown> };
  };
  return {
    cookie,
    csrf,
    get: (u) => call('GET', u),
    post: (u, b) => call('POST', u, b ?? {}),
    patch: (u, b) => call('PATCH', u, b ?? {}),
    put: (u, b) => call('PUT', u, b ?? {}),
    del: (u) => call('DELETE', u),
  };
}

/** What useRegionApp sets up: read it inside a hook or a test (its beforeAll fills it in). */
export interface RegionApp<O extends string, U extends string> {
  t: TestDb;
  app: App;
  region: string;
  org: Record<O, string>;
  user: Record<U, TestUser>;
  /** A logged-in client per user (not for those in `loggedOut`). */
  client: Record<U, Client>;
}

/**
 * The hooks of an integration test file that talks to the API: its own database, one region with
 * the organisations and users given (createPeople), the app on the server's connection and a client
 * logged in per user; and their end.
 */
export function useRegionApp<O extends string, U extends string>(spec: {
  orgs: Record<O, readonly [type: string, name?: string]>;
  users: Record<U, UserSpec<NoInfer<O>>>;
  /** Users that do not log in (a login is a session and a row in the audit log). */
  loggedOut?: NoInfer<U>[];
  env?: Record<string, string>;
}): RegionApp<O, U> {
  const w = {} as RegionApp<O, U>;
  beforeAll(async () => {
    w.t = await createTestDatabase();
    w.region = await createRegion(w.t.db);
    Object.assign(w, await createPeople(w.t.db, w.region, spec.orgs, spec.users));
    w.app = await testApp(w.t.server, spec.env);
    const names = (Object.keys(spec.users) as U[]).filter((u) => !spec.loggedOut?.includes(u));
    const clients = await Promise.all(names.map((u) => login(w.app, w.user[u].username)));
    w.client = Object.fromEntries(names.map((u, i) => [u, clients[i]])) as Record<U, Client>;
  });
  afterAll(async () => {
    await w.app?.close();
    await w.t?.drop();
  });
  return w;
}
