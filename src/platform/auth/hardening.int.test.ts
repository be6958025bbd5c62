// Authentication as an attacker would try it (ASVS V2, V3), against a real database: enrolment
// that cannot replace an authenticator, TOTP codes used once, code and login throttling that
// cannot lock the real user out, answers that name no usernames, TOTP secrets encrypted at rest,
// one-time and changed passwords, and an audit row for every security event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../../../test/support/factory.js';
import { clientFor, login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../http/app.js';
import type { Role } from '../access/actor.js';
import { currentTotp, newTotpSecret, totpNow } from './totp.js';
import { loadTotpKey, openTotpSecret, sealPlaintextTotpSecrets, sealTotpSecret } from './totp-secrets.js';
import { passwordProblem } from './passwords.js';
import { addUserCommand } from '../../cli/user-add.js';
import { confirmTotp } from './auth.service.js';

let t: TestDb;
let app: App;
let region: string;
let org: string;
let vtOrg: string;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  org = await createOrganisation(t.db, region, 'municipal_team', `Team ${region}`);
  vtOrg = await createOrganisation(t.db, region, 'veilig_thuis');
  app = await testApp(t.server);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const enrolled = async (roles: Role[] = ['professional'], organisationId = org) => {
  const secret = newTotpSecret();
  return { secret, user: await createUser(t.db, region, organisationId, roles, { totpRequired: true, totpSecret: secret }) };
};
async function postLogin(username: string, password = PASSWORD, ip = '127.0.0.1') {
  const r = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, remoteAddress: ip });
  const set = r.cookies.find((x) => x.name === 'regie_sid');
  return { status: r.statusCode, body: r.json(), client: set ? clientFor(app, `regie_sid=${set.value}`, r.json().csrfToken) : undefined };
}
/** A half session links an authenticator app: the secret it is shown, and the answer to the code it confirms. */
async function enrol(half: Client, ip = '127.0.0.1') {
  const e = await half.get('/api/v1/session/totp-enrolment');
  const secret = e.body.secret as string;
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/session/totp-enrolment',
    headers: { cookie: half.cookie, 'x-csrf-token': half.csrf },
    payload: { code: await currentTotp(secret) },
    remoteAddress: ip,
  });
  return { secret, ok };
}
/** Password and code: a full session. */
async function fullLogin(username: string, secret: string): Promise<Client> {
  const r = await postLogin(username);
  const ok = await app.inject({
    method: 'POST',
    url: '/api/v1/session/second-factor',
    headers: { cookie: r.client!.cookie, 'x-csrf-token': r.client!.csrf },
    payload: { code: await currentTotp(secret) },
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return clientFor(app, `regie_sid=${ok.cookies.find((x) => x.name === 'regie_sid')!.value}`, ok.json().csrfToken);
}
const storedSecret = async (u: TestUser) =>
  (await t.db.query<{ s: string | null }>(`SELECT totp_secret AS s FROM users WHERE id = $1`, [u.actor.userId]))[0]!.s;
const audit = (u: TestUser) =>
  t.db.query<{ action: string; object_type: string; outcome: string; reason: string; ip: string | null }>(
    `SELECT action, object_type, outcome, reason, ip FROM audit_log WHERE region_id = $1 AND user_id = $2 ORDER BY seq`,
    [region, u.actor.userId],
  );
/** A well-formed code that is valid in no time step near now. */
async function wrongCode(secret: string): Promise<string> {
  const epoch = totpNow();
  const near = new Set(await Promise.all([-90, -60, -30, 0, 30, 60, 90].map((d) => generate({ secret, epoch: epoch + d }))));
  for (let c = 234567; ; c = (c + 1) % 1_000_000) if (!near.has(String(c).padStart(6, '0'))) return String(c).padStart(6, '0');
}

describe('enrolment cannot replace an authenticator', () => {
  it('refuses enrolment in a half session of an account that has one: GET and POST, and the secret stays', async () => {
    const { user, secret } = await enrolled();
    const before = await storedSecret(user);
    const half = (await postLogin(user.username)).client!;
    expect((await half.get('/api/v1/session')).body.state).toBe('totp_required');
    expect(await half.get('/api/v1/session/totp-enrolment')).toMatchObject({ status: 409, body: { code: 'totp_already_enrolled' } });
    expect(await half.post('/api/v1/session/totp-enrolment', { code: await currentTotp(secret) })).toMatchObject({
      status: 409,
      body: { code: 'totp_already_enrolled' },
    });
    // Also not in a full session; and the half session still is no full one.
    expect((await half.get('/api/v1/families')).body.code).toBe('second_factor_required');
    const full = await fullLogin(user.username, secret);
    expect((await full.get('/api/v1/session/totp-enrolment')).status).toBe(409);
    expect(await storedSecret(user)).toBe(before);
  });

  it('replaces it only in a full session, with a code of the current app: other sessions end, audited', async () => {
    const { user, secret } = await enrolled();
    const other = await fullLogin(user.username, secret);
    const me = await fullLogin(user.username, secret);
    const half = (await postLogin(user.username)).client!;
    expect((await half.get('/api/v1/session/totp-replacement')).body.code).toBe('second_factor_required');
    const start = await me.get('/api/v1/session/totp-replacement');
    expect(start.status).toBe(200);
    const fresh = start.body.secret as string;
    expect(fresh).not.toBe(secret);
    expect(
      await me.post('/api/v1/session/totp-replacement', { currentCode: await wrongCode(secret), code: await currentTotp(fresh) }),
    ).toMatchObject({ status: 400, body: { code: 'wrong_code', field: 'currentCode' } });
    expect(openTotpSecret(await storedSecret(user), region, user.actor.userId)).toBe(secret);
    const ok = await me.post('/api/v1/session/totp-replacement', {
      currentCode: await currentTotp(secret),
      code: await currentTotp(fresh),
    });
    expect(ok.status).toBe(204);
    expect(openTotpSecret(await storedSecret(user), region, user.actor.userId)).toBe(fresh);
    expect((await other.get('/api/v1/session')).status).toBe(401);
    expect((await me.get('/api/v1/families')).status).toBe(200);
    expect((await audit(user)).map((r) => r.reason)).toContain('authenticator app replaced by the user; 2 other session(s) ended');
  });
});

describe('each TOTP time step once per account', () => {
  it('refuses the same code for a second login, and a second step-up', async () => {
    const { user, secret } = await enrolled();
    const code = await currentTotp(secret);
    const first = (await postLogin(user.username)).client!;
    expect((await first.post('/api/v1/session/second-factor', { code })).status).toBe(200);
    const second = (await postLogin(user.username)).client!;
    expect(await second.post('/api/v1/session/second-factor', { code })).toMatchObject({
      status: 400,
      body: { code: 'wrong_code', field: 'code' },
    });
    // Step-up (break-the-glass) draws on the same steps.
    const next = await currentTotp(secret);
    expect(await confirmTotp(t.db, region, user.actor.userId, next)).toBe(true);
    expect(await confirmTotp(t.db, region, user.actor.userId, next)).toBe(false);
    expect(await confirmTotp(t.db, region, user.actor.userId, code)).toBe(false);
  });

  it('lets exactly one of two simultaneous uses of a code through', async () => {
    const { user, secret } = await enrolled();
    const [h1, h2] = [(await postLogin(user.username)).client!, (await postLogin(user.username)).client!];
    const code = await currentTotp(secret);
    const results = await Promise.all([h1, h2].map((h) => h.post('/api/v1/session/second-factor', { code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('opens break-the-glass once per code', async () => {
    const { user, secret } = await enrolled(['professional'], vtOrg);
    const v = await fullLogin(user.username, secret);
    const coordinator = await createUser(t.db, region, org, ['professional', 'coordinator']);
    const fam = (await (await login(app, coordinator.username)).post('/api/v1/families', familyBody(coordinator.actor.userId))).body;
    const code = await currentTotp(secret);
    const reason = 'Melding van acuut geweld in het gezin, direct inzicht nodig.';
    expect((await v.post('/api/v1/break-glass', { familyId: fam.id, reason, totpCode: code })).status).toBe(201);
    expect(await v.post('/api/v1/break-glass', { familyId: fam.id, reason, totpCode: code })).toMatchObject({
      status: 400,
      body: { code: 'wrong_code' },
    });
  });
});

describe('five wrong codes per account', () => {
  it('end the half session and refuse codes for a while, from any address; the right code works again afterwards', async () => {
    const { user, secret } = await enrolled();
    const bad = await wrongCode(secret);
    const half = (await postLogin(user.username, PASSWORD, '10.0.0.1')).client!;
    for (let i = 1; i < 5; i++) expect((await half.post('/api/v1/session/second-factor', { code: bad })).status, `code ${i}`).toBe(400);
    expect(await half.post('/api/v1/session/second-factor', { code: bad })).toMatchObject({ status: 429, body: { code: 'too_many' } });
    expect((await half.get('/api/v1/session')).status).toBe(401);
    // Another address, the right code: still refused while the lock lasts.
    const elsewhere = (await postLogin(user.username, PASSWORD, '10.9.9.9')).client!;
    expect((await elsewhere.post('/api/v1/session/second-factor', { code: await currentTotp(secret) })).status).toBe(429);
    await expect(confirmTotp(t.db, region, user.actor.userId, await currentTotp(secret))).rejects.toMatchObject({ status: 429 });
    expect((await elsewhere.get('/api/v1/session')).status).toBe(401);
    await t.db.query(`UPDATE users SET totp_locked_until = now() - interval '1 second' WHERE id = $1`, [user.actor.userId]);
    expect(await fullLogin(user.username, secret)).toBeTruthy();
    const rows = await audit(user);
    expect(rows.filter((r) => r.object_type === 'authenticator' && r.outcome === 'denied')).toHaveLength(7);
    expect(rows.map((r) => r.reason)).toContain('second factor: wrong or already used code (5 in a row); codes refused for 15 min');
  });

  it('refuse step-up after five wrong step-up codes', async () => {
    const { user, secret } = await enrolled();
    const bad = await wrongCode(secret);
    for (let i = 0; i < 4; i++) expect(await confirmTotp(t.db, region, user.actor.userId, bad)).toBe(false);
    await expect(confirmTotp(t.db, region, user.actor.userId, bad)).rejects.toMatchObject({ status: 429 });
    await expect(confirmTotp(t.db, region, user.actor.userId, await currentTotp(secret))).rejects.toMatchObject({ status: 429 });
  });
});

describe('TOTP secrets at rest', () => {
  it('stores only a ciphertext bound to its account: copied onto another account it opens nothing', async () => {
    const { user, secret } = await enrolled();
    const { user: victim } = await enrolled();
    const stored = (await storedSecret(user))!;
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(secret);
    await t.db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [victim.actor.userId, stored]);
    const half = (await postLogin(victim.username)).client!;
    expect((await half.post('/api/v1/session/second-factor', { code: await currentTotp(secret) })).status).toBe(400);
    // Plain text in the column (written around the application) is no secret either.
    await t.db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [victim.actor.userId, secret]);
    expect((await half.post('/api/v1/session/second-factor', { code: await currentTotp(secret) })).status).toBe(400);
  });

  it('encrypts the plain secrets of an older version at start-up, after which they work', async () => {
    const secret = newTotpSecret();
    const u = await createUser(t.db, region, org, ['professional'], { totpRequired: true });
    await t.db.query(`UPDATE users SET totp_secret = $2 WHERE id = $1`, [u.actor.userId, secret]);
    expect(await sealPlaintextTotpSecrets(t.db)).toBeGreaterThanOrEqual(1);
    expect(openTotpSecret(await storedSecret(u), region, u.actor.userId)).toBe(secret);
    expect(await fullLogin(u.username, secret)).toBeTruthy();
  });

  it('keeps the key outside the database: TOTP_KEY, or a key file with mode 0600 in the data folder; PostgreSQL needs TOTP_KEY', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regie-key-'));
    try {
      const k1 = loadTotpKey({ dataDir: dir });
      expect(statSync(join(dir, 'totp.key')).mode & 0o777).toBe(0o600);
      expect(loadTotpKey({ dataDir: dir })).toEqual(k1);
      chmodSync(join(dir, 'totp.key'), 0o644);
      loadTotpKey({ dataDir: dir });
      expect(statSync(join(dir, 'totp.key')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, 'totp.key'), 'utf8').trim()).toBe(k1.toString('base64'));
      const hex = randomBytes(32).toString('hex');
      expect(loadTotpKey({ dataDir: dir, totpKey: hex }).toString('hex')).toBe(hex);
      expect(() => loadTotpKey({ dataDir: dir, databaseUrl: 'postgres://x/y' })).toThrow(/TOTP_KEY is required/);
      expect(() => loadTotpKey({ dataDir: dir, totpKey: 'te-kort' })).toThrow(/32-byte/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(sealTotpSecret('ABC', 'r', 'u')).not.toBe(sealTotpSecret('ABC', 'r', 'u'));
  });
});

describe('passwords', () => {
  it('follow the policy: 12 or more characters, not the username, not a common or the public demo password', () => {
    expect(passwordProblem('kort-2026!')?.en).toMatch(/at least 12/);
    expect(passwordProblem('jan.devries-2026-x', 'jan.devries')?.en).toMatch(/username/);
    for (const common of ['Welkom-Regie-2026', 'password1234', 'Wachtwoord2026!', '123456789012', 'qwertyuiop!!'])
      expect(passwordProblem(common)?.en, common).toMatch(/too common/);
    expect(passwordProblem('paars-fietsje-onder-de-brug')).toBeNull();
  });

  it('refuse the public demo password for accounts made with `regie user add`, whose password works once', async () => {
    await expect(
      addUserCommand(t.db, [
        'add',
        '--username',
        `cli${Date.now()}`,
        '--name',
        'Cli',
        '--organisation',
        `Team ${region}`,
        '--password',
        'Welkom-Regie-2026',
      ]),
    ).rejects.toThrow(/too common/);
    const username = `cli2${Date.now()}`;
    await addUserCommand(t.db, [
      'add',
      '--username',
      username,
      '--name',
      'Cli',
      '--organisation',
      `Team ${region}`,
      '--password',
      'paars-fietsje-onder-de-brug',
    ]);
    expect(await t.db.query(`SELECT password_change_required, totp_required FROM users WHERE username = $1`, [username])).toEqual([
      { password_change_required: true, totp_required: true },
    ]);
  });

  it('change with the current password; other sessions end; the old password stops working; audited', async () => {
    const u = await createUser(t.db, region, org, ['professional']);
    const other = await login(app, u.username);
    const me = await login(app, u.username);
    expect(
      await me.put('/api/v1/session/password', { currentPassword: 'niet-het-wachtwoord', newPassword: 'paars-fietsje-onder-de-brug' }),
    ).toMatchObject({ status: 400, body: { code: 'wrong_password', field: 'currentPassword' } });
    expect(await me.put('/api/v1/session/password', { currentPassword: PASSWORD, newPassword: 'wachtwoord' })).toMatchObject({
      status: 400,
      body: { code: 'weak_password', field: 'newPassword' },
    });
    expect(await me.put('/api/v1/session/password', { currentPassword: PASSWORD, newPassword: `${u.username}-plus-iets` })).toMatchObject({
      status: 400,
      body: { code: 'weak_password', field: 'newPassword' },
    });
    expect(
      await me.put('/api/v1/session/password', { currentPassword: PASSWORD, newPassword: 'paars-fietsje-onder-de-brug' }),
    ).toMatchObject({ status: 200, body: { state: 'active' } });
    expect((await other.get('/api/v1/session')).status).toBe(401);
    expect((await me.get('/api/v1/families')).status).toBe(200);
    expect((await postLogin(u.username)).status).toBe(401);
    expect((await postLogin(u.username, 'paars-fietsje-onder-de-brug')).status).toBe(200);
    expect((await audit(u)).filter((r) => r.object_type === 'password').map((r) => [r.outcome, r.reason])).toEqual([
      ['denied', 'password change refused: wrong current password'],
      ['allowed', 'password changed by the user; 1 other session(s) ended'],
    ]);
  });

  it('let a one-time password in once, to nothing but choosing a new one', async () => {
    const u = await createUser(t.db, region, org, ['professional'], { passwordChangeRequired: true });
    const r = await postLogin(u.username);
    expect(r.body.state).toBe('password_change_required');
    const c = r.client!;
    expect((await c.get('/api/v1/session')).body.state).toBe('password_change_required');
    expect(await c.get('/api/v1/families')).toMatchObject({ status: 403, body: { code: 'password_change_required' } });
    // Works once: a second login with it fails.
    expect((await postLogin(u.username)).status).toBe(401);
    expect(await c.put('/api/v1/session/password', { newPassword: 'paars-fietsje-onder-de-brug' })).toMatchObject({
      status: 200,
      body: { state: 'active' },
    });
    expect((await c.get('/api/v1/families')).status).toBe(200);
    expect((await postLogin(u.username, 'paars-fietsje-onder-de-brug')).body.state).toBe('active');
  });

  it('ask a new account for its authenticator first and then for a new password', async () => {
    const u = await createUser(t.db, region, org, ['professional'], { totpRequired: true, passwordChangeRequired: true });
    const half = (await postLogin(u.username)).client!;
    const { ok } = await enrol(half);
    expect(ok.json().state).toBe('password_change_required');
  });
});

describe('usernames and lockout', () => {
  it('answers an unknown and a known username alike, in about the same time', async () => {
    const u = await createUser(t.db, region, org, ['professional']);
    const time = async (username: string, i: number) => {
      const s = process.hrtime.bigint();
      const r = await postLogin(username, `fout-${i}`, `10.1.${i}.1`);
      return { ms: Number(process.hrtime.bigint() - s) / 1e6, body: r.body, status: r.status };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) {
      const k = await time(u.username, i);
      const x = await time(`onbekend_${i}_${Date.now()}`, i);
      expect([k.status, x.status]).toEqual([401, 401]);
      expect(x.body).toEqual(k.body);
      known.push(k.ms);
      unknown.push(x.ms);
    }
    const median = (v: number[]) => [...v].sort((p, q) => p - q)[v.length >> 1]!;
    const ratio = median(known) / median(unknown);
    expect(ratio, `known ${median(known)} ms, unknown ${median(unknown)} ms`).toBeGreaterThan(0.5);
    expect(ratio, `known ${median(known)} ms, unknown ${median(unknown)} ms`).toBeLessThan(2);
  });

  it("slows an attacker's address with a growing, capped lock, while the user's own address still logs in", async () => {
    const u = await createUser(t.db, region, org, ['professional']);
    const attacker = '203.0.113.9';
    for (let i = 0; i < 5; i++) expect((await postLogin(u.username, `fout-${i}`, attacker)).status).toBe(401);
    expect((await postLogin(u.username, PASSWORD, attacker)).status).toBe(401);
    expect((await postLogin(u.username, PASSWORD, '198.51.100.7')).status).toBe(200);
    const lockMinutes = async () =>
      Number(
        (
          await t.db.query<{ m: string }>(
            `SELECT round(extract(epoch FROM locked_until - now()) / 60) AS m FROM login_failures WHERE user_id = $1 AND ip = $2`,
            [u.actor.userId, attacker],
          )
        )[0]!.m,
      );
    expect(await lockMinutes()).toBe(1);
    const expire = () =>
      t.db.query(`UPDATE login_failures SET locked_until = now() - interval '1 second' WHERE user_id = $1`, [u.actor.userId]);
    for (const m of [2, 4, 8, 15, 15]) {
      await expire();
      expect((await postLogin(u.username, 'nog-steeds-fout', attacker)).status).toBe(401);
      expect(await lockMinutes()).toBe(m);
    }
    const rows = await audit(u);
    expect(
      rows.filter((r) => r.reason.startsWith('login locked for this address')).map((r) => [r.ip, r.reason.replace(/ after .*/, '')]),
    ).toEqual([1, 2, 4, 8, 15, 15].map((m) => [attacker, `login locked for this address for ${m} min`]));
  });
});

describe('audit rows of security events', () => {
  it('records login success and failure, second-factor failure, enrolment and logout', async () => {
    const u = await createUser(t.db, region, org, ['professional'], { totpRequired: true });
    expect((await postLogin(u.username, 'fout', '192.0.2.1')).status).toBe(401);
    const half = (await postLogin(u.username, PASSWORD, '192.0.2.1')).client!;
    const { secret, ok } = await enrol(half, '192.0.2.1');
    const full = clientFor(app, `regie_sid=${ok.cookies.find((x) => x.name === 'regie_sid')!.value}`, ok.json().csrfToken);
    const half2 = (await postLogin(u.username, PASSWORD, '192.0.2.1')).client!;
    expect((await half2.post('/api/v1/session/second-factor', { code: await wrongCode(secret) })).status).toBe(400);
    expect((await full.del('/api/v1/session')).status).toBe(204);
    expect((await audit(u)).map((r) => [r.action, r.object_type, r.outcome, r.reason])).toEqual([
      ['create', 'session', 'denied', 'login refused: wrong password'],
      ['create', 'session', 'allowed', 'login: password accepted; next: enrolment_required'],
      ['create', 'authenticator', 'allowed', 'authenticator app linked'],
      ['create', 'session', 'allowed', 'login: password accepted; next: totp_required'],
      ['read', 'authenticator', 'denied', 'second factor: wrong or already used code (1 in a row)'],
      ['delete', 'session', 'allowed', 'logout'],
    ]);
    expect((await audit(u)).slice(0, 2).map((r) => r.ip)).toEqual(['192.0.2.1', '192.0.2.1']);
  });
});
