// One event → one notice per person, for EVERY kind of notification (NOTIFICATION_KINDS in
// notify.ts, the list the type checker holds every notify() call to; the SQL functions of
// migration 0091 write three of them for a handover between regions). Each case makes the event
// happen where a person is on more than one of the lists notified (a sender who is also a team
// lead, a named receiver who is also the team lead, a registration that makes a client and a
// family match, two matches escalating on one day) and reruns sweeps, and then counts: each
// recipient has exactly one notice of the event. Each case has its own region, so the counts are
// its own. The database is the last guard: a notice names its event, and a second notice to the
// same person about it is refused (migration 0233).
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { addDays, dutchToday } from '../../platform/time/working-days.js';
import { NOTIFICATION_KINDS } from './notify.js';
import { sendHandover, refuseHandover, expireOverdueHandovers } from '../handovers/handovers.service.js';
import { acceptHandover } from '../handovers/handovers.accept.js';
import { acceptMatchCoordinator, readMatch, registerInIndex } from '../refindex/refindex.service.js';
import { escalateOverdueMatches } from '../refindex/refindex.sweeps.js';
import { RegisterBody } from '../refindex/refindex.contract.js';
import { household, refindexPeople, registration } from '../refindex/refindex.int-support.js';
import { createSignal } from '../signals/signals.service.js';
import { triageSignal } from '../signals/triage.service.js';
import { CreateSignalBody, PublicConcernBody, TriageBody } from '../signals/signals.contract.js';
import { notifyOverdueTriage } from '../signals/overdue.sweep.js';
import { notifyOverdueCouncils } from '../safety/council-overdue.sweep.js';
import { saveCouncil } from '../safety/safety.service.js';
import { CouncilBody } from '../safety/safety.contract.js';
import { registerFamily } from '../families/families.service.js';
import { RegisterFamilyBody } from '../families/families.contract.js';
import { addTeamMember } from '../cases/cases.service.js';
import { addAction, addGoal, startDraft } from '../plans/drafts.service.js';
import { answerVersion, proposeDraft } from '../plans/agreement.service.js';
import { readPlan } from '../plans/reading.service.js';
import { issueFormToken, submitPublicConcern } from '../signals/public.service.js';
import { approveRoleChange, createAccount, readAccount, resetAuthenticator } from '../admin/accounts.service.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const covered = new Set<string>();

/** Per recipient, how many notices of this kind the region holds (optionally only those about one link). */
async function perRecipient(region: string, kind: string, link?: string): Promise<Record<string, number>> {
  covered.add(kind);
  const rows = await t.db.query<{ user_id: string; n: number }>(
    `SELECT user_id, count(*)::int AS n FROM notifications WHERE region_id = $1 AND kind = $2 AND ($3::text IS NULL OR link = $3) GROUP BY user_id`,
    [region, kind, link ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.user_id, r.n]));
}
const once = (...users: TestUser[]) => Object.fromEntries(users.map((u) => [u.actor.userId, 1]));

/** A region with Veilig Thuis (sender) and a team (receiver); each sender is also a team lead of its organisation. */
async function handoverRegion() {
  const region = await createRegion(t.db);
  const vt = await createOrganisation(t.db, region, 'veilig_thuis', 'Veilig Thuis');
  const team = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam');
  return {
    region,
    vt,
    team,
    senderLead: await createUser(t.db, region, vt, ['professional', 'coordinator', 'team_lead']),
    vtLead2: await createUser(t.db, region, vt, ['professional', 'team_lead']),
    teamLead: await createUser(t.db, region, team, ['professional', 'coordinator', 'team_lead']),
    teamLead2: await createUser(t.db, region, team, ['professional', 'team_lead']),
    teamPro: await createUser(t.db, region, team, ['professional']),
    teamCoord: await createUser(t.db, region, team, ['professional', 'coordinator']),
  };
}

async function signalOf(region: string, organisationId: string, o: { dueOn?: string } = {}) {
  const id = randomUUID();
  await t.db.query(
    `INSERT INTO signals (region_id, id, reference, receiving_organisation_id, source, what_seen, urgency, triage_due_on)
    VALUES ($1, $2, $3, $4, 'professional', 'Kind komt vaak zonder ontbijt op school', 'normal', $5)`,
    [region, id, `M-${id.slice(0, 8)}`, organisationId, o.dueOn ?? dutchToday()],
  );
  return id;
}

const handoverOf = (signalId: string, toOrganisationId: string, o: Record<string, unknown> = {}) => ({
  signalId,
  toOrganisationId,
  reason: 'De melding hoort bij het wijkteam.',
  safetyAssessment: 'safe' as const,
  knownInformation: 'Alleen de melding zelf.',
  personIds: [],
  legalBasis: 'statutory_task' as const,
  senderAccess: 'ends' as const,
  ...o,
});

describe('one event → one notice per person', () => {
  it('handover_received: the named receiving professional who is also the team lead is told once', async () => {
    const r = await handoverRegion();
    const h = await sendHandover(
      t.db,
      r.senderLead.actor,
      handoverOf(await signalOf(r.region, r.vt), r.team, { toUserId: r.teamLead.actor.userId }),
    );
    expect(await perRecipient(r.region, 'handover_received', `/overdrachten/${h.id}`)).toEqual(once(r.teamLead, r.teamLead2));
  });

  it('handover_refused: a sender who is also a team lead is told once', async () => {
    const r = await handoverRegion();
    const h = await sendHandover(t.db, r.senderLead.actor, handoverOf(await signalOf(r.region, r.vt), r.team));
    await refuseHandover(t.db, r.teamPro.actor, h.id, { reason: 'Buiten ons werkgebied, helaas.' });
    expect(await perRecipient(r.region, 'handover_refused')).toEqual(once(r.senderLead, r.vtLead2));
  });

  it('handover_expired: the sender who is also a team lead, and the leads of both sides, once each, however often the sweep runs', async () => {
    const r = await handoverRegion();
    const h = await sendHandover(t.db, r.senderLead.actor, handoverOf(await signalOf(r.region, r.vt), r.team));
    await t.db.query(`UPDATE handovers SET accept_due_on = $3 WHERE region_id = $1 AND id = $2`, [
      r.region,
      h.id,
      addDays(dutchToday(), -3),
    ]);
    await expireOverdueHandovers(t.db);
    await expireOverdueHandovers(t.db);
    expect(await perRecipient(r.region, 'handover_expired')).toEqual(once(r.senderLead, r.vtLead2, r.teamLead, r.teamLead2));
  });

  it('handover_accepted and handover_nominated: the sender and the nominee, once each', async () => {
    const r = await handoverRegion();
    const h = await sendHandover(t.db, r.senderLead.actor, handoverOf(await signalOf(r.region, r.vt), r.team));
    await acceptHandover(t.db, r.teamLead.actor, h.id, { nomineeUserId: r.teamCoord.actor.userId, version: 1 });
    expect(await perRecipient(r.region, 'handover_accepted')).toEqual(once(r.senderLead));
    expect(await perRecipient(r.region, 'handover_nominated')).toEqual(once(r.teamCoord));
  });

  it('between regions (migration 0091): received, refused and accepted, once each in the right region', async () => {
    const a = await handoverRegion();
    const B = await createRegion(t.db);
    const teamB = await createOrganisation(t.db, B, 'municipal_team', 'Wijkteam Goes');
    const leadB = await createUser(t.db, B, teamB, ['professional', 'coordinator', 'team_lead']);
    const proB = await createUser(t.db, B, teamB, ['professional', 'coordinator']);
    const refused = await sendHandover(t.db, a.senderLead.actor, handoverOf(await signalOf(a.region, a.vt), teamB, { toRegionId: B }));
    const accepted = await sendHandover(t.db, a.senderLead.actor, handoverOf(await signalOf(a.region, a.vt), teamB, { toRegionId: B }));
    expect(await perRecipient(B, 'handover_received', `/overdrachten/${refused.id}`)).toEqual(once(leadB));
    await refuseHandover(t.db, proB.actor, refused.id, { reason: 'Het gezin woont niet in Goes.' });
    expect(await perRecipient(a.region, 'handover_refused')).toEqual(once(a.senderLead, a.vtLead2));
    await acceptHandover(t.db, proB.actor, accepted.id, { nomineeUserId: proB.actor.userId, version: 1 });
    expect(await perRecipient(a.region, 'handover_accepted')).toEqual(once(a.senderLead));
  });

  describe('the reference index', () => {
    let region: string;
    let a: TestUser;
    let b: TestUser;
    let leadA: TestUser;
    let leadB: TestUser;
    let coord: TestUser;
    beforeAll(async () => {
      region = await createRegion(t.db);
      ({ coord, a, b, leadA, leadB } = (await refindexPeople(t.db, region)).user);
    });
    const register = (u: TestUser, bsn: string) => registerInIndex(t.db, u.actor, RegisterBody.parse(registration(bsn)));

    it('refindex_match and refindex_escalation: a registration that makes a client and a family match is one notice each; so is their escalation', async () => {
      const h = await household(t.db, coord.actor, { children: 2 });
      await register(a, h.bsns[0]!);
      await register(a, h.bsns[1]!);
      const joined = await register(b, h.bsns[0]!);
      // Two matches from one registration: the client match on this child and the family match with the sibling.
      expect(joined.newMatches.map((m) => m.kind).sort()).toEqual(['client', 'family']);
      expect(await perRecipient(region, 'refindex_match')).toEqual(once(a, b));

      const m = await readMatch(t.db, a.actor, joined.newMatches[0]!.matchId);
      const later = new Date(`${addDays(m.dueOn, 1)}T12:00:00Z`);
      expect(await escalateOverdueMatches(t.db, later)).toBe(2);
      expect(await escalateOverdueMatches(t.db, later)).toBe(0);
      expect(await perRecipient(region, 'refindex_escalation')).toEqual(once(leadA, leadB));
    });

    it('refindex_coordinator: the other registrants of the match, once each', async () => {
      const c = await createUser(t.db, region, await createOrganisation(t.db, region, 'mental_health', 'GGZ'), ['professional']);
      const h = await household(t.db, coord.actor, { children: 1 });
      await register(a, h.bsns[0]!);
      const { matchId } = (await register(b, h.bsns[0]!)).newMatches[0]!;
      await register(c, h.bsns[0]!);
      await acceptMatchCoordinator(t.db, a.actor, matchId);
      expect(await perRecipient(region, 'refindex_coordinator')).toEqual(once(b, c));
    });
  });

  describe('signals', () => {
    let region: string;
    let door: string;
    let lead1: TestUser;
    let lead2: TestUser;
    let pro: TestUser;
    let admin1: TestUser;
    let admin2: TestUser;
    beforeAll(async () => {
      region = await createRegion(t.db);
      door = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Centrum');
      await t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [region, door]);
      lead1 = await createUser(t.db, region, door, ['professional', 'team_lead']);
      lead2 = await createUser(t.db, region, door, ['professional', 'coordinator', 'team_lead']);
      pro = await createUser(t.db, region, door, ['professional']);
      admin1 = await createUser(t.db, region, door, ['functional_admin']);
      admin2 = await createUser(t.db, region, door, ['functional_admin']);
    });
    // A form token is single use: each concern its own (opened a few seconds ago, at a distinct millisecond).
    let opened = 0;
    const concern = async (o: Record<string, unknown> = {}, dailyCap?: number) =>
      submitPublicConcern(
        t.db,
        PublicConcernBody.parse({
          regionId: region,
          formToken: await issueFormToken(t.db, new Date(Date.now() - 5_000 - ++opened)),
          about: 'Het kind van de buren',
          whatSeen: 'Elke avond harde ruzie en gehuil.',
          ...o,
        }),
        dailyCap ? { dailyCap } : {},
      );

    it('signal_acute: the team leads, once each', async () => {
      const s = await createSignal(
        t.db,
        pro.actor,
        CreateSignalBody.parse({
          receivingOrganisationId: door,
          source: 'professional',
          subjectDescription: 'Gezin op nummer 3',
          whatSeen: 'Kind zegt dat het vannacht is geslagen.',
          safetyAtStake: true,
          urgency: 'acute',
        }),
      );
      expect(await perRecipient(region, 'signal_acute', `/meldingen/${s.id}`)).toEqual(once(lead1, lead2));
    });

    it('case_coordinator_assigned and signal_linked: the coordinator once each, however often a signal is linked', async () => {
      const bsn = nextBsn();
      const first = await createSignal(
        t.db,
        pro.actor,
        CreateSignalBody.parse({
          receivingOrganisationId: door,
          source: 'professional',
          subjectDescription: 'Gezin aan de Kade',
          whatSeen: 'Kinderen zijn vaak tot laat alleen thuis.',
          safetyAtStake: false,
          urgency: 'normal',
        }),
      );
      const opened = await triageSignal(
        t.db,
        pro.actor,
        first.id,
        TriageBody.parse({
          safetyAssessment: 'concerns',
          safetyReasons: 'Zorgen over toezicht; geen acuut gevaar.',
          version: 1,
          decision: 'open_case',
          coordinatorUserId: lead2.actor.userId,
          newFamily: { members: [{ givenNames: 'Noor', familyName: 'Kade', relation: 'child', birthDate: '2015-03-02', bsn }] },
        }),
      );
      expect(await perRecipient(region, 'case_coordinator_assigned')).toEqual(once(lead2));
      // A second signal about the same child joins the open case on receipt, and again at triage: one notice.
      const second = await createSignal(
        t.db,
        pro.actor,
        CreateSignalBody.parse({
          receivingOrganisationId: door,
          source: 'professional',
          bsn,
          whatSeen: 'Noor vertelt op school dat er thuis niemand is.',
          safetyAtStake: false,
          urgency: 'normal',
        }),
      );
      await triageSignal(
        t.db,
        pro.actor,
        second.id,
        TriageBody.parse({
          safetyAssessment: 'concerns',
          safetyReasons: 'Zorgen over toezicht; geen acuut gevaar.',
          version: 1,
          decision: 'join_case',
          caseId: opened.caseId,
        }),
      );
      expect(await perRecipient(region, 'signal_linked', `/meldingen/${second.id}`)).toEqual(once(lead2));
    });

    it("signal_safety: a citizen's worry about safety reaches the team leads once each", async () => {
      await concern({ worriedAboutSafety: true });
      expect(await perRecipient(region, 'signal_safety')).toEqual(once(lead1, lead2));
    });

    it('triage_overdue: the team leads once each, however often the sweep runs', async () => {
      const id = await signalOf(region, door, { dueOn: addDays(dutchToday(), -2) });
      await notifyOverdueTriage(t.db);
      await t.db.query(`UPDATE signals SET overdue_notified_at = NULL WHERE region_id = $1 AND id = $2`, [region, id]);
      await notifyOverdueTriage(t.db);
      expect(await perRecipient(region, 'triage_overdue', `/meldingen/${id}`)).toEqual(once(lead1, lead2));
    });

    it('public_form_cap: the functional administrators once each on the day the cap is reached', async () => {
      const already =
        (
          await t.db.query<{ received: number }>(`SELECT received FROM public_concern_days WHERE region_id = $1 AND day = $2`, [
            region,
            dutchToday(),
          ])
        )[0]?.received ?? 0;
      await concern({}, already + 1);
      await expect(concern({}, already + 1)).rejects.toMatchObject({ status: 429 });
      await expect(concern({}, already + 2)).resolves.toBeTruthy();
      expect(await perRecipient(region, 'public_form_cap')).toEqual(once(admin1, admin2));
    });
  });

  describe('accounts', () => {
    let region: string;
    let org: string;
    let admin1: TestUser;
    let admin2: TestUser;
    let admin3: TestUser;
    let privacy: TestUser;
    let privacy2: TestUser;
    beforeAll(async () => {
      region = await createRegion(t.db);
      org = await createOrganisation(t.db, region, 'municipal_team');
      admin1 = await createUser(t.db, region, org, ['functional_admin']);
      admin2 = await createUser(t.db, region, org, ['functional_admin']);
      admin3 = await createUser(t.db, region, org, ['functional_admin']);
      privacy = await createUser(t.db, region, org, ['privacy_officer']);
      privacy2 = await createUser(t.db, region, org, ['privacy_officer']);
    });

    it('role_change_proposed and role_change_approved: the other administrators and the privacy officers, once each per proposal', async () => {
      const created = await createAccount(t.db, admin1.actor, {
        organisationId: org,
        displayName: 'Nieuwe Teamleider',
        username: `tl_${randomUUID().slice(0, 8)}`,
        email: 'teamleider@example.nl',
        roles: ['professional', 'team_lead'],
      });
      expect(await perRecipient(region, 'role_change_proposed')).toEqual(once(admin2, admin3));
      await approveRoleChange(t.db, admin2.actor, created.account.id, created.account.pendingRoleChange!.id);
      expect(await perRecipient(region, 'role_change_approved')).toEqual(once(privacy, privacy2));
    });

    it('authenticator_reset: each reset is its own event, told once to each privacy officer', async () => {
      const user = await createUser(t.db, region, org, ['professional']);
      await resetAuthenticator(t.db, admin1.actor, user.actor.userId, (await readAccount(t.db, admin1.actor, user.actor.userId)).version);
      expect(await perRecipient(region, 'authenticator_reset')).toEqual(once(privacy, privacy2));
      await resetAuthenticator(t.db, admin1.actor, user.actor.userId, (await readAccount(t.db, admin1.actor, user.actor.userId)).version);
      expect(await perRecipient(region, 'authenticator_reset')).toEqual({ [privacy.actor.userId]: 2, [privacy2.actor.userId]: 2 });
    });
  });

  describe('network council', () => {
    it('council_overdue: the coordinator (also a team lead) and the other team lead once each, however often the sweep runs', async () => {
      const region = await createRegion(t.db);
      const org = await createOrganisation(t.db, region, 'municipal_team');
      const coordLead = await createUser(t.db, region, org, ['professional', 'coordinator', 'team_lead']);
      const lead = await createUser(t.db, region, org, ['professional', 'team_lead']);
      const familyId = randomUUID();
      const caseId = randomUUID();
      await t.db.query(`INSERT INTO families (region_id, id, name) VALUES ($1, $2, 'Gezin Laat')`, [region, familyId]);
      // One transaction: a case has exactly one coordinator at commit.
      await t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO cases (region_id, id, family_id, opened_at) VALUES ($1, $2, $3, now() - interval '60 days')`, [
          region,
          caseId,
          familyId,
        ]);
        await tx.query(
          `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis) VALUES ($1, $2, $3, $4, $5, $6, 'coordinator', 'consent')`,
          [region, randomUUID(), caseId, familyId, org, coordLead.actor.userId],
        );
      });
      await notifyOverdueCouncils(t.db);
      await t.db.query(`DELETE FROM council_overdue_notices WHERE region_id = $1 AND case_id = $2`, [region, caseId]);
      await notifyOverdueCouncils(t.db);
      expect(await perRecipient(region, 'council_overdue', `/gezinnen/${familyId}`)).toEqual(once(coordLead, lead));
    });
  });

  describe('plan', () => {
    it('plan_proposed: each professional of an organisation asked to agree, once per version; plan_agreed and plan_disagreed: the coordinator, unless they answered', async () => {
      const region = await createRegion(t.db);
      const team = await createOrganisation(t.db, region, 'municipal_team');
      const gp = await createOrganisation(t.db, region, 'gp_practice');
      const coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
      const gp1 = await createUser(t.db, region, gp, ['professional']);
      const gp2 = await createUser(t.db, region, gp, ['professional']);
      const { caseId } = await registerFamily(
        t.db,
        coord.actor,
        RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Plan', children: 0 })),
      );
      const today = dutchToday();
      await saveCouncil(
        t.db,
        coord.actor,
        caseId,
        CouncilBody.parse({
          offeredOn: today,
          answer: 'declined',
          declinedReason: 'Niet nodig.',
          answeredOn: today,
          metOn: null,
          safetyReason: null,
        }),
      );
      for (const u of [gp1, gp2])
        await addTeamMember(t.db, coord.actor, caseId, {
          userId: u.actor.userId,
          legalBasis: 'consent',
          caseVersion: (await readPlan(t.db, coord.actor, caseId)).caseVersion,
        });
      const link = `/plannen/${caseId}`;
      /** A proposed version with a goal and an action of the GP practice; answers of the family recorded by the coordinator. */
      const propose = async () => {
        const d = await startDraft(t.db, coord.actor, caseId, {});
        const g = await addGoal(t.db, coord.actor, d.id, { version: d.version, domain: 'physical_health', description: 'Gezond eten' });
        const a = await addAction(t.db, coord.actor, d.id, {
          version: g.version,
          description: 'Controle',
          owner: { kind: 'organisation', organisationId: gp },
          dueOn: addDays(today, 14),
        });
        await proposeDraft(t.db, coord.actor, d.id, { version: a.version });
        const parties = (await readPlan(t.db, coord.actor, caseId)).current!.parties;
        for (const p of parties.filter((x) => x.kind !== 'organisation'))
          await answerVersion(t.db, coord.actor, d.id, {
            partyId: p.id,
            answer: p.requirement === 'heard' ? 'heard' : 'agreed',
            via: 'conversation',
            ...(p.requirement === 'heard' ? { view: 'Goed' } : {}),
          });
        return { versionId: d.id, gpParty: parties.find((x) => x.kind === 'organisation')!.id };
      };
      const first = await propose();
      expect(await perRecipient(region, 'plan_proposed', link)).toEqual(once(gp1, gp2));
      await answerVersion(t.db, gp1.actor, first.versionId, { partyId: first.gpParty, answer: 'agreed' });
      expect(await perRecipient(region, 'plan_agreed', link)).toEqual(once(coord));
      const second = await propose();
      expect(await perRecipient(region, 'plan_proposed', link)).toEqual({ [gp1.actor.userId]: 2, [gp2.actor.userId]: 2 });
      await answerVersion(t.db, gp2.actor, second.versionId, { partyId: second.gpParty, answer: 'disagreed', reason: 'Te vroeg' });
      expect(await perRecipient(region, 'plan_disagreed', link)).toEqual(once(coord));
      expect(await perRecipient(region, 'plan_agreed', link)).toEqual(once(coord));
    });
  });

  it('covers every kind of notification there is', () => {
    expect([...covered].sort()).toEqual(Object.keys(NOTIFICATION_KINDS).sort());
  });
});

describe('the kinds written anywhere', () => {
  const files = (dir: string, ext: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
    );

  it('are all in NOTIFICATION_KINDS: every notify() call in the code and every notice the database functions write', () => {
    const found = new Set<string>();
    for (const f of files('src', '.ts')) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/notify\(tx, \{[^;]*?kind: '([a-z_]+)'/gs)) found.add(m[1]!);
      for (const m of text.matchAll(/kind: '([a-z_]+)' as const, params: [^;]*?, link: /g)) found.add(m[1]!);
      for (const m of text.matchAll(/notifyRole\(tx, actor, '[a-z_]+', '([a-z_]+)'/g)) found.add(m[1]!);
    }
    for (const f of files('migrations', '.sql'))
      for (const m of readFileSync(f, 'utf8').matchAll(
        /(?:handover_notify_in|write_notification|regie\.notify)\([^;]*?'([a-z]+_[a-z_]+)'/gs,
      ))
        found.add(m[1]!);
    expect(found.size).toBeGreaterThan(5);
    expect([...found].filter((k) => !(k in NOTIFICATION_KINDS))).toEqual([]);
  });
});

describe('the database guard', () => {
  it('refuses a notice that names no event, and a second notice of the same event to the same person', async () => {
    const region = await createRegion(t.db);
    const u = await createUser(t.db, region, await createOrganisation(t.db, region), ['professional']);
    const write = (key: string | null) =>
      t.db.query<{ ok: boolean }>(`SELECT regie.notify($1, $2, $3, 'triage_overdue', '{"reference": "M-1"}', '/', $4, $5) AS ok`, [
        region,
        randomUUID(),
        u.actor.userId,
        key,
        randomUUID(),
      ]);
    await expect(write(null)).rejects.toThrow(/null value|not-null|violates/);
    expect((await write('triage-overdue:x'))[0]?.ok).toBe(true);
    expect((await write('triage-overdue:x'))[0]?.ok).toBe(false);
    expect(await t.db.query(`SELECT 1 FROM notifications WHERE region_id = $1 AND user_id = $2`, [region, u.actor.userId])).toHaveLength(1);
    await expect(
      t.db.query(
        `INSERT INTO notifications (region_id, id, user_id, kind, params, link) VALUES ($1, $2, $3, 'triage_overdue', '{}', '/')`,
        [region, randomUUID(), u.actor.userId],
      ),
    ).rejects.toThrow(/null value|not-null|violates/);
  });
});
