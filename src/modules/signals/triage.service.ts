// Triage: the receiving organisation judges safety and decides what happens with a signal —
// advice only, open a case, join the open case, hand over to another organisation, or close.
// One transaction: the decision, the signal's new status, the case (team) changes, the timeline,
// the chain moment and the audit rows stand or fall together.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { appendCaseOpened, appendEvent } from '../timeline/timeline.js';
import { recordMoment } from '../leadtimes/moments.js';
import { activeMembership, insertCase, insertMembership, requireQualifiedCoordinator } from '../cases/case-team.js';
import { insertFamily, onUniqueBsn } from '../families/families.service.js';
import { notify } from '../notifications/notify.js';
import { mayTriage } from './signals.access.js';
import { AWAITS_DECISION, findSignal, organisationExists, subjectsOf, type SignalRecord, type Status } from './signals.repo.js';
import { caseForTriage, insertTriage, setTriaged } from './triage.repo.js';
import { notifyCoordinatorOfSignal } from './signals.service.js';
import type { TriageBody } from './signals.contract.js';
import { refusalAudited } from '../../platform/audit/refusals.js';

type Body = z.infer<typeof TriageBody>;

export interface HandoverDecision {
  signalId: string;
  reference: string;
  decisionId: string;
  receivingOrganisationId: string;
  targetOrganisationId: string;
  /** The target's region: the actor's own, or another region (a family that moved). */
  targetRegionId: string;
  familyId: string | null;
  caseId: string | null;
  personIds: string[];
  safetyAssessment: string;
  note: string | null;
  /** The receiving professional, when the triaging professional named one. */
  targetUserId?: string | null;
}
export type HandoverDecisionHandler = (tx: Tx, actor: Actor, d: HandoverDecision) => Promise<void>;

/** The organisation a signal is handed over to, in the actor's region or in another one. */
export interface HandoverTarget {
  organisationId: string;
  regionId: string;
}
/**
 * Checks the target of a decision "hand over" before anything is written: it exists (in the
 * named region, else the own region, else the one organisation of another region with this id),
 * it is not the triaging organisation itself, and it has the task to take over a signal. Throws
 * Invalid on field targetOrganisationId.
 */
export type HandoverTargetCheck = (tx: Tx, actor: Actor, target: { organisationId: string; regionId?: string }) => Promise<HandoverTarget>;

let handoverHandler: HandoverDecisionHandler | null = null;
let targetCheck: HandoverTargetCheck | null = null;
/**
 * The handovers module registers here to create the handover (package, acceptance deadline,
 * notification) in the same transaction as the decision; when it throws, the decision is not
 * made either. Without a handler the decision is still recorded (decision = 'handover',
 * target_organisation_id, target_region_id) for the handovers module to pick up.
 */
export function onHandoverDecision(handler: HandoverDecisionHandler | null): HandoverDecisionHandler | null {
  const previous = handoverHandler;
  handoverHandler = handler;
  return previous;
}

/**
 * The handovers module registers here the check of a target organisation, with the rules and the
 * cross-region look-up of handovers (handover-rules.ts, regie.handover_receivers_elsewhere()).
 * Without it only an organisation of the actor's own region can be the target.
 */
export function onHandoverTarget(check: HandoverTargetCheck | null): HandoverTargetCheck | null {
  const previous = targetCheck;
  targetCheck = check;
  return previous;
}

const UNKNOWN_TARGET = {
  nl: 'Deze organisatie bestaat niet in uw regio. Kies een andere organisatie om aan over te dragen.',
  en: 'This organisation does not exist in your region. Choose another organisation to hand over to.',
};

/** The target of a decision "hand over", checked; nothing has been written yet. */
async function checkTarget(tx: Tx, actor: Actor, s: SignalRecord, body: Body): Promise<HandoverTarget> {
  const organisationId = body.targetOrganisationId!;
  if (organisationId === s.receivingOrganisationId && (!body.targetRegionId || body.targetRegionId === actor.regionId))
    throw new Invalid('same_organisation', 'targetOrganisationId', {
      nl: 'U kunt niet aan uw eigen organisatie overdragen. Kies een andere organisatie.',
      en: 'You cannot hand over to your own organisation. Choose another organisation.',
    });
  if (targetCheck) return targetCheck(tx, actor, { organisationId, regionId: body.targetRegionId });
  const own =
    !body.targetRegionId || body.targetRegionId === actor.regionId ? await organisationExists(tx, actor.regionId, organisationId) : null;
  if (!own) throw new Invalid('unknown_organisation', 'targetOrganisationId', UNKNOWN_TARGET);
  return { organisationId, regionId: actor.regionId };
}

const STATUS_AFTER: Record<Body['decision'], Status> = {
  advice: 'triaged',
  open_case: 'triaged',
  join_case: 'triaged',
  handover: 'handed_over',
  close: 'closed',
};

/** Rules that need no database: the fields each decision requires. */
function checkBody(b: Body) {
  if (b.safetyAssessment === 'unsafe' && (b.decision === 'advice' || b.decision === 'close'))
    throw new Invalid('unsafe_needs_help', 'decision', {
      nl: 'Bij een onveilige situatie is alleen advies of afsluiten niet genoeg: open een dossier, sluit aan bij het dossier of draag over.',
      en: 'When the situation is unsafe, advice or closing is not enough: open a case, join the case or hand over.',
    });
  if (b.decision === 'close' && !b.closeReason)
    throw new Invalid('reason_required', 'closeReason', { nl: 'Geef de reden van afsluiten.', en: 'Give the reason for closing.' });
  if (b.decision === 'handover' && !b.targetOrganisationId)
    throw new Invalid('target_required', 'targetOrganisationId', {
      nl: 'Kies de organisatie waaraan u overdraagt.',
      en: 'Choose the organisation to hand over to.',
    });
  if (b.targetUserId && b.decision !== 'handover')
    throw new Invalid('not_a_handover', 'targetUserId', {
      nl: 'Een ontvangende professional hoort alleen bij een overdracht.',
      en: 'A receiving professional only goes with a handover.',
    });
  if (b.decision === 'open_case' && !b.coordinatorUserId)
    throw new Invalid('coordinator_required', 'coordinatorUserId', {
      nl: 'Kies de regisseur van het nieuwe dossier.',
      en: 'Choose the coordinator of the new case.',
    });
  if (b.decision !== 'open_case' && b.newFamily)
    throw new Invalid('family_only_with_new_case', 'newFamily', {
      nl: 'Gezinsleden vult u alleen in bij "dossier openen".',
      en: 'Family members are only given with "open a case".',
    });
}

const DENIED = {
  nl: 'Alleen professionals van de ontvangende organisatie kunnen deze melding triëren.',
  en: 'Only professionals of the receiving organisation can triage this signal.',
};

export async function triageSignal(db: Database, actor: Actor, signalId: string, body: Body, now = new Date()) {
  checkBody(body);
  const outcome = await asActor(db, actor, async (tx) => {
    const seen = await findSignal(tx, actor.regionId, signalId);
    if (!seen || !mayTriage(actor, seen)) {
      // Logged as a denied attempt; nothing else is written.
      await recordAccess(tx, actor, { action: 'update', objectType: 'signal-triage', objectId: signalId, outcome: 'denied' });
      return seen ? ('forbidden' as const) : ('not_found' as const);
    }
    // Locked only now: FOR UPDATE also applies the update policy, which would hide the signal from
    // a reporter or case team member and turn their 403 into a 404.
    const s = (await findSignal(tx, actor.regionId, signalId, true))!;
    if (s.version !== body.version) throw new StaleVersion('signal');
    if (!AWAITS_DECISION.includes(s.status))
      throw new Conflict(
        'already_triaged',
        { nl: 'Deze melding is al getrieerd.', en: 'This signal has already been triaged.' },
        'decision',
      );
    return decide(tx, actor, s, body, now);
  });
  if (outcome === 'not_found') throw refusalAudited(new NotFound('signal', signalId));
  if (outcome === 'forbidden') throw refusalAudited(new Forbidden(DENIED));
  return outcome;
}

async function decide(tx: Tx, actor: Actor, s: SignalRecord, body: Body, now: Date) {
  let caseId: string | null = s.caseId;
  let familyId: string | null = s.familyId;
  let joined: { caseId: string; familyId: string; opened: boolean } | null = null;
  // Checked before anything is written; a failure later in the transaction undoes it all anyway.
  const target = body.decision === 'handover' ? await checkTarget(tx, actor, s, body) : null;
  if (body.decision === 'join_case') joined = { ...(await joinCase(tx, actor, s, body)), opened: false };
  if (body.decision === 'open_case') joined = { ...(await openCase(tx, actor, s, body)), opened: true };
  if (joined) ({ caseId, familyId } = joined);

  const decisionId = randomUUID();
  await insertTriage(tx, {
    regionId: actor.regionId,
    id: decisionId,
    signalId: s.id,
    safetyAssessment: body.safetyAssessment,
    safetyReasons: body.safetyReasons,
    decision: body.decision,
    note: body.note,
    closeReason: body.decision === 'close' ? body.closeReason : null,
    targetOrganisationId: target?.organisationId ?? null,
    targetRegionId: target?.regionId ?? null,
    caseId: joined?.caseId ?? null,
    decidedBy: actor.userId,
    organisationId: actor.organisationId,
  });
  const status = STATUS_AFTER[body.decision];
  const version = await setTriaged(tx, actor.regionId, s.id, body.version, { status, caseId, familyId });
  if (version === null) throw new StaleVersion('signal');

  if (caseId && familyId) {
    // A case opened from this signal already starts its timeline with it (openCase).
    if (!s.caseId && !joined?.opened)
      await appendEvent(tx, actor, {
        familyId,
        caseId,
        kind: 'signal_linked',
        params: { reference: s.reference },
        data: { signalId: s.id, reference: s.reference },
      });
    await appendEvent(tx, actor, {
      familyId,
      caseId,
      kind: 'signal_triaged',
      params: { reference: s.reference, decision: body.decision },
      data: { signalId: s.id, reference: s.reference, decision: body.decision, safetyAssessment: body.safetyAssessment },
    });
  }
  await recordMoment(tx, {
    regionId: actor.regionId,
    organisationId: s.receivingOrganisationId,
    moment: 'triaged',
    signalId: s.id,
    caseId,
    familyId,
    userId: actor.userId,
    at: now,
  });
  if (joined?.opened)
    await recordMoment(tx, {
      regionId: actor.regionId,
      organisationId: s.receivingOrganisationId,
      moment: 'case_opened',
      caseId: joined.caseId,
      familyId: joined.familyId,
      userId: actor.userId,
      at: now,
    });
  // The coordinator hears of a signal that joins their open case (once per signal, however it was linked).
  if (joined && !joined.opened) await notifyCoordinatorOfSignal(tx, actor.regionId, joined.caseId, s.id, s.reference);
  if (joined) await linkConfirmedSignals(tx, actor, s, joined.caseId, joined.familyId);
  const personIds = (await subjectsOf(tx, actor.regionId, [s.id])).get(s.id)?.personIds ?? [];
  if (target && handoverHandler) {
    await handoverHandler(tx, actor, {
      signalId: s.id,
      reference: s.reference,
      decisionId,
      receivingOrganisationId: s.receivingOrganisationId,
      targetOrganisationId: target.organisationId,
      targetRegionId: target.regionId,
      familyId,
      caseId,
      personIds,
      safetyAssessment: body.safetyAssessment,
      note: body.note ?? null,
      targetUserId: body.targetUserId ?? null,
    });
  }
  await recordAccess(tx, actor, { action: 'update', objectType: 'signal-triage', objectId: s.id, personIds, legalBasis: 'statutory_task' });
  return { id: s.id, status, version, caseId };
}

/** The case to join: the one the signal is linked to, the open case of its family, or (for a signal about someone not yet known) the case named. */
async function joinCase(tx: Tx, actor: Actor, s: SignalRecord, body: Body) {
  // A case is chosen through the signal's family, never by an id from elsewhere: a signal that
  // names no family is linked to one first (the proposed families), or opens a new case.
  if (body.caseId && !s.familyId && !s.caseId)
    throw new Invalid('link_family_first', 'caseId', {
      nl: 'Deze melding is nog aan geen gezin gekoppeld. Koppel haar eerst aan het gezin (bij de voorgestelde gezinnen), of open een nieuw dossier.',
      en: 'This signal is not linked to a family yet. Link it to the family first (under the proposed families), or open a new case.',
    });
  const target = body.caseId ?? s.caseId;
  const c = target
    ? await caseForTriage(tx, actor.regionId, { caseId: target })
    : s.familyId
      ? await caseForTriage(tx, actor.regionId, { familyId: s.familyId })
      : null;
  if (!c)
    throw new Invalid('no_case', 'caseId', {
      nl: 'Er is geen dossier gevonden om bij aan te sluiten. Kies een dossier of open een nieuw.',
      en: 'No case was found to join. Choose a case or open a new one.',
    });
  if (s.familyId && c.familyId !== s.familyId)
    throw new Invalid('case_not_related', 'caseId', {
      nl: 'Dit dossier hoort niet bij het gezin van deze melding.',
      en: 'This case does not belong to the family of this signal.',
    });
  if (c.status === 'closed')
    throw new Conflict(
      'case_closed',
      { nl: 'Dit dossier is afgesloten. Open een nieuw dossier.', en: 'This case is closed. Open a new case.' },
      'caseId',
    );
  // Row-level security shows an actor the case team only once they are on it: null means "not yet a member".
  if (!(await activeMembership(tx, actor.regionId, c.caseId, actor.userId))) {
    await insertMembership(tx, actor, {
      caseId: c.caseId,
      familyId: c.familyId,
      userId: actor.userId,
      role: 'member',
      legalBasis: 'statutory_task',
    });
    await appendEvent(tx, actor, {
      familyId: c.familyId,
      caseId: c.caseId,
      kind: 'team_member_added_after_triage',
      params: { name: actor.displayName, reference: s.reference },
      data: { userId: actor.userId, legalBasis: 'statutory_task' },
    });
  }
  return { caseId: c.caseId, familyId: c.familyId };
}

/**
 * Signals confirmed as "the same family" as this one that still wait for triage follow it to its
 * case: linked, on the case's timeline, and their coordinator told once per signal.
 */
async function linkConfirmedSignals(tx: Tx, actor: Actor, s: SignalRecord, caseId: string, familyId: string) {
  const linked = await tx.query<{ id: string; reference: string }>(
    `UPDATE signals o SET case_id = $3, family_id = $4, version = o.version + 1
      WHERE o.region_id = $1 AND o.status = 'open' AND o.case_id IS NULL AND o.receiving_organisation_id = $5
        AND o.id IN (SELECT CASE WHEN d.signal_id = $2 THEN d.other_signal_id ELSE d.signal_id END FROM signal_family_proposals d
                      WHERE d.region_id = $1 AND d.decision = 'confirmed' AND (d.signal_id = $2 OR d.other_signal_id = $2))
      RETURNING o.id, o.reference`,
    [actor.regionId, s.id, caseId, familyId, s.receivingOrganisationId],
  );
  for (const o of linked) {
    await appendEvent(tx, actor, {
      familyId,
      caseId,
      kind: 'signal_linked_same_family',
      params: { reference: o.reference, via: s.reference },
      data: { signalId: o.id, reference: o.reference, via: s.id },
    });
    await notifyCoordinatorOfSignal(tx, actor.regionId, caseId, o.id, o.reference);
  }
}

/**
 * A new case for the signal's family — or, for a family Regie does not know yet, the family
 * (members from the signal's subject, completed at triage) and its case in the same transaction.
 * The case and its timeline start at the signal's receipt; the coordinator is the only team
 * member: nobody joins by side effect, also not the triaging professional.
 */
async function openCase(tx: Tx, actor: Actor, s: SignalRecord, body: Body) {
  if (!s.familyId && !body.newFamily)
    throw new Invalid('family_required', 'newFamily', {
      nl: 'Deze melding hoort nog niet bij een bekend gezin. Vul de gezinsleden in; het gezin en het dossier worden samen aangemaakt.',
      en: 'This signal does not belong to a known family yet. Fill in the family members; the family and the case are created together.',
    });
  if (s.familyId && body.newFamily)
    throw new Invalid('family_known', 'newFamily', {
      nl: 'Deze melding hoort al bij een gezin in Regie; er wordt geen nieuw gezin aangemaakt.',
      en: 'This signal already belongs to a family in Regie; no new family is created.',
    });
  if (s.familyId && (await caseForTriage(tx, actor.regionId, { familyId: s.familyId })))
    throw new Conflict(
      'case_already_open',
      {
        nl: 'Dit gezin heeft al een open dossier. Kies "aansluiten bij dossier".',
        en: 'This family already has an open case. Choose "join the case".',
      },
      'decision',
    );
  const coordinator = await requireQualifiedCoordinator(tx, actor.regionId, body.coordinatorUserId!, 'coordinatorUserId');
  const legalBasis = body.legalBasis ?? 'statutory_task';
  const receivedAt = new Date(s.receivedAt);
  let familyId = s.familyId;
  let created: { name: string; personIds: string[] } | null = null;
  if (!familyId) {
    const f = await onUniqueBsn(insertFamily(tx, actor, body.newFamily!, 'newFamily.members'), 'newFamily.members');
    familyId = f.familyId;
    created = f;
  }
  const caseId = await insertCase(tx, actor, {
    familyId,
    coordinatorUserId: body.coordinatorUserId!,
    legalBasis,
    openedAt: receivedAt,
    openerJoins: false,
    alreadyOpen: {
      nl: 'Zojuist is voor dit gezin een dossier geopend. Kies "aansluiten bij dossier".',
      en: 'A case was just opened for this family. Choose "join the case".',
    },
    field: 'decision',
  });
  // The timeline starts at the worry: the signal as received, then what triage did with it.
  await appendEvent(tx, actor, {
    familyId,
    caseId,
    kind: 'signal_received',
    occurredAt: receivedAt,
    params: { reference: s.reference },
    data: { signalId: s.id, reference: s.reference, source: s.source, receivedAt: s.receivedAt },
  });
  if (created)
    await appendEvent(tx, actor, {
      familyId,
      kind: 'family_registered_after_triage',
      params: { name: created.name, count: created.personIds.length, reference: s.reference },
      data: { signalId: s.id },
    });
  await appendCaseOpened(tx, actor, {
    familyId,
    caseId,
    opened: { kind: 'case_opened_after_triage', params: { reference: s.reference } },
    coordinator,
    legalBasis,
    data: { signalId: s.id, openedAt: s.receivedAt },
  });
  if (created)
    await recordAccess(tx, actor, { action: 'create', objectType: 'family', objectId: familyId, personIds: created.personIds, legalBasis });
  if (body.coordinatorUserId !== actor.userId)
    await notify(tx, {
      regionId: actor.regionId,
      userIds: [body.coordinatorUserId!],
      kind: 'case_coordinator_assigned',
      params: { reference: s.reference },
      link: `/gezinnen/${familyId}`,
      dedupeKey: `case-opened:${caseId}`,
    });
  return { caseId, familyId };
}
