// Walks the whole OpenID Connect login over real HTTP: Regie listening on a port, a real
// oidc-provider as the municipality's identity provider, fetch with a cookie jar as the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { testApp } from '../../../test/support/http.js';
import { startOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-provider.js';
import type { App } from '../http/app.js';
import { freePort } from '../../../test/support/net.js';

/** A browser's cookie store, enough for this flow: per origin, name → value (paths ignored). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();
  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(url: URL | string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }
  delete(url: URL | string, name: string) {
    this.byOrigin.get(new URL(url).origin)?.delete(name);
  }
  store(url: URL, res: Response) {
    const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    this.byOrigin.set(url.origin, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired =
        attrs.some((a) => /^max-age=0$/i.test(a)) || attrs.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now());
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  }
}

let t: TestDb;
let app: App;
let idp: TestOidcProvider;
let regie: string;
let region: string;
let team: string;
let linked: TestUser;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team');
  // Regie's callback URL is registered at the provider, so Regie's port is chosen first.
  regie = `http://127.0.0.1:${await freePort()}`;
  idp = await startOidcProvider({
    redirectUri: `${regie}/api/v1/oidc/callback`,
    account: { sub: 'medewerker-1', email: 'an@gemeente.example.nl' },
  });
  // TOTP required and not enrolled: a password login would stop at enrolment; the IdP did the strong part.
  linked = await createUser(t.db, region, team, ['professional', 'coordinator'], { totpRequired: true });
  await t.db.query(`UPDATE users SET email = $3, oidc_issuer = $4, oidc_subject = $5 WHERE region_id = $1 AND id = $2`, [
    region,
    linked.actor.userId,
    'an@gemeente.example.nl',
    idp.issuer,
    'medewerker-1',
  ]);
  app = await testApp(t.server, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_REDIRECT_URI: `${regie}/api/v1/oidc/callback`,
    PUBLIC_URL: regie,
  });
  await app.listen({ port: Number(new URL(regie).port), host: '127.0.0.1' });
});
afterAll(async () => {
  await app?.close();
  await idp?.close();
  await t?.drop();
});

/**
 * Follows redirects like a browser from Regie's login through the provider and back, until Regie
 * sends the browser to a page of the web app; `beforeCallback` may tamper with the callback request.
 */
async function walk(jar: CookieJar, beforeCallback?: (url: URL) => URL): Promise<{ final: URL; hops: string[] }> {
  let url = new URL('/api/v1/oidc/login', regie);
  const hops: string[] = [];
  for (let i = 0; i < 15; i++) {
    if (url.origin === regie && url.pathname === '/api/v1/oidc/callback' && beforeCallback) url = beforeCallback(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url), 'user-agent': 'vitest' } });
    jar.store(url, res);
    hops.push(`${res.status} ${url.origin === regie ? 'regie' : 'idp'} ${url.pathname}`);
    const body = await res.text();
    if (res.status < 300 || res.status >= 400) throw new Error(`${hops.join(' → ')} answered: ${body}`);
    const next = new URL(res.headers.get('location')!, url);
    if (next.origin === regie && !next.pathname.startsWith('/api/')) return { final: next, hops };
    url = next;
  }
  throw new Error(`too many redirects: ${hops.join(' → ')}`);
}

const sessionCount = async () => Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM sessions`))[0]!.n);

async function sessionOf(jar: CookieJar) {
  const res = await fetch(`${regie}/api/v1/session`, { headers: { cookie: jar.header(new URL(regie)) } });
  return { status: res.status, body: (await res.json()) as { state: string; user: { username: string; id: string } } };
}

describe('login through the municipality identity provider (OpenID Connect)', () => {
  it('tells the login screen that the button may be shown', async () => {
    const res = await fetch(`${regie}/api/v1/oidc/config`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true, label: 'Inloggen via uw organisatie' });
  });

  it('logs a linked professional in: provider, callback, session cookie, redirect to the app', async () => {
    idp.loginAs({ sub: 'medewerker-1', email: 'an@gemeente.example.nl' });
    const jar = new CookieJar();
    const { final, hops } = await walk(jar);
    expect(final.pathname).toBe('/');
    expect(final.search).toBe('');
    expect(hops[0]).toBe('302 regie /api/v1/oidc/login');
    expect(hops.at(-1)).toBe('302 regie /api/v1/oidc/callback');
    expect(hops.some((h) => h.includes('idp /interaction/'))).toBe(true);
    expect(jar.get(regie, 'regie_sid')).toMatch(new RegExp(`^${region}\\.`));
    expect(jar.get(regie, 'regie_oidc')).toBeUndefined();

    const s = await sessionOf(jar);
    expect(s.status).toBe(200);
    expect(s.body.state).toBe('active');
    expect(s.body.user.username).toBe(linked.username);
    const rows = await t.db.query<{ second_factor_done: boolean }>(`SELECT second_factor_done FROM sessions WHERE user_id = $1`, [
      linked.actor.userId,
    ]);
    expect(rows).toEqual([{ second_factor_done: true }]);
    // An audit row of the login, as for a password login.
    expect(
      await t.db.query(`SELECT action, object_type, outcome, reason FROM audit_log WHERE region_id = $1 AND user_id = $2`, [
        region,
        linked.actor.userId,
      ]),
    ).toEqual([{ action: 'create', object_type: 'session', outcome: 'allowed', reason: 'login via the identity provider' }]);
    // The login in progress is gone once used.
    expect(await t.db.query(`SELECT id FROM oidc_logins`)).toEqual([]);
  });

  it('links an account on its first login by its unique e-mail address, then by subject only', async () => {
    const newcomer = await createUser(t.db, region, team, ['professional']);
    await t.db.query(`UPDATE users SET email = 'Bas@Gemeente.example.nl' WHERE region_id = $1 AND id = $2`, [
      region,
      newcomer.actor.userId,
    ]);
    idp.loginAs({ sub: 'medewerker-2', email: 'bas@gemeente.example.nl' });
    const first = new CookieJar();
    expect((await walk(first)).final.pathname).toBe('/');
    expect((await sessionOf(first)).body.user.username).toBe(newcomer.username);
    const [u] = await t.db.query<{ oidc_issuer: string; oidc_subject: string }>(
      `SELECT oidc_issuer, oidc_subject FROM users WHERE region_id = $1 AND id = $2`,
      [region, newcomer.actor.userId],
    );
    expect(u).toEqual({ oidc_issuer: idp.issuer, oidc_subject: 'medewerker-2' });

    // A changed address at the provider does not matter any more: the subject is the key.
    idp.loginAs({ sub: 'medewerker-2', email: 'bas.nieuw@gemeente.example.nl' });
    const second = new CookieJar();
    expect((await walk(second)).final.pathname).toBe('/');
    expect((await sessionOf(second)).body.user.username).toBe(newcomer.username);
  });

  it('gives no session when the state in the callback is not the one this browser started with', async () => {
    idp.loginAs({ sub: 'medewerker-1', email: 'an@gemeente.example.nl' });
    const before = await sessionCount();
    const jar = new CookieJar();
    const { final } = await walk(jar, (u) => {
      u.searchParams.set('state', 'vervalst');
      return u;
    });
    expect(final.pathname).toBe('/login');
    expect(final.searchParams.get('fout')).toBe('oidc-mislukt');
    expect(jar.get(regie, 'regie_sid')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('gives no session for a callback without the cookie of the browser that started the login (login CSRF)', async () => {
    idp.loginAs({ sub: 'medewerker-1', email: 'an@gemeente.example.nl' });
    const before = await sessionCount();
    const jar = new CookieJar();
    const { final } = await walk(jar, (u) => {
      jar.delete(regie, 'regie_oidc');
      return u;
    });
    expect(final.searchParams.get('fout')).toBe('oidc-mislukt');
    expect(jar.get(regie, 'regie_sid')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('sends an unknown subject back to the login screen with oidc-onbekend and creates no session', async () => {
    idp.loginAs({ sub: 'vreemde-1', email: 'niemand@elders.example.nl' });
    const before = await sessionCount();
    const jar = new CookieJar();
    const { final } = await walk(jar);
    expect(`${final.pathname}${final.search}`).toBe('/login?fout=oidc-onbekend');
    expect(jar.get(regie, 'regie_sid')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
    expect(await t.db.query(`SELECT id FROM users WHERE oidc_subject = 'vreemde-1'`)).toEqual([]);
  });

  it('does not link by an e-mail address that the provider marks as unverified', async () => {
    const other = await createUser(t.db, region, team, ['professional']);
    await t.db.query(`UPDATE users SET email = 'cor@gemeente.example.nl' WHERE region_id = $1 AND id = $2`, [region, other.actor.userId]);
    idp.loginAs({ sub: 'medewerker-3', email: 'cor@gemeente.example.nl', emailVerified: false });
    const { final } = await walk(new CookieJar());
    expect(final.searchParams.get('fout')).toBe('oidc-onbekend');
    expect(await t.db.query(`SELECT id FROM users WHERE oidc_subject = 'medewerker-3'`)).toEqual([]);
  });

  it('answers 404 problem+json on login when OIDC is not configured', async () => {
    const plain = await testApp(t.server);
    try {
      const r = await plain.inject({ method: 'GET', url: '/api/v1/oidc/login' });
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ code: 'oidc_not_configured', detail: expect.stringContaining('niet ingesteld') });
      const c = await plain.inject({ method: 'GET', url: '/api/v1/oidc/config' });
      expect(c.json()).toEqual({ enabled: false, label: 'Inloggen via uw organisatie' });
    } finally {
      await plain.close();
    }
  });
});
