// SQL for handovers, inside an actor's transaction: row-level security shows a handover to the
// sending organisation (in its region) and the receiving organisation (in the receiving region,
// which may be another) only.
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
import type { LegalBasis } from '../../platform/access/actor.js';
import type { HandoverDetail, HandoverPerson, HandoverSummary } from './handovers.contract.js';
import { isOverdue, workingDaysLeft } from './handover-rules.js';
import { holidayRulesOf } from '../../platform/time/region-calendar.js';
import type { HolidayRules } from '../../platform/time/working-days.js';

type Summary = z.infer<typeof HandoverSummary>;
type Detail = Omit<z.infer<typeof HandoverDetail>, 'mayRespond' | 'arrival' | 'resultFamilyId'>;
/** A person of the information package as shown. */
export type Person = z.infer<typeof HandoverPerson>;
/** As stored: with the name in parts, so that a receiver in another region can register the person. */
export type PackagePerson = Person & { givenNames?: string; familyNamePrefix?: string | null; familyName?: string };
/** Who is looking: the viewer's region decides which side of a handover between regions they are on. */
export interface Viewer {
  regionId: string;
  organisationId: string;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const date = (v: unknown) => (v == null ? null : typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

export interface HandoverRow {
  region_id: string;
  to_region_id: string;
  id: string;
  case_id: string | null;
  signal_id: string | null;
  family_id: string | null;
  subject_label: string;
  from_organisation_id: string;
  from_user_id: string;
  to_organisation_id: string;
  status: 'pending' | 'accepted' | 'refused' | 'expired';
  accept_due_on: string;
  sent_at: string;
  version: number;
  legal_basis: LegalBasis;
  sender_access: 'ends' | 'continues';
  persons: PackagePerson[];
  result_case_id: string | null;
  to_user_id: string | null;
}

const ROW_COLUMNS = `h.region_id, h.to_region_id, h.id, h.case_id, h.signal_id, h.family_id, h.subject_label, h.from_organisation_id, h.from_user_id, h.to_organisation_id,
  h.status, h.accept_due_on::text AS accept_due_on, h.sent_at, h.version, h.legal_basis, h.sender_access, h.persons, h.result_case_id, h.to_user_id`;

export async function findOrganisation(tx: Tx, regionId: string, id: string) {
  const rows = await tx.query<{ id: string; name: string; type: string }>(
    `SELECT id, name, type FROM organisations WHERE region_id = $1 AND id = $2`,
    [regionId, id],
  );
  return rows[0] ?? null;
}

export interface Receiver {
  id: string;
  name: string;
  type: string;
  regionId: string;
  regionName: string;
}

/** Organisations of the actor's own region of the given types, except one. */
export async function organisationsOfTypes(tx: Tx, regionId: string, types: readonly string[], except: string): Promise<Receiver[]> {
  return tx.query<Receiver>(
    `SELECT o.id, o.name, o.type, o.region_id AS "regionId", g.name AS "regionName" FROM organisations o JOIN regions g ON g.id = o.region_id
      WHERE o.region_id = $1 AND o.type = ANY ($2::text[]) AND o.id <> $3 ORDER BY o.name`,
    [regionId, [...types], except],
  );
}

/** Organisations of the other regions (name, type, region; no personal data), of the given types or all. */
export async function organisationsElsewhere(tx: Tx, types: readonly string[] | null): Promise<Receiver[]> {
  return tx.query<Receiver>(
    `SELECT id, name, type, region_id AS "regionId", region_name AS "regionName" FROM regie.handover_receivers_elsewhere($1::text[])`,
    [types ? [...types] : null],
  );
}

export async function regionName(tx: Tx, regionId: string): Promise<string | null> {
  const rows = await tx.query<{ name: string }>(`SELECT name FROM regions WHERE id = $1`, [regionId]);
  return rows[0]?.name ?? null;
}

export async function pendingHandoverOf(tx: Tx, regionId: string, subject: { caseId?: string | null; signalId?: string | null }) {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM handovers WHERE region_id = $1 AND status = 'pending' AND (case_id = $2 OR signal_id = $3)`,
    [regionId, subject.caseId ?? null, subject.signalId ?? null],
  );
  return rows[0]?.id ?? null;
}

export async function insertHandover(
  tx: Tx,
  h: {
    regionId: string;
    toRegionId: string;
    id: string;
    caseId: string | null;
    signalId: string | null;
    familyId: string | null;
    subjectLabel: string;
    fromOrganisationId: string;
    fromUserId: string;
    toOrganisationId: string;
    reason: string;
    safetyAssessment: string;
    safetyNotes: string | null;
    knownInformation: string;
    persons: PackagePerson[];
    legalBasis: string;
    senderAccess: string;
    acceptDueOn: string;
    toUserId?: string | null;
  },
) {
  await tx.query(
    `INSERT INTO handovers (region_id, to_region_id, id, case_id, signal_id, family_id, subject_label, from_organisation_id, from_user_id, to_organisation_id,
        reason, safety_assessment, safety_notes, known_information, persons, legal_basis, sender_access, accept_due_on, to_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      h.regionId,
      h.toRegionId,
      h.id,
      h.caseId,
      h.signalId,
      h.familyId,
      h.subjectLabel,
      h.fromOrganisationId,
      h.fromUserId,
      h.toOrganisationId,
      h.reason,
      h.safetyAssessment,
      h.safetyNotes,
      h.knownInformation,
      JSON.stringify(h.persons),
      h.legalBasis,
      h.senderAccess,
      h.acceptDueOn,
      h.toUserId ?? null,
    ],
  );
}

/** The handover as the actor may see it (no lock): sent from, or to, the actor's region. */
export async function findHandoverRow(tx: Tx, actorRegionId: string, id: string): Promise<HandoverRow | null> {
  const rows = await tx.query<HandoverRow>(
    `SELECT ${ROW_COLUMNS} FROM handovers h WHERE h.id = $2 AND (h.region_id = $1 OR h.to_region_id = $1)`,
    [actorRegionId, id],
  );
  return rows[0] ?? null;
}

/** Locks the handover (in its own, the sender's, region) for an answer; only the receiving organisation gets a row (policy handovers_respond). */
export async function lockHandoverRow(tx: Tx, regionId: string, id: string): Promise<HandoverRow | null> {
  const rows = await tx.query<HandoverRow>(`SELECT ${ROW_COLUMNS} FROM handovers h WHERE h.region_id = $1 AND h.id = $2 FOR UPDATE`, [
    regionId,
    id,
  ]);
  return rows[0] ?? null;
}

/** Sets the answer, guarded by status and version: a second answer changes nothing. */
export async function setAnswer(
  tx: Tx,
  regionId: string,
  id: string,
  version: number,
  a: {
    status: 'accepted' | 'refused';
    userId: string;
    nomineeUserId?: string;
    refusalReason?: string;
    resultCaseId?: string | null;
  },
): Promise<number | null> {
  const rows = await tx.query<{ version: number }>(
    `UPDATE handovers SET status = $4, version = version + 1, responded_at = now(), responded_by = $5, nominee_user_id = $6,
            refusal_reason = $7, result_case_id = $8
      WHERE region_id = $1 AND id = $2 AND version = $3 AND status = 'pending' RETURNING version`,
    [regionId, id, version, a.status, a.userId, a.nomineeUserId ?? null, a.refusalReason ?? null, a.resultCaseId ?? null],
  );
  return rows[0]?.version ?? null;
}

export async function setResultCase(tx: Tx, regionId: string, id: string, caseId: string) {
  await tx.query(`UPDATE handovers SET result_case_id = $3 WHERE region_id = $1 AND id = $2`, [regionId, id, caseId]);
}

// Names of the other region's organisation and professionals come through regie.handover_parties():
// their own row-level security hides them from this region.
// The named receiving professional is of the sender's region (a handover between regions names none).
const SELECT_FULL = `
  SELECT h.*, h.accept_due_on::text AS due, p.*, tu.display_name AS to_user_name
    FROM handovers h CROSS JOIN LATERAL regie.handover_parties(h.region_id, h.id) p
    LEFT JOIN users tu ON tu.region_id = h.to_region_id AND tu.id = h.to_user_id`;

function toSummary(r: Record<string, any>, viewer: Viewer, today: string, rules: HolidayRules): Summary {
  const due = date(r.due)!;
  // The sender's case, signal and family ids mean nothing in the receiver's region (and are not its business).
  const own = r.region_id === viewer.regionId;
  return {
    id: r.id,
    subjectType: r.case_id ? 'case' : 'signal',
    caseId: own ? r.case_id : null,
    signalId: own ? r.signal_id : null,
    familyId: own ? r.family_id : null,
    subjectLabel: r.subject_label,
    direction: r.to_region_id === viewer.regionId && r.to_organisation_id === viewer.organisationId ? 'incoming' : 'outgoing',
    crossRegion: r.region_id !== r.to_region_id,
    fromOrganisation: {
      id: r.from_organisation_id,
      name: r.from_name,
      type: r.from_type,
      regionId: r.region_id,
      regionName: r.from_region_name,
    },
    toOrganisation: { id: r.to_organisation_id, name: r.to_name, type: r.to_type, regionId: r.to_region_id, regionName: r.to_region_name },
    senderName: r.sender_name,
    toUser: r.to_user_id && r.to_user_name ? { id: r.to_user_id, name: r.to_user_name } : null,
    sentAt: iso(r.sent_at)!,
    acceptDueOn: due,
    // Expired means the deadline passed unanswered: overdue by definition (the sweep may run late, the date decides too).
    workingDaysLeft: workingDaysLeft(due, today, rules),
    overdue: r.status === 'expired' || (r.status === 'pending' && isOverdue(due, today)),
    status: r.status,
    safetyAssessment: r.safety_assessment,
    version: r.version,
  };
}

export async function findHandoverDetail(
  tx: Tx,
  viewer: Viewer,
  id: string,
  today: string,
): Promise<(Detail & { regionId: string; toRegionId: string; packagePersons: PackagePerson[] }) | null> {
  const rows = await tx.query<Record<string, any>>(`${SELECT_FULL} WHERE h.id = $2 AND (h.region_id = $1 OR h.to_region_id = $1)`, [
    viewer.regionId,
    id,
  ]);
  const r = rows[0];
  if (!r) return null;
  return {
    ...toSummary(r, viewer, today, await holidayRulesOf(tx, viewer.regionId)),
    regionId: r.region_id,
    toRegionId: r.to_region_id,
    packagePersons: r.persons ?? [],
    reason: r.reason,
    safetyNotes: r.safety_notes,
    knownInformation: r.known_information,
    persons: shownPersons(r.persons),
    legalBasis: r.legal_basis,
    senderAccess: r.sender_access,
    respondedAt: iso(r.responded_at),
    respondedByName: r.responder_name ?? null,
    nomineeName: r.nominee_name ?? null,
    refusalReason: r.refusal_reason,
    resultCaseId: r.result_case_id,
  };
}

/** The package's persons as the API shows them (name parts are for registering them elsewhere). */
function shownPersons(persons: PackagePerson[] | null): Person[] {
  return (persons ?? []).map((p) => ({
    personId: p.personId,
    name: p.name,
    birthDate: p.birthDate ?? null,
    relation: p.relation ?? null,
    bsn: p.bsn ?? null,
  }));
}

/**
 * Incoming handovers are those to the viewer's organisation in the viewer's region (from any
 * region), outgoing ones those it sent from its own region. Each direction has its own index.
 */
export async function listHandoverRows(
  tx: Tx,
  o: {
    regionId: string;
    organisationId: string;
    direction?: 'incoming' | 'outgoing';
    status?: string;
    after?: [string, string];
    limit: number;
    today: string;
  },
) {
  const incoming = `h.to_region_id = $1 AND h.to_organisation_id = $2`;
  const outgoing = `h.region_id = $1 AND h.from_organisation_id = $2`;
  const which = o.direction === 'incoming' ? incoming : o.direction === 'outgoing' ? outgoing : `((${incoming}) OR (${outgoing}))`;
  const rows = await tx.query<Record<string, any>>(
    `${SELECT_FULL}
      WHERE ${which}
        AND ($3::text IS NULL OR h.status = $3)
        AND ($4::timestamptz IS NULL OR (h.sent_at, h.id) < ($4::timestamptz, $5::uuid))
      ORDER BY h.sent_at DESC, h.id DESC LIMIT $6`,
    [o.regionId, o.organisationId, o.status ?? null, o.after?.[0] ?? null, o.after?.[1] ?? null, o.limit + 1],
  );
  const shown = rows.slice(0, o.limit);
  // Days left are counted in the viewer's own calendar (its region's rule on 5 May).
  const rules = await holidayRulesOf(tx, o.regionId);
  return {
    items: rows.map((r) => toSummary(r, o, o.today, rules)),
    sortValues: rows.map((r) => iso(r.sent_at)!),
    // Persons of this region's handovers are logged here; those sent from another region are logged there.
    personIds: shown.filter((r) => r.region_id === o.regionId).flatMap((r) => (r.persons as Person[]).map((p) => p.personId)),
    /** The same persons per handover, with the legal basis the handover was sent on (for their audit rows). */
    shownPersons: shown
      .filter((r) => r.region_id === o.regionId)
      .map((r) => ({ legalBasis: r.legal_basis as LegalBasis, personIds: (r.persons as Person[]).map((p) => p.personId) })),
    fromElsewhere: shown.filter((r) => r.region_id !== o.regionId).map((r) => ({ regionId: r.region_id as string, id: r.id as string })),
  };
}

/** Persons of the family among the given ids, as the information package carries them (with the BSN when known). */
export async function familyPersons(tx: Tx, regionId: string, familyId: string, personIds: string[]): Promise<PackagePerson[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT p.id, p.bsn, p.given_names, p.family_name_prefix, p.family_name, p.birth_date::text AS birth_date, fm.relation
       FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE fm.region_id = $1 AND fm.family_id = $2 AND p.id = ANY ($3::uuid[])`,
    [regionId, familyId, personIds],
  );
  return rows.map(toPerson);
}

function toPerson(r: Record<string, any>): PackagePerson {
  return {
    personId: r.id ?? r.person_id,
    name: [r.given_names, r.family_name_prefix, r.family_name].filter(Boolean).join(' '),
    birthDate: date(r.birth_date),
    relation: r.relation ?? null,
    bsn: r.bsn ?? null,
    givenNames: r.given_names,
    familyNamePrefix: r.family_name_prefix ?? null,
    familyName: r.family_name,
  };
}

export interface SignalFacts {
  receivingOrganisationId: string;
  familyId: string | null;
  personId: string | null;
  status: string;
  reference: string;
}

export async function signalFacts(tx: Tx, regionId: string, signalId: string): Promise<SignalFacts | null> {
  const rows = await tx.query<Record<string, any>>(`SELECT * FROM regie.handover_signal($1, $2)`, [regionId, signalId]);
  const r = rows[0];
  return r
    ? {
        receivingOrganisationId: r.receiving_organisation_id,
        familyId: r.family_id,
        personId: r.person_id,
        status: r.status,
        reference: r.reference,
      }
    : null;
}

export async function signalPersons(tx: Tx, regionId: string, signalId: string): Promise<PackagePerson[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT person_id, given_names, family_name_prefix, family_name, birth_date::text AS birth_date, relation FROM regie.handover_signal_persons($1, $2)`,
    [regionId, signalId],
  );
  return rows.map(toPerson);
}

/** The BSNs of a signal's persons, only for the package of a handover to another region (migration 0092). */
export async function signalPersonBsns(tx: Tx, regionId: string, signalId: string): Promise<Map<string, string>> {
  const rows = await tx.query<{ person_id: string; bsn: string }>(`SELECT person_id, bsn FROM regie.handover_signal_person_bsns($1, $2)`, [
    regionId,
    signalId,
  ]);
  return new Map(rows.map((r) => [r.person_id, r.bsn]));
}

export async function linkSignalToCase(tx: Tx, regionId: string, signalId: string, caseId: string) {
  await tx.query(`SELECT regie.link_signal_to_case($1, $2, $3)`, [regionId, signalId, caseId]);
}

export async function familyName(tx: Tx, regionId: string, familyId: string): Promise<string | null> {
  const rows = await tx.query<{ name: string }>(`SELECT name FROM families WHERE region_id = $1 AND id = $2`, [regionId, familyId]);
  return rows[0]?.name ?? null;
}

/** Who hears of an incoming handover: the receiving organisation's team leads, else its coordinators. */
export async function receiversToNotify(tx: Tx, regionId: string, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string; lead: boolean }>(
    `SELECT id, 'team_lead' = ANY (roles) AS lead FROM users
      WHERE region_id = $1 AND organisation_id = $2 AND active AND ('team_lead' = ANY (roles) OR 'coordinator' = ANY (roles))`,
    [regionId, organisationId],
  );
  const leads = rows.filter((r) => r.lead);
  return (leads.length ? leads : rows).map((r) => r.id);
}

/** Ends the memberships of the sending organisation when the handover says its access ends. */
export async function endOrganisationMemberships(
  tx: Tx,
  regionId: string,
  caseId: string,
  organisationId: string,
  reason: string,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE case_team SET ended_at = now(), ended_reason = $4
      WHERE region_id = $1 AND case_id = $2 AND organisation_id = $3 AND ended_at IS NULL RETURNING id`,
    [regionId, caseId, organisationId, reason],
  );
  return rows.length;
}

export async function bumpCaseVersion(tx: Tx, regionId: string, caseId: string) {
  await tx.query(`UPDATE cases SET version = version + 1 WHERE region_id = $1 AND id = $2`, [regionId, caseId]);
}

/** One organisation of another region by id (and region, when given), through the narrow lookup of migration 0090. */
export async function findOrganisationElsewhere(tx: Tx, id: string, regionId?: string): Promise<Receiver | null> {
  const rows = await tx.query<Receiver>(
    `SELECT id, name, type, region_id AS "regionId", region_name AS "regionName" FROM regie.handover_receivers_elsewhere(NULL)
      WHERE id = $1 AND ($2::text IS NULL OR region_id = $2)`,
    [id, regionId ?? null],
  );
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

// The other region's side of a handover between regions is written by handovers.elsewhere.ts.

/** Takes the audit-chain heads of the actor's and the other regions in a fixed order (no deadlock between two directions). */
export async function lockAuditChains(tx: Tx, otherRegionIds: string[]) {
  await tx.query(`SELECT regie.lock_audit_chains($1::text[])`, [otherRegionIds]);
}

/** The person registered with this BSN in the actor's region (the survivor after a merge), whoever may see them. */
export async function personIdByBsn(tx: Tx, regionId: string, bsn: string): Promise<string | null> {
  const rows = await tx.query<{ id: string | null }>(`SELECT regie.handover_person_by_bsn($1, $2) AS id`, [regionId, bsn]);
  return rows[0]?.id ?? null;
}

/** An active professional of the receiving organisation in the actor's region (the receiving professional a sender names). */
export async function receivingProfessional(
  tx: Tx,
  regionId: string,
  organisationId: string,
  userId: string,
): Promise<{ id: string; name: string } | null> {
  const rows = await tx.query<{ id: string; display_name: string }>(
    `SELECT id, display_name FROM users WHERE region_id = $1 AND organisation_id = $2 AND id = $3 AND active`,
    [regionId, organisationId, userId],
  );
  return rows[0] ? { id: rows[0].id, name: rows[0].display_name } : null;
}

/** The receiver's refusal, given in this transaction, sends the handover's signal back to the sender's triage queue (migration 0230). */
export async function signalBackAfterRefusal(tx: Tx, regionId: string, handoverId: string): Promise<boolean> {
  const rows = await tx.query<{ back: boolean }>(`SELECT regie.signal_back_after_refusal($1, $2) AS back`, [regionId, handoverId]);
  return rows[0]?.back === true;
}

/** What the triaging organisation knows of its signal and its triage decision: the information package of a handover from triage. */
export interface TriageFacts {
  reference: string;
  receivedAt: string;
  source: string;
  urgency: string;
  subjectDescription: string | null;
  subjectPlace: string | null;
  whatSeen: string;
  concerns: Record<string, string>;
  safetyAtStake: boolean;
  meldcodeSteps: Record<string, { done?: boolean; notes?: string }>;
  safetyReasons: string;
  note: string | null;
}

/** Read inside the triaging actor's transaction: row-level security shows the receiving organisation its signal and decision. */
export async function triageFacts(tx: Tx, regionId: string, signalId: string, decisionId: string): Promise<TriageFacts | null> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT s.reference, s.received_at, s.source, s.urgency, s.subject_description, s.subject_place, s.what_seen, s.concerns, s.safety_at_stake,
            s.meldcode_steps, d.safety_reasons, d.note
       FROM signals s JOIN signal_triage_decisions d ON d.region_id = s.region_id AND d.signal_id = s.id AND d.id = $3
      WHERE s.region_id = $1 AND s.id = $2`,
    [regionId, signalId, decisionId],
  );
  const r = rows[0];
  if (!r) return null;
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? {}));
  return {
    reference: r.reference,
    receivedAt: iso(r.received_at)!,
    source: r.source,
    urgency: r.urgency,
    subjectDescription: r.subject_description ?? null,
    subjectPlace: r.subject_place ?? null,
    whatSeen: r.what_seen,
    concerns: json(r.concerns),
    safetyAtStake: r.safety_at_stake,
    meldcodeSteps: json(r.meldcode_steps),
    safetyReasons: r.safety_reasons,
    note: r.note ?? null,
  };
}
