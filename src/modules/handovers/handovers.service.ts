// Use cases for handovers: send with an information package, the overview for sender and
// receiver, read, refuse, and the deadline sweep. Accepting is in handovers.accept.ts.
// One transaction per use case; audit rows, timeline events, lead-time moments and
// notifications are written in it.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asSystem } from '../../platform/db/system-tx.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { hasPermission } from '../../platform/access/policy.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { invalidInput } from '../../platform/http/validation-text.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { holidayRulesOf } from '../../platform/time/region-calendar.js';
import { appendEvent } from '../timeline/timeline.js';
import { notify, teamLeadsOf } from '../notifications/notify.js';
import { recordMoment } from '../leadtimes/moments.js';
import { currentCoordinator, findUser, lockCase } from '../cases/case-team.js';
import { notFound, staleHandover } from './handovers.errors.js';
import { primaryRole } from '../../platform/access/actor.js';
import {
  acceptDueOn,
  HANDOVER_RECEIVERS,
  isCrossRegion,
  isOverdue,
  mayReceive,
  mayRespond,
  type HandoverSubject,
} from './handover-rules.js';
import {
  familyName,
  familyPersons,
  findHandoverDetail,
  findHandoverRow,
  findOrganisation,
  findOrganisationElsewhere,
  insertHandover,
  listHandoverRows,
  lockAuditChains,
  lockHandoverRow,
  organisationsElsewhere,
  organisationsOfTypes,
  pendingHandoverOf,
  receiversToNotify,
  receivingProfessional,
  regionName,
  setAnswer,
  signalBackAfterRefusal,
  signalFacts,
  signalPersonBsns,
  signalPersons,
  type HandoverRow,
  type PackagePerson,
  type Receiver,
} from './handovers.repo.js';
import { arrivalOf } from './handovers.arrival.js';
import { SendHandoverBody, type HandoverListQuery, type RefuseHandoverBody, type SendHandoverInput } from './handovers.contract.js';
import { refusalAudited } from '../../platform/audit/refusals.js';
import { auditReadsElsewhere, finishSenderSide, tellReceiversElsewhere, type AuditWho } from './handovers.elsewhere.js';
import { ORGANISATION_TYPE_LABELS, type OrganisationType } from '../../shared/contract/enums.js';

export type { SendHandoverInput } from './handovers.contract.js';
export interface SentHandover {
  id: string;
  version: number;
  status: 'pending';
  acceptDueOn: string;
  caseId: string | null;
}

/** An organisation kind in words, for messages ("… (woningcorporatie) heeft niet de taak …"). */
export const typeLabel = (type: string, lang: 'nl' | 'en') => ORGANISATION_TYPE_LABELS[lang][type as OrganisationType] ?? type;

/** Input from another module (signals triage) is checked with the same schema as the API. */
function parseInput(input: SendHandoverInput) {
  const parsed = SendHandoverBody.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(parsed.error.issues);
}

/** Who the audit rows in the other region name: the actor's role, address and browser. */
export const auditWho = (actor: Actor): AuditWho => ({ role: primaryRole(actor), ip: actor.ip, userAgent: actor.userAgent });

/** The access log here of an answer to a handover (one from another region, that made no case here). */
export async function auditHandoverUpdate(tx: Tx, actor: Actor, h: HandoverRow) {
  await recordAccess(tx, actor, {
    action: 'update',
    objectType: 'handover',
    objectId: h.id,
    legalBasis: h.legal_basis,
    careRelation: true,
  });
}

/**
 * The receiving organisation: in the named region, else in the actor's own, else the one
 * organisation of another region with this id (regie.handover_receivers_elsewhere()). Also used
 * for the target of a triage decision "hand over" (from-triage.ts), whose field is named.
 */
export async function resolveReceiver(
  tx: Tx,
  actor: Actor,
  id: string,
  regionId: string | undefined,
  field = 'toOrganisationId',
): Promise<Receiver> {
  if (!regionId || regionId === actor.regionId) {
    const own = await findOrganisation(tx, actor.regionId, id);
    if (own) return { ...own, regionId: actor.regionId, regionName: (await regionName(tx, actor.regionId)) ?? actor.regionId };
  }
  const elsewhere = regionId === actor.regionId ? null : await findOrganisationElsewhere(tx, id, regionId);
  if (elsewhere) return elsewhere;
  throw new Invalid(
    'unknown_organisation',
    field,
    !regionId
      ? {
          nl: 'Deze organisatie is niet gevonden, niet in uw regio en niet in een andere regio.',
          en: 'This organisation was not found, neither in your region nor in another region.',
        }
      : regionId !== actor.regionId
        ? { nl: 'Deze organisatie bestaat niet in de gekozen regio.', en: 'This organisation does not exist in the chosen region.' }
        : { nl: 'Deze organisatie bestaat niet in uw regio.', en: 'This organisation does not exist in your region.' },
  );
}

/**
 * Sends a handover of a case or a signal to another organisation, in the actor's region or in
 * another one (a family that moves), in its own transaction. See sendHandoverInTx to send
 * inside a transaction of your own.
 */
export async function sendHandover(db: Database, actor: Actor, input: SendHandoverInput): Promise<SentHandover> {
  return asActor(db, actor, (tx) => sendHandoverInTx(tx, actor, input));
}

/**
 * The same, inside the caller's actor transaction (asActor), so that for example a triage
 * decision and its handover are written together or not at all. A case is sent by its
 * coordinator (or a team lead of the coordinator's organisation); a signal by the organisation
 * that received it. The receiver must have the task (handover-rules.ts), and there is one open
 * handover per case or signal. The signal's own status is left to the signals module.
 */
export async function sendHandoverInTx(tx: Tx, actor: Actor, input: SendHandoverInput): Promise<SentHandover> {
  const body = parseInput(input);
  const subject: HandoverSubject = body.caseId ? 'case' : 'signal';
  const r = actor.regionId;
  let familyId: string | null;
  let label: string;
  let candidates: PackagePerson[];
  if (body.caseId) {
    const c = await lockCase(tx, r, body.caseId);
    if (!c) throw new NotFound('case', body.caseId);
    if (c.status === 'closed')
      throw new Conflict('case_closed', { nl: 'Dit dossier is afgesloten.', en: 'This case is closed.' }, 'caseId');
    const coordinator = await currentCoordinator(tx, r, c.id);
    const coordinatorOrg = coordinator ? (await findUser(tx, r, coordinator.user_id))?.organisation_id : null;
    if (coordinator?.user_id !== actor.userId && !(actor.roles.includes('team_lead') && coordinatorOrg === actor.organisationId))
      throw new Forbidden({
        nl: 'Alleen de regisseur, of een teamleider van de organisatie van de regisseur, kan dit dossier overdragen.',
        en: "Only the coordinator, or a team lead of the coordinator's organisation, can hand over this case.",
      });
    familyId = c.family_id;
    label = (await familyName(tx, r, c.family_id)) ?? 'Gezin';
    candidates = await familyPersons(tx, r, c.family_id, body.personIds);
  } else {
    const s = await signalFacts(tx, r, body.signalId!);
    if (!s) throw notFound('signal');
    if (s.receivingOrganisationId !== actor.organisationId)
      throw new Forbidden({
        nl: 'Alleen de organisatie die de melding ontving, kan haar overdragen.',
        en: 'Only the organisation that received the signal can hand it over.',
      });
    if (s.status === 'closed')
      throw new Conflict('signal_closed', { nl: 'Deze melding is afgesloten.', en: 'This signal is closed.' }, 'signalId');
    const done = await tx.query(`SELECT 1 FROM handovers WHERE region_id = $1 AND signal_id = $2 AND status = 'accepted'`, [
      r,
      body.signalId,
    ]);
    if (done.length)
      throw new Conflict(
        'already_handed_over',
        { nl: 'Deze melding is al overgedragen en aanvaard.', en: 'This signal was already handed over and accepted.' },
        'signalId',
      );
    familyId = s.familyId;
    label = `Melding ${s.reference}`;
    candidates = (await signalPersons(tx, r, body.signalId!)).filter((p) => body.personIds.includes(p.personId));
  }
  for (const [i, id] of body.personIds.entries()) {
    if (!candidates.some((p) => p.personId === id))
      throw new Invalid('person_not_concerned', `personIds[${i}]`, {
        nl: 'Deze persoon hoort niet bij het gezin of de melding.',
        en: 'This person is not part of the family or the signal.',
      });
  }
  if (familyId && body.personIds.length === 0)
    throw new Invalid('persons_required', 'personIds', { nl: 'Kies de betrokken personen.', en: 'Choose the persons concerned.' });
  const to = await resolveReceiver(tx, actor, body.toOrganisationId, body.toRegionId);
  const elsewhere = to.regionId !== r;
  if (to.id === actor.organisationId && !elsewhere)
    throw new Invalid('same_organisation', 'toOrganisationId', {
      nl: 'Een overdracht gaat naar een andere organisatie.',
      en: 'A handover goes to another organisation.',
    });
  if (!mayReceive(subject, to.type)) {
    const what = subject === 'case' ? { nl: 'een dossier', en: 'a case' } : { nl: 'een melding', en: 'a signal' };
    throw new Invalid(
      'organisation_without_task',
      'toOrganisationId',
      {
        nl: `${to.name} (${typeLabel(to.type, 'nl')}) heeft niet de taak om ${what.nl} over te nemen.`,
        en: `${to.name} (${typeLabel(to.type, 'en')}) does not have the task to take over ${what.en}.`,
      },
      { allowedTypes: HANDOVER_RECEIVERS[subject] },
    );
  }
  const toUser = body.toUserId ? await namedReceiver(tx, actor, to, body.toUserId) : null;
  if (await pendingHandoverOf(tx, r, { caseId: body.caseId, signalId: body.signalId }))
    throw new Conflict(
      'handover_pending',
      { nl: 'Er loopt al een overdracht; wacht op het antwoord van de ontvanger.', en: 'A handover is already waiting for an answer.' },
      subject === 'case' ? 'caseId' : 'signalId',
    );

  const id = randomUUID();
  const due = acceptDueOn(dutchToday(), await holidayRulesOf(tx, r));
  let persons = [...new Set(body.personIds)].map((pid) => candidates.find((p) => p.personId === pid)!);
  if (elsewhere && body.signalId && persons.length) {
    // The other region links persons by BSN, never by name: a signal's package carries them there.
    const bsns = await signalPersonBsns(tx, r, body.signalId);
    persons = persons.map((p) => ({ ...p, bsn: p.bsn ?? bsns.get(p.personId) ?? null }));
  }
  await insertHandover(tx, {
    regionId: r,
    toRegionId: to.regionId,
    id,
    caseId: body.caseId ?? null,
    signalId: body.signalId ?? null,
    familyId,
    subjectLabel: label,
    fromOrganisationId: actor.organisationId,
    fromUserId: actor.userId,
    toOrganisationId: to.id,
    reason: body.reason,
    safetyAssessment: body.safetyAssessment,
    safetyNotes: body.safetyNotes ?? null,
    knownInformation: body.knownInformation,
    persons,
    legalBasis: body.legalBasis,
    senderAccess: body.senderAccess,
    acceptDueOn: due,
    toUserId: toUser?.id ?? null,
  }).catch((e: { code?: string; constraint?: string }) => {
    if (e.code === '23505' && e.constraint === 'handovers_one_pending')
      throw new Conflict(
        'handover_pending',
        { nl: 'Er is zojuist al een overdracht verstuurd.', en: 'A handover was sent just now.' },
        subject === 'case' ? 'caseId' : 'signalId',
      );
    throw e;
  });
  await recordMoment(tx, {
    regionId: r,
    organisationId: actor.organisationId,
    moment: 'handed_over',
    userId: actor.userId,
    signalId: body.signalId ?? null,
    handoverId: id,
    caseId: body.caseId ?? null,
    familyId,
  });
  if (familyId)
    await appendEvent(tx, actor, {
      familyId,
      caseId: body.caseId ?? null,
      kind: 'handover_sent',
      params: { to: { name: to.name, ...(elsewhere ? { region: to.regionName } : {}) }, dueOn: due },
      data: { handoverId: id, toOrganisationId: to.id, ...(elsewhere ? { toRegionId: to.regionId } : {}) },
    });
  await recordAccess(tx, actor, {
    action: 'create',
    objectType: 'handover',
    objectId: id,
    personIds: persons.map((p) => p.personId),
    legalBasis: body.legalBasis,
    careRelation: true,
    consent: body.legalBasis === 'consent',
  });
  if (elsewhere) {
    // The receiving region's inbox is out of this actor's reach: the narrow writer of 0360 writes there.
    await tellReceiversElsewhere(tx, { regionId: r, id });
  } else {
    const from = (await findOrganisation(tx, r, actor.organisationId))?.name ?? '';
    // The named professional hears of it as well; one notice each, also when they are a team lead.
    const receivers = [...(await receiversToNotify(tx, r, to.id)), ...(toUser ? [toUser.id] : [])];
    await notify(tx, {
      regionId: r,
      userIds: receivers,
      kind: 'handover_received',
      params: { from: { name: from } },
      link: `/overdrachten/${id}`,
      dedupeKey: `handover-received:${id}`,
    });
  }
  return { id, version: 1, status: 'pending', acceptDueOn: due, caseId: body.caseId ?? null };
}

/** The receiving professional a sender names: an active professional of the receiving organisation, in the sender's own region. */
async function namedReceiver(tx: Tx, actor: Actor, to: Receiver, userId: string) {
  if (to.regionId !== actor.regionId)
    throw new Invalid('receiver_elsewhere', 'toUserId', {
      nl: 'Een ontvangende professional noemt u alleen bij een overdracht binnen uw eigen regio; de ontvangende organisatie kiest zelf wie het oppakt.',
      en: 'You can only name a receiving professional for a handover within your own region; the receiving organisation chooses who takes it on.',
    });
  const found = await receivingProfessional(tx, actor.regionId, to.id, userId);
  if (!found)
    throw new Invalid('unknown_professional', 'toUserId', {
      nl: `Deze professional werkt niet (meer) bij ${to.name}.`,
      en: `This professional does not work for ${to.name} (any more).`,
    });
  return found;
}

/** Reading the organisation's handover overview is part of its statutory task (the rows of other regions' persons are written there). */
const HANDOVER_LIST_BASIS = 'statutory_task';

/** The overview: incoming (to my organisation), outgoing (from it), or both. */
export async function listHandovers(db: Database, actor: Actor, q: z.infer<typeof HandoverListQuery>) {
  const limit = q.limit ?? 25;
  return asActor(db, actor, async (tx) => {
    const { items, sortValues, personIds, shownPersons, fromElsewhere } = await listHandoverRows(tx, {
      regionId: actor.regionId,
      organisationId: actor.organisationId,
      direction: q.direction,
      status: q.status,
      after: decodeCursor(q.cursor, 'timestamp'),
      limit,
      today: dutchToday(),
    });
    if (fromElsewhere.length) await lockAuditChains(tx, [...new Set(fromElsewhere.map((h) => h.regionId))]);
    await auditReadsElsewhere(tx, actor, fromElsewhere, auditWho(actor));
    // Per handover shown, the legal basis it was sent on; a list of only other regions' handovers still leaves one row here.
    for (const h of shownPersons.filter((s) => s.personIds.length))
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'handover-list',
        objectId: q.direction ?? 'all',
        personIds: h.personIds,
        legalBasis: h.legalBasis,
        careRelation: true,
        consent: h.legalBasis === 'consent',
      });
    if (!personIds.length && fromElsewhere.length)
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'handover-list',
        objectId: q.direction ?? 'all',
        legalBasis: HANDOVER_LIST_BASIS,
      });
    return page(items, sortValues, limit);
  });
}

export async function readHandover(db: Database, actor: Actor, handoverId: string) {
  const result = await asActor(db, actor, async (tx) => {
    const found = await findHandoverDetail(tx, actor, handoverId, dutchToday());
    if (!found) {
      // Logged as a denied attempt (committed); the caller cannot tell "denied" from "does not exist".
      await recordAccess(tx, actor, { action: 'read', objectType: 'handover', objectId: handoverId, outcome: 'denied' });
      return null;
    }
    const { regionId, toRegionId, packagePersons, ...h } = found;
    const mayAnswer = h.direction === 'incoming' && h.status === 'pending' && !h.overdue && hasPermission(actor, 'handover:respond');
    const fromElsewhere = regionId !== actor.regionId;
    if (fromElsewhere) {
      // The package's persons are of the sender's region: their log is there; ours names the handover.
      await lockAuditChains(tx, [regionId]);
      await auditReadsElsewhere(tx, actor, [{ regionId, id: handoverId }], auditWho(actor));
    }
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'handover',
      objectId: handoverId,
      personIds: fromElsewhere ? [] : h.persons.map((p) => p.personId),
      legalBasis: h.legalBasis,
      careRelation: true,
      consent: h.legalBasis === 'consent',
    });
    const arrival = fromElsewhere && mayAnswer ? await arrivalOf(tx, actor, packagePersons, handoverId) : null;
    const resultFamilyId = !h.resultCaseId
      ? null
      : !isCrossRegion({ regionId, toRegionId })
        ? h.familyId
        : fromElsewhere
          ? await familyOfCase(tx, actor.regionId, h.resultCaseId)
          : null;
    return {
      ...h,
      resultCaseId: fromElsewhere || !isCrossRegion({ regionId, toRegionId }) ? h.resultCaseId : null,
      resultFamilyId,
      mayRespond: mayAnswer,
      arrival,
    };
  });
  if (!result) throw refusalAudited(notFound('handover'));
  return result;
}

async function familyOfCase(tx: Tx, regionId: string, caseId: string): Promise<string | null> {
  const rows = await tx.query<{ family_id: string }>(`SELECT family_id FROM cases WHERE region_id = $1 AND id = $2`, [regionId, caseId]);
  return rows[0]?.family_id ?? null;
}

/** Loads and locks a handover for the receiver's answer; the checks every answer shares. */
export async function lockForAnswer(tx: Tx, actor: Actor, handoverId: string, version: number | undefined): Promise<HandoverRow> {
  const seen = await findHandoverRow(tx, actor.regionId, handoverId);
  if (!seen) throw notFound('handover');
  if (!mayRespond(actor, { toRegionId: seen.to_region_id, toOrganisationId: seen.to_organisation_id }))
    throw new Forbidden({
      nl: 'Alleen de ontvangende organisatie kan een overdracht aanvaarden of weigeren.',
      en: 'Only the receiving organisation can accept or refuse a handover.',
    });
  // Both audit chains before anything else, when the answer writes in the sender's region too.
  if (seen.region_id !== actor.regionId) await lockAuditChains(tx, [seen.region_id]);
  const h = await lockHandoverRow(tx, seen.region_id, handoverId);
  if (!h) throw notFound('handover');
  if (h.status === 'accepted')
    throw new Conflict(
      'already_accepted',
      { nl: 'Deze overdracht is al aanvaard.', en: 'This handover has already been accepted.' },
      'version',
    );
  if (h.status === 'refused')
    throw new Conflict(
      'already_refused',
      { nl: 'Deze overdracht is al geweigerd.', en: 'This handover has already been refused.' },
      'version',
    );
  if (h.status === 'expired' || isOverdue(h.accept_due_on, dutchToday()))
    throw new Conflict(
      'expired',
      {
        nl: `De termijn om te reageren is verlopen (uiterlijk ${h.accept_due_on}). De afzender blijft verantwoordelijk en kan opnieuw overdragen.`,
        en: `The deadline to answer has passed (${h.accept_due_on}). The sender stays responsible and can hand over again.`,
      },
      'version',
    );
  if (version !== undefined && h.version !== version) throw staleHandover();
  return h;
}

export async function refuseHandover(db: Database, actor: Actor, handoverId: string, body: z.infer<typeof RefuseHandoverBody>) {
  return asActor(db, actor, async (tx) => {
    const h = await lockForAnswer(tx, actor, handoverId, body.version);
    const version = await setAnswer(tx, h.region_id, h.id, h.version, {
      status: 'refused',
      userId: actor.userId,
      refusalReason: body.reason,
    });
    if (version === null) throw staleHandover();
    // A handed-over signal goes back to the sender's triage queue: "refused — new decision needed".
    if (h.signal_id) await signalBackAfterRefusal(tx, h.region_id, h.id);
    if (h.region_id !== actor.regionId) {
      // From another region: the sender's timeline, log and inbox are written there; here the log names the handover.
      await finishSenderSide(tx, h, { status: 'refused', reason: body.reason }, auditWho(actor));
      await auditHandoverUpdate(tx, actor, h);
      return { id: h.id, version, status: 'refused' as const, acceptDueOn: h.accept_due_on, caseId: null };
    }
    const to = await findOrganisation(tx, actor.regionId, h.to_organisation_id);
    if (h.family_id)
      await appendEvent(tx, actor, {
        familyId: h.family_id,
        caseId: h.case_id,
        kind: 'handover_refused',
        params: { by: { name: to?.name ?? '' }, reason: body.reason },
        data: { handoverId: h.id },
      });
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'handover',
      objectId: h.id,
      personIds: h.persons.map((p) => p.personId),
      legalBasis: h.legal_basis,
      careRelation: true,
    });
    await notify(tx, {
      regionId: actor.regionId,
      userIds: [h.from_user_id, ...(await teamLeadsOf(tx, actor.regionId, h.from_organisation_id))],
      kind: 'handover_refused',
      params: { by: { name: to?.name ?? '' } },
      link: `/overdrachten/${h.id}`,
      dedupeKey: `handover-refused:${h.id}`,
    });
    return { id: h.id, version, status: 'refused' as const, acceptDueOn: h.accept_due_on, caseId: h.case_id };
  });
}

/**
 * The organisations that may receive this kind of handover from the actor (for the send screen):
 * those of the actor's own region first, then those of the other regions, by region.
 */
export async function handoverReceivers(db: Database, actor: Actor, subject: HandoverSubject) {
  return asActor(db, actor, async (tx) => ({
    items: [
      ...(await organisationsOfTypes(tx, actor.regionId, HANDOVER_RECEIVERS[subject], actor.organisationId)),
      ...(await organisationsElsewhere(tx, HANDOVER_RECEIVERS[subject])),
    ],
  }));
}

/**
 * The deadline sweep (src/jobs.ts): an overdue pending handover expires, once, and the team
 * leads of both organisations and the sender hear of it. The sender stays responsible.
 */
export async function expireOverdueHandovers(db: Database, now: Date = new Date()): Promise<number> {
  return asSystem(db, 'handover-deadlines', async (tx) => {
    const rows = await tx.query<{
      region_id: string;
      id: string;
      from_organisation_id: string;
      to_region_id: string;
      to_organisation_id: string;
      from_user_id: string;
    }>(
      `SELECT region_id, id, from_organisation_id, to_region_id, to_organisation_id, from_user_id FROM regie.expire_overdue_handovers($1::date)`,
      [dutchToday(now)],
    );
    for (const h of rows) {
      const message = {
        kind: 'handover_expired' as const,
        params: {},
        link: `/overdrachten/${h.id}`,
        dedupeKey: `handover-expired:${h.id}`,
      };
      // The sweep has no actor, so it writes in both regions of a handover between regions.
      const senderSide = [...(await teamLeadsOf(tx, h.region_id, h.from_organisation_id)), h.from_user_id];
      const receiverSide = await teamLeadsOf(tx, h.to_region_id, h.to_organisation_id);
      if (h.to_region_id === h.region_id) {
        await notify(tx, { regionId: h.region_id, userIds: [...senderSide, ...receiverSide], ...message });
      } else {
        await notify(tx, { regionId: h.region_id, userIds: senderSide, ...message });
        await notify(tx, { regionId: h.to_region_id, userIds: receiverSide, ...message });
      }
    }
    return rows.length;
  });
}
