// Functional administration against a real database: region settings (triage norms, front door),
// organisations, the paged pick lists and the access rules. Accounts: accounts.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { PERMISSIONS } from '../../platform/access/policy.js';
import { ROLES } from '../../platform/access/actor.js';
import { addWorkingDays, dutchToday } from '../../platform/time/working-days.js';
import { createSignal } from '../signals/signals.service.js';
import { CreateSignalBody } from '../signals/signals.contract.js';
import { formRegions } from '../signals/public.service.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let vt: string;
let school: string;
let admin: TestUser;
let prof: TestUser;
let privacy: TestUser;
let a: Client;
let p: Client;
let po: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team', 'Sociaal Team Vlissingen');
  vt = await createOrganisation(t.db, region, 'veilig_thuis', 'Veilig Thuis Zeeland');
  school = await createOrganisation(t.db, region, 'school', 'Scalda');
  const gem = await createOrganisation(t.db, region, 'municipal_team', 'Gemeente Vlissingen');
  admin = await createUser(t.db, region, gem, ['functional_admin']);
  prof = await createUser(t.db, region, school, ['professional']);
  privacy = await createUser(t.db, region, gem, ['privacy_officer']);
  app = await testApp(t.server);
  [a, p, po] = await Promise.all([login(app, admin.username), login(app, prof.username), login(app, privacy.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const auditRows = (objectType: string, objectId?: string) =>
  t.db.query<{ action: string; user_id: string; reason: string | null; person_id: string | null; outcome: string }>(
    `SELECT action, user_id, reason, person_id, outcome FROM audit_log WHERE region_id = $1 AND object_type = $2 AND ($3::text IS NULL OR object_id = $3) ORDER BY seq`,
    [region, objectType, objectId ?? null],
  );

const settings = (o: { acute?: number; high?: number; normal?: number; frontDoor?: string | null; version: number }) => ({
  workingDays: { acute: o.acute ?? 0, high: o.high ?? 5, normal: o.normal ?? 10 },
  frontDoorOrganisationId: o.frontDoor === undefined ? null : o.frontDoor,
  version: o.version,
});

describe('region settings: triage norms and the front door', () => {
  it('refuses invalid norms with a 400 that names the field, and never reaches the database CHECKs', async () => {
    const cases: Array<[unknown, string]> = [
      [settings({ acute: 3, high: 2, version: 0 }), 'workingDays.high'],
      [settings({ high: 12, normal: 11, version: 0 }), 'workingDays.normal'],
      [settings({ normal: 91, version: 0 }), 'workingDays.normal'],
      [settings({ acute: 31, high: 40, normal: 50, version: 0 }), 'workingDays.acute'],
      [settings({ acute: -1, version: 0 }), 'workingDays.acute'],
      [settings({ high: 2.5, version: 0 }), 'workingDays.high'],
      [{ ...settings({ version: 0 }), workingDays: { acute: 0, high: 5 } }, 'workingDays.normal'],
      [{ ...settings({ version: 0 }), frontDoorOrganisationId: 'niet-een-id' }, 'frontDoorOrganisationId'],
      [{ workingDays: { acute: 0, high: 5, normal: 10 }, frontDoorOrganisationId: null }, 'version'],
    ];
    for (const [body, field] of cases) {
      const r = await a.put('/api/v1/region-settings', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.field, JSON.stringify(body)).toBe(field);
      expect(r.body.detail).toBeTruthy();
      expect(r.body.detailEn).toBeTruthy();
    }
    const unknown = await a.put('/api/v1/region-settings', settings({ frontDoor: '00000000-0000-4000-8000-000000000000', version: 0 }));
    expect(unknown).toMatchObject({ status: 400, body: { field: 'frontDoorOrganisationId', code: 'unknown_organisation' } });
    // A school reports concerns but does not triage them: it cannot be the front door.
    const notTriaging = await a.put('/api/v1/region-settings', settings({ frontDoor: school, version: 0 }));
    expect(notTriaging).toMatchObject({ status: 400, body: { field: 'frontDoorOrganisationId', code: 'front_door_type' } });
    expect((await a.get('/api/v1/region-settings')).body).toMatchObject({ saved: false, version: 0 });
  });

  it('is for the functional administrator only: 403 for a professional and the privacy officer', async () => {
    for (const c of [p, po]) {
      expect((await c.get('/api/v1/region-settings')).status).toBe(403);
      const r = await c.put('/api/v1/region-settings', settings({ normal: 20, version: 0 }));
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('forbidden');
    }
    // Row-level security says the same when the application check is bypassed.
    await expect(
      asActor(t.db, prof.actor, (tx) => tx.query(`INSERT INTO signal_settings (region_id, normal_working_days) VALUES ($1, 20)`, [region])),
    ).rejects.toThrow();
    expect(await t.db.query(`SELECT 1 FROM signal_settings WHERE region_id = $1`, [region])).toHaveLength(0);
  });

  it('saves with the version read, refuses a stale version with 409, and audits each change', async () => {
    const first = await a.get('/api/v1/region-settings');
    expect(first.body).toMatchObject({
      workingDays: { acute: 0, high: 5, normal: 10 },
      frontDoorOrganisation: null,
      publicFormOpen: false,
      saved: false,
      version: 0,
      limits: { acute: 30, high: 60, normal: 90 },
    });
    const saved = await a.put('/api/v1/region-settings', settings({ acute: 1, high: 3, normal: 8, frontDoor: team, version: 0 }));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      workingDays: { acute: 1, high: 3, normal: 8 },
      frontDoorOrganisation: { id: team, name: 'Sociaal Team Vlissingen' },
      publicFormOpen: true,
      saved: true,
      version: 1,
    });
    // A second administrator who read version 0 (the defaults) does not overwrite it.
    const stale = await a.put('/api/v1/region-settings', settings({ normal: 12, version: 0 }));
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale_version', field: 'version' } });
    const staleAgain = await a.put('/api/v1/region-settings', settings({ acute: 1, high: 3, normal: 12, frontDoor: team, version: 7 }));
    expect(staleAgain.status).toBe(409);
    expect((await a.get('/api/v1/region-settings')).body.workingDays.normal).toBe(8);
    const second = await a.put('/api/v1/region-settings', settings({ acute: 1, high: 3, normal: 9, frontDoor: vt, version: 1 }));
    expect(second.body).toMatchObject({ version: 2, frontDoorOrganisation: { id: vt } });

    const rows = await auditRows('region-settings', region);
    expect(rows.map((r) => [r.action, r.user_id, r.person_id])).toEqual([
      ['create', admin.actor.userId, null],
      ['update', admin.actor.userId, null],
    ]);
    expect(rows[0]?.reason).toContain('triage normal: 10 → 8 working days');
    expect(rows[1]?.reason).toBe(`triage normal: 8 → 9 working days; front door: ${team} → ${vt}`);
  });

  it('gives new signals the new norm and leaves the deadlines of earlier signals as they were', async () => {
    const current = (await a.get('/api/v1/region-settings')).body;
    const friday = new Date('2026-04-24T10:00:00+02:00');
    const body = CreateSignalBody.parse({
      receivingOrganisationId: team,
      source: 'school',
      whatSeen: 'Kind komt al weken zonder ontbijt naar school.',
      safetyAtStake: false,
      urgency: 'normal',
      subjectDescription: 'Een leerling',
    });
    const before = await createSignal(t.db, prof.actor, body, friday);
    expect(before.triageDueOn).toBe(addWorkingDays('2026-04-24', current.workingDays.normal));

    const changed = await a.put('/api/v1/region-settings', {
      ...settings({ acute: 1, high: 3, normal: 15, frontDoor: vt, version: current.version }),
    });
    expect(changed.status).toBe(200);
    const after = await createSignal(t.db, prof.actor, body, friday);
    expect(after.triageDueOn).toBe(addWorkingDays('2026-04-24', 15));
    expect(after.triageDueOn).not.toBe(before.triageDueOn);
    const stored = await t.db.query<{ id: string; due: string }>(
      `SELECT id, triage_due_on::text AS due FROM signals WHERE id = ANY($1::uuid[])`,
      [[before.id, after.id]],
    );
    expect(Object.fromEntries(stored.map((s) => [s.id, s.due]))).toEqual({
      [before.id]: before.triageDueOn,
      [after.id]: after.triageDueOn,
    });

    // Through the API too, on today's date (3 working days for high since the change above).
    const today = dutchToday();
    const viaApi = await p.post('/api/v1/signals', { ...body, urgency: 'high' });
    expect(viaApi.status).toBe(201);
    if (dutchToday() === today) expect(viaApi.body.triageDueOn).toBe(addWorkingDays(today, 3));
  });

  it('opens and closes the public concern form with the front door', async () => {
    expect((await formRegions(t.db)).map((r) => r.id)).toContain(region);
    const current = (await a.get('/api/v1/region-settings')).body;
    const closed = await a.put('/api/v1/region-settings', {
      workingDays: current.workingDays,
      frontDoorOrganisationId: null,
      version: current.version,
    });
    expect(closed.body).toMatchObject({ publicFormOpen: false, frontDoorOrganisation: null });
    expect((await formRegions(t.db)).map((r) => r.id)).not.toContain(region);
  });
});

describe('organisations', () => {
  it('creates, lists and changes an organisation with version checks, validation per field and an audit row', async () => {
    const created = await a.post('/api/v1/organisations', { name: '  Huisartsenpraktijk Oost  ', type: 'gp_practice', safetyTask: false });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/organisations/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Huisartsenpraktijk Oost', type: 'gp_practice', safetyTask: false, version: 1 });
    const id = created.body.id as string;

    expect(await a.post('/api/v1/organisations', { name: 'huisartsenpraktijk oost', type: 'school', safetyTask: false })).toMatchObject({
      status: 409,
      body: { code: 'organisation_exists', field: 'name' },
    });
    expect(await a.post('/api/v1/organisations', { name: ' ', type: 'school', safetyTask: false })).toMatchObject({
      status: 400,
      body: { field: 'name' },
    });
    expect(await a.post('/api/v1/organisations', { name: 'Bakkerij', type: 'bakery', safetyTask: false })).toMatchObject({
      status: 400,
      body: { field: 'type' },
    });
    expect(await a.post('/api/v1/organisations', { name: 'Zonder vlag', type: 'school' })).toMatchObject({
      status: 400,
      body: { field: 'safetyTask' },
    });

    const changed = await a.put(`/api/v1/organisations/${id}`, {
      name: 'Huisartsenpraktijk Oost-Souburg',
      type: 'gp_practice',
      safetyTask: false,
      version: 1,
    });
    expect(changed.body).toMatchObject({ name: 'Huisartsenpraktijk Oost-Souburg', version: 2 });
    const stale = await a.put(`/api/v1/organisations/${id}`, { name: 'Iets anders', type: 'gp_practice', safetyTask: true, version: 1 });
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale_version', field: 'version' } });
    expect((await a.get(`/api/v1/organisations/${id}`)).body).toMatchObject({
      name: 'Huisartsenpraktijk Oost-Souburg',
      safetyTask: false,
      version: 2,
    });
    expect(
      await a.put(`/api/v1/organisations/${id}`, { name: 'Scalda', type: 'gp_practice', safetyTask: false, version: 2 }),
    ).toMatchObject({ status: 409, body: { field: 'name' } });
    expect(
      (
        await a.put('/api/v1/organisations/00000000-0000-4000-8000-000000000000', {
          name: 'X',
          type: 'school',
          safetyTask: false,
          version: 1,
        })
      ).status,
    ).toBe(404);

    const rows = await auditRows('organisation', id);
    expect(rows.filter((r) => r.outcome === 'allowed').map((r) => [r.action, r.user_id, r.reason])).toEqual([
      ['create', admin.actor.userId, 'type gp_practice; safety task false'],
      ['update', admin.actor.userId, 'changed: name'],
    ]);
    // The two refused changes (stale version, name taken) are audited as denied (issue 8).
    expect(rows.filter((r) => r.outcome === 'denied').map((r) => [r.action, r.reason])).toEqual([
      ['update', 'stale_version'],
      ['update', 'organisation_exists'],
    ]);
  });

  it('keeps the front door an organisation that triages', async () => {
    const current = (await a.get('/api/v1/region-settings')).body;
    await a.put('/api/v1/region-settings', { workingDays: current.workingDays, frontDoorOrganisationId: team, version: current.version });
    const org = (await a.get(`/api/v1/organisations/${team}`)).body;
    expect(
      await a.put(`/api/v1/organisations/${team}`, { name: org.name, type: 'school', safetyTask: false, version: org.version }),
    ).toMatchObject({ status: 400, body: { code: 'front_door_type', field: 'type' } });
  });

  it('lets only the functional administrator write (403), while everyone with user:list reads the list', async () => {
    expect((await p.post('/api/v1/organisations', { name: 'Stiekem', type: 'school', safetyTask: false })).status).toBe(403);
    expect(
      (await p.put(`/api/v1/organisations/${school}`, { name: 'Stiekem', type: 'school', safetyTask: false, version: 1 })).status,
    ).toBe(403);
    expect((await po.post('/api/v1/organisations', { name: 'Stiekem', type: 'school', safetyTask: false })).status).toBe(403);
    const list = await p.get('/api/v1/organisations');
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map((o: { name: string }) => o.name)).toContain('Scalda');
    // Row-level security refuses the write of a non-administrator too.
    const rows = await asActor(t.db, prof.actor, (tx) =>
      tx.query(`UPDATE organisations SET name = 'Stiekem' WHERE region_id = $1 AND id = $2 RETURNING id`, [region, school]),
    );
    expect(rows).toHaveLength(0);
  });

  it('pages through every organisation exactly once, also when searching, and refuses a broken cursor', async () => {
    const r2 = await createRegion(t.db);
    const names = Array.from(
      { length: 23 },
      (_, i) => `${i % 3 === 0 ? 'Wijkteam' : 'School'} ${String.fromCharCode(65 + ((i * 7) % 26))}${i}`,
    );
    // Two with the same name in another case: the id breaks the tie.
    const ids = [
      ...(await Promise.all(names.map((n) => createOrganisation(t.db, r2, 'school', n)))),
      await createOrganisation(t.db, r2, 'school', 'School A0'),
    ];
    const gem = await createOrganisation(t.db, r2, 'municipal_team', 'Gemeente');
    const admin2 = await login(app, (await createUser(t.db, r2, gem, ['functional_admin'])).username);
    const all = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: { status: number; body: any } = await admin2.get(
          `/api/v1/organisations?limit=5${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(r.status).toBe(200);
        expect(r.body.items.length).toBeLessThanOrEqual(5);
        seen.push(...r.body.items.map((o: { id: string }) => o.id));
        cursor = r.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      return seen;
    };
    const everything = await all('');
    expect(everything).toHaveLength(ids.length + 1);
    expect(new Set(everything).size).toBe(everything.length);
    expect(new Set(everything)).toEqual(new Set([...ids, gem]));
    const unpaged = (await admin2.get('/api/v1/organisations')).body.items.map((o: { id: string }) => o.id);
    expect(everything).toEqual(unpaged);
    const wijk = await all('&q=WIJKteam');
    expect(wijk).toHaveLength(names.filter((n) => n.startsWith('Wijkteam')).length);
    expect((await admin2.get('/api/v1/organisations?cursor=bm9wZQ')).body).toMatchObject({ field: 'cursor' });
    const forged = Buffer.from(JSON.stringify(['School', 'not-a-uuid'])).toString('base64url');
    expect(await admin2.get(`/api/v1/organisations?cursor=${forged}`)).toMatchObject({ status: 400, body: { field: 'cursor' } });
    // Another region's organisations never show.
    expect(everything).not.toContain(team);
  });
});

describe('professionals pick list', () => {
  it('pages through every professional exactly once, in the order of the unpaged list', async () => {
    const r3 = await createRegion(t.db);
    const orgs = await Promise.all(['Team B', 'Team A', 'Team C'].map((n) => createOrganisation(t.db, r3, 'municipal_team', n)));
    const users = await Promise.all(
      Array.from({ length: 11 }, (_, i) => createUser(t.db, r3, orgs[i % 3]!, i % 2 ? ['professional'] : ['professional', 'coordinator'])),
    );
    await createUser(t.db, r3, orgs[0]!, ['functional_admin']);
    const c = await login(app, users[0]!.username);
    for (const qualified of ['', '&qualified=true']) {
      const unpaged = (await c.get(`/api/v1/professionals?limit=500${qualified}`)).body;
      expect(unpaged.nextCursor).toBeNull();
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r: { body: any } = await c.get(`/api/v1/professionals?limit=2${qualified}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...r.body.items.map((u: { id: string }) => u.id));
        cursor = r.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(unpaged.items.map((u: { id: string }) => u.id));
      expect(seen).toHaveLength(qualified ? 6 : 11);
      expect(new Set(seen).size).toBe(seen.length);
    }
    expect((await c.get('/api/v1/professionals?cursor=xyz')).status).toBe(400);
  });
});

describe('access rules in words', () => {
  it('lists every role with exactly the permissions of the policy table, with Dutch and English labels', async () => {
    const r = await a.get('/api/v1/access-rules');
    expect(r.status).toBe(200);
    expect(r.body.roles.map((x: { role: string }) => x.role)).toEqual([...ROLES]);
    for (const role of r.body.roles as Array<{ role: string; label: { nl: string }; permissions: string[] }>) {
      const expected = Object.entries(PERMISSIONS)
        .filter(([, roles]) => (roles as readonly string[]).includes(role.role))
        .map(([perm]) => perm);
      expect(role.permissions, role.role).toEqual(expected);
      expect(role.label.nl).toBeTruthy();
    }
    const admins = r.body.roles.find((x: { role: string }) => x.role === 'functional_admin');
    expect(admins.label.nl).toBe('Functioneel beheerder');
    expect(admins.permissions).toEqual(expect.arrayContaining(['admin:settings', 'admin:organisations', 'admin:users']));
    expect(r.body.permissions).toHaveLength(Object.keys(PERMISSIONS).length);
    expect(r.body.permissions.every((x: { label: { nl: string; en: string } }) => x.label.nl && x.label.en)).toBe(true);
    expect(r.body.recordRules.length).toBeGreaterThan(0);
    expect((await po.get('/api/v1/access-rules')).status).toBe(200);
    expect((await p.get('/api/v1/access-rules')).status).toBe(403);
  });
});
