// Accepting a handover is all or nothing. A failure at any statement of the acceptance (a lost
// connection, a killed server) leaves the old coordinator and a pending handover, never both
// coordinators or none; two acceptances at the same moment let exactly one win. The same for a
// handover from another region, whose acceptance writes in two regions. On PostgreSQL the two
// requests really overlap; on PGlite they are serialised.
import { beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, type Client, useRegionApp } from '../../../test/support/http.js';
import { verifyChain } from '../../platform/audit/audit.js';
import { registerFamily } from '../families/families.service.js';
import { RegisterFamilyBody } from '../families/families.contract.js';
import { sendHandover } from './handovers.service.js';
import { acceptHandover } from './handovers.accept.js';
import { failEveryStatement } from '../../../test/support/faults.js';

let t: TestDb;
let region: string;
let vtCoord: TestUser;
let teamCoord: TestUser;
let teamPro: TestUser;
let teamLead: TestUser;
let team: string;
let cPro: Client;
let cLead: Client;
// a team in another region
let other: string;
let goes: string;
let goesCoord: TestUser;
let goesPro: TestUser;
let cGoesPro: Client;
let cGoesLead: Client;

const w = useRegionApp({
  orgs: { vt: ['veilig_thuis'], team: ['municipal_team'] },
  users: {
    vtCoord: ['vt', ['professional', 'coordinator']],
    teamCoord: ['team', ['professional', 'coordinator']],
    teamPro: ['team', ['professional']],
    teamLead: ['team', ['professional', 'team_lead']],
    vtLead: ['vt', ['professional', 'team_lead']],
  },
  loggedOut: ['vtCoord', 'teamCoord', 'vtLead'],
});
beforeAll(async () => {
  ({ t, region } = w);
  ({ team } = w.org);
  ({ vtCoord, teamCoord, teamPro, teamLead } = w.user);
  ({ teamPro: cPro, teamLead: cLead } = w.client);
  other = await createRegion(t.db);
  goes = await createOrganisation(t.db, other, 'municipal_team', 'Team Jeugd Goes');
  goesCoord = await createUser(t.db, other, goes, ['professional', 'coordinator']);
  goesPro = await createUser(t.db, other, goes, ['professional']);
  const goesLead = await createUser(t.db, other, goes, ['professional', 'team_lead']);
  [cGoesPro, cGoesLead] = await Promise.all([login(w.app, goesPro.username), login(w.app, goesLead.username)]);
});

async function pendingHandover(
  senderAccess: 'ends' | 'continues' = 'ends',
  to: { organisationId: string; regionId?: string } = { organisationId: team },
) {
  const { id: familyId, caseId } = await registerFamily(
    t.db,
    vtCoord.actor,
    RegisterFamilyBody.parse(familyBody(vtCoord.actor.userId, { children: 1 })),
  );
  const persons = await t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
    region,
    familyId,
  ]);
  const h = await sendHandover(t.db, vtCoord.actor, {
    caseId,
    toOrganisationId: to.organisationId,
    toRegionId: to.regionId,
    reason: 'Verhuizing naar de gemeente',
    safetyAssessment: 'safe',
    knownInformation: 'Lopende hulp thuis.',
    personIds: persons.map((p) => p.person_id),
    legalBasis: 'statutory_task',
    senderAccess,
  });
  return { familyId, caseId, handoverId: h.id };
}

const state = async (caseId: string, handoverId: string) => ({
  coordinators: (
    await t.db.query<{ user_id: string }>(
      `SELECT user_id FROM case_team WHERE region_id = $1 AND case_id = $2 AND role = 'coordinator' AND ended_at IS NULL`,
      [region, caseId],
    )
  ).map((r) => r.user_id),
  team: await t.db.query(`SELECT user_id, role, ended_at FROM case_team WHERE region_id = $1 AND case_id = $2 ORDER BY id`, [
    region,
    caseId,
  ]),
  handover: (
    await t.db.query<{ status: string; version: number }>(`SELECT status, version FROM handovers WHERE region_id = $1 AND id = $2`, [
      region,
      handoverId,
    ])
  )[0],
  moments: (
    await t.db.query(`SELECT moment FROM lead_time_moments WHERE region_id = $1 AND handover_id = $2 ORDER BY moment`, [region, handoverId])
  ).length,
  events: (await t.db.query(`SELECT 1 FROM timeline_events WHERE region_id = $1 AND case_id = $2`, [region, caseId])).length,
  notifications: (
    await t.db.query(`SELECT 1 FROM notifications WHERE region_id = $1 AND link = $2`, [region, `/overdrachten/${handoverId}`])
  ).length,
  caseVersion: (await t.db.query<{ version: number }>(`SELECT version FROM cases WHERE region_id = $1 AND id = $2`, [region, caseId]))[0]!
    .version,
});

const engine = onPostgres ? 'PostgreSQL' : 'PGlite';

describe('faults in the middle of accepting a handover', () => {
  for (const senderAccess of ['ends', 'continues'] as const) {
    it(`leaves the old coordinator and a pending handover when any statement fails (sender access ${senderAccess}, ${engine})`, async () => {
      const k = await pendingHandover(senderAccess);
      const before = await state(k.caseId, k.handoverId);
      expect(before.coordinators).toEqual([vtCoord.actor.userId]);
      const failures = await failEveryStatement(
        t.db,
        80,
        (db) => acceptHandover(db, teamPro.actor, k.handoverId, { nomineeUserId: teamCoord.actor.userId, version: 1 }),
        async () => expect(await state(k.caseId, k.handoverId)).toEqual(before),
      );
      expect(failures).toBeGreaterThan(15);
      const after = await state(k.caseId, k.handoverId);
      expect(after.coordinators).toEqual([teamCoord.actor.userId]);
      expect(after.handover).toEqual({ status: 'accepted', version: 2 });
      expect((await verifyChain(t.db, region)).ok).toBe(true);
    });
  }
});

describe('concurrent acceptances', () => {
  it(`let exactly one of two simultaneous acceptances win; the other hears 409 already_accepted (${engine})`, async () => {
    for (let round = 0; round < 6; round++) {
      const k = await pendingHandover();
      const results = await Promise.all(
        [cPro, cLead].map((c) => c.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 })),
      );
      const ok = results.filter((r) => r.status === 200);
      expect(ok, JSON.stringify(results.map((r) => r.body))).toHaveLength(1);
      const lost = results.find((r) => r.status !== 200)!;
      expect(lost.status).toBe(409);
      expect(lost.body).toMatchObject({ code: 'already_accepted' });
      const s = await state(k.caseId, k.handoverId);
      expect(s.coordinators).toEqual([teamCoord.actor.userId]);
      expect(s.handover).toEqual({ status: 'accepted', version: 2 });
      // the winner's receiving team only: one accepted moment, one case version step
      expect(s.moments).toBe(2);
      expect(s.caseVersion).toBe(2);
      const winner = results[0]!.status === 200 ? teamPro : teamLead;
      const loser = winner === teamPro ? teamLead : teamPro;
      const members = s.team as Array<{ user_id: string }>;
      if (loser === teamPro) expect(members.some((m) => m.user_id === teamPro.actor.userId)).toBe(false);
      expect(members.filter((m) => m.user_id === teamCoord.actor.userId)).toHaveLength(1);
    }
  });
});

/** Everything an acceptance from another region may write, in both regions. */
const twoRegions = async (caseId: string, handoverId: string) => {
  const n = async (sql: string, params: unknown[]) =>
    Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))[0]!.n);
  const perRegion = async (r: string) => ({
    persons: await n(`persons WHERE region_id = $1`, [r]),
    families: await n(`families WHERE region_id = $1`, [r]),
    cases: await n(`cases WHERE region_id = $1`, [r]),
    members: await n(`family_members WHERE region_id = $1`, [r]),
    team: await n(`case_team WHERE region_id = $1 AND ended_at IS NULL`, [r]),
    events: await n(`timeline_events WHERE region_id = $1`, [r]),
    moments: await n(`lead_time_moments WHERE region_id = $1`, [r]),
    notifications: await n(`notifications WHERE region_id = $1`, [r]),
    mail: await n(`mail_outbox WHERE region_id = $1`, [r]),
    audit:
      (await t.db.query<{ seq: string }>(`SELECT coalesce(sum(seq), 0)::text AS seq FROM audit_chain_head WHERE region_id = $1`, [r]))[0]
        ?.seq ?? '0',
  });
  return {
    ...(await state(caseId, handoverId)),
    senderCase: (await t.db.query(`SELECT status, closed_reason FROM cases WHERE region_id = $1 AND id = $2`, [region, caseId]))[0],
    result: (
      await t.db.query(`SELECT responded_by, nominee_user_id, result_case_id FROM handovers WHERE region_id = $1 AND id = $2`, [
        region,
        handoverId,
      ])
    )[0],
    sender: await perRegion(region),
    receiver: await perRegion(other),
  };
};

describe('faults in the middle of accepting a handover from another region', () => {
  for (const senderAccess of ['ends', 'continues'] as const) {
    it(`leaves both regions as they were when any statement fails (sender access ${senderAccess}, ${engine})`, async () => {
      const k = await pendingHandover(senderAccess, { organisationId: goes, regionId: other });
      const before = await twoRegions(k.caseId, k.handoverId);
      expect(before.coordinators).toEqual([vtCoord.actor.userId]);
      const failures = await failEveryStatement(
        t.db,
        200,
        (db) => acceptHandover(db, goesPro.actor, k.handoverId, { nomineeUserId: goesCoord.actor.userId, version: 1 }),
        async () => expect(await twoRegions(k.caseId, k.handoverId)).toEqual(before),
      );
      expect(failures).toBeGreaterThan(20);
      const after = await twoRegions(k.caseId, k.handoverId);
      expect(after.handover).toEqual({ status: 'accepted', version: 2 });
      expect(after.receiver.cases).toBe(before.receiver.cases + 1);
      expect(after.receiver.persons).toBe(before.receiver.persons + 2);
      expect(after.senderCase).toMatchObject({ status: senderAccess === 'ends' ? 'closed' : 'registered' });
      expect(after.coordinators).toEqual(senderAccess === 'ends' ? [] : [vtCoord.actor.userId]);
      for (const r of [region, other]) expect((await verifyChain(t.db, r)).ok).toBe(true);
    });
  }

  it(`let exactly one of two simultaneous acceptances from the other region win (${engine})`, async () => {
    for (let round = 0; round < 4; round++) {
      const k = await pendingHandover('ends', { organisationId: goes, regionId: other });
      const cases = Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM cases WHERE region_id = $1`, [other]))[0]!.n);
      const results = await Promise.all(
        [cGoesPro, cGoesLead].map((c) =>
          c.post(`/api/v1/handovers/${k.handoverId}/accept`, { nomineeUserId: goesCoord.actor.userId, version: 1 }),
        ),
      );
      expect(
        results.filter((r) => r.status === 200),
        JSON.stringify(results.map((r) => r.body)),
      ).toHaveLength(1);
      expect(results.find((r) => r.status !== 200)!.body).toMatchObject({ status: 409, code: 'already_accepted' });
      expect(Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM cases WHERE region_id = $1`, [other]))[0]!.n)).toBe(
        cases + 1,
      );
    }
    for (const r of [region, other]) expect((await verifyChain(t.db, r)).ok).toBe(true);
  });

  it(`let two acceptances in opposite directions at the same moment both succeed, without a deadlock (${engine})`, async () => {
    for (let round = 0; round < 4; round++) {
      const toGoes = await pendingHandover('ends', { organisationId: goes, regionId: other });
      const { id: familyId, caseId } = await registerFamily(
        t.db,
        goesCoord.actor,
        RegisterFamilyBody.parse(familyBody(goesCoord.actor.userId, { children: 1 })),
      );
      const persons = await t.db.query<{ person_id: string }>(
        `SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`,
        [other, familyId],
      );
      const fromGoes = await sendHandover(t.db, goesCoord.actor, {
        caseId,
        toOrganisationId: team,
        toRegionId: region,
        reason: 'Verhuizing naar Walcheren',
        safetyAssessment: 'safe',
        knownInformation: 'Lopende hulp thuis.',
        personIds: persons.map((p) => p.person_id),
        legalBasis: 'statutory_task',
        senderAccess: 'ends',
      });
      const results = await Promise.all([
        cGoesPro.post(`/api/v1/handovers/${toGoes.handoverId}/accept`, { nomineeUserId: goesCoord.actor.userId, version: 1 }),
        cPro.post(`/api/v1/handovers/${fromGoes.id}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 }),
      ]);
      expect(
        results.map((r) => r.status),
        JSON.stringify(results.map((r) => r.body)),
      ).toEqual([200, 200]);
    }
    for (const r of [region, other]) expect((await verifyChain(t.db, r)).ok).toBe(true);
  });
});
