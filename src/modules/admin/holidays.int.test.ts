// The region decides whether 5 May (Bevrijdingsdag) counts as a holiday in deadlines: the setting
// in the region settings (with version check), the triage deadline it gives, and the holidays a
// deadline skipped as the screens show them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { createSignal, readSignal } from '../signals/signals.service.js';
import { CreateSignalBody } from '../signals/signals.contract.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let admin: TestUser;
let prof: TestUser;
let a: Client;
let p: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team', 'Sociaal Team Goes');
  const gem = await createOrganisation(t.db, region, 'municipal_team', 'Gemeente Goes');
  admin = await createUser(t.db, region, gem, ['functional_admin']);
  prof = await createUser(t.db, region, team, ['professional']);
  app = await testApp(t.server);
  [a, p] = await Promise.all([login(app, admin.username), login(app, prof.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const norms = { acute: 0, high: 5, normal: 10 };
// Friday 24 April 2026: Monday 27 April is Koningsdag; 5 May 2026 is a Tuesday in no lustrum year.
const friday = new Date('2026-04-24T10:00:00+02:00');
const signal = () =>
  createSignal(
    t.db,
    prof.actor,
    CreateSignalBody.parse({
      receivingOrganisationId: team,
      source: 'school',
      subjectDescription: 'Een leerling',
      whatSeen: 'Komt al weken zonder ontbijt naar school.',
      safetyAtStake: false,
      urgency: 'normal',
    }),
    friday,
  );
const dueOn = async () => (await signal()).triageDueOn;
const skipped = async (from: string, to: string) => (await p.get(`/api/v1/skipped-holidays?from=${from}&to=${to}`)).body;

describe('Bevrijdingsdag per region', () => {
  it('by default counts 5 May only in lustrum years: a normal deadline from 24 April 2026 is 11 May, skipping Koningsdag', async () => {
    const s = (await a.get('/api/v1/region-settings')).body;
    expect(s).toMatchObject({ saved: false, version: 0, liberationDay: 'lustrum' });
    expect(await dueOn()).toBe('2026-05-11');
    expect(await skipped('2026-04-24', '2026-05-11')).toEqual({
      items: [{ date: '2026-04-27', name: 'Koningsdag' }],
      liberationDay: 'lustrum',
    });
    // 2025 was a lustrum year: Monday 5 May 2025 was skipped.
    expect((await skipped('2025-05-01', '2025-05-09')).items).toEqual([{ date: '2025-05-05', name: 'Bevrijdingsdag' }]);
  });

  it('is set by the functional administrator with a version check, audited; the deadline and the skipped days follow it', async () => {
    const first = await a.put('/api/v1/region-settings', {
      workingDays: norms,
      frontDoorOrganisationId: null,
      liberationDay: 'always',
      version: 0,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ liberationDay: 'always', version: 1, saved: true });
    expect(await dueOn()).toBe('2026-05-12');
    // On Monday 4 May the working days left count 5 May as a holiday too: 6, 7, 8, 11, 12 May.
    const { id } = await signal();
    expect(await readSignal(t.db, prof.actor, id, new Date('2026-05-04T10:00:00+02:00'))).toMatchObject({
      triageDueOn: '2026-05-12',
      daysLeft: 5,
      overdue: false,
    });
    expect((await skipped('2026-04-24', '2026-05-12')).items).toEqual([
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
    ]);

    const stale = await a.put('/api/v1/region-settings', {
      workingDays: norms,
      frontDoorOrganisationId: null,
      liberationDay: 'never',
      version: 0,
    });
    expect(stale.status).toBe(409);
    expect((await a.get('/api/v1/region-settings')).body.liberationDay).toBe('always');

    const never = await a.put('/api/v1/region-settings', {
      workingDays: norms,
      frontDoorOrganisationId: null,
      liberationDay: 'never',
      version: 1,
    });
    expect(never.body).toMatchObject({ liberationDay: 'never', version: 2 });
    expect(await dueOn()).toBe('2026-05-11');
    expect((await readSignal(t.db, prof.actor, id, new Date('2026-05-04T10:00:00+02:00'))).daysLeft).toBe(6); // the same signal, counted by the new rule
    expect((await skipped('2025-05-01', '2025-05-09')).items).toEqual([]);
    // A client that does not know the setting leaves it as it is.
    const old = await a.put('/api/v1/region-settings', {
      workingDays: { ...norms, normal: 12 },
      frontDoorOrganisationId: null,
      version: 2,
    });
    expect(old.body).toMatchObject({ liberationDay: 'never', version: 3 });

    const audit = await t.db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE region_id = $1 AND object_type = 'region-settings' ORDER BY seq`,
      [region],
    );
    expect(audit.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('5 May day off: lustrum → always'),
        expect.stringContaining('5 May day off: always → never'),
      ]),
    );
  });

  it("refuses an unknown rule and a span that ends before it starts, naming the field; only the region's own rule counts", async () => {
    const bad = await a.put('/api/v1/region-settings', {
      workingDays: norms,
      frontDoorOrganisationId: null,
      liberationDay: 'sometimes',
      version: 3,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toMatch(/liberationDay$/);
    const back = await p.get('/api/v1/skipped-holidays?from=2026-05-12&to=2026-04-24');
    expect(back.status).toBe(400);
    expect(back.body.field).toBe('querystring.to');
    expect((await p.get('/api/v1/skipped-holidays?from=2026-01-01&to=2028-01-01')).status).toBe(400);
    // Another region keeps the default.
    const r2 = await createRegion(t.db);
    const u2 = await createUser(t.db, r2, await createOrganisation(t.db, r2), ['professional']);
    const c2 = await login(app, u2.username);
    expect((await c2.get('/api/v1/skipped-holidays?from=2025-05-01&to=2025-05-09')).body.liberationDay).toBe('lustrum');
  });
});
