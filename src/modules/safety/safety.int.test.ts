// Safety and the family network council through the real app: required and why, the assessment
// with its 0–10 scaling (versioned), the behavioural scientist's review, the safety plan, the
// council's offer, answer and outcome, bad input naming the field, who may not (404 / 403), the
// audit of reads, and the overdue sweep that notifies once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { familyBody, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { addDays, dutchToday } from '../../platform/time/working-days.js';
import { notifyOverdueCouncils } from './council-overdue.sweep.js';
import { councilBlocker, safetyBlocker } from './plan-preconditions.js';
import { councilOutcomeOf, safetyPlanOf } from './safety.queries.js';
import { councilBody, councilMet } from './safety.int-support.js';

let t: TestDb;
let region: string;
let team: string;
let vt: string;
let coord: TestUser;
let pro: TestUser;
let bs: TestUser;
let lead: TestUser;
let outsider: TestUser;
let vtPro: TestUser;
let cCoord: Client;
let cPro: Client;
let cBs: Client;
let cOutsider: Client;
let cAdmin: Client;
let familyId: string;
let caseId: string;
let persons: string[];
let networkMemberId: string;

async function addToTeam(user: TestUser) {
  const page = await cCoord.get(`/api/v1/families/${familyId}`);
  const r = await cCoord.post(`/api/v1/cases/${caseId}/team-members`, {
    userId: user.actor.userId,
    legalBasis: 'consent',
    caseVersion: page.body.currentCase.version,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

const w = useRegionApp({
  orgs: { team: ['municipal_team', 'Wijkteam Noord'], vt: ['veilig_thuis', 'Veilig Thuis'] },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    pro: ['team', ['professional']],
    bs: ['team', ['professional', 'behavioural_scientist']],
    lead: ['team', ['professional', 'team_lead']],
    outsider: ['team', ['professional', 'coordinator', 'behavioural_scientist']],
    vtPro: ['vt', ['professional']],
    admin: ['team', ['functional_admin']],
  },
  loggedOut: ['lead', 'vtPro'],
});
beforeAll(async () => {
  ({ t, region } = w);
  ({ team, vt } = w.org);
  ({ coord, pro, bs, lead, outsider, vtPro } = w.user);
  ({ coord: cCoord, pro: cPro, bs: cBs, outsider: cOutsider, admin: cAdmin } = w.client);
  const fam = await cCoord.post('/api/v1/families', familyBody(coord.actor.userId, { children: 2 }));
  familyId = fam.body.id;
  const page = await cCoord.get(`/api/v1/families/${familyId}`);
  caseId = page.body.currentCase.id;
  persons = page.body.members.map((m: { personId: string }) => m.personId);
  networkMemberId = page.body.network[0].id;
  await addToTeam(pro);
  await addToTeam(bs);
});

const assessment = (o: Record<string, unknown> = {}) => ({
  dangers: 'Vader drinkt en wordt dan agressief.',
  goingWell: 'Moeder brengt de kinderen elke dag naar school.',
  safetyGoals: 'Geen geweld in huis.',
  scalings: [
    { partyKind: 'person', partyId: persons[0], score: 4 },
    { partyKind: 'organisation', partyId: team, score: 3, note: 'Zorgen' },
  ],
  decision: 'conditionally_safe',
  ...o,
});

describe('safety of a case', () => {
  it('is not required without a reason; outside the team the case does not exist', async () => {
    const r = await cPro.get(`/api/v1/cases/${caseId}/safety`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      required: { required: false, reasons: [] },
      assessment: null,
      plan: [],
      council: { status: 'not_offered', overdue: false, workingDays: 10 },
    });
    expect(r.body.parties.map((p: { kind: string }) => p.kind).sort()).toEqual([
      'network_member',
      'organisation',
      'person',
      'person',
      'person',
    ]);
    expect((await cOutsider.get(`/api/v1/cases/${caseId}/safety`)).status).toBe(404);
    expect((await cOutsider.put(`/api/v1/cases/${caseId}/safety/assessment`, assessment())).status).toBe(404);
    // every read is audited per person of the family
    const rows = await t.db.query(
      `SELECT 1 FROM audit_log WHERE region_id = $1 AND object_type = 'safety' AND action = 'read' AND user_id = $2`,
      [region, pro.actor.userId],
    );
    expect(rows).toHaveLength(persons.length);
  });

  it('refuses a scaling outside 0–10 and a party outside the family and team, naming the field', async () => {
    const high = await cPro.put(
      `/api/v1/cases/${caseId}/safety/assessment`,
      assessment({ scalings: [{ partyKind: 'person', partyId: persons[0], score: 11 }] }),
    );
    expect(high.body).toMatchObject({ status: 400, field: 'scalings[0].score' });
    expect(high.body.detail).toMatch(/0 en 10/);
    const low = await cPro.put(
      `/api/v1/cases/${caseId}/safety/assessment`,
      assessment({ scalings: [{ partyKind: 'person', partyId: persons[0], score: -1 }] }),
    );
    expect(low.body).toMatchObject({ status: 400, field: 'scalings[0].score' });
    const stranger = await cPro.put(
      `/api/v1/cases/${caseId}/safety/assessment`,
      assessment({ scalings: [{ partyKind: 'organisation', partyId: vt, score: 5 }] }),
    );
    expect(stranger.body).toMatchObject({ status: 400, field: 'scalings[0].partyId', code: 'unknown_party' });
    expect((await cPro.put(`/api/v1/cases/${caseId}/safety/assessment`, assessment({ decision: 'maybe' }))).body).toMatchObject({
      status: 400,
      field: 'decision',
    });
    expect((await cPro.get(`/api/v1/cases/${caseId}/safety`)).body.assessment).toBeNull(); // nothing half-written
  });

  it('records the assessment, then changes it only with the version read (409 when stale)', async () => {
    const first = await cPro.put(`/api/v1/cases/${caseId}/safety/assessment`, assessment());
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.assessment).toMatchObject({
      decision: 'conditionally_safe',
      version: 1,
      dangers: 'Vader drinkt en wordt dan agressief.',
    });
    expect(first.body.assessment.scalings[1]).toMatchObject({
      partyKind: 'organisation',
      partyName: 'Wijkteam Noord',
      score: 3,
      note: 'Zorgen',
    });
    expect((await cPro.put(`/api/v1/cases/${caseId}/safety/assessment`, assessment())).body).toMatchObject({
      status: 409,
      code: 'stale_version',
    });
    const second = await cCoord.put(`/api/v1/cases/${caseId}/safety/assessment`, assessment({ decision: 'unsafe', version: 1 }));
    expect(second.body.assessment).toMatchObject({ decision: 'unsafe', version: 2 });
    expect((await cPro.put(`/api/v1/cases/${caseId}/safety/assessment`, assessment({ version: 1 }))).body).toMatchObject({
      status: 409,
      field: 'version',
    });
    const kinds = await t.db.query<{ kind: string; params: unknown }>(
      `SELECT kind, params FROM timeline_events WHERE region_id = $1 AND case_id = $2 AND type = 'safety_assessment' ORDER BY seq`,
      [region, caseId],
    );
    expect(kinds).toEqual([
      { kind: 'safety_assessment_recorded', params: { safetyDecision: 'conditionally_safe' } },
      { kind: 'safety_assessment_changed', params: { safetyDecision: 'unsafe' } },
    ]);
  });

  it('is reviewed only by a behavioural scientist who may see the family; the review is recorded with who and when', async () => {
    expect((await cPro.post(`/api/v1/cases/${caseId}/safety/reviews`, { verdict: 'agree', version: 2 })).status).toBe(403);
    expect((await cOutsider.post(`/api/v1/cases/${caseId}/safety/reviews`, { verdict: 'agree', version: 2 })).status).toBe(404);
    expect((await cBs.post(`/api/v1/cases/${caseId}/safety/reviews`, { verdict: 'comment', version: 2 })).body).toMatchObject({
      status: 400,
      field: 'comment',
    });
    expect((await cBs.post(`/api/v1/cases/${caseId}/safety/reviews`, { verdict: 'agree', version: 1 })).body).toMatchObject({
      status: 409,
      code: 'stale_version',
    });
    const r = await cBs.post(`/api/v1/cases/${caseId}/safety/reviews`, {
      verdict: 'comment',
      comment: 'Betrek ook de school bij de veiligheidsafspraken.',
      version: 2,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.assessment.reviews).toEqual([
      expect.objectContaining({
        verdict: 'comment',
        reviewer: bs.actor.displayName.startsWith('u_') ? expect.any(String) : bs.actor.displayName,
        comment: 'Betrek ook de school bij de veiligheidsafspraken.',
        assessmentVersion: 2,
        current: true,
        reviewedAt: expect.any(String),
      }),
    ]);
    expect(r.body.may.review).toBe(true);
    expect((await cPro.get(`/api/v1/cases/${caseId}/safety`)).body.may.review).toBe(false);
  });

  it('keeps a safety plan of agreements owned by the family, its network or the team, and exports it', async () => {
    const bad = await cPro.post(`/api/v1/cases/${caseId}/safety/plan`, {
      what: 'Oma haalt de kinderen op',
      ownerKind: 'network_member',
      ownerId: persons[0],
      checkHow: 'Regisseur belt oma',
    });
    expect(bad.body).toMatchObject({ status: 400, field: 'ownerId' });
    expect(
      (
        await cPro.post(`/api/v1/cases/${caseId}/safety/plan`, {
          what: 'x',
          ownerKind: 'network_member',
          ownerId: networkMemberId,
          checkHow: '',
        })
      ).body,
    ).toMatchObject({ status: 400, field: 'checkHow' });
    const a = await cPro.post(`/api/v1/cases/${caseId}/safety/plan`, {
      what: 'Oma haalt de kinderen op als vader gedronken heeft',
      ownerKind: 'network_member',
      ownerId: networkMemberId,
      dueOn: '2026-12-31',
      checkHow: 'Regisseur belt oma elke vrijdag',
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.plan).toEqual([
      expect.objectContaining({ ownerKind: 'network_member', ownerName: 'Oma Jansen', dueOn: '2026-12-31', version: 1 }),
    ]);
    const id = a.body.plan[0].id;
    const changed = await cPro.put(`/api/v1/cases/${caseId}/safety/plan/${id}`, {
      what: 'Moeder belt de politie bij geweld',
      ownerKind: 'family_member',
      ownerId: persons[0],
      checkHow: 'Wijkagent kijkt mee',
      version: 1,
    });
    expect(changed.body.plan[0]).toMatchObject({ ownerKind: 'family_member', version: 2, dueOn: null });
    expect(
      (
        await cPro.put(`/api/v1/cases/${caseId}/safety/plan/${id}`, {
          what: 'x',
          ownerKind: 'organisation',
          ownerId: team,
          checkHow: 'y',
          version: 1,
        })
      ).status,
    ).toBe(409);
    await cPro.post(`/api/v1/cases/${caseId}/safety/plan`, {
      what: 'Wijkteam komt wekelijks op huisbezoek',
      ownerKind: 'organisation',
      ownerId: team,
      checkHow: 'Verslag in het dossier',
    });
    const exported = await asActor(t.server, coord.actor, (tx) => safetyPlanOf(tx, caseId));
    expect(exported.decision).toBe('unsafe');
    expect(exported.agreements.map((x) => x.ownerKind)).toEqual(['family_member', 'organisation']);
    expect(await asActor(t.server, outsider.actor, (tx) => safetyPlanOf(tx, caseId))).toEqual({
      decision: null,
      safetyGoals: null,
      agreements: [],
    });

    // Removing an agreement names its version; a stale one is 409, someone off the team gets 404, and the removal is on the timeline and in the audit log.
    const remove = (client: typeof cPro, version: number) => client.post(`/api/v1/cases/${caseId}/safety/plan/${id}/remove`, { version });
    expect((await remove(cPro, 1)).body).toMatchObject({ status: 409, code: 'stale_version' });
    expect((await remove(cOutsider, 2)).status).toBe(404);
    const removed = await remove(cPro, 2);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.plan.map((x: { id: string }) => x.id)).not.toContain(id);
    expect(removed.body.plan).toHaveLength(1);
    expect((await remove(cPro, 2)).status).toBe(404);
    expect(
      await t.db.query(`SELECT 1 FROM timeline_events WHERE region_id = $1 AND case_id = $2 AND kind = 'safety_plan_agreement_removed'`, [
        region,
        caseId,
      ]),
    ).toHaveLength(1);
    expect(
      (
        await t.db.query(
          `SELECT 1 FROM audit_log WHERE region_id = $1 AND action = 'delete' AND object_type = 'safety-plan' AND object_id = $2`,
          [region, id],
        )
      ).length,
    ).toBeGreaterThan(0);
  });

  it('is required when Veilig Thuis is on the team, with the reason', async () => {
    await addToTeam(vtPro);
    expect((await cPro.get(`/api/v1/cases/${caseId}/safety`)).body.required).toEqual({ required: true, reasons: ['veilig_thuis_on_team'] });
  });
});

describe('the family network council', () => {
  it('is recorded by the coordinator only; a decline needs a reason', async () => {
    const today = dutchToday();
    expect((await cPro.put(`/api/v1/cases/${caseId}/council`, councilBody({ offeredOn: today }))).status).toBe(403);
    expect((await cOutsider.put(`/api/v1/cases/${caseId}/council`, councilBody({ offeredOn: today }))).status).toBe(404);
    const noReason = await cCoord.put(
      `/api/v1/cases/${caseId}/council`,
      councilBody({ offeredOn: today, answer: 'declined', declinedReason: '  ', answeredOn: today }),
    );
    expect(noReason.body).toMatchObject({ status: 400, field: 'declinedReason' });
    expect((await cCoord.put(`/api/v1/cases/${caseId}/council`, councilBody({ offeredOn: addDays(today, 3) }))).body).toMatchObject({
      status: 400,
      field: 'offeredOn',
      code: 'in_future',
    });
    expect(
      (await cCoord.put(`/api/v1/cases/${caseId}/council`, councilBody({ answer: 'accepted', answeredOn: today }))).body,
    ).toMatchObject({ status: 400, field: 'offeredOn' });

    // before the offer, a plan may not be proposed
    expect(await asActor(t.server, coord.actor, (tx) => councilBlocker(tx, caseId))).toMatchObject({
      code: 'council_not_offered',
      field: 'council',
    });
    const offered = await cCoord.put(`/api/v1/cases/${caseId}/council`, councilBody({ offeredOn: today }));
    expect(offered.status, JSON.stringify(offered.body)).toBe(200);
    expect(offered.body.council).toMatchObject({ status: 'offered', offeredOn: today, version: 1, overdue: false });
    const declined = await cCoord.put(
      `/api/v1/cases/${caseId}/council`,
      councilBody({
        offeredOn: today,
        answer: 'declined',
        declinedReason: 'Het gezin wil eerst zelf met de familie praten.',
        answeredOn: today,
        version: 1,
      }),
    );
    expect(declined.body.council).toMatchObject({
      status: 'declined',
      declinedReason: 'Het gezin wil eerst zelf met de familie praten.',
      version: 2,
    });
    expect(await asActor(t.server, coord.actor, (tx) => councilBlocker(tx, caseId))).toBeNull(); // declined is fine
    expect(
      (await cCoord.put(`/api/v1/cases/${caseId}/council/outcome`, { goals: ['Rust in huis'], actions: [], version: 2 })).body,
    ).toMatchObject({ status: 409, code: 'council_not_met' });

    const met = await cCoord.put(`/api/v1/cases/${caseId}/council`, councilMet(today, 2));
    expect(met.body.council).toMatchObject({ status: 'met', metOn: today, declinedReason: null, version: 3 });
    const badOwner = await cCoord.put(`/api/v1/cases/${caseId}/council/outcome`, {
      goals: ['Rust in huis'],
      actions: [{ what: 'Oppassen', networkMemberId: persons[0], dueOn: today }],
      version: 3,
    });
    expect(badOwner.body).toMatchObject({ status: 400, field: 'actions[0].networkMemberId' });
    const outcome = await cCoord.put(`/api/v1/cases/${caseId}/council/outcome`, {
      goals: ['Wij willen dat de kinderen zich thuis veilig voelen', 'Papa stopt met drinken'],
      actions: [{ what: 'Oma past op woensdag op', networkMemberId, dueOn: addDays(today, 14) }],
      version: 3,
    });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
    expect(await asActor(t.server, coord.actor, (tx) => councilOutcomeOf(tx, caseId))).toEqual({
      goals: ['Wij willen dat de kinderen zich thuis veilig voelen', 'Papa stopt met drinken'],
      actions: [{ what: 'Oma past op woensdag op', networkMemberId, networkMemberName: 'Oma Jansen', dueOn: addDays(today, 14) }],
    });
    const events = await t.db.query<{ kind: string }>(
      `SELECT kind FROM timeline_events WHERE region_id = $1 AND case_id = $2 AND type = 'network_council' ORDER BY seq`,
      [region, caseId],
    );
    expect(events.map((e) => e.kind)).toEqual([
      'council_offered',
      'council_answered',
      'council_answered',
      'council_met',
      'council_outcome_recorded',
    ]);
  });

  it("blocks agreeing an unsafe plan while a child's safety is unscored or the safety plan is empty", async () => {
    const children = persons.slice(1);
    expect(await asActor(t.server, coord.actor, (tx) => safetyBlocker(tx, caseId, [{ personId: children[0]!, score: 2 }]))).toEqual([
      expect.objectContaining({ code: 'child_safety_unassessed', field: `safety.${children[1]}` }),
    ]);
    expect(
      await asActor(t.server, coord.actor, (tx) =>
        safetyBlocker(
          tx,
          caseId,
          children.map((personId) => ({ personId, score: 3 })),
        ),
      ),
    ).toEqual([]);
  });

  it('lets the functional administrator set the working days, versioned', async () => {
    expect((await cAdmin.get('/api/v1/admin/council-settings')).body).toEqual({ workingDays: 10, version: 1 });
    expect((await cAdmin.put('/api/v1/admin/council-settings', { workingDays: 0, version: 1 })).body).toMatchObject({
      status: 400,
      field: 'workingDays',
    });
    expect((await cPro.put('/api/v1/admin/council-settings', { workingDays: 5, version: 1 })).status).toBe(403);
    expect((await cAdmin.put('/api/v1/admin/council-settings', { workingDays: 15, version: 1 })).body).toEqual({
      workingDays: 15,
      version: 2,
    });
    expect((await cAdmin.put('/api/v1/admin/council-settings', { workingDays: 12, version: 1 })).body).toMatchObject({ status: 409 });
    expect((await cPro.get(`/api/v1/cases/${caseId}/safety`)).body.council.workingDays).toBe(15);
    expect((await cAdmin.put('/api/v1/admin/council-settings', { workingDays: 10, version: 2 })).status).toBe(200);
  });
});

describe('a council not offered in time', () => {
  it('is overdue on the case and notifies the coordinator and the team lead once, not again on a re-run', async () => {
    const fam = await cCoord.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Laat' }));
    const page = await cCoord.get(`/api/v1/families/${fam.body.id}`);
    const late = page.body.currentCase.id;
    // A third case, offered in time, is never notified.
    const fam2 = await cCoord.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Optijd' }));
    const onTime = (await cCoord.get(`/api/v1/families/${fam2.body.id}`)).body.currentCase.id;
    await t.db.query(`UPDATE cases SET opened_at = now() - interval '40 days' WHERE region_id = $1 AND id = ANY($2::uuid[])`, [
      region,
      [late, onTime, caseId],
    ]);
    await cCoord.put(`/api/v1/cases/${onTime}/council`, councilBody({ offeredOn: addDays(dutchToday(), -35) }));

    expect((await cCoord.get(`/api/v1/cases/${late}/safety`)).body.council).toMatchObject({ overdue: true, status: 'not_offered' });
    expect((await cCoord.get(`/api/v1/cases/${onTime}/safety`)).body.council).toMatchObject({ overdue: false, status: 'offered' });
    // the first case was offered (and met): not overdue either
    expect((await cCoord.get(`/api/v1/cases/${caseId}/safety`)).body.council.overdue).toBe(false);

    const first = await notifyOverdueCouncils(t.server);
    const second = await notifyOverdueCouncils(t.server);
    const rows = await t.db.query<{ user_id: string; n: number }>(
      `SELECT user_id, count(*)::int AS n FROM notifications WHERE region_id = $1 AND kind = 'council_overdue' GROUP BY user_id ORDER BY user_id`,
      [region],
    );
    expect(rows).toEqual(
      [
        { user_id: coord.actor.userId, n: 1 },
        { user_id: lead.actor.userId, n: 1 },
      ].sort((a, b) => a.user_id.localeCompare(b.user_id)),
    );
    expect(first).toBe(2);
    expect(second).toBe(0);
    const notices = await t.db.query<{ case_id: string }>(`SELECT case_id FROM council_overdue_notices WHERE region_id = $1`, [region]);
    expect(notices.map((n) => n.case_id)).toEqual([late]);

    // "Mijn gezinnen": the FNB-te-laat filter and indicator
    const all = await cCoord.get('/api/v1/families?limit=100');
    expect(all.body.items.filter((f: { councilOverdue: boolean }) => f.councilOverdue).map((f: { id: string }) => f.id)).toEqual([
      fam.body.id,
    ]);
    const filtered = await cCoord.get('/api/v1/families?filter=council_overdue');
    expect(filtered.body.items.map((f: { id: string }) => f.id)).toEqual([fam.body.id]);
    expect((await cCoord.get('/api/v1/families?filter=late')).body).toMatchObject({ status: 400, field: 'querystring.filter' });
    // once offered, it is no longer in the list
    await cCoord.put(`/api/v1/cases/${late}/council`, councilBody({ offeredOn: dutchToday() }));
    expect((await cCoord.get('/api/v1/families?filter=council_overdue')).body.items).toEqual([]);
  });
});
