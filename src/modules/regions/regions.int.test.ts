// A new region, from the web app (an installation administrator) and from the command line:
// its first organisation and functional administrator (one-time password, authenticator app
// required), default settings, no demo data, an audit chain that starts with the creation, and
// all or nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { verifyChain } from '../../platform/audit/audit.js';
import { setInstallationAdmin } from './regions.service.js';
import { addRegionCommand, installationAdminCommand } from '../../cli/region-add.js';

let t: TestDb;
let app: App;
let home: string;
let installer: TestUser;
let admin: TestUser;
let prof: TestUser;
let i: Client;
let a: Client;
let p: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  home = await createRegion(t.db);
  const gem = await createOrganisation(t.db, home, 'municipal_team', 'Gemeente Thuis');
  installer = await createUser(t.db, home, gem, ['functional_admin']);
  admin = await createUser(t.db, home, gem, ['functional_admin']);
  prof = await createUser(t.db, home, gem, ['professional']);
  await setInstallationAdmin(t.db, installer.username, true);
  app = await testApp(t.server);
  [i, a, p] = await Promise.all([login(app, installer.username), login(app, admin.username), login(app, prof.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const code = () => `r-${randomUUID().slice(0, 8)}`;
const body = (id = code(), o: Record<string, unknown> = {}) => ({
  id,
  name: `Regio ${id}`,
  organisation: { name: `Sociaal Team ${id}`, type: 'municipal_team' },
  admin: { username: `beheer.${id}`, displayName: 'Eerste Beheerder' },
  ...o,
});
const count = async (sql: string, args: unknown[]) => Number((await t.db.query<{ n: string }>(sql, args))[0]!.n);
const written = async (regionId: string) => ({
  regions: await count('SELECT count(*)::text AS n FROM regions WHERE id = $1', [regionId]),
  organisations: await count('SELECT count(*)::text AS n FROM organisations WHERE region_id = $1', [regionId]),
  users: await count('SELECT count(*)::text AS n FROM users WHERE region_id = $1', [regionId]),
  audit: await count('SELECT count(*)::text AS n FROM audit_log WHERE region_id = $1', [regionId]),
});

describe('an installation administrator creates a region in the web app', () => {
  it('makes the region, its organisation, its first functional administrator with a one-time password, default settings and nothing else', async () => {
    const b = body();
    const r = await i.post('/api/v1/regions', b);
    expect(r.status).toBe(201);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toMatchObject({
      region: { id: b.id, name: b.name },
      organisation: { name: b.organisation.name, type: 'municipal_team' },
      admin: { username: b.admin.username, displayName: 'Eerste Beheerder' },
    });
    expect(r.body.initialPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const [u] = await t.db.query<Record<string, any>>(
      `SELECT roles, password_hash, password_change_required, totp_required, totp_secret, active, organisation_id FROM users WHERE region_id = $1`,
      [b.id],
    );
    expect(u).toMatchObject({
      roles: ['functional_admin'],
      password_change_required: true,
      totp_required: true,
      totp_secret: null,
      active: true,
      organisation_id: r.body.organisation.id,
    });
    expect(u!.password_hash).toMatch(/^\$argon2id\$/);
    const [s] = await t.db.query<Record<string, any>>('SELECT * FROM signal_settings WHERE region_id = $1', [b.id]);
    expect(s).toMatchObject({
      acute_working_days: 0,
      high_working_days: 5,
      normal_working_days: 10,
      front_door_organisation_id: r.body.organisation.id,
    });
    for (const table of ['families', 'persons', 'cases', 'signals', 'timeline_events'])
      expect(await count(`SELECT count(*)::text AS n FROM ${table} WHERE region_id = $1`, [b.id]), table).toBe(0);
    // Not an installation administrator because of it.
    expect(await count('SELECT count(*)::text AS n FROM installation_admins WHERE region_id = $1', [b.id])).toBe(0);

    // The new region's audit chain starts with its creation, by the named installation administrator.
    // (seq: the place in its chain; the three rows are one transaction's, so in one chain.)
    const rows = await t.db.query<{ seq: string; action: string; object_type: string; user_id: string; on_behalf_of: string }>(
      'SELECT chain_seq::text AS seq, action, object_type, user_id, on_behalf_of FROM audit_log WHERE region_id = $1 ORDER BY seq',
      [b.id],
    );
    expect(rows.map((x) => [x.seq, x.action, x.object_type, x.user_id, x.on_behalf_of])).toEqual([
      ['1', 'create', 'region', installer.actor.userId, 'installation'],
      ['2', 'create', 'organisation', installer.actor.userId, 'installation'],
      ['3', 'create', 'account', installer.actor.userId, 'installation'],
    ]);
    expect((await verifyChain(t.db, b.id)).ok).toBe(true);
    expect((await i.get('/api/v1/regions')).body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([home, b.id]));
    expect(
      await count(
        `SELECT count(*)::text AS n FROM audit_log WHERE region_id = $1 AND object_type = 'region' AND object_id = $2 AND user_id = $3`,
        [home, b.id, installer.actor.userId],
      ),
    ).toBe(1);

    // The one-time password opens the first login once, and only to choose a password and link an app.
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: b.admin.username, password: r.body.initialPassword },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().state).not.toBe('ok');
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: b.admin.username, password: r.body.initialPassword },
    });
    expect(again.statusCode).toBe(401);
  });

  it('takes an Idempotency-Key as the web app sends it: a retry answers the first result and makes no second region', async () => {
    const b = body();
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/regions',
        payload: b,
        headers: { cookie: i.cookie, 'x-csrf-token': i.csrf, 'idempotency-key': `region-${b.id}` },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await written(b.id)).toMatchObject({ regions: 1, organisations: 1, users: 1 });
  });

  it('refuses the same region code a second time, clearly, and writes nothing', async () => {
    const b = body();
    expect((await i.post('/api/v1/regions', b)).status).toBe(201);
    const before = await written(b.id);
    const r = await i.post('/api/v1/regions', body(b.id, { admin: { username: `ander.${b.id}`, displayName: 'Ander' } }));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'region_exists', field: 'id' });
    expect(await written(b.id)).toEqual(before);
    expect(await count('SELECT count(*)::text AS n FROM users WHERE username = $1', [`ander.${b.id}`])).toBe(0);
  });

  it('refuses a taken username and leaves no half region behind', async () => {
    const b = body(code(), { admin: { username: prof.username, displayName: 'Dubbel' } });
    const r = await i.post('/api/v1/regions', b);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'username_taken', field: 'admin.username' });
    expect(await written(b.id)).toEqual({ regions: 0, organisations: 0, users: 0, audit: 0 });
  });

  it('names the field of invalid input', async () => {
    const r = await i.post('/api/v1/regions', body('Niet Goed!'));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('id');
    expect((await i.post('/api/v1/regions', body(code(), { organisation: { name: 'X', type: 'bakery' } }))).status).toBe(400);
  });
});

describe('who may create a region', () => {
  it('not a functional administrator who is no installation administrator: 403, audited, nothing written', async () => {
    const b = body();
    const r = await a.post('/api/v1/regions', b);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('not_installation_admin');
    expect((await a.get('/api/v1/regions')).status).toBe(403);
    expect(await written(b.id)).toEqual({ regions: 0, organisations: 0, users: 0, audit: 0 });
    expect(
      await count(`SELECT count(*)::text AS n FROM audit_log WHERE region_id = $1 AND user_id = $2 AND outcome = 'denied'`, [
        home,
        admin.actor.userId,
      ]),
    ).toBeGreaterThan(0);
  });

  it('not a professional (the policy), and not an installation administrator whose right was withdrawn', async () => {
    expect((await p.post('/api/v1/regions', body())).status).toBe(403);
    await setInstallationAdmin(t.db, installer.username, false);
    try {
      expect((await i.post('/api/v1/regions', body())).body.code).toBe('not_installation_admin');
    } finally {
      await setInstallationAdmin(t.db, installer.username, true);
    }
  });
});

describe('regie region add and regie installation-admin', () => {
  it('creates a region with its first administrator and prints the one-time password once; the same code again is a clear error', async () => {
    const id = code();
    const args = [
      'add',
      '--id',
      id,
      '--name',
      'Noord',
      '--organisation',
      'Sociaal Team Noord',
      '--admin-username',
      `beheer.${id}`,
      '--admin-name',
      'Nora Noord',
    ];
    const out = await addRegionCommand(t.db, args);
    const [u] = await t.db.query<{ password_change_required: boolean; totp_required: boolean; roles: string[] }>(
      'SELECT password_change_required, totp_required, roles FROM users WHERE region_id = $1',
      [id],
    );
    expect(u).toEqual({ password_change_required: true, totp_required: true, roles: ['functional_admin'] });
    const password = /werkt één keer\): (\S+)/.exec(out)![1];
    expect((await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: `beheer.${id}`, password } })).statusCode).toBe(
      200,
    );
    // The region's first row (first in writing order, first of its chain).
    const [first] = await t.db.query<{ object_type: string; user_id: string | null; user_agent: string; chain_seq: number }>(
      'SELECT object_type, user_id, user_agent, chain_seq::int FROM audit_log WHERE region_id = $1 ORDER BY seq LIMIT 1',
      [id],
    );
    expect(first).toEqual({ object_type: 'region', user_id: null, user_agent: 'regie region add', chain_seq: 1 });
    const before = await written(id);
    await expect(addRegionCommand(t.db, [...args.slice(0, -4), '--admin-username', `ander.${id}`, '--admin-name', 'X'])).rejects.toThrow(
      /already exists/,
    );
    expect(await written(id)).toEqual(before);
    await expect(addRegionCommand(t.db, ['add', '--id', code(), '--name', 'X'])).rejects.toThrow(/--organisation/);
  });

  it("grants and withdraws the installation administrator, audited in the account's region", async () => {
    expect(await installationAdminCommand(t.db, ['add', '--username', admin.username])).toContain('beheerder van de installatie');
    expect((await a.post('/api/v1/regions', body())).status).toBe(201);
    await installationAdminCommand(t.db, ['remove', '--username', admin.username]);
    expect((await a.post('/api/v1/regions', body())).status).toBe(403);
    expect(
      await count(
        `SELECT count(*)::text AS n FROM audit_log WHERE region_id = $1 AND object_id = $2 AND reason LIKE '%installation administrator%'`,
        [home, admin.actor.userId],
      ),
    ).toBe(2);
  });
});
