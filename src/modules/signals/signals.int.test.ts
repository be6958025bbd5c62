import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';
import { createSignal } from './signals.service.js';
import { CreateSignalBody } from './signals.contract.js';
import { notifyOverdueTriage } from './overdue.sweep.js';
import { renderNotification, renderTimeline } from '../../shared/events/server-i18n.js';

let t: TestDb;
let region: string;
let team: string;
let member: TestUser;
let lead: TestUser;
let coord: TestUser;
let teacher: TestUser;
let gpUser: TestUser;
let m: Client;
let c: Client;
let s: Client;
let x: Client;
let g: Client;

const w = useRegionApp({
  orgs: {
    team: ['municipal_team', 'Wijkteam Oost'],
    school: ['school', 'Basisschool De Regenboog'],
    vtOrg: ['veilig_thuis', 'Veilig Thuis Zeeland'],
    org1: ['gp_practice', 'Huisarts Noord'],
  },
  users: {
    member: ['team', ['professional']],
    lead: ['team', ['professional', 'team_lead']],
    coord: ['team', ['professional', 'coordinator']],
    teacher: ['school', ['professional']],
    stranger: ['vtOrg', ['professional']],
    gpUser: ['org1', ['professional']],
  },
  loggedOut: ['lead'],
});
beforeAll(() => {
  ({ t, region } = w);
  ({ team } = w.org);
  ({ member, lead, coord, teacher, gpUser } = w.user);
  ({ member: m, coord: c, teacher: s, stranger: x, gpUser: g } = w.client);
});

/** A family with an open case coordinated by `coord`; its first member's BSN. */
async function newFamily(name = 'Jansen') {
  const body = familyBody(coord.actor.userId, { familyName: name });
  const r = await c.post('/api/v1/families', body);
  expect(r.status).toBe(201);
  const persons = await t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
    region,
    r.body.id,
  ]);
  const caseId = (await t.db.query<{ id: string }>(`SELECT id FROM cases WHERE region_id = $1 AND family_id = $2`, [region, r.body.id]))[0]!
    .id;
  return { id: r.body.id as string, caseId, bsn: body.members[0]!.bsn!, personIds: persons.map((p) => p.person_id) };
}

const signalBody = (o: Record<string, unknown> = {}) => ({
  receivingOrganisationId: team,
  source: 'school',
  whatSeen: 'Kind komt al weken zonder ontbijt en met blauwe plekken op school.',
  concerns: { education: 'Veel verzuim', safety: 'Blauwe plekken' },
  safetyAtStake: false,
  urgency: 'normal',
  ...o,
});

const auditMark = async () =>
  Number((await t.db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log WHERE region_id = $1`, [region]))[0]!.n);
const auditSince = (since: number) =>
  t.db.query<Record<string, any>>(
    `SELECT action, person_id, object_type, object_id, user_id, outcome FROM audit_log WHERE region_id = $1 AND seq > $2 ORDER BY seq`,
    [region, since],
  );

describe('recording a signal', () => {
  it('computes the triage deadline in working days across Dutch public holidays', async () => {
    // Friday 24 April 2026; Monday 27 April is Koningsdag. Tuesday 5 May is a working day: 2026 is no
    // lustrum year, and the region did not choose otherwise (src/modules/admin/holidays.int.test.ts).
    const friday = new Date('2026-04-24T10:00:00+02:00');
    const due = async (urgency: 'acute' | 'high' | 'normal', now = friday) =>
      (await createSignal(t.db, teacher.actor, CreateSignalBody.parse(signalBody({ urgency, subjectDescription: 'Een leerling' })), now))
        .triageDueOn;
    expect(await due('acute')).toBe('2026-04-24');
    expect(await due('high')).toBe('2026-05-04');
    expect(await due('normal')).toBe('2026-05-11');
    // Received on Saturday: acute means the next working day, which is Tuesday after Koningsdag.
    expect(await due('acute', new Date('2026-04-25T22:30:00+02:00'))).toBe('2026-04-28');
    const ref = (await createSignal(t.db, teacher.actor, CreateSignalBody.parse(signalBody({ subjectDescription: 'x y' })), friday))
      .reference;
    expect(ref).toMatch(/^M-2026-\d{6}$/);
  });

  it("uses the region's own norms when it has set them", async () => {
    const r2 = await createRegion(t.db);
    const org = await createOrganisation(t.db, r2);
    const u = await createUser(t.db, r2, org, ['professional']);
    await t.db.query(
      `INSERT INTO signal_settings (region_id, acute_working_days, high_working_days, normal_working_days) VALUES ($1, 1, 2, 3)`,
      [r2],
    );
    const r = await createSignal(
      t.db,
      u.actor,
      CreateSignalBody.parse(signalBody({ receivingOrganisationId: org, urgency: 'normal', subjectDescription: 'Buurjongen' })),
      new Date('2026-04-24T10:00:00+02:00'),
    );
    expect(r.triageDueOn).toBe('2026-04-30');
    expect(r.reference).toBe('M-2026-000001');
  });

  it('links a signal about a person in an open case to that case and its timeline, and audits one row per person', async () => {
    const fam = await newFamily('Visser');
    const mark = await auditMark();
    const r = await s.post('/api/v1/signals', signalBody({ bsn: fam.bsn }));
    expect(r.status).toBe(201);
    expect(r.headers.location).toBe(`/api/v1/signals/${r.body.id}`);
    const row = (
      await t.db.query<Record<string, any>>(`SELECT case_id, family_id, person_id, re_report FROM signals WHERE id = $1`, [r.body.id])
    )[0]!;
    expect(row).toMatchObject({ case_id: fam.caseId, family_id: fam.id, re_report: false });
    expect(fam.personIds).toContain(row.person_id);
    expect(
      (await auditSince(mark)).filter((a) => a.object_type === 'signal').map((a) => [a.action, a.person_id, a.user_id, a.object_id]),
    ).toEqual([['create', row.person_id, teacher.actor.userId, r.body.id]]);
    const page = await c.get(`/api/v1/families/${fam.id}`);
    expect(
      page.body.timeline.some(
        (e: { type: string; kind: string; params: Record<string, unknown> }) =>
          e.type === 'signal_linked' && e.kind === 'signal_received_linked' && renderTimeline('nl', e).includes(r.body.reference),
      ),
    ).toBe(true);
    // The triage team sees the link; the reporting school does not learn that the family has a case, nor the name behind the BSN.
    const beforeRead = await auditMark();
    const forTeam = await m.get(`/api/v1/signals/${r.body.id}`);
    expect((await auditSince(beforeRead)).map((a) => [a.action, a.object_type, a.person_id, a.user_id])).toEqual([
      ['read', 'signal', row.person_id, member.actor.userId],
    ]);
    expect(forTeam.body).toMatchObject({ caseId: fam.caseId, reReport: false, access: { view: 'triage', mayTriage: true } });
    expect(forTeam.body.subject.label).toContain('Visser');
    const forReporter = await s.get(`/api/v1/signals/${r.body.id}`);
    expect(forReporter.body).toMatchObject({ caseId: null, reReport: null, triage: null, access: { view: 'reporter', mayTriage: false } });
    expect(JSON.stringify(forReporter.body)).not.toContain('Visser');
    // The case team sees the signal once it is linked, also from another organisation.
    expect((await g.get(`/api/v1/signals/${r.body.id}`)).status).toBe(404);
    expect(
      (await c.post(`/api/v1/cases/${fam.caseId}/team-members`, { userId: gpUser.actor.userId, legalBasis: 'consent', caseVersion: 1 }))
        .status,
    ).toBe(201);
    const forCaseTeam = await g.get(`/api/v1/signals/${r.body.id}`);
    expect(forCaseTeam.body).toMatchObject({
      caseId: fam.caseId,
      access: { view: 'case_team', mayTriage: false, mayAddAttachment: false },
    });
    const moments = await t.db.query(`SELECT moment, organisation_id FROM lead_time_moments WHERE signal_id = $1`, [r.body.id]);
    expect(moments).toEqual([{ moment: 'received', organisation_id: team }]);
  });

  it("flags a repeat within 12 months after the family's case closed as a re-report, not after", async () => {
    const fam = await newFamily('Bakker');
    const close = await c.patch(`/api/v1/cases/${fam.caseId}`, { status: 'closed', version: 1, closedReason: 'Doelen bereikt' });
    expect(close.status).toBe(200);
    await t.db.query(`UPDATE cases SET closed_at = now() - interval '11 months' WHERE id = $1`, [fam.caseId]);
    const recent = await s.post('/api/v1/signals', signalBody({ bsn: fam.bsn }));
    expect((await m.get(`/api/v1/signals/${recent.body.id}`)).body).toMatchObject({ reReport: true, caseId: null });
    await t.db.query(`UPDATE cases SET closed_at = now() - interval '13 months' WHERE id = $1`, [fam.caseId]);
    const old = await s.post('/api/v1/signals', signalBody({ bsn: fam.bsn }));
    expect((await m.get(`/api/v1/signals/${old.body.id}`)).body).toMatchObject({ reReport: false, caseId: null });
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const count = async () =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signals WHERE region_id = $1`, [region]))[0]!.n;
    const before = await count();
    const bad = async (body: Record<string, unknown>, field: string, status = 400) => {
      const r = await s.post('/api/v1/signals', signalBody(body));
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.field).toBe(field);
      expect(r.body.detail).toBeTruthy();
      expect(r.body.detailEn).toBeTruthy();
    };
    await bad({ bsn: '123456789' }, 'bsn');
    await bad({ personId: randomUUID() }, 'personId');
    await bad({ familyId: randomUUID() }, 'familyId');
    await bad({ receivingOrganisationId: randomUUID(), subjectDescription: 'iemand' }, 'receivingOrganisationId');
    await bad({}, 'subjectDescription');
    await bad({ subjectDescription: 'iemand', whatSeen: 'kort' }, 'whatSeen');
    await bad({ subjectDescription: 'iemand', concerns: { weather: 'nat' } }, 'concerns.weather');
    expect(await count()).toBe(before);
  });

  it('gives signals recorded at the same moment different references', async () => {
    const rs = await Promise.all(
      Array.from({ length: 8 }, () => s.post('/api/v1/signals', signalBody({ subjectDescription: 'Tegelijk gemeld' }))),
    );
    expect(rs.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(rs.map((r) => r.body.reference)).size).toBe(8);
  });

  it('keeps a BSN that matches nobody yet, with the description', async () => {
    const bsn = nextBsn();
    const r = await s.post('/api/v1/signals', signalBody({ bsn, subjectDescription: 'Jongen uit groep 6' }));
    expect(r.status).toBe(201);
    const d = (await m.get(`/api/v1/signals/${r.body.id}`)).body;
    expect(d.subject).toMatchObject({ bsn, personId: null, description: 'Jongen uit groep 6', label: 'Jongen uit groep 6' });
  });
});

describe('the triage queue', () => {
  it("lists the receiving organisation's open signals by deadline, marks overdue ones, and audits what it shows", async () => {
    const fam = await newFamily('De Wit');
    const late = (await s.post('/api/v1/signals', signalBody({ bsn: fam.bsn, urgency: 'high' }))).body;
    const fresh = (await s.post('/api/v1/signals', signalBody({ subjectDescription: 'Moeder met baby', urgency: 'normal' }))).body;
    await t.db.query(`UPDATE signals SET triage_due_on = current_date - 3 WHERE id = $1`, [late.id]);
    const mark = await auditMark();
    const q = await m.get('/api/v1/signals?overdue=true');
    expect(q.status).toBe(200);
    const item = q.body.items.find((i: { id: string }) => i.id === late.id);
    expect(item).toMatchObject({ overdue: true, status: 'open', linkedToCase: true, reference: late.reference });
    expect(item.daysLeft).toBeLessThan(0);
    expect(q.body.items.some((i: { id: string }) => i.id === fresh.id)).toBe(false);
    const audit = await auditSince(mark);
    expect(audit.filter((a) => a.person_id)).toHaveLength(1);
    expect(audit.every((a) => a.action === 'read' && a.user_id === member.actor.userId)).toBe(true);

    const all = (await m.get('/api/v1/signals?limit=100')).body.items as Array<{
      triageDueOn: string;
      id: string;
      overdue: boolean;
      daysLeft: number;
    }>;
    expect(all.map((i) => i.triageDueOn)).toEqual([...all.map((i) => i.triageDueOn)].sort());
    const f = all.find((i) => i.id === fresh.id)!;
    expect(f).toMatchObject({ overdue: false });
    expect(f.daysLeft).toBeGreaterThanOrEqual(9);
    // Paging with a cursor returns every signal once.
    const first = await m.get('/api/v1/signals?limit=2');
    const second = await m.get(`/api/v1/signals?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual(all.slice(2, 4).map((i) => i.id));
  });

  it('shows another organisation nothing of the queue, and the reporter only their own signals', async () => {
    const r = await x.get(`/api/v1/signals?organisationId=${team}`);
    expect(r.status).toBe(403);
    expect((await x.get('/api/v1/signals?status=all')).body.items).toEqual([]);
    const mine = (await s.get('/api/v1/signals?scope=reported')).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i: { linkedToCase: boolean; reReport: boolean }) => !i.linkedToCase && !i.reReport)).toBe(true);
    const some = mine[0].id;
    expect((await x.get(`/api/v1/signals/${some}`)).status).toBe(404);
  });

  it('the overdue sweep tells the team leads once, without personal data in the title', async () => {
    const sig = (await s.post('/api/v1/signals', signalBody({ subjectDescription: 'Vader die veel drinkt', urgency: 'high' }))).body;
    await t.db.query(`UPDATE signals SET triage_due_on = current_date - 1 WHERE id = $1`, [sig.id]);
    await notifyOverdueTriage(t.db);
    await notifyOverdueTriage(t.db);
    const rows = await t.db.query<{ user_id: string; kind: string; params: Record<string, unknown>; link: string }>(
      `SELECT user_id, kind, params, link FROM notifications WHERE region_id = $1 AND dedupe_key = $2`,
      [region, `triage-overdue:${sig.id}`],
    );
    expect(rows).toEqual([
      { user_id: lead.actor.userId, kind: 'triage_overdue', params: { reference: sig.reference }, link: `/meldingen/${sig.id}` },
    ]);
    expect(renderNotification('nl', rows[0]!)).toBe(`Triage te laat: melding ${sig.reference}`);
    expect(JSON.stringify(rows)).not.toContain('drinkt');
  });
});
