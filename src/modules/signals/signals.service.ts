// Use cases for signals (meldingen): record one, the triage queue, read one. One transaction per
// use case; the audit rows, timeline event and chain moment are written in it. `now` is a
// parameter so that deadlines in working days can be tested on any date.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Forbidden, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { addWorkingDays, dutchToday, workingDaysBetween } from '../../platform/time/working-days.js';
import { appendEvent } from '../timeline/timeline.js';
import { recordMoment } from '../leadtimes/moments.js';
import { notify, teamLeadsOf } from '../notifications/notify.js';
import { accessAudit, familyAccess } from '../cases/cases.repo.js';
import { maySeeSignal, type SignalView } from './signals.access.js';
import {
  findSignal, findTriage, insertSignal, listAttachments, listSignals as listRows, nextReference, organisationExists, resolveSubject,
  signalSettings, subjectsOf, AWAITS_DECISION, type SignalRecord, type Status, type Subject, type Urgency,
} from './signals.repo.js';
import type { CreateSignalBody, SignalListQuery } from './signals.contract.js';
import { refusalAudited } from '../../platform/audit/refusals.js';
import { handoverRefusals } from '../handovers/signal-refusals.js';

const NO_SUBJECT: Subject = { personId: null, familyId: null, openCaseId: null, lastClosedAt: null, personIds: [] };
/** Processing a signal is the receiving organisation's statutory task (Jeugdwet, Wmo, Meldcode). */
const SIGNAL_BASIS = 'statutory_task';

/** The deadline for triage: n working days from the day of receipt, n per urgency and region. */
export async function triageDeadline(tx: Tx, regionId: string, urgency: Urgency, today: string): Promise<string> {
  const settings = await signalSettings(tx, regionId);
  return addWorkingDays(today, settings.workingDays[urgency]);
}

/** A repeat within 12 months after the family's last case closed counts as a re-report. */
export function isReReport(subject: Subject, now: Date): boolean {
  if (subject.openCaseId || !subject.lastClosedAt) return false;
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  return subject.lastClosedAt > yearAgo;
}

/** Overdue: still open after the day of its deadline. Days left count working days. */
export function deadlineState(status: string, dueOn: string, today: string) {
  const overdue = status === 'open' && dueOn < today;
  const days = workingDaysBetween(today, dueOn);
  return { overdue, daysLeft: overdue ? Math.min(days, -1) : days };
}

async function visibleToActor(tx: Tx, table: 'persons' | 'families', regionId: string, id: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM ${table} WHERE region_id = $1 AND id = $2`, [regionId, id])).length > 0;
}

export async function createSignal(db: Database, actor: Actor, body: z.infer<typeof CreateSignalBody>, now = new Date()) {
  return asActor(db, actor, async (tx) => {
    if (!(await organisationExists(tx, actor.regionId, body.receivingOrganisationId)))
      throw new Invalid('unknown_organisation', 'receivingOrganisationId', { nl: 'Deze organisatie bestaat niet in uw regio.', en: 'This organisation does not exist in your region.' });
    // A person or family named by id must be one the reporter may see (row-level security): one
    // outside their access answers exactly like an id that was never used.
    if (body.personId && !(await visibleToActor(tx, 'persons', actor.regionId, body.personId)))
      throw new Invalid('unknown_person', 'personId', { nl: 'Deze persoon is niet gevonden in uw regio.', en: 'This person was not found in your region.' });
    if (body.familyId && !(await visibleToActor(tx, 'families', actor.regionId, body.familyId)))
      throw new Invalid('unknown_family', 'familyId', { nl: 'Dit gezin is niet gevonden in uw regio.', en: 'This family was not found in your region.' });
    const subject = body.personId || body.bsn || body.familyId
      ? await resolveSubject(tx, actor.regionId, { personId: body.personId, bsn: body.bsn, familyId: body.familyId }) : NO_SUBJECT;

    const today = dutchToday(now);
    const id = randomUUID();
    const reference = await nextReference(tx, actor.regionId, Number(today.slice(0, 4)));
    const triageDueOn = await triageDeadline(tx, actor.regionId, body.urgency, today);
    const caseId = subject.openCaseId;
    await insertSignal(tx, {
      regionId: actor.regionId, id, reference, receivingOrganisationId: body.receivingOrganisationId, source: body.source, reporterUserId: actor.userId,
      personId: subject.personId, familyId: subject.familyId,
      // The BSN the reporter gave is kept whether or not it matched anybody: a signal about a known
      // person reads back to its reporter exactly like one about a person Regie does not know yet.
      subjectBsn: body.bsn ?? null, subjectDescription: body.subjectDescription, subjectPlace: body.subjectPlace,
      whatSeen: body.whatSeen, concerns: body.concerns ?? {}, safetyAtStake: body.safetyAtStake,
      meldcodeSteps: body.safetyAtStake ? body.meldcodeSteps ?? {} : {}, urgency: body.urgency, triageDueOn, caseId,
      reReport: isReReport(subject, now), receivedAt: now,
    });
    if (caseId && subject.familyId) {
      // The case team sees that a signal came in; the content stays on the signal itself.
      await appendEvent(tx, actor, { familyId: subject.familyId, caseId, type: 'signal_linked',
        summary: `Melding ${reference} ontvangen en gekoppeld aan het dossier`, data: { signalId: id, reference, source: body.source, urgency: body.urgency } });
    }
    await recordMoment(tx, { regionId: actor.regionId, organisationId: body.receivingOrganisationId, moment: 'received', signalId: id,
      caseId, familyId: subject.familyId, userId: actor.userId, at: now });
    if (body.urgency === 'acute') await notifyUrgent(tx, actor.regionId, body.receivingOrganisationId, id, reference, 'acute');
    await recordAccess(tx, actor, { action: 'create', objectType: 'signal', objectId: id, personIds: subject.personIds, legalBasis: SIGNAL_BASIS });
    return { id, reference, triageDueOn, status: 'open' as const };
  });
}

/** An acute signal, or a citizen's worry about safety, cannot wait for the overdue sweep: the team leads hear of it at once. */
export async function notifyUrgent(tx: Tx, regionId: string, organisationId: string, signalId: string, reference: string, why: 'acute' | 'safety') {
  const title = why === 'acute' ? { nl: `Acute melding ontvangen: ${reference}`, en: `Acute signal received: ${reference}` }
    : { nl: `Zorgmelding over veiligheid ontvangen: ${reference}`, en: `Concern about safety received: ${reference}` };
  await notify(tx, { regionId, userIds: await teamLeadsOf(tx, regionId, organisationId), kind: why === 'acute' ? 'signal_acute' : 'signal_safety', title,
    link: `/meldingen/${signalId}`, dedupeKey: `signal-urgent:${signalId}` });
}

export async function listSignals(db: Database, actor: Actor, q: z.infer<typeof SignalListQuery>, now = new Date()) {
  const scope = q.scope ?? 'queue';
  if (scope === 'queue' && q.organisationId && q.organisationId !== actor.organisationId)
    throw new Forbidden({ nl: 'U kunt alleen de triagelijst van uw eigen organisatie bekijken.', en: 'You can only view the triage queue of your own organisation.' });
  const limit = q.limit ?? 25;
  const after = decodeCursor(q.cursor, 'date');
  const status = q.status ?? (scope === 'queue' ? 'open' : 'all');
  const today = dutchToday(now);
  return asActor(db, actor, async (tx) => {
    const rows = await listRows(tx, { regionId: actor.regionId, limit, after,
      organisationId: scope === 'queue' ? actor.organisationId : undefined, reporterUserId: scope === 'reported' ? actor.userId : undefined,
      status: status === 'all' ? undefined : status as Status, overdueBefore: q.overdue === 'true' ? today : undefined });
    const result = page(rows, rows.map((r) => r.triageDueOn), limit);
    const subjects = await subjectsOf(tx, actor.regionId, result.items.map((s) => s.id));
    const triageView = scope === 'queue';
    const back = result.items.filter((s) => s.status === 'handover_refused' || s.status === 'handover_expired').map((s) => s.id);
    const refusals = triageView ? await handoverRefusals(tx, actor.regionId, back) : new Map();
    if (result.items.length) {
      // One audit row per person shown; a list of signals about unknown persons still leaves one row.
      await recordAccess(tx, actor, { action: 'read', objectType: 'signal-list', objectId: scope,
        personIds: result.items.flatMap((s) => subjects.get(s.id)?.personIds ?? []), legalBasis: SIGNAL_BASIS });
    }
    return {
      today, nextCursor: result.nextCursor,
      items: result.items.map((s) => ({
        id: s.id, reference: s.reference, receivedAt: s.receivedAt, source: s.source as never, urgency: s.urgency, triageDueOn: s.triageDueOn,
        ...deadlineState(s.status, s.triageDueOn, today), status: s.status, safetyAtStake: s.safetyAtStake,
        // What the reporter is not told (see readSignal): whether a case exists, and the name behind a BSN.
        reReport: triageView ? s.reReport : false, linkedToCase: triageView ? s.caseId !== null : false,
        subject: triageView ? subjects.get(s.id)?.label ?? null : s.subjectDescription, receivingOrganisationName: s.receivingOrganisationName,
        handoverRefusal: refusals.get(s.id) ?? null,
      })),
    };
  });
}

async function viewOf(tx: Tx, actor: Actor, s: SignalRecord): Promise<{ view: SignalView; legalBasis?: string; breakGlass: boolean; reason?: string }> {
  // The family question is only asked when it can change the answer (a linked case, another organisation).
  const access = s.caseId && s.familyId && s.receivingOrganisationId !== actor.organisationId ? await familyAccess(tx, actor, s.familyId) : null;
  // Row-level security let the actor see the signal; a view of null can only be a visibility added later (handovers): show the least.
  const view = maySeeSignal(actor, s, !!access?.allowed) ?? 'reporter';
  if (view === 'case_team') { const a = accessAudit(access!); return { view, legalBasis: a.legalBasis, breakGlass: !!a.breakGlass, reason: a.reason }; }
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
    await recordAccess(tx, actor, { action: 'read', objectType: 'signal', objectId: s.id, personIds: subject.personIds, legalBasis,
      careRelation: view === 'case_team', breakGlass, reason });
    const full = view !== 'reporter';
    return {
      id: s.id, reference: s.reference, status: s.status, version: s.version, source: s.source as never,
      receivingOrganisation: { id: s.receivingOrganisationId, name: s.receivingOrganisationName },
      reporter: { userId: s.reporterUserId, name: s.reporterUserId ? s.reporterUserName : s.reporterName,
        organisationName: s.reporterOrganisationName, contact: s.reporterContact },
      // A reporter who gave a BSN is not told the name behind it, nor whether the family has a case.
      subject: { label: full ? subject.label : s.subjectDescription, personId: full ? s.personId : null, familyId: full ? s.familyId : null,
        bsn: s.subjectBsn, description: s.subjectDescription, place: s.subjectPlace },
      whatSeen: s.whatSeen, concerns: s.concerns, safetyAtStake: s.safetyAtStake, meldcodeSteps: s.meldcodeSteps,
      urgency: s.urgency, receivedAt: s.receivedAt, triageDueOn: s.triageDueOn, ...deadlineState(s.status, s.triageDueOn, today),
      caseId: full ? s.caseId : null, reReport: full ? s.reReport : null,
      triage: full ? triage : null, attachments,
      handoverRefusal: view === 'triage' && (s.status === 'handover_refused' || s.status === 'handover_expired')
        ? (await handoverRefusals(tx, actor.regionId, [s.id])).get(s.id) ?? null : null,
      access: { mayTriage: view === 'triage' && AWAITS_DECISION.includes(s.status), mayAddAttachment: view === 'triage' || s.reporterUserId === actor.userId, view },
    };
  });
  if (!result) throw refusalAudited(new NotFound('signal', signalId));
  return result;
}

export async function readSettings(db: Database, actor: Actor) {
  return asActor(db, actor, (tx) => signalSettings(tx, actor.regionId));
}
