import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { familyBody, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';
import { onHandoverDecision, type HandoverDecision } from './triage.service.js';

let t: TestDb;
let region: string;
let team: string;
let vtOrg: string;
let member: TestUser;
let coord: TestUser;
let coord2: TestUser;
let teacher: TestUser;
let stranger: TestUser;
let m: Client;
let c: Client;
let c2: Client;
let s: Client;
let x: Client;

const w = useRegionApp({
  orgs: { team: ['municipal_team', 'Wijkteam West'], school: ['school', 'OBS De Linde'], vtOrg: ['veilig_thuis', 'Veilig Thuis'] },
  users: {
    member: ['team', ['professional']],
    coord: ['team', ['professional', 'coordinator']],
    coord2: ['team', ['professional', 'coordinator']],
    teacher: ['school', ['professional']],
    stranger: ['vtOrg', ['professional']],
  },
});
beforeAll(() => {
  ({ t, region } = w);
  ({ team, vtOrg } = w.org);
  ({ member, coord, coord2, teacher, stranger } = w.user);
  ({ member: m, coord: c, coord2: c2, teacher: s, stranger: x } = w.client);
});

async function newFamily(client = c, coordinator = coord) {
  const body = familyBody(coordinator.actor.userId, { familyName: 'Smit' });
  const r = await client.post('/api/v1/families', body);
  const caseId = (await t.db.query<{ id: string }>(`SELECT id FROM cases WHERE region_id = $1 AND family_id = $2`, [region, r.body.id]))[0]!
    .id;
  return { id: r.body.id as string, caseId, bsn: body.members[0]!.bsn! };
}

async function newSignal(o: Record<string, unknown> = { subjectDescription: 'Gezin op de hoek' }) {
  const r = await s.post('/api/v1/signals', {
    receivingOrganisationId: team,
    source: 'school',
    whatSeen: 'Kinderen worden vaak laat opgehaald en zijn verward.',
    safetyAtStake: true,
    meldcodeSteps: { 1: { done: true, notes: 'Signalen vastgelegd' }, 2: { done: true } },
    urgency: 'high',
    ...o,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; reference: string };
}

/** Everything a triage could write; a refused triage must leave it exactly as it was. */
async function state(signalId: string) {
  return {
    signal: await t.db.query(`SELECT status, version, case_id, triaged_at FROM signals WHERE id = $1`, [signalId]),
    decisions: await t.db.query(`SELECT id FROM signal_triage_decisions WHERE signal_id = $1`, [signalId]),
    moments: await t.db.query(`SELECT moment FROM lead_time_moments WHERE signal_id = $1 ORDER BY moment`, [signalId]),
    timeline: await t.db.query(`SELECT count(*)::int AS n FROM timeline_events WHERE region_id = $1`, [region]),
    team: await t.db.query(`SELECT count(*)::int AS n FROM case_team WHERE region_id = $1`, [region]),
  };
}

const advice = {
  safetyAssessment: 'concerns',
  safetyReasons: 'Zorgen over toezicht, geen acuut gevaar.',
  decision: 'advice',
  note: 'School adviseren over gesprek met ouders.',
  version: 1,
};

describe('triage', () => {
  it('is refused (403) to someone outside the receiving team who can see the signal, and 404 to who cannot; nothing is written', async () => {
    const sig = await newSignal();
    const before = await state(sig.id);
    const byReporter = await s.post(`/api/v1/signals/${sig.id}/triage`, advice);
    expect(byReporter.status).toBe(403);
    expect(byReporter.body).toMatchObject({
      code: 'forbidden',
      detail: expect.stringContaining('ontvangende organisatie'),
      detailEn: expect.stringContaining('receiving organisation'),
    });
    const byStranger = await x.post(`/api/v1/signals/${sig.id}/triage`, advice);
    expect(byStranger.status).toBe(404);
    expect(await state(sig.id)).toEqual(before);
    const denied = await t.db.query(
      `SELECT user_id FROM audit_log WHERE region_id = $1 AND object_id = $2 AND outcome = 'denied' ORDER BY seq`,
      [region, sig.id],
    );
    expect(denied).toEqual([{ user_id: teacher.actor.userId }, { user_id: stranger.actor.userId }]);
  });

  it('records advice: assessment with reasons, who decided, the triaged moment; a second triage is refused', async () => {
    const sig = await newSignal();
    const r = await m.post(`/api/v1/signals/${sig.id}/triage`, advice);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'triaged', version: 2, caseId: null });
    const d = (await m.get(`/api/v1/signals/${sig.id}`)).body;
    expect(d.triage).toMatchObject({
      safetyAssessment: 'concerns',
      decision: 'advice',
      note: advice.note,
      decidedBy: { id: member.actor.userId, organisationName: 'Wijkteam West' },
    });
    expect(d.access.mayTriage).toBe(false);
    const moments = await t.db.query<{ moment: string }>(
      `SELECT moment FROM lead_time_moments WHERE signal_id = $1 ORDER BY occurred_at, moment`,
      [sig.id],
    );
    expect(moments.map((x) => x.moment)).toEqual(['received', 'triaged']);
    expect((await m.post(`/api/v1/signals/${sig.id}/triage`, advice)).status).toBe(409);
    expect((await m.post(`/api/v1/signals/${sig.id}/triage`, { ...advice, version: 2 })).body.code).toBe('already_triaged');
  });

  it('refuses decisions without what they need, and an unsafe situation closed with advice only', async () => {
    const sig = await newSignal();
    const field = async (body: Record<string, unknown>) =>
      (await m.post(`/api/v1/signals/${sig.id}/triage`, { ...advice, ...body })).body.field;
    expect(await field({ safetyAssessment: 'unsafe' })).toBe('decision');
    expect(await field({ decision: 'close' })).toBe('closeReason');
    expect(await field({ decision: 'handover' })).toBe('targetOrganisationId');
    expect(await field({ decision: 'open_case' })).toBe('coordinatorUserId');
    // No known family: the new family's members are needed (intake.int.test.ts opens one).
    expect(await field({ decision: 'open_case', coordinatorUserId: member.actor.userId })).toBe('newFamily');
    expect(await field({ decision: 'handover', targetOrganisationId: team })).toBe('targetOrganisationId');
    expect(await field({ version: 7 })).toBe('version');
    expect((await t.db.query(`SELECT status FROM signals WHERE id = $1`, [sig.id]))[0]).toEqual({ status: 'open' });
  });

  it('never joins a case by an id from elsewhere: a signal without a family is linked to one first', async () => {
    const fam = await newFamily(c2, coord2);
    const sig = await newSignal();
    const r = await m.post(`/api/v1/signals/${sig.id}/triage`, { ...advice, decision: 'join_case', caseId: fam.caseId });
    expect(r.body).toMatchObject({ status: 400, code: 'link_family_first', field: 'caseId' });
    expect((await m.get(`/api/v1/families/${fam.id}`)).status).toBe(404); // not on that case's team
    expect((await t.db.query(`SELECT status FROM signals WHERE id = $1`, [sig.id]))[0]).toEqual({ status: 'open' });
  });

  it('joins the open case: the triager enters the case team and the decision shows on the case timeline', async () => {
    const fam = await newFamily(c2, coord2);
    const sig = await newSignal({ bsn: fam.bsn });
    expect((await m.get(`/api/v1/families/${fam.id}`)).status).toBe(404);
    const r = await m.post(`/api/v1/signals/${sig.id}/triage`, { ...advice, decision: 'join_case' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.caseId).toBe(fam.caseId);
    const page = await m.get(`/api/v1/families/${fam.id}`);
    expect(page.status).toBe(200);
    expect(
      page.body.currentCase.team.some(
        (x: { userId: string; legalBasis: string }) => x.userId === member.actor.userId && x.legalBasis === 'statutory_task',
      ),
    ).toBe(true);
    const types = page.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['signal_linked', 'signal_triaged', 'team_member_added']));
  });

  it('opens a case for a family whose case was closed, with a qualified coordinator and only the coordinator on its team', async () => {
    const fam = await newFamily();
    await c.patch(`/api/v1/cases/${fam.caseId}`, { status: 'closed', version: 1, closedReason: 'Afgerond' });
    // The school reporter does not see the family: it reports by BSN (a family id outside its access is refused like an unknown one).
    const sig = await newSignal({ bsn: fam.bsn });
    const unqualified = await m.post(`/api/v1/signals/${sig.id}/triage`, {
      ...advice,
      decision: 'open_case',
      coordinatorUserId: member.actor.userId,
    });
    expect(unqualified.body.field).toBe('coordinatorUserId');
    const r = await m.post(`/api/v1/signals/${sig.id}/triage`, {
      ...advice,
      decision: 'open_case',
      coordinatorUserId: coord2.actor.userId,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const cases = await t.db.query<{ id: string; status: string }>(
      `SELECT id, status FROM cases WHERE family_id = $1 AND status <> 'closed'`,
      [fam.id],
    );
    expect(cases).toEqual([{ id: r.body.caseId, status: 'registered' }]);
    const team = await t.db.query<{ user_id: string; role: string }>(
      `SELECT user_id, role FROM case_team WHERE case_id = $1 ORDER BY role`,
      [r.body.caseId],
    );
    // Nobody joins by side effect: the triaging professional is not put on the new case's team.
    expect(team).toEqual([{ user_id: coord2.actor.userId, role: 'coordinator' }]);
    // A second signal about this family is now linked to the new case.
    const again = await newSignal({ bsn: fam.bsn });
    expect((await m.get(`/api/v1/signals/${again.id}`)).body.caseId).toBe(r.body.caseId);
  });

  it('hands over and closes: statuses follow, the handover decision reaches the handovers module in the same transaction', async () => {
    const seen: HandoverDecision[] = [];
    const previous = onHandoverDecision(async (_tx, _actor, d) => {
      seen.push(d);
    });
    try {
      const sig = await newSignal();
      const r = await m.post(`/api/v1/signals/${sig.id}/triage`, {
        ...advice,
        safetyAssessment: 'unsafe',
        decision: 'handover',
        targetOrganisationId: vtOrg,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.status).toBe('handed_over');
      expect(seen).toMatchObject([
        {
          signalId: sig.id,
          reference: sig.reference,
          targetOrganisationId: vtOrg,
          receivingOrganisationId: team,
          safetyAssessment: 'unsafe',
        },
      ]);
      // A failing handover undoes the decision.
      const sig2 = await newSignal();
      onHandoverDecision(async () => {
        throw new Error('handover refused');
      });
      expect(
        (await m.post(`/api/v1/signals/${sig2.id}/triage`, { ...advice, decision: 'handover', targetOrganisationId: vtOrg })).status,
      ).toBe(500);
      expect((await t.db.query(`SELECT status FROM signals WHERE id = $1`, [sig2.id]))[0]).toEqual({ status: 'open' });
    } finally {
      onHandoverDecision(previous);
    }
    const sig3 = await newSignal();
    const closed = await m.post(`/api/v1/signals/${sig3.id}/triage`, {
      ...advice,
      safetyAssessment: 'safe',
      decision: 'close',
      closeReason: 'Geen zorgen na navraag',
    });
    expect(closed.body.status).toBe('closed');
    expect((await m.get(`/api/v1/signals/${sig3.id}`)).body.triage.closeReason).toBe('Geen zorgen na navraag');
  });
});
