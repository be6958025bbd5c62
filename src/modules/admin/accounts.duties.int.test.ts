// Separation of duties in account administration, and the administrator's resets, against a
// real database: no role combination of privacy officer and care professional, four eyes for
// every role that opens break-the-glass or the audit log, resets that end sessions at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../../../test/support/factory.js';
import { clientFor, login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { currentTotp, newTotpSecret } from '../../platform/auth/totp.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let gem: string;
let vt: string;
let admin: TestUser;
let admin2: TestUser;
let privacy: TestUser;
let a: Client;
let a2: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team');
  gem = await createOrganisation(t.db, region, 'municipal_team');
  vt = await createOrganisation(t.db, region, 'veilig_thuis');
  admin = await createUser(t.db, region, gem, ['functional_admin']);
  admin2 = await createUser(t.db, region, gem, ['functional_admin']);
  privacy = await createUser(t.db, region, gem, ['privacy_officer']);
  app = await testApp(t.server);
  [a, a2] = await Promise.all([login(app, admin.username), login(app, admin2.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

let n = 0;
const newAccount = (o: Record<string, unknown> = {}) => ({
  organisationId: team,
  displayName: `Collega ${++n}`,
  username: `sod.${n}.${Date.now().toString(36)}`,
  roles: ['professional'],
  ...o,
});
const rolesOf = async (id: string) =>
  (await t.db.query<{ roles: string[]; active: boolean }>(`SELECT roles, active FROM users WHERE id = $1`, [id]))[0]!;
const notificationsOf = (userId: string, kind: string) =>
  t.db.query(`SELECT 1 FROM notifications WHERE region_id = $1 AND user_id = $2 AND kind = $3`, [region, userId, kind]);
const auditReasons = async (objectType: string, objectId: string) =>
  (
    await t.db.query<{ reason: string; user_id: string }>(
      `SELECT reason, user_id FROM audit_log WHERE region_id = $1 AND object_type = $2 AND object_id = $3 ORDER BY seq`,
      [region, objectType, objectId],
    )
  ).map((r) => r.reason);
const rawLogin = (username: string, password = PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

describe('role combinations', () => {
  it('never combines the privacy officer with a care role: not at creation, not by a change, not in the database', async () => {
    for (const roles of [
      ['privacy_officer', 'professional'],
      ['privacy_officer', 'team_lead'],
      ['behavioural_scientist', 'privacy_officer'],
    ])
      expect(await a.post('/api/v1/accounts', newAccount({ roles }))).toMatchObject({
        status: 400,
        body: { code: 'incompatible_roles', field: 'roles' },
      });
    const u = await createUser(t.db, region, team, ['professional']);
    const acc = (await a.get(`/api/v1/accounts/${u.actor.userId}`)).body;
    expect(
      await a.put(`/api/v1/accounts/${acc.id}`, {
        displayName: acc.displayName,
        email: null,
        roles: ['professional', 'privacy_officer'],
        version: acc.version,
      }),
    ).toMatchObject({ status: 400, body: { code: 'incompatible_roles', field: 'roles' } });
    await expect(t.db.query(`UPDATE users SET roles = '{professional,privacy_officer}' WHERE id = $1`, [u.actor.userId])).rejects.toThrow();
    expect((await rolesOf(u.actor.userId)).roles).toEqual(['professional']);
  });
});

describe('four eyes', () => {
  it('makes team lead a proposal that only a second administrator applies, and then tells the privacy officer', async () => {
    const u = await createUser(t.db, region, team, ['professional', 'coordinator']);
    const acc = (await a.get(`/api/v1/accounts/${u.actor.userId}`)).body;
    const proposed = await a.put(`/api/v1/accounts/${acc.id}`, {
      displayName: 'Nieuwe Naam',
      email: null,
      roles: ['professional', 'coordinator', 'team_lead'],
      version: acc.version,
    });
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({
      displayName: 'Nieuwe Naam',
      roles: ['professional', 'coordinator'],
      pendingRoleChange: { roles: ['professional', 'coordinator', 'team_lead'], activates: false, proposedBy: { id: admin.actor.userId } },
    });
    expect((await rolesOf(acc.id)).roles).toEqual(['professional', 'coordinator']);
    expect(await notificationsOf(admin2.actor.userId, 'role_change_proposed')).toHaveLength(1);
    const proposalId = proposed.body.pendingRoleChange.id;

    expect(await a.post(`/api/v1/accounts/${acc.id}/role-change-approval`, { proposalId })).toMatchObject({
      status: 409,
      body: { code: 'four_eyes' },
    });
    // Nor can the database be talked into it: the proposer is not the approver.
    await expect(
      asActor(t.db, admin.actor, (tx) =>
        tx.query(`UPDATE role_change_proposals SET decided_by = $2, decided_at = now(), outcome = 'approved' WHERE id = $1`, [
          proposalId,
          admin.actor.userId,
        ]),
      ),
    ).rejects.toThrow();
    expect((await rolesOf(acc.id)).roles).toEqual(['professional', 'coordinator']);
    expect(await notificationsOf(privacy.actor.userId, 'role_change_approved')).toHaveLength(0);

    const approved = await a2.post(`/api/v1/accounts/${acc.id}/role-change-approval`, { proposalId });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ roles: ['professional', 'coordinator', 'team_lead'], pendingRoleChange: null });
    expect(await notificationsOf(privacy.actor.userId, 'role_change_approved')).toHaveLength(1);
    expect(await auditReasons('account', acc.id)).toEqual([
      'display name changed',
      'roles proposed: professional,coordinator → professional,coordinator,team_lead; needs a second administrator for team_lead',
      `roles: professional,coordinator → professional,coordinator,team_lead (proposed by ${admin.actor.userId}, approved)`,
    ]);
    expect(await a2.post(`/api/v1/accounts/${acc.id}/role-change-approval`, { proposalId })).toMatchObject({ status: 404 });
  });

  it('creates an account at an organisation with a safety task inactive, until a second administrator approves', async () => {
    const created = await a.post('/api/v1/accounts', newAccount({ organisationId: vt, roles: ['professional'] }));
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({
      active: false,
      safetyTask: true,
      pendingRoleChange: { roles: ['professional'], activates: true },
    });
    const username = created.body.account.username;
    expect((await rawLogin(username, created.body.initialPassword)).statusCode).toBe(401);
    // Reactivating by hand does not go round it.
    expect(
      (await a.post(`/api/v1/accounts/${created.body.account.id}/reactivate`, { version: created.body.account.version })).body,
    ).toMatchObject({ code: 'role_change_pending' });
    const ok = await a2.post(`/api/v1/accounts/${created.body.account.id}/role-change-approval`, {
      proposalId: created.body.account.pendingRoleChange.id,
    });
    expect(ok.body).toMatchObject({ active: true, pendingRoleChange: null });
    expect((await rawLogin(username, created.body.initialPassword)).statusCode).toBe(200);
  });

  it('asks a second administrator for the privacy-officer role and for reactivating a team lead; a rejection changes nothing', async () => {
    const u = await createUser(t.db, region, gem, ['inspector']);
    const acc = (await a.get(`/api/v1/accounts/${u.actor.userId}`)).body;
    const p = await a.put(`/api/v1/accounts/${acc.id}`, {
      displayName: acc.displayName,
      email: null,
      roles: ['privacy_officer'],
      version: acc.version,
    });
    expect(p.status).toBe(202);
    const rejected = await a2.post(`/api/v1/accounts/${acc.id}/role-change-rejection`, { proposalId: p.body.pendingRoleChange.id });
    expect(rejected.body).toMatchObject({ roles: ['inspector'], pendingRoleChange: null });

    const lead = await createUser(t.db, region, team, ['professional', 'team_lead']);
    const l = (await a.get(`/api/v1/accounts/${lead.actor.userId}`)).body;
    const off = await a.post(`/api/v1/accounts/${l.id}/deactivate`, { version: l.version });
    const on = await a.post(`/api/v1/accounts/${l.id}/reactivate`, { version: off.body.version });
    expect(on.status).toBe(202);
    expect(on.body).toMatchObject({ active: false, pendingRoleChange: { activates: true } });
    expect(await a2.post(`/api/v1/accounts/${l.id}/role-change-approval`, { proposalId: on.body.pendingRoleChange.id })).toMatchObject({
      status: 200,
      body: { active: true },
    });
  });

  it('lets a role without break-the-glass or audit log through at once', async () => {
    const u = await createUser(t.db, region, team, ['professional']);
    const acc = (await a.get(`/api/v1/accounts/${u.actor.userId}`)).body;
    const r = await a.put(`/api/v1/accounts/${acc.id}`, {
      displayName: acc.displayName,
      email: null,
      roles: ['professional', 'coordinator'],
      version: acc.version,
    });
    expect(r).toMatchObject({ status: 200, body: { roles: ['professional', 'coordinator'], pendingRoleChange: null } });
  });
});

describe("the administrator's resets", () => {
  it('resets an authenticator: sessions end at once, the next login links a new app, audited, privacy officer told', async () => {
    const secret = newTotpSecret();
    const u = await createUser(t.db, region, team, ['professional'], { totpRequired: true, totpSecret: secret });
    const first = await rawLogin(u.username);
    const half = clientFor(app, `regie_sid=${first.cookies.find((k) => k.name === 'regie_sid')!.value}`, first.json().csrfToken);
    const full = await half.post('/api/v1/session/second-factor', { code: await currentTotp(secret) });
    expect(full.status).toBe(200);
    const acc = (await a.get(`/api/v1/accounts/${u.actor.userId}`)).body;
    expect(acc.totpEnrolled).toBe(true);
    expect(await a.post(`/api/v1/accounts/${admin.actor.userId}/authenticator-reset`, { version: 1 })).toMatchObject({
      status: 409,
      body: { code: 'own_account' },
    });
    const priv = await login(app, privacy.username);
    expect((await priv.post(`/api/v1/accounts/${acc.id}/authenticator-reset`, { version: acc.version })).status).toBe(403);

    const r = await a.post(`/api/v1/accounts/${acc.id}/authenticator-reset`, { version: acc.version });
    expect(r).toMatchObject({ status: 200, body: { totpEnrolled: false, totpRequired: true, sessionsEnded: 1 } });
    expect(
      await t.db.query(`SELECT 1 FROM sessions WHERE region_id = $1 AND user_id = $2 AND ended_at IS NULL`, [region, acc.id]),
    ).toHaveLength(0);
    expect((await rawLogin(u.username)).json().state).toBe('enrolment_required');
    expect(await auditReasons('authenticator', acc.id)).toContain('authenticator reset by the administrator; 1 session(s) ended');
    expect(await notificationsOf(privacy.actor.userId, 'authenticator_reset')).toHaveLength(1);
  });

  it('resets a password to a one-time password that works once and must be replaced', async () => {
    const u = await createUser(t.db, region, team, ['professional']);
    const before = await login(app, u.username);
    const acc = (await a.get(`/api/v1/accounts/${u.actor.userId}`)).body;
    const r = await a.post(`/api/v1/accounts/${acc.id}/password-reset`, { version: acc.version });
    expect(r).toMatchObject({ status: 200, body: { sessionsEnded: 1, initialPassword: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) } });
    expect((await before.get('/api/v1/session')).status).toBe(401);
    expect((await rawLogin(u.username, PASSWORD)).statusCode).toBe(401);
    const once = await rawLogin(u.username, r.body.initialPassword);
    expect(once.json().state).toBe('password_change_required');
    expect((await rawLogin(u.username, r.body.initialPassword)).statusCode).toBe(401);
    expect(await auditReasons('password', acc.id)).toEqual(['password reset by the administrator (one-time password); 1 session(s) ended']);
  });
});
