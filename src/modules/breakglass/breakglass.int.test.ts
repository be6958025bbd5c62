import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { createUser, familyBody, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { login, type Client, useRegionApp } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { currentTotp } from '../../platform/auth/totp.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { renderTimeline } from '../../shared/events/server-i18n.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const REASON = 'Melding van acuut gevaar voor de kinderen, politie ter plaatse';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;
let vt: TestUser;
let gp: TestUser;
let gpLead: TestUser;
let privacy: TestUser;
let c: Client;
let v: Client;
let vNo: Client;
let g: Client;
let gl: Client;
let p: Client;

const w = useRegionApp({
  orgs: {
    team: ['municipal_team', 'Wijkteam Noord'],
    veiligThuis: ['veilig_thuis', 'Veilig Thuis Zeeland'],
    gpPractice: ['gp_practice', 'Huisartsenpraktijk Dorp'],
  },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    vt: ['veiligThuis', ['professional'], { totpSecret: SECRET }],
    vtNoTotp: ['veiligThuis', ['professional']],
    gp: ['gpPractice', ['professional'], { totpSecret: SECRET }],
    gpLead: ['gpPractice', ['professional', 'team_lead'], { totpSecret: SECRET }],
    privacy: ['team', ['privacy_officer']],
  },
});
beforeAll(() => {
  ({ t, app, region } = w);
  ({ coord, vt, gp, gpLead, privacy } = w.user);
  ({ coord: c, vt: v, vtNoTotp: vNo, gp: g, gpLead: gl, privacy: p } = w.client);
});

async function registerFamily(familyName = 'Jansen') {
  const body = familyBody(coord.actor.userId, { familyName });
  const r = await c.post('/api/v1/families', body);
  expect(r.status).toBe(201);
  return { id: r.body.id as string, bsns: body.members.map((m) => m.bsn!) };
}

const breakGlass = async (client: Client, target: { bsn?: string; familyId?: string }, extra: Record<string, unknown> = {}) =>
  client.post('/api/v1/break-glass', { ...target, reason: REASON, totpCode: await currentTotp(SECRET), ...extra });

const grants = (familyId: string) => t.db.query<Record<string, any>>(`SELECT * FROM break_glass WHERE family_id = $1`, [familyId]);

describe('break the glass', () => {
  it('opens a family found by BSN for 60 minutes, with timeline event and audit rows, and closes it again after expiry', async () => {
    const fam = await registerFamily('Noodgeval');
    expect((await v.get(`/api/v1/families/${fam.id}`)).status).toBe(404);

    const before = Date.now();
    const r = await breakGlass(v, { bsn: fam.bsns[1] });
    expect(r.status).toBe(201);
    expect(r.body.familyId).toBe(fam.id);
    const minutes = (new Date(r.body.expiresAt).getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThan(61);

    const page = await v.get(`/api/v1/families/${fam.id}`);
    expect(page.status).toBe(200);
    expect(page.body.access).toMatchObject({ breakGlass: true, legalBasis: 'safety', breakGlassExpiresAt: r.body.expiresAt });
    const event = page.body.timeline.find((e: { type: string }) => e.type === 'break_glass_opened');
    expect(event).toMatchObject({ kind: 'break_glass_opened', params: { minutes: 60, until: r.body.expiresAt } });
    expect(renderTimeline('nl', event)).toMatch(/^Noodtoegang gebruikt voor 60 minuten, tot \d\d:\d\d$/);
    expect(event.actorOrganisation).toBe('Veilig Thuis Zeeland');
    expect(JSON.stringify(event)).not.toContain('acuut gevaar');

    const rows = await t.db.query<Record<string, any>>(
      `SELECT * FROM audit_log WHERE user_id = $1 AND object_type = 'break-glass' AND object_id = $2`,
      [vt.actor.userId, r.body.id],
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((a) => a.person_id)).size).toBe(3);
    for (const a of rows)
      expect(a).toMatchObject({ action: 'read', break_glass: true, legal_basis: 'safety', reason: REASON, outcome: 'allowed' });
    // Every read under the grant carries the grant and its reason: the family page and the case's lead times too.
    const [c] = await t.db.query<{ id: string }>(`SELECT id FROM cases WHERE family_id = $1`, [fam.id]);
    expect((await v.get(`/api/v1/cases/${c!.id}/lead-times`)).status).toBe(200);
    const reads = await t.db.query<Record<string, any>>(
      `SELECT object_type, reason, break_glass FROM audit_log WHERE user_id = $1 AND object_type IN ('family', 'case-lead-times') AND action = 'read' AND outcome = 'allowed'`,
      [vt.actor.userId],
    );
    expect(new Set(reads.map((a) => a.object_type))).toEqual(new Set(['family', 'case-lead-times']));
    for (const a of reads) expect(a).toMatchObject({ break_glass: true, reason: `noodtoegang ${r.body.id}: ${REASON}` });

    await t.db.query(`UPDATE break_glass SET expires_at = now() - interval '1 minute' WHERE id = $1`, [r.body.id]);
    expect((await v.get(`/api/v1/families/${fam.id}`)).status).toBe(404);
    const own = await v.get('/api/v1/break-glass');
    expect(own.body.items.find((gr: { id: string }) => gr.id === r.body.id)).toMatchObject({
      active: false,
      familyName: null,
      reason: REASON,
    });
  });

  it('opens a family by id, and lists the own grants with the active ones first', async () => {
    const a = await registerFamily('Eerste');
    const b = await registerFamily('Tweede');
    const first = await breakGlass(v, { familyId: a.id });
    const second = await breakGlass(v, { familyId: b.id });
    expect(second.status).toBe(201);
    expect(second.headers.location).toBe(`/api/v1/families/${b.id}`);
    await t.db.query(`UPDATE break_glass SET expires_at = now() - interval '1 second' WHERE id = $1`, [second.body.id]);
    const own = await v.get('/api/v1/break-glass');
    expect(own.status).toBe(200);
    const ids = own.body.items.map((gr: { id: string }) => gr.id);
    expect(ids.indexOf(first.body.id)).toBeLessThan(ids.indexOf(second.body.id));
    const active = own.body.items.filter((gr: { active: boolean }) => gr.active);
    expect(ids.slice(0, active.length)).toEqual(active.map((gr: { id: string }) => gr.id));
    expect(own.body.items[0]).toMatchObject({ id: first.body.id, familyName: 'Gezin Eerste', active: true, review: null });
    expect((await g.get('/api/v1/break-glass')).body.items).toEqual([]);
  });

  it('is only for organisations with a safety task and for team leads; others get 403 and a logged refusal', async () => {
    const fam = await registerFamily();
    const refused = await breakGlass(g, { familyId: fam.id });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.detail).toContain('veiligheidstaak');
    expect(await grants(fam.id)).toHaveLength(0);
    const denied = await t.db.query(`SELECT 1 FROM audit_log WHERE user_id = $1 AND outcome = 'denied' AND object_type = 'break-glass'`, [
      gp.actor.userId,
    ]);
    expect(denied).toHaveLength(1);
    // The database refuses the lookup too, whatever the service would do.
    const viaSql = await asActor(t.db, gp.actor, (tx) =>
      tx.query<{ id: string | null }>(`SELECT regie.family_for_break_glass($1, NULL, $2) AS id`, [region, fam.id]),
    );
    expect(viaSql[0]!.id).toBeNull();
    const noActor = await t.db.query<{ id: string | null }>(`SELECT regie.family_for_break_glass($1, NULL, $2) AS id`, [region, fam.id]);
    expect(noActor[0]!.id).toBeNull();

    const lead = await breakGlass(gl, { familyId: fam.id });
    expect(lead.status).toBe(201);
    expect((await gl.get(`/api/v1/families/${fam.id}`)).body.access.breakGlass).toBe(true);
  });

  it('asks for a valid authenticator code, and to link an app first when there is none', async () => {
    const fam = await registerFamily();
    const code = await currentTotp(SECRET);
    const wrong = await breakGlass(v, { familyId: fam.id }, { totpCode: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'wrong_code', field: 'totpCode' });
    const none = await breakGlass(vNo, { familyId: fam.id });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ code: 'totp_not_enrolled', field: 'totpCode' });
    expect(none.body.detail).toContain('authenticator-app');
    expect(await grants(fam.id)).toHaveLength(0);
    expect((await v.get(`/api/v1/families/${fam.id}`)).status).toBe(404);
  });

  it('gives 404 for an unknown BSN or family, and logs the attempt as denied', async () => {
    const unknownBsn = nextBsn();
    const r = await breakGlass(v, { bsn: unknownBsn });
    expect(r.status).toBe(404);
    expect(r.body.field).toBe('bsn');
    const missing = '00000000-0000-4000-8000-000000000001';
    expect((await breakGlass(v, { familyId: missing })).status).toBe(404);
    const denied = await t.db.query<Record<string, any>>(
      `SELECT object_id, reason FROM audit_log WHERE user_id = $1 AND outcome = 'denied' AND object_type = 'break-glass' ORDER BY seq`,
      [vt.actor.userId],
    );
    expect(denied.map((d) => d.object_id)).toContain(missing);
    expect(denied.every((d) => d.reason === REASON)).toBe(true);
    expect(JSON.stringify(denied)).not.toContain(unknownBsn);
  });

  it('rejects invalid input naming the field', async () => {
    const fam = await registerFamily();
    const both = await breakGlass(v, { familyId: fam.id, bsn: fam.bsns[0] });
    expect(both.status).toBe(400);
    expect(both.body.field).toBe('bsn');
    expect((await breakGlass(v, {})).status).toBe(400);
    const short = await breakGlass(v, { familyId: fam.id }, { reason: 'te kort' });
    expect(short.body).toMatchObject({ status: 400, field: 'reason' });
    expect(short.body.detail).toContain('20 tekens');
    expect((await breakGlass(v, { familyId: fam.id }, { reason: 'x'.repeat(1001) })).body.field).toBe('reason');
    expect((await breakGlass(v, { bsn: '123456789' })).body.field).toBe('bsn');
    expect((await breakGlass(v, { familyId: fam.id }, { totpCode: '12345' })).body.field).toBe('totpCode');
    expect(await grants(fam.id)).toHaveLength(0);
    // Each refused attempt is audited as denied, with the family asked for and the (too short) reason.
    const attempts = await t.db.query<Record<string, any>>(
      `SELECT object_id, reason, break_glass, ip FROM audit_log
      WHERE user_id = $1 AND outcome = 'denied' AND object_type = 'break-glass' AND object_id = $2`,
      [vt.actor.userId, fam.id],
    );
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts).toContainEqual({ object_id: fam.id, reason: 'te kort', break_glass: true, ip: expect.any(String) });
  });
});

describe('review by the privacy officer', () => {
  it('lists open grants with user, organisation, family and reason, audits the persons shown, and takes one review', async () => {
    const fam = await registerFamily('Beoordeling');
    const opened = await breakGlass(v, { bsn: fam.bsns[0] });
    const open = await p.get('/api/v1/break-glass-reviews?status=open&limit=100');
    expect(open.status).toBe(200);
    const item = open.body.items.find((i: { id: string }) => i.id === opened.body.id);
    expect(item).toMatchObject({
      user: { id: vt.actor.userId, name: expect.stringMatching(/^Prof /) },
      organisation: { id: vt.actor.organisationId, name: 'Veilig Thuis Zeeland' },
      family: { id: fam.id, name: 'Gezin Beoordeling' },
      reason: REASON,
      active: true,
      review: null,
      expiresAt: opened.body.expiresAt,
    });
    const audited = await t.db.query(
      `SELECT 1 FROM audit_log WHERE user_id = $1 AND object_type = 'break-glass-review' AND object_id = $2 AND action = 'read'`,
      [privacy.actor.userId, opened.body.id],
    );
    expect(audited).toHaveLength(3);

    const reviewed = await p.post(`/api/v1/break-glass-reviews/${opened.body.id}`, {
      outcome: 'justified',
      note: 'Terecht: acute melding politie.',
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.review).toMatchObject({
      outcome: 'justified',
      note: 'Terecht: acute melding politie.',
      reviewedBy: { id: privacy.actor.userId },
    });
    const row = (await grants(fam.id))[0]!;
    expect(row).toMatchObject({ reviewed_by: privacy.actor.userId, review_outcome: 'justified' });
    expect(row.reviewed_at).not.toBeNull();
    expect(
      await t.db.query(`SELECT 1 FROM audit_log WHERE object_type = 'break-glass-review' AND action = 'update' AND object_id = $1`, [
        opened.body.id,
      ]),
    ).toHaveLength(3);

    const again = await p.post(`/api/v1/break-glass-reviews/${opened.body.id}`, { outcome: 'unjustified' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_reviewed');
    expect((await grants(fam.id))[0]!.review_outcome).toBe('justified');

    const afterOpen = await p.get('/api/v1/break-glass-reviews?status=open&limit=100');
    expect(afterOpen.body.items.map((i: { id: string }) => i.id)).not.toContain(opened.body.id);
    const done = await p.get('/api/v1/break-glass-reviews?status=reviewed&limit=100');
    expect(done.body.items.map((i: { id: string }) => i.id)).toContain(opened.body.id);
    expect((await v.get('/api/v1/break-glass')).body.items.find((gr: { id: string }) => gr.id === opened.body.id).review.outcome).toBe(
      'justified',
    );
  });

  it('never lets a grant be reviewed by its own user, in the service and in row-level security, and audits the refusal', async () => {
    const fam = await registerFamily('Eigen');
    // A team lead breaks the glass and later becomes the privacy officer (no account holds both
    // roles at once, migration 0101): the grant they used is still never theirs to review.
    const lead = await createUser(
      t.db,
      region,
      (await t.db.query<{ organisation_id: string }>(`SELECT organisation_id FROM users WHERE id = $1`, [gpLead.actor.userId]))[0]!
        .organisation_id,
      ['professional', 'team_lead'],
      { totpSecret: SECRET },
    );
    const opened = await breakGlass(await login(app, lead.username), { familyId: fam.id });
    expect(opened.status).toBe(201);
    await t.db.query(`UPDATE users SET roles = '{privacy_officer}' WHERE region_id = $1 AND id = $2`, [region, lead.actor.userId]);
    const both = { ...lead, actor: { ...lead.actor, roles: ['privacy_officer' as const] } };
    const b = await login(app, both.username);
    const own = await b.post(`/api/v1/break-glass-reviews/${opened.body.id}`, { outcome: 'justified', note: 'Zelf beoordeeld' });
    expect(own.status).toBe(403);
    expect(own.body.detail).toContain('eigen noodtoegang');
    expect((await grants(fam.id))[0]).toMatchObject({ reviewed_at: null, review_outcome: null });
    const denied = await t.db.query(`SELECT 1 FROM audit_log WHERE user_id = $1 AND outcome = 'denied' AND object_id = $2`, [
      both.actor.userId,
      opened.body.id,
    ]);
    expect(denied).toHaveLength(1);
    const viaSql = await asActor(t.db, both.actor, (tx) =>
      tx.query(
        `UPDATE break_glass SET reviewed_at = now(), reviewed_by = $2, review_outcome = 'justified'
      WHERE id = $1 RETURNING id`,
        [opened.body.id, both.actor.userId],
      ),
    );
    expect(viaSql).toEqual([]);
    expect((await p.post(`/api/v1/break-glass-reviews/${opened.body.id}`, { outcome: 'justified' })).status).toBe(200);
  });

  it('pages through all grants, newest first, and refuses others and unknown ids', async () => {
    const fam = await registerFamily();
    for (let i = 0; i < 3; i++) await breakGlass(v, { familyId: fam.id });
    const all = (await p.get('/api/v1/break-glass-reviews?limit=100')).body.items.map((i: { id: string; startedAt: string }) => i);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const started = all.map((i: { startedAt: string }) => i.startedAt);
    expect([...started].sort().reverse()).toEqual(started);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const pg: any = await p.get(`/api/v1/break-glass-reviews?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(pg.status).toBe(200);
      walked.push(...pg.body.items.map((i: { id: string }) => i.id));
      cursor = pg.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.map((i: { id: string }) => i.id));

    expect((await v.get('/api/v1/break-glass-reviews')).status).toBe(403);
    expect((await v.post(`/api/v1/break-glass-reviews/${all[0].id}`, { outcome: 'justified' })).status).toBe(403);
    expect((await p.post('/api/v1/break-glass-reviews/00000000-0000-4000-8000-000000000002', { outcome: 'justified' })).status).toBe(404);
    expect((await p.post(`/api/v1/break-glass-reviews/${all[0].id}`, { outcome: 'maybe' })).body.field).toBe('outcome');
    expect((await p.get('/api/v1/break-glass-reviews?status=all')).status).toBe(400);
    expect((await p.get('/api/v1/break-glass-reviews?cursor=nonsense')).status).toBe(400);
    // The privacy officer sees the family name only through the review, never the family itself.
    expect((await p.get(`/api/v1/families/${fam.id}`)).status).toBe(403);
  });
});
