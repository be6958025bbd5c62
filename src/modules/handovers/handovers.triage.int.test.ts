// A handover from triage, end to end through the API: its package is the signal itself (what was
// seen, the concerns, the safety assessment so far, the persons), it can name the receiving
// professional, and a refusal sends the signal back to the sender's triage queue as "refused —
// new decision needed" with the reason, where a new decision can be made. Also: an expired
// handover is overdue, and the memberships a handover creates name it as their basis.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, type Client, useRegionApp } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { addDays } from '../../platform/time/working-days.js';
import { expireOverdueHandovers } from './handovers.service.js';
import { SignalStatus } from '../signals/signals.contract.js';
import { handoverRegion } from './handovers.int-support.js';

let t: TestDb;
let app: App;
let region: string;
let vt: string;
let team: string;
let other: string;
let vtPro: TestUser;
let vtLead: TestUser;
let teamCoord: TestUser;
let teamPro: TestUser;
let teamLead: TestUser;
let otherLead: TestUser;
let cVt: Client;
let cTeamPro: Client;
let cTeamLead: Client;
let cTeamCoord: Client;
let cGp: Client;
let cOther: Client;

const w = useRegionApp({ ...handoverRegion, loggedOut: ['vtLead'] });
beforeAll(() => {
  ({ t, app, region } = w);
  ({ vt, team, other } = w.org);
  ({ vtCoord: vtPro, vtLead, teamCoord, teamPro, teamLead, outsider: otherLead } = w.user);
  ({ vtCoord: cVt, teamPro: cTeamPro, teamLead: cTeamLead, teamCoord: cTeamCoord, gpUser: cGp, outsider: cOther } = w.client);
});

const WHAT_SEEN = 'Kind heeft blauwe plekken op de armen en vertelt over harde ruzie thuis.';
const CONCERN = 'Ouders maken veel ruzie, de politie is twee keer geweest.';
const REASONS = 'Signalen van geweld tussen ouders; kind niet direct in gevaar.';

/** A signal that Veilig Thuis's professional records about a known family. */
const signalAbout = (familyId: string) =>
  cVt.post('/api/v1/signals', {
    receivingOrganisationId: vt,
    source: 'professional',
    familyId,
    whatSeen: WHAT_SEEN,
    safetyAtStake: false,
    urgency: 'normal',
  });

async function reportedSignal() {
  const r = await cGp.post('/api/v1/signals', {
    receivingOrganisationId: vt,
    source: 'gp',
    subjectDescription: 'Gezin aan de Dorpsstraat',
    subjectPlace: 'Vlissingen',
    whatSeen: WHAT_SEEN,
    concerns: { domestic_relations: CONCERN },
    safetyAtStake: true,
    meldcodeSteps: { 1: { done: true, notes: 'Blauwe plekken gefotografeerd' }, 2: { done: true } },
    urgency: 'high',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; reference: string };
}

const handOver = (signalId: string, version: number, o: Record<string, unknown> = {}) =>
  cVt.post(`/api/v1/signals/${signalId}/triage`, {
    safetyAssessment: 'concerns',
    safetyReasons: REASONS,
    decision: 'handover',
    targetOrganisationId: team,
    note: 'Gezin is bekend bij het wijkteam.',
    version,
    ...o,
  });

async function pendingHandoverOf(signalId: string) {
  const [h] = await t.db.query<{ id: string; version: number }>(
    `SELECT id, version FROM handovers WHERE region_id = $1 AND signal_id = $2 AND status = 'pending'`,
    [region, signalId],
  );
  if (!h) throw new Error(`no pending handover for signal ${signalId}`);
  return h;
}
const signalRow = async (id: string) =>
  (
    await t.db.query<{ status: string; version: number }>(`SELECT status, version FROM signals WHERE region_id = $1 AND id = $2`, [
      region,
      id,
    ])
  )[0];
const notices = async (userId: string, kind: string, link: string) =>
  (
    await t.db.query(`SELECT 1 FROM notifications WHERE region_id = $1 AND user_id = $2 AND kind = $3 AND link = $4`, [
      region,
      userId,
      kind,
      link,
    ])
  ).length;

describe('a handover from triage', () => {
  it('carries the signal, the safety assessment so far and the persons, and names the receiving professional, who is told once', async () => {
    const sig = await reportedSignal();
    const r = await handOver(sig.id, 1, { targetUserId: teamPro.actor.userId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const h = await pendingHandoverOf(sig.id);
    const detail = (await cTeamPro.get(`/api/v1/handovers/${h.id}`)).body;
    expect(detail.toUser).toEqual({ id: teamPro.actor.userId, name: expect.any(String) });
    expect(detail.reason).toContain(sig.reference);
    expect(detail.reason).toContain('Gezin is bekend bij het wijkteam.');
    for (const part of [
      sig.reference,
      'Gezin aan de Dorpsstraat, Vlissingen',
      'urgentie hoog',
      'huiselijke relaties',
      CONCERN,
      WHAT_SEEN,
      'Gezin is bekend bij het wijkteam.',
    ])
      expect(detail.knownInformation).toContain(part);
    for (const part of [
      'Veiligheidsinschatting bij triage: zorgen',
      REASONS,
      'zorgen over de veiligheid',
      'stap 1 (Blauwe plekken gefotografeerd)',
      'stap 2',
    ])
      expect(detail.safetyNotes).toContain(part);
    expect(detail).toMatchObject({ safetyAssessment: 'concerns', legalBasis: 'statutory_task' });
    // Not the boilerplate of before.
    expect(detail.knownInformation).not.toContain('Zie melding');
    // The named professional and the team lead hear of it, once each; the coordinator (not a lead) does not.
    const link = `/overdrachten/${h.id}`;
    expect(await Promise.all([teamPro, teamLead, teamCoord].map((u) => notices(u.actor.userId, 'handover_received', link)))).toEqual([
      1, 1, 0,
    ]);
    expect(
      (await cTeamPro.get('/api/v1/handovers?direction=incoming')).body.items.find((i: { id: string }) => i.id === h.id).toUser.id,
    ).toBe(teamPro.actor.userId);
  });

  it('carries the persons of a signal about a known family', async () => {
    const fam = await cVt.post('/api/v1/families', familyBody(vtPro.actor.userId, { familyName: 'Pietersen', children: 1 }));
    expect(fam.status).toBe(201);
    const page = (await cVt.get(`/api/v1/families/${fam.body.id}`)).body;
    await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE region_id = $1 AND family_id = $2`, [
      region,
      fam.body.id,
    ]);
    const sig = await signalAbout(fam.body.id);
    expect(sig.status, JSON.stringify(sig.body)).toBe(201);
    expect((await handOver(sig.body.id, 1)).status).toBe(200);
    const h = await pendingHandoverOf(sig.body.id);
    const persons = (await cTeamPro.get(`/api/v1/handovers/${h.id}`)).body.persons as Array<{ personId: string; name: string }>;
    expect(persons.map((p) => p.personId).sort()).toEqual((page.members as Array<{ personId: string }>).map((m) => m.personId).sort());
    expect(persons.map((p) => p.name)).toContain('Anna Pietersen');
  });

  it('refuses a receiving professional of another organisation, or without a handover, on the field targetUserId; nothing is written', async () => {
    const sig = await reportedSignal();
    const wrong = await handOver(sig.id, 1, { targetUserId: otherLead.actor.userId });
    expect(wrong.body).toMatchObject({ status: 400, code: 'unknown_professional', field: 'targetUserId' });
    const advice = await cVt.post(`/api/v1/signals/${sig.id}/triage`, {
      safetyAssessment: 'safe',
      safetyReasons: 'Geen zorgen.',
      decision: 'advice',
      targetUserId: teamPro.actor.userId,
      version: 1,
    });
    expect(advice.body).toMatchObject({ status: 400, code: 'not_a_handover', field: 'targetUserId' });
    expect(await signalRow(sig.id)).toEqual({ status: 'open', version: 1 });
    expect(await t.db.query(`SELECT 1 FROM handovers WHERE region_id = $1 AND signal_id = $2`, [region, sig.id])).toEqual([]);
  });
});

describe('a refused handover of a signal', () => {
  it('returns the signal to the sender\'s queue as "refused — new decision needed" with the reason, and a new decision can be made', async () => {
    const sig = await reportedSignal();
    expect((await handOver(sig.id, 1)).body).toMatchObject({ status: 'handed_over', version: 2 });
    // While handed over, it is not in the queue of signals waiting for a decision.
    expect((await cVt.get('/api/v1/signals')).body.items.map((s: { id: string }) => s.id)).not.toContain(sig.id);
    const h = await pendingHandoverOf(sig.id);
    const reason = 'Dit gezin woont buiten ons werkgebied, in Middelburg.';
    expect((await cTeamPro.post(`/api/v1/handovers/${h.id}/refuse`, { reason, version: h.version })).status).toBe(200);
    expect(await signalRow(sig.id)).toEqual({ status: 'handover_refused', version: 3 });

    // Back in the sender's default queue, with the refusal; also under its own filter, not under "handed over".
    const queue = (await cVt.get('/api/v1/signals')).body.items.find((s: { id: string }) => s.id === sig.id);
    expect(queue).toMatchObject({
      status: 'handover_refused',
      handoverRefusal: { handoverId: h.id, outcome: 'refused', reason, organisationName: 'Team Jeugd Vlissingen' },
    });
    expect((await cVt.get('/api/v1/signals?status=handover_refused')).body.items.map((s: { id: string }) => s.id)).toContain(sig.id);
    expect((await cVt.get('/api/v1/signals?status=handed_over')).body.items.map((s: { id: string }) => s.id)).not.toContain(sig.id);
    // The reporter sees the status but not the receiver's reason; the receiver no longer sees the signal.
    expect(
      (await cGp.get('/api/v1/signals?scope=reported')).body.items.find((s: { id: string }) => s.id === sig.id).handoverRefusal,
    ).toBeNull();
    expect((await cTeamPro.get(`/api/v1/signals/${sig.id}`)).status).toBe(404);
    const detail = (await cVt.get(`/api/v1/signals/${sig.id}`)).body;
    expect(detail).toMatchObject({
      status: 'handover_refused',
      handoverRefusal: { reason },
      access: { mayTriage: true },
      triage: { decision: 'handover' },
    });

    // A new decision: hand over to another team; the latest decision is the one shown.
    const again = await handOver(sig.id, 3, { targetOrganisationId: other });
    expect(again.body).toMatchObject({ status: 'handed_over', version: 4 });
    expect((await cVt.get(`/api/v1/signals/${sig.id}`)).body.triage).toMatchObject({
      decision: 'handover',
      targetOrganisationName: 'Sociaal Team Veere',
    });
    expect(
      await t.db.query(`SELECT 1 FROM signal_triage_decisions WHERE region_id = $1 AND signal_id = $2`, [region, sig.id]),
    ).toHaveLength(2);
    // Refused again, then closed with advice: one decision per refusal, no more.
    const h2 = await pendingHandoverOf(sig.id);
    expect(
      (await cOther.post(`/api/v1/handovers/${h2.id}/refuse`, { reason: 'Geen capaciteit, probeer het wijkteam opnieuw.' })).status,
    ).toBe(200);
    expect((await cVt.get('/api/v1/signals')).body.items.find((s: { id: string }) => s.id === sig.id).handoverRefusal).toMatchObject({
      handoverId: h2.id,
      organisationName: 'Sociaal Team Veere',
    });
    const advice = {
      safetyAssessment: 'concerns',
      safetyReasons: REASONS,
      decision: 'advice',
      note: 'Huisarts houdt contact met het gezin.',
    };
    expect((await cVt.post(`/api/v1/signals/${sig.id}/triage`, { ...advice, version: 5 })).body).toMatchObject({
      status: 'triaged',
      version: 6,
    });
    expect((await cVt.post(`/api/v1/signals/${sig.id}/triage`, { ...advice, version: 6 })).body).toMatchObject({
      status: 409,
      code: 'already_triaged',
    });
    // The sender and its team lead were told of each refusal once.
    for (const id of [h.id, h2.id])
      expect(await Promise.all([vtPro, vtLead].map((u) => notices(u.actor.userId, 'handover_refused', `/overdrachten/${id}`)))).toEqual([
        1, 1,
      ]);
  });

  it('comes back the same way when the receiver in another region refuses', async () => {
    const B = await createRegion(t.db);
    const teamB = await createOrganisation(t.db, B, 'municipal_team', 'Team Jeugd Goes');
    const proB = await createUser(t.db, B, teamB, ['professional', 'coordinator']);
    const sig = await reportedSignal();
    expect((await handOver(sig.id, 1, { targetOrganisationId: teamB, targetRegionId: B })).body).toMatchObject({ status: 'handed_over' });
    // Naming a receiving professional of another region is refused: that region chooses for itself.
    const sig2 = await reportedSignal();
    expect(
      (await handOver(sig2.id, 1, { targetOrganisationId: teamB, targetRegionId: B, targetUserId: proB.actor.userId })).body,
    ).toMatchObject({ status: 400, code: 'receiver_elsewhere', field: 'targetUserId' });
    const h = await pendingHandoverOf(sig.id);
    const refused = await (
      await login(app, proB.username)
    ).post(`/api/v1/handovers/${h.id}/refuse`, { reason: 'Het gezin woont niet in Goes.', version: h.version });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect((await signalRow(sig.id))?.status).toBe('handover_refused');
    expect((await cVt.get('/api/v1/signals')).body.items.find((s: { id: string }) => s.id === sig.id).handoverRefusal).toMatchObject({
      reason: 'Het gezin woont niet in Goes.',
      organisationName: `Team Jeugd Goes (regio Regio ${B})`,
    });
  });

  it('cannot be sent back by anyone but the refusing receiver, in the refusing transaction', async () => {
    const sig = await reportedSignal();
    await handOver(sig.id, 1);
    const h = await pendingHandoverOf(sig.id);
    await expect(t.db.query(`SELECT regie.signal_back_after_refusal($1, $2)`, [region, h.id])).rejects.toThrow(
      /not a refusal given in this transaction/,
    );
    expect((await signalRow(sig.id))?.status).toBe('handed_over');
  });
});

describe('the signal statuses', () => {
  it('are exactly those the database allows (migrations 0230 and 0234 extend the check, never narrow it)', async () => {
    const { def } = (
      await t.db.query<{ def: string }>(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'signals'::regclass AND conname = 'signals_status_check'`,
      )
    )[0]!;
    expect([...def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort()).toEqual([...SignalStatus.options].sort());
  });
});

describe('an expired handover', () => {
  it('reports overdue: true, in the list and on its own', async () => {
    const sig = await reportedSignal();
    await handOver(sig.id, 1);
    const h = await pendingHandoverOf(sig.id);
    const { d } = (
      await t.db.query<{ d: string }>(`SELECT accept_due_on::text AS d FROM handovers WHERE region_id = $1 AND id = $2`, [region, h.id])
    )[0]!;
    await t.db.query(`UPDATE handovers SET accept_due_on = $3 WHERE region_id = $1 AND id = $2`, [region, h.id, addDays(d, -10)]);
    expect(await expireOverdueHandovers(t.db, new Date())).toBeGreaterThanOrEqual(1);
    const listed = (await cTeamLead.get('/api/v1/handovers?status=expired')).body.items.find((i: { id: string }) => i.id === h.id);
    expect(listed).toMatchObject({ status: 'expired', overdue: true });
    expect((await cVt.get(`/api/v1/handovers/${h.id}`)).body).toMatchObject({ status: 'expired', overdue: true, mayRespond: false });
    // Expired on a due date that is (still) today or later — a late clock, a moved deadline — it is overdue all the same.
    await t.db.query(`UPDATE handovers SET accept_due_on = $3 WHERE region_id = $1 AND id = $2`, [region, h.id, addDays(d, 3)]);
    expect((await cVt.get(`/api/v1/handovers/${h.id}`)).body).toMatchObject({ status: 'expired', overdue: true });

    // The signal is back in the sender's queue too: not answered, so a new decision is needed.
    expect(await signalRow(sig.id)).toEqual({ status: 'handover_expired', version: 3 });
    const queued = (await cVt.get('/api/v1/signals')).body.items.find((s: { id: string }) => s.id === sig.id);
    expect(queued).toMatchObject({
      status: 'handover_expired',
      handoverRefusal: { handoverId: h.id, outcome: 'expired', reason: null, organisationName: 'Team Jeugd Vlissingen' },
    });
    expect((await cVt.get(`/api/v1/signals/${sig.id}`)).body).toMatchObject({
      access: { mayTriage: true },
      handoverRefusal: { outcome: 'expired' },
    });
    expect((await handOver(sig.id, 3, { targetOrganisationId: other })).body).toMatchObject({ status: 'handed_over', version: 4 });
  });
});

describe('memberships created by a handover', () => {
  const memberships = (caseId: string) =>
    t.db.query<{ user_id: string; role: string; legal_basis: string; handover_id: string | null; ended_at: string | null }>(
      `SELECT user_id, role, legal_basis, handover_id, ended_at FROM case_team WHERE region_id = $1 AND case_id = $2 ORDER BY started_at, role`,
      [region, caseId],
    );

  it('carry the handover as their basis and source, for a case and for a signal, and the team shows it', async () => {
    const fam = await cVt.post('/api/v1/families', familyBody(vtPro.actor.userId, { children: 1, legalBasis: 'safety' }));
    const page = (await cVt.get(`/api/v1/families/${fam.body.id}`)).body;
    const caseId = page.currentCase.id as string;
    const sent = await cVt.post('/api/v1/handovers', {
      caseId,
      toOrganisationId: team,
      reason: 'Gezin verhuist; Team Jeugd neemt de regie over.',
      safetyAssessment: 'safe',
      knownInformation: 'Onderzoek afgerond.',
      personIds: page.members.map((m: { personId: string }) => m.personId),
      legalBasis: 'statutory_task',
      senderAccess: 'continues',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${sent.body.id}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 })).status,
    ).toBe(200);
    const team_ = await memberships(caseId);
    const byHandover = team_.filter((m) => m.handover_id === sent.body.id).map((m) => [m.user_id, m.role]);
    expect(byHandover).toEqual(
      expect.arrayContaining([
        [teamPro.actor.userId, 'member'],
        [teamCoord.actor.userId, 'coordinator'],
      ]),
    );
    // The sender's own membership (from registering the family) did not come by the handover.
    expect(team_.filter((m) => m.user_id === vtPro.actor.userId && m.handover_id === null).length).toBeGreaterThan(0);
    const shown = (await cTeamCoord.get(`/api/v1/families/${fam.body.id}`)).body.currentCase.team as Array<{
      userId: string;
      role: string;
      handoverId: string | null;
    }>;
    expect(shown.find((m) => m.userId === teamCoord.actor.userId && m.role === 'coordinator')?.handoverId).toBe(sent.body.id);

    // A signal about a family without an open case: the new case's team came by the handover.
    await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE region_id = $1 AND id = $2`, [region, caseId]);
    const sig = await signalAbout(fam.body.id);
    expect((await handOver(sig.body.id, 1)).status).toBe(200);
    const h = await pendingHandoverOf(sig.body.id);
    const accepted = await cTeamPro.post(`/api/v1/handovers/${h.id}/accept`, { nomineeUserId: teamCoord.actor.userId, version: h.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const fresh = await memberships(accepted.body.caseId);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((m) => m.handover_id === h.id)).toBe(true);
  });
});
