// Handovers between regions through the API: a family moves from region A (Walcheren-like) to
// region B; region C and another organisation of B are bystanders. Send, who sees what, accept
// (the family, persons and case are made in B; the sender's case in A closes or stays), refuse,
// the errors, the deadline sweep in both regions, possible-match confirmation, and the audit
// chains of both regions. The database's own guards: handovers.regions-guards.int.test.ts.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { login } from '../../../test/support/http.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { addDays, dutchToday } from '../../platform/time/working-days.js';
import { verifyChain } from '../../platform/audit/audit.js';
import { expireOverdueHandovers } from './handovers.service.js';
import {
  useHandoverRegions,
  t,
  app,
  A,
  B,
  C,
  vt,
  teamB,
  gpB,
  otherB,
  vtCoord,
  vtLead,
  coordB,
  proB,
  leadB,
  otherBUser,
  cVt,
  cCoordB,
  cProB,
  cLeadB,
  cOtherB,
  cOut,
  caseInA,
  packageFor,
  sent,
  count,
  inbox,
  caseRow,
  team,
  handover,
} from './handovers.regions.int-support.js';

useHandoverRegions();

describe('the receiver picker', () => {
  it("offers the own region's organisations first, then those of other regions with their region, only with the task", async () => {
    const r = await cVt.get('/api/v1/handover-receivers?subjectType=case');
    expect(r.status).toBe(200);
    const items = r.body.items as Array<{ name: string; regionId: string; regionName: string }>;
    expect(items[0]).toMatchObject({ name: 'Sociaal Team Middelburg', regionId: A });
    expect(items.filter((o) => o.regionId === B).map((o) => o.name)).toEqual(['Sociaal Team Kapelle', 'Team Jeugd Goes']);
    expect(items.find((o) => o.name === 'Team Jeugd Goes')).toMatchObject({ regionName: 'De Bevelanden' });
    expect(items.some((o) => o.name === 'Huisarts Goes')).toBe(false);
    expect(items.some((o) => o.regionId === C)).toBe(true);
  });
});

describe('sending a handover to another region', () => {
  it("shows it to the receiver in B (incoming, without A's ids) and the sender in A, and to nobody else", async () => {
    const k = await sent();
    expect(await handover(k.handoverId)).toMatchObject({ region_id: A, to_region_id: B, status: 'pending' });
    const out = (await cVt.get('/api/v1/handovers?direction=outgoing')).body.items.find((i: { id: string }) => i.id === k.handoverId);
    expect(out).toMatchObject({
      direction: 'outgoing',
      crossRegion: true,
      caseId: k.caseId,
      toOrganisation: { name: 'Team Jeugd Goes', regionId: B, regionName: 'De Bevelanden' },
    });
    const incoming = await cProB.get('/api/v1/handovers?direction=incoming');
    const item = incoming.body.items.find((i: { id: string }) => i.id === k.handoverId);
    expect(item).toMatchObject({
      direction: 'incoming',
      crossRegion: true,
      caseId: null,
      familyId: null,
      status: 'pending',
      fromOrganisation: { name: 'Veilig Thuis Zeeland', regionId: A },
    });
    const readsInA = await count(
      `audit_log WHERE region_id = $1 AND object_id = $2 AND action = 'read' AND user_id = $3 AND person_id IS NOT NULL`,
      [A, k.handoverId, proB.actor.userId],
    );
    expect(readsInA).toBe(3); // the list showed it
    const detail = await cProB.get(`/api/v1/handovers/${k.handoverId}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body).toMatchObject({
      mayRespond: true,
      senderName: expect.stringContaining('Prof'),
      safetyAssessment: 'concerns',
      legalBasis: 'statutory_task',
    });
    expect(detail.body.persons).toHaveLength(3);
    expect(detail.body.persons.every((p: { bsn: string | null }) => /^\d{9}$/.test(p.bsn ?? ''))).toBe(true);
    expect(detail.body.arrival.persons.map((p: { bsnKnown: boolean }) => p.bsnKnown)).toEqual([false, false, false]);
    expect((await cVt.get(`/api/v1/handovers/${k.handoverId}`)).body).toMatchObject({ mayRespond: false, arrival: null, caseId: k.caseId });
    // a third region, another organisation of B and another organisation of A see nothing
    for (const c of [cOut, cOtherB]) {
      expect((await c.get(`/api/v1/handovers/${k.handoverId}`)).status).toBe(404);
      expect((await c.get('/api/v1/handovers')).body.items.map((i: { id: string }) => i.id)).not.toContain(k.handoverId);
      expect((await c.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: coordB.actor.userId, version: 1 })).status).toBe(
        404,
      );
    }
    // B's team lead is told, in B; the sender stays responsible in A
    expect(await inbox(B, leadB, 'handover_received', k.handoverId)).toBe(1);
    expect((await team(A, k.caseId)).filter((m) => m.role === 'coordinator' && !m.ended_at).map((m) => m.user_id)).toEqual([
      vtCoord.actor.userId,
    ]);
    // B's read of the package is logged per person in A's chain (the persons are A's) and once in B's
    expect(
      await count(`audit_log WHERE region_id = $1 AND object_id = $2 AND action = 'read' AND user_id = $3 AND person_id IS NOT NULL`, [
        A,
        k.handoverId,
        proB.actor.userId,
      ]),
    ).toBe(readsInA + 3);
    expect(
      await count(`audit_log WHERE region_id = $1 AND object_id = $2 AND action = 'read' AND user_id = $3`, [
        B,
        k.handoverId,
        proB.actor.userId,
      ]),
    ).toBe(1);
    expect(
      await count(`audit_log WHERE region_id = $1 AND object_type = 'handover-list' AND user_id = $2 AND person_id IS NULL`, [
        B,
        proB.actor.userId,
      ]),
    ).toBe(1);
    for (const r of [A, B]) expect((await verifyChain(t.db, r)).ok).toBe(true);
  });

  it('refuses an organisation of another region without the task, a wrong region, and a second pending handover', async () => {
    const k = await caseInA();
    expect((await cVt.post('/api/v1/handovers', packageFor(k, { toOrganisationId: gpB }))).body).toMatchObject({
      status: 400,
      code: 'organisation_without_task',
      field: 'toOrganisationId',
      detail: expect.stringContaining('Huisarts Goes'),
    });
    expect((await cVt.post('/api/v1/handovers', packageFor(k, { toRegionId: C }))).body).toMatchObject({
      status: 400,
      code: 'unknown_organisation',
      field: 'toOrganisationId',
    });
    expect((await cVt.post('/api/v1/handovers', packageFor(k, { toRegionId: 'no-such-region' }))).body).toMatchObject({
      status: 400,
      code: 'unknown_organisation',
    });
    // without the region, the organisation is found by its id
    const r = await cVt.post('/api/v1/handovers', packageFor(k, { toRegionId: undefined }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await handover(r.body.id)).toMatchObject({ to_region_id: B });
    expect((await cVt.post('/api/v1/handovers', packageFor(k, { toOrganisationId: otherB }))).body).toMatchObject({
      status: 409,
      code: 'handover_pending',
    });
  });
});

describe('accepting a handover from another region', () => {
  it("registers the family in B, links a person known there by BSN, opens the case with the nominee, and closes the sender's case in A", async () => {
    const k = await sent({ legalBasis: 'safety' });
    // one child is already known in B by BSN (another family there)
    const child = (
      await t.db.query<{ bsn: string; given_names: string }>(
        `SELECT p.bsn, p.given_names FROM persons p WHERE p.region_id = $1 AND p.id = ANY ($2::uuid[]) AND p.given_names = 'Kind1'`,
        [A, k.personIds],
      )
    )[0]!;
    const elsewhere = await cCoordB.post('/api/v1/families', {
      members: [{ givenNames: 'Kind1', familyName: 'de Vries', bsn: child.bsn, relation: 'child', birthDate: '2012-06-01' }],
      case: { coordinatorUserId: coordB.actor.userId, legalBasis: 'consent' },
    });
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(201);
    const known = (await t.db.query<{ id: string }>(`SELECT id FROM persons WHERE region_id = $1 AND bsn = $2`, [B, child.bsn]))[0]!;
    const detail = await cProB.get(`/api/v1/handovers/${k.handoverId}`);
    expect(detail.body.arrival.persons.filter((p: { bsnKnown: boolean }) => p.bsnKnown)).toHaveLength(1);
    const personsInB = await count(`persons WHERE region_id = $1`, [B]);

    const r = await cProB.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: coordB.actor.userId, version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'accepted', version: 2 });
    const { caseId, familyId } = r.body as { caseId: string; familyId: string };
    // B: a new family with the three persons (two new, one linked), a case with the nominee and the receiving team
    expect(await count(`persons WHERE region_id = $1`, [B])).toBe(personsInB + 2);
    const members = await t.db.query<{ person_id: string; relation: string }>(
      `SELECT person_id, relation FROM family_members WHERE region_id = $1 AND family_id = $2`,
      [B, familyId],
    );
    expect(members).toHaveLength(3);
    expect(members.map((m) => m.person_id)).toContain(known.id);
    expect(members.map((m) => m.relation).sort()).toEqual(['child', 'child', 'parent']);
    const active = (await team(B, caseId)).filter((m) => !m.ended_at);
    expect(active.map((m) => [m.user_id, m.role, m.legal_basis]).sort()).toEqual(
      [
        [coordB.actor.userId, 'coordinator', 'safety'],
        [proB.actor.userId, 'member', 'safety'],
      ].sort(),
    );
    expect(await handover(k.handoverId)).toMatchObject({ status: 'accepted', result_case_id: caseId });
    const page = await cCoordB.get(`/api/v1/families/${familyId}`);
    expect(page.status).toBe(200);
    expect(page.body.name).toBe('Gezin De Vries');
    expect(page.body.currentCase.coordinator.userId).toBe(coordB.actor.userId);
    expect(page.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['family_registered', 'case_opened', 'handover_accepted']),
    );
    // the receiver's view links to its own family and case
    expect((await cProB.get(`/api/v1/handovers/${k.handoverId}`)).body).toMatchObject({
      status: 'accepted',
      resultCaseId: caseId,
      resultFamilyId: familyId,
      arrival: null,
    });
    const moments = await t.db.query<{ moment: string; organisation_id: string }>(
      `SELECT moment, organisation_id FROM lead_time_moments WHERE region_id = $1 AND handover_id = $2 ORDER BY occurred_at`,
      [B, k.handoverId],
    );
    expect(moments).toEqual([
      { moment: 'handed_over', organisation_id: teamB },
      { moment: 'accepted', organisation_id: teamB },
    ]);

    // A: the sender's case is closed ("moved"), Veilig Thuis's memberships end, the sender sees the answer
    const closed = await caseRow(A, k.caseId);
    expect(closed).toMatchObject({ status: 'closed', closed_reason: expect.stringContaining('De Bevelanden') });
    expect((await team(A, k.caseId)).filter((m) => m.organisation_id === vt).every((m) => m.ended_at)).toBe(true);
    expect((await cVt.get(`/api/v1/families/${k.familyId}`)).status).toBe(404);
    const seen = await cVt.get(`/api/v1/handovers/${k.handoverId}`);
    expect(seen.body).toMatchObject({
      status: 'accepted',
      nomineeName: expect.stringContaining('Prof'),
      respondedByName: expect.stringContaining('Prof'),
      resultCaseId: null,
      resultFamilyId: null,
    });
    expect(await inbox(A, vtCoord, 'handover_accepted', k.handoverId)).toBe(1);
    expect(
      await count(`timeline_events WHERE region_id = $1 AND family_id = $2 AND type IN ('handover_accepted', 'case_status_changed')`, [
        A,
        k.familyId,
      ]),
    ).toBe(2);
    // audit: the answer in A's chain per person of the package, the new case in B's chain per person there
    expect(
      await count(`audit_log WHERE region_id = $1 AND object_type = 'handover' AND object_id = $2 AND action = 'update' AND user_id = $3`, [
        A,
        k.handoverId,
        proB.actor.userId,
      ]),
    ).toBe(3);
    expect(
      await count(`audit_log WHERE region_id = $1 AND object_type = 'case' AND object_id = $2 AND action = 'update'`, [A, k.caseId]),
    ).toBe(3);
    expect(
      await count(`audit_log WHERE region_id = $1 AND object_type = 'case' AND object_id = $2 AND action = 'create' AND user_id = $3`, [
        B,
        caseId,
        proB.actor.userId,
      ]),
    ).toBe(3);
    for (const region of [A, B]) expect((await verifyChain(t.db, region)).ok).toBe(true);
  });

  it("leaves the sender's case open with its coordinator when its access continues; a team lead accepts without joining", async () => {
    const k = await sent({ senderAccess: 'continues' });
    const before = (await caseRow(A, k.caseId))!;
    const r = await cLeadB.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: coordB.actor.userId, version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await caseRow(A, k.caseId)).toMatchObject({ status: before.status, version: before.version + 1 });
    expect((await team(A, k.caseId)).filter((m) => m.role === 'coordinator' && !m.ended_at).map((m) => m.user_id)).toEqual([
      vtCoord.actor.userId,
    ]);
    expect((await cVt.get(`/api/v1/families/${k.familyId}`)).status).toBe(200);
    expect((await team(B, r.body.caseId)).map((m) => m.user_id)).toEqual([coordB.actor.userId]);
    expect((await cLeadB.get(`/api/v1/families/${r.body.familyId}`)).status).toBe(200);
  });

  it('answers a second accept with 409, a stale version with 409, and refuses the wrong nominee, the sender and a choice meant for another region', async () => {
    const k = await sent();
    const url = `/api/v1/handovers/${k.handoverId}/accept`;
    expect((await cProB.post(url, { nomineeUserId: proB.actor.userId, version: 1 })).body).toMatchObject({
      status: 400,
      code: 'not_qualified',
      field: 'nomineeUserId',
    });
    expect((await cProB.post(url, { nomineeUserId: otherBUser.actor.userId, version: 1 })).body).toMatchObject({
      status: 400,
      code: 'nominee_not_receiver',
    });
    expect((await cProB.post(url, { nomineeUserId: vtCoord.actor.userId, version: 1 })).body).toMatchObject({
      status: 400,
      code: 'unknown_user',
      field: 'nomineeUserId',
    });
    expect((await cVt.post(url, { nomineeUserId: vtCoord.actor.userId, version: 1 })).body).toMatchObject({ status: 403 });
    expect((await cProB.post(url, { nomineeUserId: coordB.actor.userId, version: 5 })).body).toMatchObject({
      status: 409,
      code: 'stale_version',
    });
    const familiesInB = await count(`families WHERE region_id = $1`, [B]);
    expect((await cProB.post(url, { nomineeUserId: coordB.actor.userId, version: 1 })).status).toBe(200);
    expect(await count(`families WHERE region_id = $1`, [B])).toBe(familiesInB + 1);
    for (const version of [1, 2])
      expect((await cLeadB.post(url, { nomineeUserId: coordB.actor.userId, version })).body).toMatchObject({
        status: 409,
        code: 'already_accepted',
      });
    expect(await count(`families WHERE region_id = $1`, [B])).toBe(familiesInB + 1);
    // within one region there is no family or person to choose
    const stm = (
      await t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE region_id = $1 AND name = 'Sociaal Team Middelburg'`, [A])
    )[0]!.id;
    const stmCoord = await createUser(t.db, A, stm, ['professional', 'coordinator']);
    const own = await caseInA();
    const local = await cVt.post('/api/v1/handovers', packageFor(own, { toOrganisationId: stm, toRegionId: A }));
    expect(local.status, JSON.stringify(local.body)).toBe(201);
    const cStm = await login(app, stmCoord.username);
    expect(
      (
        await cStm.post(`/api/v1/handovers/${local.body.id}/accept`, {
          nomineeUserId: stmCoord.actor.userId,
          version: 1,
          familyId: own.familyId,
        })
      ).body,
    ).toMatchObject({ status: 400, code: 'not_from_other_region', field: 'familyId' });
    expect(
      (await cStm.post(`/api/v1/handovers/${local.body.id}/accept`, { nomineeUserId: stmCoord.actor.userId, version: 1 })).status,
    ).toBe(200);
  });

  it('answers 409 expired after the deadline; the sweep tells the team leads of both regions once', async () => {
    const k = await sent();
    await t.db.query(`UPDATE handovers SET accept_due_on = $2 WHERE id = $1`, [k.handoverId, addDays(dutchToday(), -1)]);
    expect(
      (await cProB.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: coordB.actor.userId, version: 1 })).body,
    ).toMatchObject({ status: 409, code: 'expired' });
    expect(
      (await cProB.post(`/api/v1/handovers/${k.handoverId}/refuse`, { reason: 'Het gezin woont nog niet in Goes.' })).body,
    ).toMatchObject({ status: 409, code: 'expired' });
    expect(await expireOverdueHandovers(t.db)).toBeGreaterThanOrEqual(1);
    expect(await expireOverdueHandovers(t.db)).toBe(0);
    expect(
      await Promise.all(
        [
          [A, vtLead],
          [A, vtCoord],
          [B, leadB],
          [B, proB],
          [B, coordB],
        ].map(([r, u]) => inbox(r as string, u as TestUser, 'handover_expired', k.handoverId)),
      ),
    ).toEqual([1, 1, 1, 0, 0]);
    expect(await handover(k.handoverId)).toMatchObject({ status: 'expired' });
    expect((await team(A, k.caseId)).filter((m) => m.role === 'coordinator' && !m.ended_at).map((m) => m.user_id)).toEqual([
      vtCoord.actor.userId,
    ]);
    expect((await cLeadB.get('/api/v1/handovers?status=expired')).body.items.map((i: { id: string }) => i.id)).toContain(k.handoverId);
  });
});

describe('refusing a handover from another region', () => {
  it('requires a reason, tells the sender and its team lead in A, and the sender may hand over again', async () => {
    const k = await sent();
    expect((await cProB.post(`/api/v1/handovers/${k.handoverId}/refuse`, { reason: 'nee' })).body).toMatchObject({
      status: 400,
      field: 'reason',
    });
    const r = await cProB.post(`/api/v1/handovers/${k.handoverId}/refuse`, {
      reason: 'Het gezin staat niet ingeschreven in onze gemeente.',
      version: 1,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'refused', version: 2, caseId: null });
    expect((await cVt.get(`/api/v1/handovers/${k.handoverId}`)).body).toMatchObject({
      status: 'refused',
      refusalReason: 'Het gezin staat niet ingeschreven in onze gemeente.',
    });
    expect([await inbox(A, vtCoord, 'handover_refused', k.handoverId), await inbox(A, vtLead, 'handover_refused', k.handoverId)]).toEqual([
      1, 1,
    ]);
    expect(await count(`timeline_events WHERE region_id = $1 AND family_id = $2 AND type = 'handover_refused'`, [A, k.familyId])).toBe(1);
    expect(await caseRow(A, k.caseId)).toMatchObject({ status: 'registered' });
    expect(
      (await cProB.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: coordB.actor.userId, version: 2 })).body,
    ).toMatchObject({ code: 'already_refused' });
    expect((await cVt.post('/api/v1/handovers', packageFor(k, { toOrganisationId: otherB }))).status).toBe(201);
    for (const region of [A, B]) expect((await verifyChain(t.db, region)).ok).toBe(true);
  });
});

describe('persons without a BSN: possible matches are only linked when the receiver confirms', () => {
  it('shows a visible possible match, links it when confirmed, creates a new person otherwise, and refuses a wrong choice', async () => {
    // B already knows Anna Maas (born 1988-04-12), in a family whose case coordB coordinates
    const there = await cCoordB.post('/api/v1/families', {
      members: [{ givenNames: 'Anna', familyName: 'Maas', birthDate: '1988-04-12', relation: 'parent' }],
      case: { coordinatorUserId: coordB.actor.userId, legalBasis: 'consent' },
    });
    expect(there.status).toBe(201);
    const anna = (
      await t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
        B,
        there.body.id,
      ])
    )[0]!;
    const k = await sent({}, { withBsn: false, familyName: 'Maas' });
    const detail = await cCoordB.get(`/api/v1/handovers/${k.handoverId}`);
    const annaInPackage = (detail.body.persons as Array<{ personId: string; name: string; bsn: string | null }>).find(
      (p) => p.name === 'Anna Maas',
    )!;
    expect(annaInPackage.bsn).toBeNull();
    const arriving = (
      detail.body.arrival.persons as Array<{ personId: string; candidates: Array<{ personId: string; reason: string; familyId: string }> }>
    ).find((p) => p.personId === annaInPackage.personId)!;
    expect(arriving.candidates).toEqual([
      expect.objectContaining({ personId: anna.person_id, reason: 'name_and_birth_date', familyId: there.body.id }),
    ]);
    // proB may not see that family: the candidate is hidden, only hinted at
    const hidden = (await cProB.get(`/api/v1/handovers/${k.handoverId}`)).body.arrival.persons.find(
      (p: { personId: string }) => p.personId === annaInPackage.personId,
    );
    expect(hidden).toMatchObject({ candidates: [], possibleElsewhere: true });
    const url = `/api/v1/handovers/${k.handoverId}/accept`;
    // a confirmed person must be in the package and visible; the chosen family must not have an open case
    expect(
      (
        await cCoordB.post(url, {
          nomineeUserId: coordB.actor.userId,
          version: 1,
          persons: [{ personId: k.handoverId, existingPersonId: anna.person_id }],
        })
      ).body,
    ).toMatchObject({ status: 400, code: 'person_not_concerned', field: 'persons[0].personId' });
    expect(
      (
        await cProB.post(url, {
          nomineeUserId: coordB.actor.userId,
          version: 1,
          persons: [{ personId: annaInPackage.personId, existingPersonId: anna.person_id }],
        })
      ).body,
    ).toMatchObject({ status: 400, code: 'unknown_person', field: 'persons[0].existingPersonId' });
    expect((await cCoordB.post(url, { nomineeUserId: coordB.actor.userId, version: 1, familyId: there.body.id })).body).toMatchObject({
      status: 409,
      code: 'case_already_open',
      field: 'familyId',
    });
    expect(await handover(k.handoverId)).toMatchObject({ status: 'pending', version: 1 });
    // confirmed, into the existing family (its case closed first)
    const caseThere = (await cCoordB.get(`/api/v1/families/${there.body.id}`)).body.currentCase;
    expect(
      (await cCoordB.patch(`/api/v1/cases/${caseThere.id}`, { status: 'closed', closedReason: 'Afgerond', version: caseThere.version }))
        .status,
    ).toBe(200);
    const personsInB = await count(`persons WHERE region_id = $1`, [B]);
    const r = await cCoordB.post(url, {
      nomineeUserId: coordB.actor.userId,
      version: 1,
      familyId: there.body.id,
      persons: [{ personId: annaInPackage.personId, existingPersonId: anna.person_id }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.familyId).toBe(there.body.id);
    expect(await count(`persons WHERE region_id = $1`, [B])).toBe(personsInB + 2);
    expect(await count(`family_members WHERE region_id = $1 AND family_id = $2`, [B, there.body.id])).toBe(3);

    // not confirmed: the same name and birth date make a new person, never a silent merge
    const k2 = await sent({}, { withBsn: false, familyName: 'Maas' });
    const before = await count(`persons WHERE region_id = $1 AND given_names = 'Anna' AND birth_date = '1988-04-12'`, [B]);
    expect(
      (await cCoordB.post(`/api/v1/handovers/${k2.handoverId}/accept`, { nomineeUserId: coordB.actor.userId, version: 1 })).status,
    ).toBe(200);
    expect(await count(`persons WHERE region_id = $1 AND given_names = 'Anna' AND birth_date = '1988-04-12'`, [B])).toBe(before + 1);
  });

  it('refuses linking a person whose BSN differs from the package', async () => {
    const k = await sent();
    const other = await cCoordB.post('/api/v1/families', {
      members: [{ givenNames: 'Anna', familyName: 'de Vries', birthDate: '1988-04-12', relation: 'parent', bsn: nextBsn() }],
      case: { coordinatorUserId: coordB.actor.userId, legalBasis: 'consent' },
    });
    const p = (
      await t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
        B,
        other.body.id,
      ])
    )[0]!;
    const anna = (await cCoordB.get(`/api/v1/handovers/${k.handoverId}`)).body.persons.find(
      (x: { name: string }) => x.name === 'Anna de Vries',
    );
    expect(
      (
        await cCoordB.post(`/api/v1/handovers/${k.handoverId}/accept`, {
          nomineeUserId: coordB.actor.userId,
          version: 1,
          persons: [{ personId: anna.personId, existingPersonId: p.person_id }],
        })
      ).body,
    ).toMatchObject({ status: 400, code: 'bsn_mismatch', field: 'persons[0].existingPersonId' });
  });
});

describe('a signal handed over to another region', () => {
  it("gives the receiver the package only: the signal itself stays in the sender's region", async () => {
    const signalId = randomUUID();
    await t.db.query(
      `INSERT INTO signals (region_id, id, reference, receiving_organisation_id, source, what_seen, urgency, triage_due_on)
      VALUES ($1, $2, $3, $4, 'professional', 'Kind komt vaak zonder ontbijt op school', 'normal', $5)`,
      [A, signalId, `M-${signalId.slice(0, 6)}`, vt, dutchToday()],
    );
    const r = await cVt.post('/api/v1/handovers', {
      signalId,
      toOrganisationId: teamB,
      toRegionId: B,
      reason: 'Het gezin woont inmiddels in Goes.',
      safetyAssessment: 'safe',
      knownInformation: 'Alleen de melding zelf.',
      personIds: [],
      legalBasis: 'statutory_task',
      senderAccess: 'ends',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await cProB.get(`/api/v1/handovers/${r.body.id}`)).body).toMatchObject({
      subjectType: 'signal',
      signalId: null,
      mayRespond: true,
    });
    // not even a query without a region filter shows the signal to the receiver
    expect(await asActor(t.db, proB.actor, (tx) => tx.query(`SELECT id FROM signals WHERE id = $1`, [signalId]))).toEqual([]);
    const a = await cProB.post(`/api/v1/handovers/${r.body.id}/accept`, { nomineeUserId: coordB.actor.userId, version: 1 });
    expect(a.body).toMatchObject({ status: 'accepted', caseId: null });
    expect(await asActor(t.db, proB.actor, (tx) => tx.query(`SELECT id FROM signals WHERE id = $1`, [signalId]))).toEqual([]);
  });
});
