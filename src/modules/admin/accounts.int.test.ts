// Accounts of professionals, managed by the functional administrator, against a real database:
// creation with a one-time password and an authenticator app at first login, role changes with
// version checks, deactivation that ends sessions at once, paging, and who may do it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../../../test/support/factory.js';
import { clientFor, login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { asActor } from '../../platform/db/actor-tx.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let gem: string;
let admin: TestUser;
let admin2: TestUser;
let lead: TestUser;
let a: Client;
let a2: Client;
let l: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team', 'Sociaal Team Goes');
  gem = await createOrganisation(t.db, region, 'municipal_team', 'Gemeente Goes');
  admin = await createUser(t.db, region, gem, ['functional_admin']);
  admin2 = await createUser(t.db, region, gem, ['functional_admin']);
  lead = await createUser(t.db, region, team, ['professional', 'coordinator', 'team_lead']);
  app = await testApp(t.server);
  [a, a2, l] = await Promise.all([login(app, admin.username), login(app, admin2.username), login(app, lead.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

let counter = 0;
const newAccount = (o: Record<string, unknown> = {}) => ({
  organisationId: team,
  displayName: `Nieuwe Collega ${++counter}`,
  username: `collega.${counter}.${Date.now().toString(36)}`,
  roles: ['professional'],
  ...o,
});
const auditRows = (objectId: string) =>
  t.db.query<{ action: string; user_id: string; reason: string; person_id: string | null }>(
    `SELECT action, user_id, reason, person_id FROM audit_log WHERE region_id = $1 AND object_type = 'account' AND object_id = $2 ORDER BY seq`,
    [region, objectId],
  );
const rawLogin = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

describe('creating an account', () => {
  it('gives a one-time password; the first login asks to link an authenticator app', async () => {
    const body = newAccount({
      username: `  Fatima.Bakker.${Date.now()}  `,
      email: 'f.bakker@example.nl',
      roles: ['coordinator', 'professional'],
    });
    const r = await a.post('/api/v1/accounts', body);
    expect(r.status).toBe(201);
    expect(r.headers.location).toBe(`/api/v1/accounts/${r.body.account.id}`);
    const username = body.username.trim().toLowerCase();
    expect(r.body.account).toMatchObject({
      username,
      displayName: body.displayName,
      email: 'f.bakker@example.nl',
      roles: ['professional', 'coordinator'],
      organisation: { id: team, name: 'Sociaal Team Goes' },
      active: true,
      totpRequired: true,
      totpEnrolled: false,
      lastSeenAt: null,
      version: 1,
    });
    expect(r.body.initialPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // Only the hash is stored.
    const [row] = await t.db.query<{ password_hash: string; totp_secret: string | null }>(
      `SELECT password_hash, totp_secret FROM users WHERE id = $1`,
      [r.body.account.id],
    );
    if (!row) throw new Error('the new account has no row');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(r.body.initialPassword);
    expect(row.totp_secret).toBeNull();

    const first = await rawLogin(username, r.body.initialPassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().state).toBe('enrolment_required');
    const c = clientFor(app, `regie_sid=${first.cookies.find((k) => k.name === 'regie_sid')!.value}`, first.json().csrfToken);
    // Nothing but the enrolment until the app is linked.
    expect((await c.get('/api/v1/organisations')).body.code).toBe('second_factor_required');
    expect((await c.get('/api/v1/session/totp-enrolment')).status).toBe(200);

    expect((await auditRows(r.body.account.id)).map((x) => [x.action, x.user_id, x.reason, x.person_id])).toEqual([
      ['create', admin.actor.userId, 'roles: professional,coordinator', null],
    ]);
    const listed = (await a.get(`/api/v1/accounts?q=${encodeURIComponent(username)}`)).body.items;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([r.body.account.id]);
    expect(listed[0].lastSeenAt).not.toBeNull();
  });

  it('names the field of every invalid input', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [newAccount({ username: 'ab' }), 'username'],
      [newAccount({ username: 'met spatie' }), 'username'],
      [newAccount({ roles: [] }), 'roles'],
      [newAccount({ roles: ['professional', 'professional'] }), 'roles'],
      [newAccount({ roles: ['superuser'] }), 'roles[0]'],
      [newAccount({ displayName: '   ' }), 'displayName'],
      [newAccount({ email: 'geen-adres' }), 'email'],
      [newAccount({ organisationId: 'x' }), 'organisationId'],
      [{ ...newAccount(), password: 'Welkom123456' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const r = await a.post('/api/v1/accounts', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.field, JSON.stringify(body)).toBe(field);
    }
    expect(await a.post('/api/v1/accounts', newAccount({ organisationId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      status: 400,
      body: { code: 'unknown_organisation', field: 'organisationId' },
    });
    // Usernames are unique across regions: the login does not know the region yet.
    const elsewhere = await createRegion(t.db);
    const taken = await createUser(t.db, elsewhere, await createOrganisation(t.db, elsewhere), ['professional']);
    expect(await a.post('/api/v1/accounts', newAccount({ username: taken.username }))).toMatchObject({
      status: 409,
      body: { code: 'username_taken', field: 'username' },
    });
    expect(await a.post('/api/v1/accounts', newAccount({ username: admin.username }))).toMatchObject({
      status: 409,
      body: { code: 'username_taken', field: 'username' },
    });
  });
});

describe('changing roles and details', () => {
  it('changes roles with the version read and refuses a stale version with 409', async () => {
    const { account } = (await a.post('/api/v1/accounts', newAccount())).body;
    const up = await a.put(`/api/v1/accounts/${account.id}`, {
      displayName: account.displayName,
      email: null,
      roles: ['behavioural_scientist', 'professional'],
      version: 1,
    });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ roles: ['professional', 'behavioural_scientist'], version: 2 });
    // The second administrator still has version 1 on screen.
    const stale = await a2.put(`/api/v1/accounts/${account.id}`, {
      displayName: 'Andere naam',
      email: null,
      roles: ['professional'],
      version: 1,
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale_version', field: 'version' } });
    expect((await a.get(`/api/v1/accounts/${account.id}`)).body).toMatchObject({
      displayName: account.displayName,
      roles: ['professional', 'behavioural_scientist'],
      version: 2,
    });
    expect((await a.put(`/api/v1/accounts/${account.id}`, { displayName: 'X', email: null, roles: [], version: 2 })).body.field).toBe(
      'roles',
    );
    expect(
      (
        await a.put('/api/v1/accounts/00000000-0000-4000-8000-000000000000', {
          displayName: 'X',
          email: null,
          roles: ['professional'],
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await auditRows(account.id)).map((x) => x.reason)).toEqual([
      'roles: professional',
      'roles: professional → professional,behavioural_scientist',
    ]);
  });

  it('takes a role change into effect at the next request of a logged-in user', async () => {
    const user = await createUser(t.db, region, team, ['professional']);
    const c = await login(app, user.username);
    expect((await c.get('/api/v1/signals')).status).toBe(200);
    const acc = (await a.get(`/api/v1/accounts/${user.actor.userId}`)).body;
    await a.put(`/api/v1/accounts/${acc.id}`, {
      displayName: acc.displayName,
      email: acc.email,
      roles: ['inspector'],
      version: acc.version,
    });
    expect((await c.get('/api/v1/signals')).status).toBe(403);
  });

  it('does not let an administrator change their own roles or block themselves', async () => {
    const me = (await a.get(`/api/v1/accounts/${admin.actor.userId}`)).body;
    expect(
      await a.put(`/api/v1/accounts/${me.id}`, { displayName: me.displayName, email: null, roles: ['professional'], version: me.version }),
    ).toMatchObject({ status: 409, body: { code: 'own_roles', field: 'roles' } });
    // Adding a role to oneself is refused the same way (separation of duties), by the database too.
    expect(
      await a.put(`/api/v1/accounts/${me.id}`, {
        displayName: me.displayName,
        email: null,
        roles: ['functional_admin', 'inspector'],
        version: me.version,
      }),
    ).toMatchObject({ status: 409, body: { code: 'own_roles', field: 'roles' } });
    await expect(
      asActor(t.db, admin.actor, (tx) =>
        tx.query(`UPDATE users SET roles = '{functional_admin,inspector}' WHERE region_id = $1 AND id = $2`, [region, admin.actor.userId]),
      ),
    ).rejects.toThrow(/own roles/);
    expect(await a.post(`/api/v1/accounts/${me.id}/deactivate`, { version: me.version })).toMatchObject({
      status: 409,
      body: { code: 'own_account' },
    });
    const renamed = await a.put(`/api/v1/accounts/${me.id}`, {
      displayName: 'Beheerder Goes',
      email: null,
      roles: ['functional_admin'],
      version: me.version,
    });
    expect(renamed.body).toMatchObject({ displayName: 'Beheerder Goes', version: me.version + 1 });
  });
});

describe('deactivating and reactivating', () => {
  it('ends every session of a deactivated user at once, refuses their login, and lets them in again after reactivation', async () => {
    const user = await createUser(t.db, region, team, ['professional', 'coordinator']);
    const [c1, c2] = [await login(app, user.username), await login(app, user.username)];
    expect((await c1.get('/api/v1/session')).status).toBe(200);
    const acc = (await a.get(`/api/v1/accounts/${user.actor.userId}`)).body;
    expect(acc.lastSeenAt).not.toBeNull();

    expect(await a.post(`/api/v1/accounts/${acc.id}/deactivate`, { version: acc.version + 5 })).toMatchObject({
      status: 409,
      body: { code: 'stale_version' },
    });
    const off = await a.post(`/api/v1/accounts/${acc.id}/deactivate`, { version: acc.version });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, sessionsEnded: 2, version: acc.version + 1 });
    const open = await t.db.query(`SELECT id FROM sessions WHERE region_id = $1 AND user_id = $2 AND ended_at IS NULL`, [
      region,
      user.actor.userId,
    ]);
    expect(open).toHaveLength(0);
    for (const c of [c1, c2]) expect((await c.get('/api/v1/session')).status).toBe(401);
    const refused = await rawLogin(user.username, PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('wrong_credentials');
    // Not offered as a coordinator any more.
    expect((await l.get('/api/v1/professionals?qualified=true')).body.items.map((u: { id: string }) => u.id)).not.toContain(acc.id);
    expect(await a.post(`/api/v1/accounts/${acc.id}/deactivate`, { version: acc.version + 1 })).toMatchObject({
      status: 409,
      body: { code: 'already_inactive' },
    });

    const on = await a.post(`/api/v1/accounts/${acc.id}/reactivate`, { version: acc.version + 1 });
    expect(on.body).toMatchObject({ active: true, version: acc.version + 2 });
    expect((await rawLogin(user.username, PASSWORD)).statusCode).toBe(200);
    expect((await auditRows(acc.id)).map((x) => [x.action, x.reason])).toEqual([
      ['update', 'deactivated; 2 session(s) ended'],
      ['update', 'reactivated'],
    ]);
  });
});

describe('the coordinator invariant', () => {
  it('keeps the account and coordinator role of someone who coordinates an open case, until the coordination is handed over', async () => {
    const coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
    const c = await login(app, coord.username);
    const family = await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Verhage' }));
    expect(family.status).toBe(201);
    const acc = (await a.get(`/api/v1/accounts/${coord.actor.userId}`)).body;
    const blocked = await a.post(`/api/v1/accounts/${acc.id}/deactivate`, { version: acc.version });
    expect(blocked).toMatchObject({ status: 409, body: { code: 'coordinates_open_cases', openCases: 1 } });
    expect(blocked.body.detail).toContain('1 open dossier ');
    // The message says how many, never which family.
    expect(JSON.stringify(blocked.body)).not.toContain('Verhage');
    expect(
      await a.put(`/api/v1/accounts/${acc.id}`, {
        displayName: acc.displayName,
        email: null,
        roles: ['professional'],
        version: acc.version,
      }),
    ).toMatchObject({ status: 409, body: { code: 'coordinates_open_cases', field: 'roles' } });
    // Other changes stay possible.
    expect(
      (
        await a.put(`/api/v1/accounts/${acc.id}`, {
          displayName: acc.displayName,
          email: null,
          roles: ['professional', 'coordinator', 'behavioural_scientist'],
          version: acc.version,
        })
      ).status,
    ).toBe(200);
    expect((await a.get(`/api/v1/accounts/${acc.id}`)).body.active).toBe(true);

    // Once the coordination has been handed over, the account can go.
    const other = await createUser(t.db, region, team, ['professional', 'coordinator']);
    const [kase] = await t.db.query<{ id: string; version: number }>(
      `SELECT id, version FROM cases WHERE region_id = $1 AND family_id = $2`,
      [region, family.body.id],
    );
    if (!kase) throw new Error('the family has no case');
    const transfer = await c.post(`/api/v1/cases/${kase.id}/coordinator-transfers`, {
      toUserId: other.actor.userId,
      caseVersion: kase.version,
      reason: 'Verlof',
    });
    expect(transfer.status, JSON.stringify(transfer.body)).toBeLessThan(300);
    const now = (await a.get(`/api/v1/accounts/${acc.id}`)).body;
    expect((await a.post(`/api/v1/accounts/${acc.id}/deactivate`, { version: now.version })).status).toBe(200);
  });
});

describe('who may', () => {
  it('gives 403 to everyone but the functional administrator, and row-level security agrees', async () => {
    const { account } = (await a.post('/api/v1/accounts', newAccount())).body;
    const po = await login(app, (await createUser(t.db, region, gem, ['privacy_officer'])).username);
    for (const c of [l, po]) {
      expect((await c.get('/api/v1/accounts')).status).toBe(403);
      expect((await c.get(`/api/v1/accounts/${account.id}`)).status).toBe(403);
      expect((await c.post('/api/v1/accounts', newAccount())).status).toBe(403);
      expect(
        (await c.put(`/api/v1/accounts/${account.id}`, { displayName: 'X', email: null, roles: ['team_lead'], version: 1 })).status,
      ).toBe(403);
      expect((await c.post(`/api/v1/accounts/${account.id}/deactivate`, { version: 1 })).status).toBe(403);
      expect((await c.post(`/api/v1/accounts/${account.id}/reactivate`, { version: 1 })).status).toBe(403);
    }
    const changed = await asActor(t.db, lead.actor, (tx) =>
      tx.query(`UPDATE users SET roles = '{functional_admin}' WHERE region_id = $1 AND id = $2 RETURNING id`, [region, lead.actor.userId]),
    );
    expect(changed).toHaveLength(0);
    await expect(
      asActor(t.db, lead.actor, (tx) => tx.query(`SELECT regie.end_sessions_of($1, $2)`, [region, admin.actor.userId])),
    ).rejects.toThrow();
    // An administrator of another region neither sees nor changes this region's accounts.
    const r2 = await createRegion(t.db);
    const other = await login(app, (await createUser(t.db, r2, await createOrganisation(t.db, r2), ['functional_admin'])).username);
    expect((await other.get(`/api/v1/accounts/${account.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/accounts/${account.id}/deactivate`, { version: 1 })).status).toBe(404);
    expect((await other.post('/api/v1/accounts', newAccount())).body).toMatchObject({ status: 400, field: 'organisationId' });
    expect((await other.get('/api/v1/accounts')).body.items.map((x: { id: string }) => x.id)).not.toContain(account.id);
  });
});

describe('paging', () => {
  it('returns every account of the region exactly once, with filters', async () => {
    const r3 = await createRegion(t.db);
    const [o1, o2] = await Promise.all([
      createOrganisation(t.db, r3, 'school', 'School'),
      createOrganisation(t.db, r3, 'municipal_team', 'Team'),
    ]);
    const boss = await createUser(t.db, r3, o2, ['functional_admin']);
    const users = await Promise.all(Array.from({ length: 13 }, (_, i) => createUser(t.db, r3, i % 2 ? o1 : o2, ['professional'])));
    // Equal display names: the id breaks the tie.
    await t.db.query(`UPDATE users SET display_name = 'Jansen' WHERE id = ANY($1::uuid[])`, [users.slice(0, 4).map((u) => u.actor.userId)]);
    const c = await login(app, boss.username);
    const off = (await c.get(`/api/v1/accounts/${users[5]!.actor.userId}`)).body;
    await c.post(`/api/v1/accounts/${off.id}/deactivate`, { version: off.version });
    const all = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r: { status: number; body: any } = await c.get(`/api/v1/accounts?limit=4${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status).toBe(200);
        seen.push(...r.body.items.map((x: { id: string }) => x.id));
        cursor = r.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const everyone = await all('');
    expect(everyone).toHaveLength(14);
    expect(new Set(everyone)).toEqual(new Set([boss, ...users].map((u) => u.actor.userId)));
    expect(await all('&status=inactive')).toEqual([off.id]);
    expect(await all('&status=active')).toHaveLength(13);
    const atSchool = await all(`&organisationId=${o1}`);
    expect(new Set(atSchool)).toEqual(new Set(users.filter((_, i) => i % 2).map((u) => u.actor.userId)));
    expect(new Set(await all('&q=jansen'))).toEqual(new Set(users.slice(0, 4).map((u) => u.actor.userId)));
  });
});
