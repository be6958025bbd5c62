// Handovers end to end through the API: send, the overview for sender and receiver, accept,
// refuse, the errors (no task, already accepted, expired, stale), the deadline sweep and signals.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { familyBody, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';
import { addDays, addWorkingDays, dutchToday, endOfDutchDay } from '../../platform/time/working-days.js';
import { verifyChain } from '../../platform/audit/audit.js';
import { expireOverdueHandovers } from './handovers.service.js';
import { handoverRegion } from './handovers.int-support.js';

let t: TestDb;
let region: string;
let vt: string;
let team: string;
let gp: string;
let other: string;
let vtCoord: TestUser;
let vtLead: TestUser;
let teamCoord: TestUser;
let teamPro: TestUser;
let teamLead: TestUser;
let gpUser: TestUser;
let outsider: TestUser;
let cVt: Client;
let cTeamCoord: Client;
let cTeamPro: Client;
let cTeamLead: Client;
let cGp: Client;
let cOut: Client;

const w = useRegionApp(handoverRegion);
beforeAll(() => {
  ({ t, region } = w);
  ({ vt, team, gp, other } = w.org);
  ({ vtCoord, vtLead, teamCoord, teamPro, teamLead, gpUser, outsider } = w.user);
  ({ vtCoord: cVt, teamCoord: cTeamCoord, teamPro: cTeamPro, teamLead: cTeamLead, gpUser: cGp, outsider: cOut } = w.client);
});

/** A family whose case Veilig Thuis coordinates, with the GP on its team. */
async function vtCase() {
  const fam = await cVt.post('/api/v1/families', familyBody(vtCoord.actor.userId, { children: 1, legalBasis: 'safety' }));
  expect(fam.status).toBe(201);
  const page = await cVt.get(`/api/v1/families/${fam.body.id}`);
  const caseId = page.body.currentCase.id as string;
  expect(
    (await cVt.post(`/api/v1/cases/${caseId}/team-members`, { userId: gpUser.actor.userId, legalBasis: 'consent', caseVersion: 1 })).status,
  ).toBe(201);
  return { familyId: fam.body.id as string, caseId, personIds: (page.body.members as Array<{ personId: string }>).map((m) => m.personId) };
}

function package_(k: { caseId: string; personIds: string[] }, o: Record<string, unknown> = {}) {
  return {
    caseId: k.caseId,
    toOrganisationId: team,
    reason: 'Gezin verhuist naar Vlissingen; Team Jeugd neemt de regie over.',
    safetyAssessment: 'concerns',
    safetyNotes: 'Spanningen tussen ouders; geen acuut gevaar.',
    knownInformation: 'Onderzoek Veilig Thuis afgerond.',
    personIds: k.personIds,
    legalBasis: 'statutory_task',
    senderAccess: 'ends',
    ...o,
  };
}

async function sent(o: Record<string, unknown> = {}) {
  const k = await vtCase();
  const r = await cVt.post('/api/v1/handovers', package_(k, o));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { ...k, handoverId: r.body.id as string };
}

const team_ = async (caseId: string) =>
  t.db.query<{ user_id: string; organisation_id: string; role: string; legal_basis: string; ended_at: string | null }>(
    `SELECT user_id, organisation_id, role, legal_basis, ended_at FROM case_team WHERE region_id = $1 AND case_id = $2 ORDER BY started_at, role`,
    [region, caseId],
  );
const coordinators = async (caseId: string) =>
  (await team_(caseId)).filter((m) => m.role === 'coordinator' && !m.ended_at).map((m) => m.user_id);
const inbox = async (userId: string, kind: string, handoverId?: string) =>
  (
    await t.db.query(
      `SELECT 1 FROM notifications WHERE region_id = $1 AND user_id = $2 AND kind = $3 AND ($4::text IS NULL OR link = '/overdrachten/' || $4)`,
      [region, userId, kind, handoverId ?? null],
    )
  ).length;

describe('sending a handover', () => {
  it('shows it to the receiver (incoming) and the sender (outgoing) with due date and days left, and to nobody else', async () => {
    const k = await sent();
    const today = dutchToday();
    const incoming = await cTeamPro.get('/api/v1/handovers?direction=incoming');
    expect(incoming.status).toBe(200);
    const item = incoming.body.items.find((i: { id: string }) => i.id === k.handoverId);
    expect(item).toMatchObject({
      status: 'pending',
      direction: 'incoming',
      subjectType: 'case',
      caseId: k.caseId,
      overdue: false,
      acceptDueOn: addWorkingDays(today, 5),
      fromOrganisation: { name: 'Veilig Thuis Zeeland' },
      toOrganisation: { name: 'Team Jeugd Vlissingen' },
    });
    expect(item.workingDaysLeft).toBeGreaterThanOrEqual(4);
    const outgoing = await cVt.get('/api/v1/handovers?direction=outgoing&status=pending');
    expect(outgoing.body.items.map((i: { id: string }) => i.id)).toContain(k.handoverId);
    expect((await cVt.get('/api/v1/handovers?direction=incoming')).body.items).toEqual([]);
    // the package, with the persons concerned as the sender saw them
    const detail = await cTeamPro.get(`/api/v1/handovers/${k.handoverId}`);
    expect(detail.body).toMatchObject({
      safetyAssessment: 'concerns',
      legalBasis: 'statutory_task',
      senderAccess: 'ends',
      mayRespond: true,
      knownInformation: 'Onderzoek Veilig Thuis afgerond.',
    });
    expect(detail.body.persons.map((p: { name: string }) => p.name)).toContain('Anna Jansen');
    expect((await cVt.get(`/api/v1/handovers/${k.handoverId}`)).body.mayRespond).toBe(false);
    // a third organisation sees nothing, and the database agrees (row-level security)
    expect((await cOut.get(`/api/v1/handovers/${k.handoverId}`)).status).toBe(404);
    expect((await cOut.get('/api/v1/handovers')).body.items).toEqual([]);
    // the receiver's team lead is told; the read of the package is audited per person
    expect(await inbox(teamLead.actor.userId, 'handover_received')).toBeGreaterThan(0);
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE region_id = $1 AND object_type = 'handover' AND object_id = $2 AND action = 'read' AND user_id = $3`,
      [region, k.handoverId, teamPro.actor.userId],
    );
    expect(audit.length).toBe(k.personIds.length);
    // the sender stays responsible until acceptance
    expect(await coordinators(k.caseId)).toEqual([vtCoord.actor.userId]);
  });

  it('refuses an organisation without the task (field toOrganisationId) and writes nothing', async () => {
    const k = await vtCase();
    const before = await t.db.query(`SELECT count(*)::int AS n FROM handovers WHERE region_id = $1`, [region]);
    const r = await cVt.post('/api/v1/handovers', package_(k, { toOrganisationId: gp }));
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body).toMatchObject({
      code: 'organisation_without_task',
      field: 'toOrganisationId',
      allowedTypes: ['municipal_team', 'youth_care', 'certified_institution', 'veilig_thuis'],
    });
    expect(r.body.detail).toContain('Huisarts Dok');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM handovers WHERE region_id = $1`, [region])).toEqual(before);
    expect(await t.db.query(`SELECT 1 FROM lead_time_moments WHERE region_id = $1 AND case_id = $2`, [region, k.caseId])).toEqual([]);
  });

  it('checks the rest of the input: own organisation, unknown persons, missing notes, a second pending handover, who sends', async () => {
    const k = await vtCase();
    expect((await cVt.post('/api/v1/handovers', package_(k, { toOrganisationId: vt }))).body).toMatchObject({
      status: 400,
      code: 'same_organisation',
    });
    expect((await cVt.post('/api/v1/handovers', package_(k, { toOrganisationId: randomUUID() }))).body).toMatchObject({
      status: 400,
      code: 'unknown_organisation',
    });
    expect((await cVt.post('/api/v1/handovers', package_(k, { personIds: [randomUUID()] }))).body).toMatchObject({
      status: 400,
      field: 'personIds[0]',
    });
    expect((await cVt.post('/api/v1/handovers', package_(k, { safetyNotes: '' }))).body).toMatchObject({
      status: 400,
      field: 'safetyNotes',
    });
    expect((await cVt.post('/api/v1/handovers', { ...package_(k), caseId: undefined })).body).toMatchObject({
      status: 400,
      field: 'caseId',
    });
    // a case team member who is not the coordinator may not hand the case over
    expect((await cGp.post('/api/v1/handovers', package_(k))).body).toMatchObject({ status: 403 });
    expect((await cOut.post('/api/v1/handovers', package_(k))).status).toBe(404);
    expect((await cVt.post('/api/v1/handovers', package_(k))).status).toBe(201);
    expect((await cVt.post('/api/v1/handovers', package_(k, { toOrganisationId: other }))).body).toMatchObject({
      status: 409,
      code: 'handover_pending',
    });
  });
});

describe('accepting a handover', () => {
  it("makes the nominee coordinator with the handover's legal basis, adds the receiving team and ends the sender's access", async () => {
    const k = await sent({ legalBasis: 'safety', senderAccess: 'ends' });
    const r = await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'accepted', version: 2, caseId: k.caseId });
    expect(await coordinators(k.caseId)).toEqual([teamCoord.actor.userId]);
    const active = (await team_(k.caseId)).filter((m) => !m.ended_at);
    expect(active.map((m) => [m.user_id, m.role, m.legal_basis]).sort()).toEqual(
      [
        [teamCoord.actor.userId, 'coordinator', 'safety'],
        [teamPro.actor.userId, 'member', 'safety'],
        [gpUser.actor.userId, 'member', 'consent'],
      ].sort(),
    );
    // Veilig Thuis leaves the case; the GP is not the sender and stays on the team.
    expect((await team_(k.caseId)).filter((m) => m.organisation_id === vt).every((m) => m.ended_at)).toBe(true);
    expect((await cVt.get(`/api/v1/families/${k.familyId}`)).status).toBe(404);
    expect((await cVt.get(`/api/v1/handovers/${k.handoverId}`)).body).toMatchObject({
      status: 'accepted',
      nomineeName: expect.stringContaining('Prof'),
    });
    const page = await cTeamCoord.get(`/api/v1/families/${k.familyId}`);
    expect(page.body.currentCase.coordinator.userId).toBe(teamCoord.actor.userId);
    expect(page.body.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['handover_sent', 'handover_accepted']));
    const moments = await t.db.query<{ moment: string; organisation_id: string }>(
      `SELECT moment, organisation_id FROM lead_time_moments WHERE region_id = $1 AND handover_id = $2 ORDER BY occurred_at, moment DESC`,
      [region, k.handoverId],
    );
    expect(moments).toEqual([
      { moment: 'handed_over', organisation_id: vt },
      { moment: 'accepted', organisation_id: team },
    ]);
    expect(await inbox(vtCoord.actor.userId, 'handover_accepted')).toBe(1);
    expect(await inbox(teamCoord.actor.userId, 'handover_nominated')).toBe(1);
    expect((await verifyChain(t.db, region)).ok).toBe(true);
  });

  it('keeps the sender on the team when its access continues, and gives a nominee who accepts one membership', async () => {
    const k = await sent({ senderAccess: 'continues', legalBasis: 'consent' });
    const r = await cTeamCoord.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const rows = await team_(k.caseId);
    expect(rows.filter((m) => m.user_id === teamCoord.actor.userId)).toEqual([
      expect.objectContaining({ role: 'coordinator', legal_basis: 'consent', ended_at: null }),
    ]);
    expect(rows.filter((m) => m.user_id === vtCoord.actor.userId && !m.ended_at)).toEqual([expect.objectContaining({ role: 'member' })]);
    expect((await cVt.get(`/api/v1/families/${k.familyId}`)).status).toBe(200);
  });

  it('lets a receiving team lead accept for a colleague', async () => {
    const k = await sent();
    expect(
      (await cTeamLead.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 })).status,
    ).toBe(200);
    expect(await coordinators(k.caseId)).toEqual([teamCoord.actor.userId]);
    expect((await team_(k.caseId)).some((m) => m.user_id === teamLead.actor.userId)).toBe(false);
  });

  it('answers a second accept with 409 already_accepted and changes nothing', async () => {
    const k = await sent();
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 })).status,
    ).toBe(200);
    const before = await team_(k.caseId);
    for (const version of [1, 2]) {
      const again = await cTeamLead.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'already_accepted', title: 'Conflict' });
    }
    expect(await team_(k.caseId)).toEqual(before);
  });

  it('refuses a nominee who is not a qualified coordinator of the receiving organisation, the sender, and a stale version', async () => {
    const k = await sent();
    const url = `/api/v1/handovers/${k.handoverId}/accept`;
    expect((await cTeamPro.post(url, { nomineeUserId: teamPro.actor.userId, version: 1 })).body).toMatchObject({
      status: 400,
      code: 'not_qualified',
      field: 'nomineeUserId',
    });
    expect((await cTeamPro.post(url, { nomineeUserId: outsider.actor.userId, version: 1 })).body).toMatchObject({
      status: 400,
      code: 'nominee_not_receiver',
      field: 'nomineeUserId',
    });
    expect((await cVt.post(url, { nomineeUserId: vtCoord.actor.userId, version: 1 })).body).toMatchObject({ status: 403 });
    expect((await cTeamPro.post(url, { nomineeUserId: teamCoord.actor.userId, version: 7 })).body).toMatchObject({
      status: 409,
      code: 'stale_version',
    });
    expect((await cOut.post(url, { nomineeUserId: outsider.actor.userId, version: 1 })).status).toBe(404);
    expect(await coordinators(k.caseId)).toEqual([vtCoord.actor.userId]);
  });

  it('answers 409 expired after the deadline, for accept and refuse, and the sender stays responsible', async () => {
    const k = await sent();
    await t.db.query(`UPDATE handovers SET accept_due_on = $3 WHERE region_id = $1 AND id = $2`, [
      region,
      k.handoverId,
      addDays(dutchToday(), -1),
    ]);
    const a = await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 });
    expect(a.status).toBe(409);
    expect(a.body).toMatchObject({ code: 'expired' });
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/refuse`, { reason: 'Geen capaciteit deze maand', version: 1 })).body,
    ).toMatchObject({ code: 'expired' });
    expect(await coordinators(k.caseId)).toEqual([vtCoord.actor.userId]);
    expect((await cTeamPro.get(`/api/v1/handovers/${k.handoverId}`)).body).toMatchObject({ overdue: true, mayRespond: false });
  });
});

describe('refusing a handover', () => {
  it('records the reason, tells the sender, and leaves the case with the sender', async () => {
    const k = await sent();
    expect((await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/refuse`, { reason: 'kort', version: 1 })).body).toMatchObject({
      status: 400,
      field: 'reason',
    });
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/refuse`, { reason: 'Het gezin woont buiten ons werkgebied.', version: 3 }))
        .body,
    ).toMatchObject({ status: 409, code: 'stale_version', detail: expect.stringContaining('deze overdracht') });
    // the version is optional when refusing
    const r = await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/refuse`, { reason: 'Het gezin woont buiten ons werkgebied.' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'refused', version: 2 });
    expect((await cVt.get(`/api/v1/handovers/${k.handoverId}`)).body).toMatchObject({
      status: 'refused',
      refusalReason: 'Het gezin woont buiten ons werkgebied.',
    });
    expect(await coordinators(k.caseId)).toEqual([vtCoord.actor.userId]);
    expect(await inbox(vtCoord.actor.userId, 'handover_refused')).toBeGreaterThan(0);
    expect(await inbox(vtLead.actor.userId, 'handover_refused')).toBeGreaterThan(0);
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 2 })).body,
    ).toMatchObject({ code: 'already_refused' });
    // the sender may hand over again, to someone else
    expect((await cVt.post('/api/v1/handovers', package_(k, { toOrganisationId: other }))).status).toBe(201);
  });
});

describe('the acceptance deadline sweep', () => {
  it('expires an overdue handover and tells the team leads of both organisations once', async () => {
    const k = await sent();
    const fresh = await sent();
    const dueOn = (
      await t.db.query<{ d: string }>(`SELECT accept_due_on::text AS d FROM handovers WHERE region_id = $1 AND id = $2`, [
        region,
        k.handoverId,
      ])
    )[0]!.d;
    await t.db.query(`UPDATE handovers SET accept_due_on = $3 WHERE region_id = $1 AND id = $2`, [
      region,
      k.handoverId,
      addDays(dueOn, -10),
    ]);
    expect(await expireOverdueHandovers(t.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await expireOverdueHandovers(t.db, new Date())).toBe(0);
    // both team leads and the sender, once each; not the receiving professionals
    expect(
      await Promise.all([vtLead, teamLead, vtCoord, teamPro].map((u) => inbox(u.actor.userId, 'handover_expired', k.handoverId))),
    ).toEqual([1, 1, 1, 0]);
    const status = async (id: string) =>
      (await t.db.query<{ status: string }>(`SELECT status FROM handovers WHERE region_id = $1 AND id = $2`, [region, id]))[0]!.status;
    expect(await status(k.handoverId)).toBe('expired');
    expect(await status(fresh.handoverId)).toBe('pending');
    expect(await coordinators(k.caseId)).toEqual([vtCoord.actor.userId]);
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 2 })).body,
    ).toMatchObject({ code: 'expired' });
    expect((await cTeamPro.get('/api/v1/handovers?status=expired')).body.items.map((i: { id: string }) => i.id)).toContain(k.handoverId);
    // the due date is the last day to answer: the end of that Dutch day still counts, the next moment does not
    const freshDue = (
      await t.db.query<{ d: string }>(`SELECT accept_due_on::text AS d FROM handovers WHERE region_id = $1 AND id = $2`, [
        region,
        fresh.handoverId,
      ])
    )[0]!.d;
    await expireOverdueHandovers(t.db, endOfDutchDay(freshDue));
    expect(await status(fresh.handoverId)).toBe('pending');
    await expireOverdueHandovers(t.db, new Date(endOfDutchDay(freshDue).getTime() + 1));
    expect(await status(fresh.handoverId)).toBe('expired');
  });
});

describe('handing over a signal', () => {
  async function signal(familyId: string | null) {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO signals (region_id, id, reference, receiving_organisation_id, source, what_seen, urgency, triage_due_on, family_id)
      VALUES ($1, $2, $3, $4, 'professional', 'Kind komt vaak zonder ontbijt op school', 'normal', $5, $6)`,
      [region, id, `M-${id.slice(0, 6)}`, vt, dutchToday(), familyId],
    );
    return id;
  }

  it("opens a case for the signal's family with the nominee as coordinator when accepted", async () => {
    const k = await vtCase();
    // the family's earlier case was closed, so the signal's handover opens a new one
    await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE region_id = $1 AND id = $2`, [region, k.caseId]);
    const signalId = await signal(k.familyId);
    expect((await cVt.post('/api/v1/handovers', { ...package_(k), caseId: undefined, signalId, toOrganisationId: gp })).body).toMatchObject(
      { code: 'organisation_without_task' },
    );
    const s = await cVt.post('/api/v1/handovers', { ...package_(k), caseId: undefined, signalId });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect((await cTeamPro.get(`/api/v1/handovers/${s.body.id}`)).body).toMatchObject({
      subjectType: 'signal',
      subjectLabel: expect.stringMatching(/^Melding M-/),
    });
    const a = await cTeamPro.post(`/api/v1/handovers/${s.body.id}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.caseId).toBeTruthy();
    expect(a.body.caseId).not.toBe(k.caseId);
    expect(await coordinators(a.body.caseId)).toEqual([teamCoord.actor.userId]);
    const [linked] = await t.db.query<{ case_id: string }>(`SELECT case_id FROM signals WHERE region_id = $1 AND id = $2`, [
      region,
      signalId,
    ]);
    expect(linked?.case_id).toBe(a.body.caseId);
    const moments = await t.db.query<{ moment: string; case_id: string | null }>(
      `SELECT moment, case_id FROM lead_time_moments WHERE region_id = $1 AND signal_id = $2 ORDER BY occurred_at`,
      [region, signalId],
    );
    expect(moments).toEqual([
      { moment: 'handed_over', case_id: null },
      { moment: 'accepted', case_id: a.body.caseId },
    ]);
  });

  it('only marks a signal without a family accepted', async () => {
    const signalId = await signal(null);
    const s = await cVt.post('/api/v1/handovers', {
      toOrganisationId: team,
      signalId,
      reason: 'Melding hoort bij de gemeente',
      safetyAssessment: 'safe',
      knownInformation: 'Alleen de melding zelf.',
      personIds: [],
      legalBasis: 'statutory_task',
      senderAccess: 'ends',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    const a = await cTeamPro.post(`/api/v1/handovers/${s.body.id}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 });
    expect(a.body).toMatchObject({ status: 'accepted', caseId: null });
    // only the organisation that received the signal can hand it over
    expect(
      (
        await cTeamPro.post('/api/v1/handovers', {
          toOrganisationId: other,
          signalId,
          reason: 'Verder',
          safetyAssessment: 'safe',
          knownInformation: 'Alleen de melding zelf.',
          personIds: [],
          legalBasis: 'statutory_task',
          senderAccess: 'ends',
        })
      ).status,
    ).toBe(403);
  });
});

describe('the receivers list', () => {
  it('offers exactly the organisations with the task, never the sender itself', async () => {
    const r = await cVt.get('/api/v1/handover-receivers?subjectType=case');
    expect(r.body.items.map((o: { name: string }) => o.name).sort()).toEqual(['Sociaal Team Veere', 'Team Jeugd Vlissingen']);
    const s = await cTeamCoord.get('/api/v1/handover-receivers?subjectType=signal');
    expect(s.body.items.map((o: { name: string }) => o.name).sort()).toEqual(['Sociaal Team Veere', 'Veilig Thuis Zeeland']);
  });
});

describe('a triage decision "hand over"', () => {
  it('creates the handover in the triage transaction; the receiver sees the signal and can accept it', async () => {
    const reported = await cGp.post('/api/v1/signals', {
      receivingOrganisationId: vt,
      source: 'gp',
      subjectDescription: 'Gezin aan de Dorpsstraat',
      whatSeen: 'Kind heeft blauwe plekken en vertelt over ruzie thuis.',
      safetyAtStake: true,
      urgency: 'high',
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    const triage = await cVt.post(`/api/v1/signals/${reported.body.id}/triage`, {
      safetyAssessment: 'concerns',
      safetyReasons: 'Zorgen, geen acuut gevaar.',
      decision: 'handover',
      targetOrganisationId: team,
      note: 'Gezin is bekend bij het wijkteam.',
      version: 1,
    });
    expect(triage.status, JSON.stringify(triage.body)).toBe(200);
    const incoming = (await cTeamPro.get('/api/v1/handovers?direction=incoming&status=pending')).body.items.filter(
      (i: { signalId: string | null }) => i.signalId === reported.body.id,
    );
    expect(incoming).toHaveLength(1);
    const detail = (await cTeamPro.get(`/api/v1/handovers/${incoming[0].id}`)).body;
    expect(detail).toMatchObject({ subjectType: 'signal', safetyAssessment: 'concerns' });
    // The package is the signal and its triage: the note, what was seen, the safety reasons (handovers.triage.int.test.ts has the rest).
    expect(detail.knownInformation).toContain('Gezin is bekend bij het wijkteam.');
    expect(detail.knownInformation).toContain('Kind heeft blauwe plekken en vertelt over ruzie thuis.');
    expect(detail.safetyNotes).toContain('Zorgen, geen acuut gevaar.');
    expect((await cTeamPro.get(`/api/v1/signals/${reported.body.id}`)).status).toBe(200);
    expect((await cOut.get(`/api/v1/signals/${reported.body.id}`)).status).toBe(404);
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${incoming[0].id}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 })).body,
    ).toMatchObject({ status: 'accepted', caseId: null });
    expect((await cTeamPro.get(`/api/v1/signals/${reported.body.id}`)).status).toBe(200);
    // to an organisation without the task, the triage is refused as a whole
    const other_ = await cGp.post('/api/v1/signals', {
      receivingOrganisationId: vt,
      source: 'gp',
      subjectDescription: 'Iemand anders',
      whatSeen: 'Zorgen over verwaarlozing van een kind.',
      safetyAtStake: false,
      urgency: 'normal',
    });
    const refused = await cVt.post(`/api/v1/signals/${other_.body.id}/triage`, {
      safetyAssessment: 'concerns',
      safetyReasons: 'Zorgen.',
      decision: 'handover',
      targetOrganisationId: gp,
      note: 'Huisarts neemt over.',
      version: 1,
    });
    expect(refused.body).toMatchObject({ status: 400, code: 'organisation_without_task', field: 'targetOrganisationId' });
    expect(
      (await t.db.query<{ status: string }>(`SELECT status FROM signals WHERE region_id = $1 AND id = $2`, [region, other_.body.id]))[0]
        ?.status,
    ).toBe('open');
  });
});
