// Use cases of safety and the family network council: the overview of a case (required?, the
// assessment with its reviews, the safety plan, the council), recording and changing the
// assessment, the behavioural scientist's review, the safety plan's agreements, the council's
// offer, answer, meeting and outcome, and the region's council setting. One transaction each,
// with its timeline event and audit rows; every read of safety data is audited per person.
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess, type AuditAction } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { holidayRulesOf } from '../../platform/time/region-calendar.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { appendEvent, familyPersonIds } from '../timeline/timeline.js';
import { accessAudit, activeMembership, familyAccess, mayWriteFamilyOf, requireFamilyWrite } from './access.js';
import { councilDueOn, councilOverdue, councilStatus, safetyRequiredReasons } from './rules.js';
import { latestScores } from '../assessments/assessments.queries.js';
import * as repo from './safety.repo.js';
import type { AgreementBody, CouncilBody, CouncilSettingsBody, OutcomeBody, ReviewBody, SaveAssessmentBody } from './safety.contract.js';

const closed = () => new Conflict('case_closed', { nl: 'Dit dossier is afgesloten.', en: 'This case is closed.' }, 'caseId');

async function visibleCase(tx: Tx, actor: Actor, caseId: string) {
  const c = await repo.findCase(tx, actor.regionId, caseId);
  if (!c) throw new NotFound('case', caseId);
  return c;
}

/** A change to a case's safety or council: visible (404), through a care relation (403 under break the glass), on an open case. */
async function writableCase(tx: Tx, actor: Actor, caseId: string) {
  const c = await visibleCase(tx, actor, caseId);
  const access = await requireFamilyWrite(tx, actor, c.familyId);
  if (c.status === 'closed') throw closed();
  return { c, access };
}

async function audit(
  tx: Tx,
  actor: Actor,
  c: repo.CaseFacts,
  access: Awaited<ReturnType<typeof familyAccess>>,
  action: AuditAction,
  objectType: string,
  objectId: string,
) {
  await recordAccess(tx, actor, {
    action,
    objectType,
    objectId,
    personIds: await familyPersonIds(tx, actor.regionId, c.familyId),
    ...accessAudit(access),
  });
}

/** Is a safety assessment required for this case, and why (child safety scores: the latest per child, from the assessments). */
export async function safetyRequired(tx: Tx, regionId: string, caseId: string, childSafetyScores: readonly number[] = []) {
  const facts = await repo.safetySignals(tx, regionId, caseId);
  const reasons = safetyRequiredReasons({ ...facts, childSafetyScores });
  return { required: reasons.length > 0, reasons };
}

async function councilOf(tx: Tx, actor: Actor, c: repo.CaseFacts) {
  const council = await repo.findCouncil(tx, actor.regionId, c.id);
  const dueOn = councilDueOn(c.openedOn, c.councilWorkingDays, await holidayRulesOf(tx, actor.regionId));
  return {
    dueOn,
    workingDays: c.councilWorkingDays,
    overdue: c.status !== 'closed' && councilOverdue(council, dueOn, dutchToday(), c.councilRuleApplies),
    status: councilStatus(council),
    offeredOn: council?.offeredOn ?? null,
    answer: council?.answer ?? null,
    declinedReason: council?.declinedReason ?? null,
    answeredOn: council?.answeredOn ?? null,
    metOn: council?.metOn ?? null,
    safetyReason: council?.safetyReason ?? null,
    version: council?.version ?? null,
    outcome: await repo.councilOutcome(tx, actor.regionId, c.id),
  };
}

async function overview(tx: Tx, actor: Actor, c: repo.CaseFacts, access: Awaited<ReturnType<typeof familyAccess>>) {
  const [required, assessment, plan, parties, council, own] = [
    await safetyRequired(
      tx,
      actor.regionId,
      c.id,
      (await latestScores(tx, c.id)).filter((s) => s.domain === 'safety').map((s) => s.score),
    ),
    await repo.findAssessment(tx, actor.regionId, c.id),
    await repo.agreementsOf(tx, actor.regionId, c.id),
    await repo.partiesOf(tx, actor.regionId, c.id, c.familyId),
    await councilOf(tx, actor, c),
    await activeMembership(tx, actor.regionId, c.id, actor.userId),
  ];
  const name = new Map(parties.map((p) => [`${p.kind}:${p.id}`, p.name]));
  const reviews = assessment ? await repo.reviewsOf(tx, actor.regionId, assessment.id) : [];
  const write = mayWriteFamilyOf(access) && c.status !== 'closed';
  return {
    caseId: c.id,
    familyId: c.familyId,
    required,
    assessment: assessment && {
      ...assessment,
      scalings: assessment.scalings.map((s) => ({ ...s, partyName: name.get(`${s.partyKind}:${s.partyId}`) ?? '' })),
      reviews: reviews.map((r) => ({ ...r, current: r.assessmentVersion === assessment.version })),
    },
    plan,
    council,
    parties,
    may: {
      write,
      review: write && actor.roles.includes('behavioural_scientist') && !!assessment,
      council: write && own?.role === 'coordinator',
    },
  };
}

export async function readSafety(db: Database, actor: Actor, caseId: string) {
  return asActor(db, actor, async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const access = await familyAccess(tx, actor, c.familyId);
    const result = await overview(tx, actor, c, access);
    await audit(tx, actor, c, access, 'read', 'safety', caseId);
    return result;
  });
}

function checkScalings(parties: repo.PartyRow[], scalings: z.infer<typeof SaveAssessmentBody>['scalings']) {
  for (const [i, s] of scalings.entries()) {
    if (!parties.some((p) => p.kind === s.partyKind && p.id === s.partyId))
      throw new Invalid('unknown_party', `scalings[${i}].partyId`, {
        nl: 'Deze partij hoort niet bij het gezin of het casusteam.',
        en: 'This party is not in the family or on the case team.',
      });
  }
}

export async function saveAssessment(db: Database, actor: Actor, caseId: string, body: z.infer<typeof SaveAssessmentBody>) {
  return asActor(db, actor, async (tx) => {
    const { c, access } = await writableCase(tx, actor, caseId);
    checkScalings(await repo.partiesOf(tx, actor.regionId, c.id, c.familyId), body.scalings);
    const input = {
      dangers: body.dangers,
      goingWell: body.goingWell,
      safetyGoals: body.safetyGoals,
      decision: body.decision,
      scalings: body.scalings.map((s) => ({
        partyKind: s.partyKind,
        partyId: s.partyId,
        score: s.score,
        ...(s.note ? { note: s.note } : {}),
      })),
    };
    const existing = await repo.findAssessment(tx, actor.regionId, c.id, true);
    if (!existing) {
      if (body.version !== undefined) throw new StaleVersion('safety assessment');
      await repo.insertAssessment(tx, actor.regionId, c, actor.userId, input);
      await appendEvent(tx, actor, {
        familyId: c.familyId,
        caseId: c.id,
        kind: 'safety_assessment_recorded',
        params: { safetyDecision: body.decision },
      });
    } else {
      if (body.version === undefined || !(await repo.updateAssessment(tx, actor.regionId, existing.id, body.version, actor.userId, input)))
        throw new StaleVersion('safety assessment');
      await appendEvent(tx, actor, {
        familyId: c.familyId,
        caseId: c.id,
        kind: 'safety_assessment_changed',
        params: { safetyDecision: body.decision },
      });
    }
    await audit(tx, actor, c, access, existing ? 'update' : 'create', 'safety-assessment', c.id);
    return overview(tx, actor, c, access);
  });
}

export async function reviewAssessment(db: Database, actor: Actor, caseId: string, body: z.infer<typeof ReviewBody>) {
  return asActor(db, actor, async (tx) => {
    const { c, access } = await writableCase(tx, actor, caseId);
    // The route already requires the role; the service says why, for a caller that is not a route.
    if (!actor.roles.includes('behavioural_scientist'))
      throw new Forbidden({
        nl: 'Alleen een gedragswetenschapper beoordeelt een veiligheidstaxatie.',
        en: 'Only a behavioural scientist reviews a safety assessment.',
      });
    const a = await repo.findAssessment(tx, actor.regionId, c.id, true);
    if (!a)
      throw new Conflict(
        'no_assessment',
        { nl: 'Er is nog geen veiligheidstaxatie om te beoordelen.', en: 'There is no safety assessment to review yet.' },
        'caseId',
      );
    if (a.version !== body.version) throw new StaleVersion('safety assessment');
    await repo.insertReview(tx, actor.regionId, {
      assessmentId: a.id,
      familyId: c.familyId,
      version: a.version,
      verdict: body.verdict,
      comment: body.comment ?? null,
      userId: actor.userId,
    });
    await appendEvent(tx, actor, {
      familyId: c.familyId,
      caseId: c.id,
      kind: 'safety_assessment_reviewed',
      params: { reviewer: actor.displayName, verdict: body.verdict },
    });
    await audit(tx, actor, c, access, 'create', 'safety-review', c.id);
    return overview(tx, actor, c, access);
  });
}

async function checkOwner(tx: Tx, actor: Actor, c: repo.CaseFacts, body: z.infer<typeof AgreementBody>) {
  const parties = await repo.partiesOf(tx, actor.regionId, c.id, c.familyId);
  const kind = body.ownerKind === 'family_member' ? 'person' : body.ownerKind;
  if (!parties.some((p) => p.kind === kind && p.id === body.ownerId))
    throw new Invalid('unknown_owner', 'ownerId', {
      nl: 'Deze eigenaar hoort niet bij het gezin, het netwerk of het casusteam.',
      en: 'This owner is not in the family, its network or on the case team.',
    });
  return { what: body.what, ownerKind: body.ownerKind, ownerId: body.ownerId, dueOn: body.dueOn ?? null, checkHow: body.checkHow };
}

export async function addAgreement(db: Database, actor: Actor, caseId: string, body: z.infer<typeof AgreementBody>) {
  return asActor(db, actor, async (tx) => {
    const { c, access } = await writableCase(tx, actor, caseId);
    const id = await repo.insertAgreement(tx, actor.regionId, c, actor.userId, await checkOwner(tx, actor, c, body));
    await appendEvent(tx, actor, {
      familyId: c.familyId,
      caseId: c.id,
      kind: 'safety_plan_agreement_added',
      params: {},
      data: { agreementId: id },
    });
    await audit(tx, actor, c, access, 'create', 'safety-plan', id);
    return overview(tx, actor, c, access);
  });
}

export async function changeAgreement(
  db: Database,
  actor: Actor,
  caseId: string,
  agreementId: string,
  body: z.infer<typeof AgreementBody>,
) {
  return asActor(db, actor, async (tx) => {
    const { c, access } = await writableCase(tx, actor, caseId);
    const input = await checkOwner(tx, actor, c, body);
    if ((await repo.agreementVersion(tx, actor.regionId, c.id, agreementId)) === null)
      throw new NotFound('safety plan agreement', agreementId);
    if (body.version === undefined || !(await repo.updateAgreement(tx, actor.regionId, agreementId, body.version, input)))
      throw new StaleVersion('safety plan agreement');
    await appendEvent(tx, actor, {
      familyId: c.familyId,
      caseId: c.id,
      kind: 'safety_plan_agreement_changed',
      params: {},
      data: { agreementId },
    });
    await audit(tx, actor, c, access, 'update', 'safety-plan', agreementId);
    return overview(tx, actor, c, access);
  });
}

export async function removeAgreement(db: Database, actor: Actor, caseId: string, agreementId: string, body: { version: number }) {
  return asActor(db, actor, async (tx) => {
    const { c, access } = await writableCase(tx, actor, caseId);
    if ((await repo.agreementVersion(tx, actor.regionId, c.id, agreementId)) === null)
      throw new NotFound('safety plan agreement', agreementId);
    if (!(await repo.deleteAgreement(tx, actor.regionId, agreementId, body.version))) throw new StaleVersion('safety plan agreement');
    await appendEvent(tx, actor, {
      familyId: c.familyId,
      caseId: c.id,
      kind: 'safety_plan_agreement_removed',
      params: {},
      data: { agreementId },
    });
    await audit(tx, actor, c, access, 'delete', 'safety-plan', agreementId);
    return overview(tx, actor, c, access);
  });
}

function checkCouncilDates(c: repo.CaseFacts, b: z.infer<typeof CouncilBody>) {
  const today = dutchToday();
  for (const field of ['offeredOn', 'answeredOn', 'metOn'] as const) {
    const d = b[field];
    if (d && d > today)
      throw new Invalid('in_future', field, { nl: 'Deze datum kan niet in de toekomst liggen.', en: 'This date cannot be in the future.' });
    if (d && d < c.openedOn)
      throw new Invalid('before_case', field, {
        nl: 'Deze datum ligt vóór het openen van het dossier.',
        en: 'This date is before the case was opened.',
      });
  }
  if (b.offeredOn && b.answeredOn && b.answeredOn < b.offeredOn)
    throw new Invalid('before_offer', 'answeredOn', { nl: 'Het antwoord ligt vóór het aanbod.', en: 'The answer is before the offer.' });
  if (b.answeredOn && b.metOn && b.metOn < b.answeredOn)
    throw new Invalid('before_answer', 'metOn', {
      nl: 'Het beraad ligt vóór het antwoord van het gezin.',
      en: "The council is before the family's answer.",
    });
}

async function requireCoordinator(tx: Tx, actor: Actor, caseId: string) {
  const own = await activeMembership(tx, actor.regionId, caseId, actor.userId);
  if (own?.role !== 'coordinator')
    throw new Forbidden({
      nl: 'Alleen de regisseur van dit dossier legt het familienetwerkberaad vast.',
      en: 'Only the coordinator of this case records the family network council.',
    });
}

export async function saveCouncil(db: Database, actor: Actor, caseId: string, body: z.infer<typeof CouncilBody>) {
  return asActor(db, actor, async (tx) => {
    const { c, access } = await writableCase(tx, actor, caseId);
    await requireCoordinator(tx, actor, c.id);
    checkCouncilDates(c, body);
    const input = {
      offeredOn: body.offeredOn,
      answer: body.answer,
      declinedReason: body.answer === 'declined' ? body.declinedReason : null,
      answeredOn: body.answeredOn,
      metOn: body.metOn,
      safetyReason: body.safetyReason,
    };
    const before = await repo.findCouncil(tx, actor.regionId, c.id, true);
    if (!before) {
      if (body.version !== undefined) throw new StaleVersion('network council');
      await repo.insertCouncil(tx, actor.regionId, c, actor.userId, input);
    } else if (body.version === undefined || !(await repo.updateCouncil(tx, actor.regionId, c.id, body.version, actor.userId, input))) {
      throw new StaleVersion('network council');
    }
    const event = (e: Parameters<typeof appendEvent>[2]) => appendEvent(tx, actor, e);
    const at = { familyId: c.familyId, caseId: c.id };
    if (input.offeredOn && input.offeredOn !== before?.offeredOn)
      await event({ ...at, kind: 'council_offered', params: { offeredOn: input.offeredOn } });
    if (input.answer && input.answer !== before?.answer) await event({ ...at, kind: 'council_answered', params: { answer: input.answer } });
    if (input.metOn && input.metOn !== before?.metOn) await event({ ...at, kind: 'council_met', params: { metOn: input.metOn } });
    if (input.safetyReason && input.safetyReason !== before?.safetyReason)
      await event({ ...at, kind: 'council_safety_reason', params: {} });
    await audit(tx, actor, c, access, before ? 'update' : 'create', 'network-council', c.id);
    return overview(tx, actor, c, access);
  });
}

export async function saveCouncilOutcome(db: Database, actor: Actor, caseId: string, body: z.infer<typeof OutcomeBody>) {
  return asActor(db, actor, async (tx) => {
    const { c, access } = await writableCase(tx, actor, caseId);
    await requireCoordinator(tx, actor, c.id);
    const council = await repo.findCouncil(tx, actor.regionId, c.id, true);
    if (!council) throw new StaleVersion('network council');
    if (council.version !== body.version) throw new StaleVersion('network council');
    if (!council.metOn)
      throw new Conflict(
        'council_not_met',
        { nl: 'Leg eerst vast wanneer het beraad is gehouden.', en: 'First record when the council met.' },
        'metOn',
      );
    const members = await repo.networkMemberIds(tx, actor.regionId, c.familyId);
    for (const [i, a] of body.actions.entries()) {
      if (!members.has(a.networkMemberId))
        throw new Invalid('unknown_network_member', `actions[${i}].networkMemberId`, {
          nl: 'Deze persoon hoort niet bij het netwerk van het gezin.',
          en: "This person is not in the family's network.",
        });
      if (a.dueOn < council.metOn)
        throw new Invalid('before_council', `actions[${i}].dueOn`, {
          nl: 'Deze datum ligt vóór het beraad.',
          en: 'This date is before the council.',
        });
    }
    await repo.replaceOutcome(tx, actor.regionId, c, body.goals, body.actions);
    await repo.bumpCouncil(tx, actor.regionId, c.id, actor.userId);
    await appendEvent(tx, actor, {
      familyId: c.familyId,
      caseId: c.id,
      kind: 'council_outcome_recorded',
      params: { goals: body.goals.length, actions: body.actions.length },
    });
    await audit(tx, actor, c, access, 'update', 'network-council-outcome', c.id);
    return overview(tx, actor, c, access);
  });
}

export async function readCouncilSettings(db: Database, actor: Actor) {
  return asActor(db, actor, async (tx) => {
    const s = await repo.councilSettingsOf(tx, actor.regionId);
    return { workingDays: s?.workingDays ?? 10, version: s?.version ?? 1 };
  });
}

export async function saveCouncilSettings(db: Database, actor: Actor, body: z.infer<typeof CouncilSettingsBody>) {
  return asActor(db, actor, async (tx) => {
    const version = await repo.saveCouncilSettings(tx, actor.regionId, body.workingDays, body.version);
    if (version === null) throw new StaleVersion('council settings');
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'council-settings',
      objectId: actor.regionId,
      reason: `workingDays: ${body.workingDays}`,
    });
    return { workingDays: body.workingDays, version };
  });
}
