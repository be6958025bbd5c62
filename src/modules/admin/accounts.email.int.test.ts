// Accounts and their e-mail address: with e-mail notifications on (an SMTP server configured),
// an account cannot be created or saved without an address — it would silently get no e-mail —
// and the administrator can list the active accounts that cannot be reached by e-mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';

let t: TestDb;
let withMail: App;
let withoutMail: App;
let region: string;
let team: string;
let admin: TestUser;
let lead: TestUser;
let a: Client;
let aNoMail: Client;
let l: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team', 'Sociaal Team Goes');
  admin = await createUser(t.db, region, team, ['functional_admin']);
  lead = await createUser(t.db, region, team, ['professional', 'coordinator', 'team_lead']);
  // No server listens there: nothing is sent in these tests (the mail job does not run), the setting alone counts.
  withMail = await testApp(t.server, { SMTP_HOST: '127.0.0.1', SMTP_PORT: '2' });
  withoutMail = await testApp(t.server);
  a = await login(withMail, admin.username);
  aNoMail = await login(withoutMail, admin.username);
  l = await login(withMail, lead.username);
});
afterAll(async () => {
  await withMail?.close();
  await withoutMail?.close();
  await t?.drop();
});

let n = 0;
const newAccount = (o: Record<string, unknown> = {}) => ({
  organisationId: team,
  displayName: `Collega ${++n}`,
  username: `collega.mail.${n}.${Date.now().toString(36)}`,
  roles: ['professional'],
  ...o,
});

describe('with e-mail notifications on', () => {
  it('an account needs an e-mail address to be created and to be saved (field email), and the list says so', async () => {
    const missing = await a.post('/api/v1/accounts', newAccount());
    expect(missing.status).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ code: 'email_required', field: 'email' });
    expect(missing.body.detail).toContain('e-mailadres');
    const created = await a.post('/api/v1/accounts', newAccount({ email: 'collega@example.nl' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const acc = created.body.account;
    const cleared = await a.put(`/api/v1/accounts/${acc.id}`, {
      displayName: acc.displayName,
      email: null,
      roles: acc.roles,
      version: acc.version,
    });
    expect(cleared.body).toMatchObject({ status: 400, code: 'email_required', field: 'email' });
    expect((await a.get(`/api/v1/accounts/${acc.id}`)).body.email).toBe('collega@example.nl');
    expect((await a.get('/api/v1/accounts')).body.emailRequired).toBe(true);
  });
});

describe('with e-mail notifications off', () => {
  it('the address stays optional', async () => {
    const created = await aNoMail.post('/api/v1/accounts', newAccount());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.account.email).toBeNull();
    expect((await aNoMail.get('/api/v1/accounts')).body.emailRequired).toBe(false);
  });
});

describe('the accounts that cannot be reached', () => {
  it('are the active accounts without an e-mail address; an address takes one off the list', async () => {
    const region2 = await createRegion(t.db);
    const org2 = await createOrganisation(t.db, region2, 'municipal_team');
    const elsewhere = await createUser(t.db, region2, org2, ['professional']);
    const noMail = (await aNoMail.post('/api/v1/accounts', newAccount())).body.account;
    const blocked = (await aNoMail.post('/api/v1/accounts', newAccount())).body.account;
    expect((await aNoMail.post(`/api/v1/accounts/${blocked.id}/deactivate`, { version: blocked.version })).status).toBe(200);
    const withAddress = (await aNoMail.post('/api/v1/accounts', newAccount({ email: 'bereikbaar@example.nl' }))).body.account;

    const unreachable = async () => {
      const r = await a.get('/api/v1/accounts?status=active&reachable=false&limit=100');
      expect(r.status).toBe(200);
      return r.body.items as Array<{ id: string; email: string | null; active: boolean }>;
    };
    const ids = (await unreachable()).map((x) => x.id);
    expect(ids).toContain(noMail.id);
    // The test factory's users have no address either.
    expect(ids).toEqual(expect.arrayContaining([admin.actor.userId, lead.actor.userId]));
    expect(ids).not.toContain(blocked.id);
    expect(ids).not.toContain(withAddress.id);
    expect(ids).not.toContain(elsewhere.actor.userId);
    expect((await unreachable()).every((x) => x.email === null && x.active)).toBe(true);
    const reachable = (await a.get('/api/v1/accounts?reachable=true&limit=100')).body.items.map((x: { id: string }) => x.id);
    expect(reachable).toContain(withAddress.id);
    expect(reachable).not.toContain(noMail.id);

    const saved = await a.put(`/api/v1/accounts/${noMail.id}`, {
      displayName: noMail.displayName,
      email: 'nu.wel@example.nl',
      roles: noMail.roles,
      version: noMail.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await unreachable()).map((x) => x.id)).not.toContain(noMail.id);
    // Only the functional administrator sees the list; a bad filter is a 400 on its field.
    expect((await l.get('/api/v1/accounts?reachable=false')).status).toBe(403);
    expect((await a.get('/api/v1/accounts?reachable=maybe')).body).toMatchObject({ status: 400 });
  });
});
