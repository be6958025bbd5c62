// Use cases for signals (meldingen): record one, the triage queue, read one. One transaction per
// use case; the audit rows, timeline event and chain moment are written in it. `now` is a
// parameter so that deadlines in working days can be tested on any date.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { addWorkingDays, dutchToday, workingDaysBetween, type HolidayRules } from '../../platform/time/working-days.js';
import { holidayRulesOf } from '../../platform/time/region-calendar.js';
import { appendEvent } from '../timeline/timeline.js';
import { recordMoment } from '../leadtimes/moments.js';
import { notify, teamLeadsOf } from '../notifications/notify.js';
import { accessAudit, familyAccess } from '../../platform/access/family-access.js';
import { maySeeSignal, mayTriage, type SignalView } from './signals.access.js';
import {
  findSignal,
  insertSignal,
  listSignals as listRows,
  nextReference,
  organisationExists,
  resolveSubject,
  signalSettings,
  subjectsOf,
  AWAITS_DECISION,
  type SignalRecord,
  type Subject,
  type Urgency,
} from './signals.repo.js';
import {
  addressCandidates,
  caseCoordinator,
  closedCaseOf,
  withOpenProposals,
  findTriage,
  insertProposalAnswer,
  linkToCase,
  lowerUrgency as setLowerUrgency,
} from './triage.repo.js';
import { listAttachments } from './attachments.repo.js';
import type { CreateSignalBody, FamilyProposalBody, LowerUrgencyBody, SignalListQuery } from './signals.contract.js';
import { refusalAudited } from '../../platform/audit/refusals.js';
import { handoverRefusals } from '../handovers/signal-refusals.js';

const NO_SUBJECT: Subject = { personId: null, familyId: null, openCaseId: null, lastClosedAt: null, personIds: [] };
/** Processing a signal is the receiving organisation's statutory task (Jeugdwet, Wmo, Meldcode). */
const SIGNAL_BASIS = 'statutory_task';

/** The deadline for triage: n working days from the day of receipt, n per urgency and region. */
export async function triageDeadline(tx: Tx, regionId: string, urgency: Urgency, today: string): Promise<string> {
  const settings = await signalSettings(tx, regionId);
  return addWorkingDays(today, settings.workingDays[urgency], await holidayRulesOf(tx, regionId));
}

/** A repeat within 12 months after the family's last case closed counts as a re-report. */
export function isReReport(subject: Subject, now: Date): boolean {
  if (subject.openCaseId || !subject.lastClosedAt) return false;
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  return subject.lastClosedAt > yearAgo;
}

const URGENCY_RANK: Record<Urgency, number> = { normal: 0, high: 1, acute: 2 };

/** A Meldcode checklist counts as filled when any step is done or has notes. */
export function meldcodeFilled(steps: Record<string, { done?: boolean; notes?: string } | undefined> | undefined): boolean {
  return Object.values(steps ?? {}).some((st) => !!st && (st.done || !!st.notes?.trim()));
}

/**
 * Safety concerns or a filled Meldcode make a signal at least "high": such a worry must not wait
 * ten working days because the reporter ticked "normal". Returns the urgency to keep and, when
 * raised, what the reporter chose (kept beside it and shown).
 */
export function raisedUrgency(
  chosen: Urgency,
  safetyAtStake: boolean,
  steps?: Record<string, { done?: boolean; notes?: string } | undefined>,
): { urgency: Urgency; reported: Urgency | null } {
  if ((safetyAtStake || meldcodeFilled(steps)) && URGENCY_RANK[chosen] < URGENCY_RANK.high) return { urgency: 'high', reported: chosen };
  return { urgency: chosen, reported: null };
}

/**
 * A signal linked to an open case tells the case's coordinator, once per signal however it was
 * linked (on receipt, by a confirmed proposal, or by triage); the title holds no citizen data.
 */
export async function notifyCoordinatorOfSignal(tx: Tx, regionId: string, caseId: string, signalId: string, reference: string) {
  const coordinator = await caseCoordinator(tx, regionId, caseId);
  if (!coordinator) return;
  await notify(tx, {
    regionId,
    userIds: [coordinator],
    kind: 'signal_linked',
    params: { reference },
    link: `/meldingen/${signalId}`,
    dedupeKey: `signal-linked:${signalId}`,
  });
}

/** Overdue: still open after the day of its deadline. Days left count working days. */
export function deadlineState(status: string, dueOn: string, today: string, rules?: HolidayRules) {
  const overdue = status === 'open' && dueOn < today;
  const days = workingDaysBetween(today, dueOn, rules);
  return { overdue, daysLeft: overdue ? Math.min(days, -1) : days };
}

async function visibleToActor(tx: Tx, table: 'persons' | 'families', regionId: string, id: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM ${table} WHERE region_id = $1 AND id = $2`, [regionId, id])).length > 0;
}

export async function createSignal(db: Database, actor: Actor, body: z.infer<typeof CreateSignalBody>, now = new Date()) {
  return asActor(db, actor, async (tx) => {
    if (!(await organisationExists(tx, actor.regionId, body.receivingOrganisationId)))
      throw new Invalid('unknown_organisation', 'receivingOrganisationId', {
        nl: 'Deze organisatie bestaat niet in uw regio.',
        en: 'This organisation does not exist in your region.',
      });
    // A person or family named by id must be one the reporter may see (row-level security): one
    // outside their access answers exactly like an id that was never used.
    if (body.personId && !(await visibleToActor(tx, 'persons', actor.regionId, body.personId)))
      throw new Invalid('unknown_person', 'personId', {
        nl: 'Deze persoon is niet gevonden in uw regio.',
        en: 'This person was not found in your region.',
      });
    if (body.familyId && !(await visibleToActor(tx, 'families', actor.regionId, body.familyId)))
      throw new Invalid('unknown_family', 'familyId', {
        nl: 'Dit gezin is niet gevonden in uw regio.',
        en: 'This family was not found in your region.',
      });
    const subject =
      body.personId || body.bsn || body.familyId
        ? await resolveSubject(tx, actor.regionId, { personId: body.personId, bsn: body.bsn, familyId: body.familyId })
        : NO_SUBJECT;

    const today = dutchToday(now);
    const id = randomUUID();
    const reference = await nextReference(tx, actor.regionId, Number(today.slice(0, 4)));
    const meldcodeSteps = body.safetyAtStake ? (body.meldcodeSteps ?? {}) : {};
    const { urgency, reported } = raisedUrgency(body.urgency, body.safetyAtStake, meldcodeSteps);
    const triageDueOn = await triageDeadline(tx, actor.regionId, urgency, today);
    const caseId = subject.openCaseId;
    const reReport = isReReport(subject, now);
    const reReportCase = reReport ? await closedCaseOf(tx, actor.regionId, { familyId: subject.familyId }) : null;
    await insertSignal(tx, {
      regionId: actor.regionId,
      id,
      reference,
      receivingOrganisationId: body.receivingOrganisationId,
      source: body.source,
      reporterUserId: actor.userId,
      personId: subject.personId,
      familyId: subject.familyId,
      // The BSN the reporter gave is kept whether or not it matched anybody: a signal about a known
      // person reads back to its reporter exactly like one about a person Regie does not know yet.
      subjectBsn: body.bsn ?? null,
      subjectDescription: body.subjectDescription,
      subjectPlace: body.subjectPlace,
      whatSeen: body.whatSeen,
      concerns: body.concerns ?? {},
      safetyAtStake: body.safetyAtStake,
      meldcodeSteps,
      urgency,
      urgencyReported: reported,
      triageDueOn,
      caseId,
      reReport,
      reReportCaseId: reReportCase?.caseId ?? null,
      receivedAt: now,
      subjectPersons: body.subjectPersons,
      subjectAddress: body.subjectAddress ?? null,
    });
    if (caseId && subject.familyId) {
      // The case team sees that a signal came in; the content stays on the signal itself.
      await appendEvent(tx, actor, {
        familyId: subject.familyId,
        caseId,
        kind: 'signal_received_linked',
        params: { reference },
        data: { signalId: id, reference, source: body.source, urgency },
      });
      await notifyCoordinatorOfSignal(tx, actor.regionId, caseId, id, reference);
    }
    await recordMoment(tx, {
      regionId: actor.regionId,
      organisationId: body.receivingOrganisationId,
      moment: 'received',
      signalId: id,
      caseId,
      familyId: subject.familyId,
      userId: actor.userId,
      at: now,
    });
    if (urgency === 'acute') await notifyUrgent(tx, actor.regionId, body.receivingOrganisationId, id, reference, 'acute');
    await recordAccess(tx, actor, {
      action: 'create',
      objectType: 'signal',
      objectId: id,
      personIds: subject.personIds,
      legalBasis: SIGNAL_BASIS,
    });
    return { id, reference, triageDueOn, status: 'open' as const };
  });
}

/** An acute signal, or a citizen's worry about safety, cannot wait for the overdue sweep: the team leads hear of it at once. */
export async function notifyUrgent(
  tx: Tx,
  regionId: string,
  organisationId: string,
  signalId: string,
  reference: string,
  why: 'acute' | 'safety',
) {
  await notify(tx, {
    regionId,
    userIds: await teamLeadsOf(tx, regionId, organisationId),
    kind: why === 'acute' ? 'signal_acute' : 'signal_safety',
    params: { reference },
    link: `/meldingen/${signalId}`,
    dedupeKey: `signal-urgent:${signalId}`,
  });
}

export async function listSignals(db: Database, actor: Actor, q: z.infer<typeof SignalListQuery>, now = new Date()) {
  const scope = q.scope ?? 'queue';
  if (scope === 'queue' && q.organisationId && q.organisationId !== actor.organisationId)
    throw new Forbidden({
      nl: 'U kunt alleen de triagelijst van uw eigen organisatie bekijken.',
      en: 'You can only view the triage queue of your own organisation.',
    });
  const limit = q.limit ?? 25;
  const after = decodeCursor(q.cursor, 'date');
  const status = q.status ?? (scope === 'queue' ? 'open' : 'all');
  const today = dutchToday(now);
  // Whether a signal is a re-report is the triage team's to know: the reporter's own list shows
  // every signal as "no re-report", so it filters as it shows (none are, all are not).
  if (scope === 'reported' && q.reReport === 'true') return { today, nextCursor: null, items: [] };
  return asActor(db, actor, async (tx) => {
    const rows = await listRows(tx, {
      regionId: actor.regionId,
      limit,
      after,
      organisationId: scope === 'queue' ? actor.organisationId : undefined,
      reporterUserId: scope === 'reported' ? actor.userId : undefined,
      status: status === 'all' ? undefined : status,
      overdueBefore: q.overdue === 'true' ? today : undefined,
      reReport: scope === 'queue' && q.reReport ? q.reReport === 'true' : undefined,
    });
    const result = page(
      rows,
      rows.map((r) => r.triageDueOn),
      limit,
    );
    const subjects = await subjectsOf(
      tx,
      actor.regionId,
      result.items.map((s) => s.id),
    );
    const triageView = scope === 'queue';
    const rules = await holidayRulesOf(tx, actor.regionId);
    const proposed = triageView
      ? await withOpenProposals(
          tx,
          actor.regionId,
          result.items.filter((s) => s.status === 'open' && s.subjectAddress).map((s) => s.id),
        )
      : new Set<string>();
    const back = result.items.filter((s) => s.status === 'handover_refused' || s.status === 'handover_expired').map((s) => s.id);
    const refusals = triageView ? await handoverRefusals(tx, actor.regionId, back) : new Map();
    if (result.items.length) {
      // One audit row per person shown; a list of signals about unknown persons still leaves one row.
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'signal-list',
        objectId: scope,
        personIds: result.items.flatMap((s) => subjects.get(s.id)?.personIds ?? []),
        legalBasis: SIGNAL_BASIS,
      });
    }
    return {
      today,
      nextCursor: result.nextCursor,
      items: result.items.map((s) => ({
        id: s.id,
        reference: s.reference,
        receivedAt: s.receivedAt,
        source: s.source as never,
        urgency: s.urgency,
        triageDueOn: s.triageDueOn,
        ...deadlineState(s.status, s.triageDueOn, today, rules),
        status: s.status,
        safetyAtStake: s.safetyAtStake,
        // What the reporter is not told (see readSignal): whether a case exists, and the name behind a BSN.
        reReport: triageView ? s.reReport : false,
        linkedToCase: triageView ? s.caseId !== null : false,
        subject: triageView ? (subjects.get(s.id)?.label ?? null) : s.subjectDescription,
        receivingOrganisationName: s.receivingOrganisationName,
        possiblySameFamily: proposed.has(s.id),
        handoverRefusal: refusals.get(s.id) ?? null,
      })),
    };
  });
}

async function viewOf(
  tx: Tx,
  actor: Actor,
  s: SignalRecord,
): Promise<{ view: SignalView; legalBasis?: string; breakGlass: boolean; reason?: string }> {
  // The family question is only asked when it can change the answer (a linked case, another organisation).
  const access =
    s.caseId && s.familyId && s.receivingOrganisationId !== actor.organisationId ? await familyAccess(tx, actor, s.familyId) : null;
  // Row-level security let the actor see the signal; a view of null can only be a visibility added later (handovers): show the least.
  const view = maySeeSignal(actor, s, !!access?.allowed) ?? 'reporter';
  if (view === 'case_team') {
    const a = accessAudit(access!);
    return { view, legalBasis: a.legalBasis, breakGlass: !!a.breakGlass, reason: a.reason };
  }
  return { view, legalBasis: SIGNAL_BASIS, breakGlass: false };
}

export async function readSignal(db: Database, actor: Actor, signalId: string, now = new Date()) {
  const today = dutchToday(now);
  const result = await asActor(db, actor, async (tx) => {
    const s = await findSignal(tx, actor.regionId, signalId);
    if (!s) {
      await recordAccess(tx, actor, { action: 'read', objectType: 'signal', objectId: signalId, outcome: 'denied' });
      return null;
    }
    const { view, legalBasis, breakGlass, reason } = await viewOf(tx, actor, s);
    const subject = (await subjectsOf(tx, actor.regionId, [s.id])).get(s.id) ?? { personIds: [], label: null };
    const [triage, attachments] = await Promise.all([findTriage(tx, actor.regionId, s.id), listAttachments(tx, actor.regionId, s.id)]);
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'signal',
      objectId: s.id,
      personIds: subject.personIds,
      legalBasis,
      careRelation: view === 'case_team',
      breakGlass,
      reason,
    });
    const full = view !== 'reporter';
    const rules = await holidayRulesOf(tx, actor.regionId);
    // Proposals are the triage team's: open ones while the signal waits for triage, confirmed ones always; rejected ones never again.
    const proposals =
      view === 'triage' && s.subjectAddress
        ? (await addressCandidates(tx, actor.regionId, s.id)).filter(
            (c) => c.decision === 'confirmed' || (c.decision === null && s.status === 'open'),
          )
        : [];
    // Showing a proposal names another family: one audit row per person it concerns.
    if (proposals.length)
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'signal-family-proposals',
        objectId: s.id,
        personIds: proposals.flatMap((c) => c.personIds),
        legalBasis: SIGNAL_BASIS,
      });
    // The family page opens only for its case team: the triage team that opened a case is not on it.
    const mayOpenFamily = full && !!s.familyId && (view === 'case_team' || (await familyAccess(tx, actor, s.familyId)).allowed);
    const reReportCase =
      full && s.reReport
        ? await closedCaseOf(tx, actor.regionId, { caseId: s.reReportCaseId, familyId: s.reReportCaseId ? null : s.familyId })
        : null;
    return {
      id: s.id,
      reference: s.reference,
      status: s.status,
      version: s.version,
      source: s.source as never,
      receivingOrganisation: { id: s.receivingOrganisationId, name: s.receivingOrganisationName },
      reporter: {
        userId: s.reporterUserId,
        name: s.reporterUserId ? s.reporterUserName : s.reporterName,
        organisationName: s.reporterOrganisationName,
        contact: s.reporterContact,
      },
      // A reporter who gave a BSN is not told the name behind it, nor whether the family has a case.
      subject: {
        label: full ? subject.label : s.subjectDescription,
        personId: full ? s.personId : null,
        familyId: full ? s.familyId : null,
        bsn: s.subjectBsn,
        description: s.subjectDescription,
        place: s.subjectPlace,
        persons: s.subjectPersons,
        address: s.subjectAddress,
      },
      whatSeen: s.whatSeen,
      concerns: s.concerns,
      safetyAtStake: s.safetyAtStake,
      meldcodeSteps: s.meldcodeSteps,
      urgency: s.urgency,
      receivedAt: s.receivedAt,
      triageDueOn: s.triageDueOn,
      ...deadlineState(s.status, s.triageDueOn, today, rules),
      caseId: full ? s.caseId : null,
      reReport: full ? s.reReport : null,
      reReportCase,
      urgencyChange:
        s.urgencyReported || s.urgencyLowered
          ? {
              reported: s.urgencyReported ?? s.urgency,
              raised: !!s.urgencyReported,
              lowered: full ? s.urgencyLowered : s.urgencyLowered && { ...s.urgencyLowered, reason: '', byName: null },
            }
          : null,
      proposals: proposals.map((c) => ({
        kind: c.kind,
        signalId: c.signalId,
        reference: c.reference,
        caseId: c.caseId,
        familyId: c.familyId,
        label: c.label,
        coordinatorName: c.coordinatorName,
        status: c.decision === 'confirmed' ? ('confirmed' as const) : ('proposed' as const),
      })),
      triage: full ? triage : null,
      attachments,
      handoverRefusal:
        view === 'triage' && (s.status === 'handover_refused' || s.status === 'handover_expired')
          ? ((await handoverRefusals(tx, actor.regionId, [s.id])).get(s.id) ?? null)
          : null,
      access: {
        mayTriage: view === 'triage' && AWAITS_DECISION.includes(s.status),
        mayAddAttachment: view === 'triage' || s.reporterUserId === actor.userId,
        mayLowerUrgency: view === 'triage' && AWAITS_DECISION.includes(s.status) && s.urgency !== 'normal',
        mayOpenFamily,
        view,
      },
    };
  });
  if (!result) throw refusalAudited(new NotFound('signal', signalId));
  return result;
}

export async function readSettings(db: Database, actor: Actor) {
  return asActor(db, actor, (tx) => signalSettings(tx, actor.regionId));
}

const ONLY_TRIAGE = {
  nl: 'Alleen professionals van de ontvangende organisatie kunnen dit bij deze melding doen.',
  en: 'Only professionals of the receiving organisation can do this for this signal.',
};

/**
 * Loads a signal for a change by its triage team: 404 (audited) when the actor cannot see it,
 * 403 when they see it but are not of the receiving organisation, 409 on a stale version or once triaged.
 */
async function signalForTriageChange(
  tx: Tx,
  actor: Actor,
  signalId: string,
  version: number,
  objectType: string,
): Promise<SignalRecord | 'not_found' | 'forbidden'> {
  const seen = await findSignal(tx, actor.regionId, signalId);
  if (!seen || !mayTriage(actor, seen)) {
    await recordAccess(tx, actor, { action: 'update', objectType, objectId: signalId, outcome: 'denied' });
    return seen ? 'forbidden' : 'not_found';
  }
  const s = (await findSignal(tx, actor.regionId, signalId, true))!;
  if (s.version !== version) throw new StaleVersion('signal');
  if (s.status !== 'open')
    throw new Conflict('already_triaged', { nl: 'Deze melding is al getrieerd.', en: 'This signal has already been triaged.' }, 'version');
  return s;
}

function refused(outcome: 'not_found' | 'forbidden', signalId: string): never {
  if (outcome === 'not_found') throw refusalAudited(new NotFound('signal', signalId));
  throw refusalAudited(new Forbidden(ONLY_TRIAGE));
}

/**
 * The triaging professional answers "possibly the same family": confirmed, the signal is linked
 * to the open case (whose coordinator is told once) or to the other signal; rejected, the
 * proposal is never made again. Either answer is an audited action.
 */
export async function answerFamilyProposal(db: Database, actor: Actor, signalId: string, body: z.infer<typeof FamilyProposalBody>) {
  const outcome = await asActor(db, actor, async (tx) => {
    const s = await signalForTriageChange(tx, actor, signalId, body.version, 'signal-family-proposal');
    if (typeof s === 'string') return s;
    const field = body.caseId ? 'caseId' : 'otherSignalId';
    const c = (await addressCandidates(tx, actor.regionId, s.id)).find((x) =>
      body.caseId ? x.caseId === body.caseId : x.signalId === body.otherSignalId,
    );
    if (!c)
      throw new Invalid('no_proposal', field, {
        nl: 'Dit is geen voorstel voor deze melding (geen open melding of open dossier op hetzelfde adres).',
        en: 'This is not a proposal for this signal (no open signal or open case at the same address).',
      });
    const answered = { nl: 'Op dit voorstel is al geantwoord.', en: 'This proposal has already been answered.' };
    if (c.decision) throw new Conflict('already_answered', answered, field);
    if (body.decision === 'confirmed' && c.kind === 'case' && s.caseId)
      throw new Conflict(
        'already_linked',
        { nl: 'Deze melding is al aan een dossier gekoppeld.', en: 'This signal is already linked to a case.' },
        field,
      );
    if (
      !(await insertProposalAnswer(tx, {
        regionId: actor.regionId,
        id: randomUUID(),
        signalId: s.id,
        otherSignalId: c.signalId,
        caseId: c.caseId,
        decision: body.decision,
        decidedBy: actor.userId,
        organisationId: actor.organisationId,
      }))
    )
      throw new Conflict('already_answered', answered, field);
    let version = s.version;
    let caseId = s.caseId;
    if (body.decision === 'confirmed' && c.kind === 'case' && c.caseId && c.familyId) {
      const v = await linkToCase(tx, actor.regionId, s.id, s.version, c.caseId, c.familyId);
      if (v === null) throw new StaleVersion('signal');
      version = v;
      caseId = c.caseId;
      await appendEvent(tx, actor, {
        familyId: c.familyId,
        caseId: c.caseId,
        kind: 'signal_linked_by_address',
        params: { reference: s.reference },
        data: { signalId: s.id, reference: s.reference, via: 'address' },
      });
      await notifyCoordinatorOfSignal(tx, actor.regionId, c.caseId, s.id, s.reference);
    }
    const personIds = (await subjectsOf(tx, actor.regionId, [s.id])).get(s.id)?.personIds ?? [];
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'signal-family-proposal',
      objectId: s.id,
      personIds,
      legalBasis: SIGNAL_BASIS,
      reason: `${body.decision}:${c.kind}:${c.caseId ?? c.signalId}`,
    });
    return { decision: body.decision, caseId, version };
  });
  if (typeof outcome === 'string') refused(outcome, signalId);
  return outcome;
}

/**
 * The triaging professional lowers an urgency (raised by Regie or chosen by the reporter), with a
 * reason that is stored, audited and shown; the deadline follows from the day of receipt.
 */
export async function lowerSignalUrgency(db: Database, actor: Actor, signalId: string, body: z.infer<typeof LowerUrgencyBody>) {
  const outcome = await asActor(db, actor, async (tx) => {
    const s = await signalForTriageChange(tx, actor, signalId, body.version, 'signal-urgency');
    if (typeof s === 'string') return s;
    if (URGENCY_RANK[body.urgency] >= URGENCY_RANK[s.urgency])
      throw new Invalid('not_lower', 'urgency', {
        nl: 'Kies een lagere urgentie dan de huidige.',
        en: 'Choose an urgency lower than the current one.',
      });
    const triageDueOn = await triageDeadline(tx, actor.regionId, body.urgency, dutchToday(new Date(s.receivedAt)));
    const version = await setLowerUrgency(tx, actor.regionId, s.id, s.version, {
      urgency: body.urgency,
      reason: body.reason,
      by: actor.userId,
      triageDueOn,
    });
    if (version === null) throw new StaleVersion('signal');
    const personIds = (await subjectsOf(tx, actor.regionId, [s.id])).get(s.id)?.personIds ?? [];
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'signal-urgency',
      objectId: s.id,
      personIds,
      legalBasis: SIGNAL_BASIS,
      reason: `${s.urgency}->${body.urgency}`,
    });
    return { urgency: body.urgency, triageDueOn, version };
  });
  if (typeof outcome === 'string') refused(outcome, signalId);
  return outcome;
}
