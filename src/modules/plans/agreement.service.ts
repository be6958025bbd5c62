// Agreement (akkoord) on the plan: a team lead's approval where the region asks for it, proposing
// a draft to its parties (the family by age, every organisation that owns an action), and their
// answers. The case row is locked first, so two parties agreeing at once, or a new proposal racing
// an answer, end in one consistent state or a clear 409. What a proposed or agreed version says,
// the database keeps.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { Conflict, Forbidden, Invalid } from '../../platform/http/errors.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { appendEvent } from '../timeline/timeline.js';
import { recordMoment } from '../leadtimes/moments.js';
import { currentCoordinator } from '../cases/public.js';
import { familyParties, outcome, type Answer, type Requirement } from './parties.js';
import { agreementBlockers, proposalBlockers } from './plan-rules.js';
import { notify } from '../notifications/notify.js';
import { PERSON_NAME, type VersionRow } from './plans.repo.js';
import { safetyPlanSnapshot } from '../safety/safety.queries.js';
import { audit, blocked, editableDraft, familyFacts, requireCoordinator, teamLeadApproval, versionFor } from './plan-access.js';
import type { AnswerBody } from './plans.contract.js';

export async function approveDraft(db: Database, actor: Actor, versionId: string, body: { version: number }) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    if (!(await teamLeadApproval(tx, actor.regionId)).team_lead_approval)
      throw new Conflict(
        'approval_not_used',
        {
          nl: 'In deze regio keurt een teamleider plannen niet vooraf goed.',
          en: 'In this region a team lead does not approve plans beforehand.',
        },
        'versionId',
      );
    const onTeam = await tx.query(
      `SELECT 1 FROM case_team WHERE region_id = $1 AND case_id = $2 AND organisation_id = $3 AND ended_at IS NULL LIMIT 1`,
      [actor.regionId, v.case_id, actor.organisationId],
    );
    if (!actor.roles.includes('team_lead') || !onTeam[0])
      throw new Forbidden({
        nl: 'Alleen een teamleider van een organisatie in het casusteam keurt het plan goed.',
        en: 'Only a team lead of an organisation on the case team approves the plan.',
      });
    const rows = await tx.query<{ version: number }>(
      `UPDATE plan_versions SET approved_by = $3, approved_at = now(), version = version + 1 WHERE region_id = $1 AND id = $2 RETURNING version`,
      [actor.regionId, v.id, actor.userId],
    );
    await appendEvent(tx, actor, {
      familyId: v.family_id,
      caseId: v.case_id,
      kind: 'plan_approved',
      params: { number: v.number, name: actor.displayName },
      data: { planVersionId: v.id },
    });
    await audit(tx, actor, v.family_id, 'update', 'plan-version', v.id);
    return { id: v.id, version: rows[0]!.version };
  });
}

export async function proposeDraft(db: Database, actor: Actor, versionId: string, body: { version: number }) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    await requireCoordinator(tx, actor, v.case_id, {
      nl: 'Alleen de regisseur legt het plan voor.',
      en: 'Only the coordinator proposes the plan.',
    });
    if ((await teamLeadApproval(tx, actor.regionId)).team_lead_approval && !v.approved_at)
      throw new Conflict(
        'approval_required',
        {
          nl: 'In deze regio keurt een teamleider het plan goed voordat het wordt voorgelegd.',
          en: 'In this region a team lead approves the plan before it is proposed.',
        },
        'versionId',
      );
    const blockers = await proposalBlockers(tx, v.case_id);
    if (blockers.length) throw blocked(blockers);
    const today = dutchToday();
    const members = await familyFacts(tx, actor.regionId, v.family_id);
    const family = familyParties(
      members.map((m) => ({ personId: m.person_id, relation: m.relation, birthDate: m.birth_date })),
      today,
    );
    const orgs = await tx.query<{ id: string }>(
      `SELECT DISTINCT owner_organisation_id AS id FROM plan_actions WHERE region_id = $1 AND plan_version_id = $2 AND owner_kind = 'organisation'`,
      [actor.regionId, v.id],
    );
    const parties: Array<{ personId: string | null; organisationId: string | null; requirement: Requirement }> = [
      ...family.map((f) => ({ personId: f.personId, organisationId: null, requirement: f.requirement })),
      ...orgs.map((o) => ({ personId: null, organisationId: o.id, requirement: 'agree' as const })),
    ];
    if (!family.some((f) => f.requirement === 'agree'))
      throw new Conflict(
        'no_parents',
        {
          nl: 'Dit gezin heeft geen ouder of verzorger die akkoord kan geven. Voeg die eerst toe.',
          en: 'This family has no parent or carer to agree. Add one first.',
        },
        'parties',
      );
    for (const p of parties)
      await tx.query(
        `INSERT INTO plan_parties (region_id, id, plan_version_id, family_id, person_id, organisation_id, requirement) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [actor.regionId, randomUUID(), v.id, v.family_id, p.personId, p.organisationId, p.requirement],
      );
    // A version still waiting for answers is replaced by this one: its answers no longer count.
    await tx.query(
      `UPDATE plan_versions SET status = 'superseded', superseded_at = now(), version = version + 1 WHERE region_id = $1 AND case_id = $2 AND status = 'proposed'`,
      [actor.regionId, v.case_id],
    );
    // The safety plan is part of what is proposed: its agreements as they stand now stay with this version.
    const rows = await tx.query<{ version: number }>(
      `UPDATE plan_versions SET status = 'proposed', proposed_at = now(), proposed_by = $3, safety_plan = $4, version = version + 1
       WHERE region_id = $1 AND id = $2 RETURNING version`,
      [actor.regionId, v.id, actor.userId, JSON.stringify(await safetyPlanSnapshot(tx, actor.regionId, v.case_id))],
    );
    await appendEvent(tx, actor, {
      familyId: v.family_id,
      caseId: v.case_id,
      kind: 'plan_version_proposed',
      params: { number: v.number },
      data: { planVersionId: v.id, parties: parties.length },
    });
    // The organisations asked to agree hear of it: their professionals on the case team.
    if (orgs.length) {
      const members = await tx.query<{ user_id: string }>(
        `SELECT DISTINCT user_id FROM case_team WHERE region_id = $1 AND case_id = $2 AND ended_at IS NULL
          AND organisation_id = ANY ($3::uuid[]) AND user_id <> $4`,
        [actor.regionId, v.case_id, orgs.map((o) => o.id), actor.userId],
      );
      await notify(tx, {
        regionId: actor.regionId,
        userIds: members.map((m) => m.user_id),
        kind: 'plan_proposed',
        params: { number: v.number },
        link: `/plannen/${v.case_id}`,
        dedupeKey: `plan-proposed:${v.id}`,
      });
    }
    await audit(tx, actor, v.family_id, 'update', 'plan-version', v.id);
    return { id: v.id, version: rows[0]!.version };
  });
}

/** The case's coordinator hears that a version was decided, unless they gave or recorded the deciding answer themselves. */
async function tellCoordinator(tx: Tx, actor: Actor, v: VersionRow, kind: 'plan_agreed' | 'plan_disagreed') {
  const coordinator = await currentCoordinator(tx, actor.regionId, v.case_id);
  const userIds = coordinator && coordinator.user_id !== actor.userId ? [coordinator.user_id] : [];
  await notify(tx, {
    regionId: actor.regionId,
    userIds,
    kind,
    params: { number: v.number },
    link: `/plannen/${v.case_id}`,
    dedupeKey: `${kind}:${v.id}`,
  });
}

export async function answerVersion(db: Database, actor: Actor, versionId: string, body: z.infer<typeof AnswerBody>) {
  return asActor(db, actor, async (tx) => {
    const v = await versionFor(tx, actor, versionId, true);
    if (v.status !== 'proposed')
      throw new Conflict(
        'not_the_proposed_version',
        {
          nl: 'Deze versie van het plan ligt niet (meer) voor; laad het plan opnieuw en antwoord op de voorgelegde versie.',
          en: 'This plan version is not (or no longer) the proposed one; reload the plan and answer the proposed version.',
        },
        'versionId',
        { planStatus: v.status },
      );
    const parties = await tx.query<{
      id: string;
      person_id: string | null;
      organisation_id: string | null;
      requirement: Requirement;
      name: string;
      answer: Answer | null;
    }>(
      `SELECT pp.id, pp.person_id, pp.organisation_id, pp.requirement, coalesce(${PERSON_NAME('p')}, o.name) AS name, an.answer
         FROM plan_parties pp LEFT JOIN persons p ON p.region_id = pp.region_id AND p.id = pp.person_id
         LEFT JOIN organisations o ON o.region_id = pp.region_id AND o.id = pp.organisation_id
         LEFT JOIN plan_answers an ON an.region_id = pp.region_id AND an.party_id = pp.id
        WHERE pp.region_id = $1 AND pp.plan_version_id = $2`,
      [actor.regionId, v.id],
    );
    const party = parties.find((p) => p.id === body.partyId);
    if (!party)
      throw new Invalid('unknown_party', 'partyId', {
        nl: 'Deze partij hoort niet bij deze versie van het plan.',
        en: 'This party is not part of this plan version.',
      });
    if (party.answer)
      throw new Conflict(
        'already_answered',
        { nl: `Het antwoord van ${party.name} is al vastgelegd.`, en: `The answer of ${party.name} was already recorded.` },
        'partyId',
      );
    if (party.person_id) {
      await requireCoordinator(tx, actor, v.case_id, {
        nl: 'De regisseur legt het antwoord van een gezinslid vast.',
        en: 'The coordinator records the answer of a family member.',
      });
      if (!body.via || body.via === 'own_account')
        throw new Invalid('via_required', 'via', {
          nl: 'Geef aan hoe het gezinslid antwoordde (gesprek, telefoon, schriftelijk, video).',
          en: 'Say how the family member answered (conversation, phone, in writing, video).',
        });
    } else if (party.organisation_id !== actor.organisationId) {
      throw new Forbidden({
        nl: 'Een organisatie geeft zelf akkoord, door een eigen professional in het casusteam.',
        en: 'An organisation answers itself, through its own professional on the case team.',
      });
    }
    if ((party.requirement === 'heard') !== (body.answer === 'heard'))
      throw new Invalid(
        'answer_not_for_party',
        'answer',
        party.requirement === 'heard'
          ? {
              nl: 'Een kind jonger dan 12 wordt gehoord: leg zijn of haar mening vast.',
              en: 'A child under 12 is heard: record their view.',
            }
          : { nl: 'Deze partij geeft akkoord of niet akkoord.', en: 'This party agrees or disagrees.' },
      );
    if (body.answer === 'disagreed' && !body.reason)
      throw new Invalid('reason_required', 'reason', { nl: 'Geef de reden van niet akkoord.', en: 'Give the reason for disagreeing.' });
    if (body.answer === 'heard' && !body.view)
      throw new Invalid('view_required', 'view', { nl: 'Leg de mening van het kind vast.', en: "Record the child's view." });
    const today = dutchToday();
    const answeredOn = body.answeredOn ?? today;
    if (answeredOn > today)
      throw new Invalid('in_future', 'answeredOn', { nl: 'Deze datum ligt in de toekomst.', en: 'This date is in the future.' });
    const proposedOn = dutchToday(new Date(v.proposed_at!));
    if (answeredOn < proposedOn)
      throw new Invalid('before_proposal', 'answeredOn', {
        nl: `Het plan is voorgelegd op ${proposedOn}; een antwoord ligt niet daarvoor.`,
        en: `The plan was proposed on ${proposedOn}; an answer is not before that.`,
      });
    const id = randomUUID();
    await tx.query(
      `INSERT INTO plan_answers (region_id, id, plan_version_id, party_id, family_id, answer, reason, view, via, answered_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        actor.regionId,
        id,
        v.id,
        party.id,
        v.family_id,
        body.answer,
        body.answer === 'disagreed' ? body.reason : (body.reason ?? null),
        body.answer === 'heard' ? body.view : null,
        party.person_id ? body.via : (body.via ?? 'own_account'),
        answeredOn,
        actor.userId,
      ],
    );
    const result = outcome(parties.map((p) => ({ requirement: p.requirement, answer: p.id === party.id ? body.answer : p.answer })));
    let status: VersionRow['status'] = 'proposed';
    if (result === 'not_agreed') {
      await tx.query(
        `UPDATE plan_versions SET status = 'not_agreed', decided_at = now(), version = version + 1 WHERE region_id = $1 AND id = $2`,
        [actor.regionId, v.id],
      );
      await appendEvent(tx, actor, {
        familyId: v.family_id,
        caseId: v.case_id,
        kind: 'plan_disagreed',
        params: { number: v.number, party: party.name, reason: body.reason ?? '' },
        data: { planVersionId: v.id, partyId: party.id },
      });
      status = 'not_agreed';
    } else {
      await appendEvent(tx, actor, {
        familyId: v.family_id,
        caseId: v.case_id,
        kind: 'plan_answer_recorded',
        params: { number: v.number, party: party.name },
        data: { planVersionId: v.id, partyId: party.id, answer: body.answer },
      });
      if (result === 'agreed') {
        const blockers = await agreementBlockers(tx, v.case_id);
        if (blockers.length) throw blocked(blockers);
        await tx.query(
          `UPDATE plan_versions SET status = 'superseded', superseded_at = now(), version = version + 1 WHERE region_id = $1 AND case_id = $2 AND status = 'agreed'`,
          [actor.regionId, v.case_id],
        );
        await tx.query(
          `UPDATE plan_versions SET status = 'agreed', decided_at = now(), version = version + 1 WHERE region_id = $1 AND id = $2`,
          [actor.regionId, v.id],
        );
        await recordMoment(tx, {
          regionId: actor.regionId,
          organisationId: actor.organisationId,
          moment: 'plan_agreed',
          userId: actor.userId,
          caseId: v.case_id,
          familyId: v.family_id,
        });
        await appendEvent(tx, actor, {
          familyId: v.family_id,
          caseId: v.case_id,
          kind: 'plan_agreed',
          params: { number: v.number },
          data: { planVersionId: v.id },
        });
        status = 'agreed';
      }
    }
    if (status !== 'proposed') await tellCoordinator(tx, actor, v, status === 'agreed' ? 'plan_agreed' : 'plan_disagreed');
    await audit(tx, actor, v.family_id, 'create', 'plan-answer', id);
    return { id, status };
  });
}
