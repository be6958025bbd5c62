// SQL for handovers, inside an actor's transaction: row-level security shows a handover to the
// sending and the receiving organisation only.
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
import type { LegalBasis } from '../../platform/access/actor.js';
import type { HandoverDetail, HandoverPerson, HandoverSummary } from './handovers.contract.js';
import { isOverdue, workingDaysLeft } from './handover-rules.js';

type Summary = z.infer<typeof HandoverSummary>;
type Detail = Omit<z.infer<typeof HandoverDetail>, 'mayRespond'>;
export type Person = z.infer<typeof HandoverPerson>;

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const date = (v: unknown) => (v == null ? null : typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

export interface HandoverRow {
  id: string; case_id: string | null; signal_id: string | null; family_id: string | null; subject_label: string;
  from_organisation_id: string; from_user_id: string; to_organisation_id: string; status: 'pending' | 'accepted' | 'refused' | 'expired';
  accept_due_on: string; version: number; legal_basis: LegalBasis; sender_access: 'ends' | 'continues'; persons: Person[];
  result_case_id: string | null;
}

const ROW_COLUMNS = `h.id, h.case_id, h.signal_id, h.family_id, h.subject_label, h.from_organisation_id, h.from_user_id, h.to_organisation_id,
  h.status, h.accept_due_on::text AS accept_due_on, h.version, h.legal_basis, h.sender_access, h.persons, h.result_case_id`;

export async function findOrganisation(tx: Tx, regionId: string, id: string) {
  const rows = await tx.query<{ id: string; name: string; type: string }>(`SELECT id, name, type FROM organisations WHERE region_id = $1 AND id = $2`, [regionId, id]);
  return rows[0] ?? null;
}

export async function organisationsOfTypes(tx: Tx, regionId: string, types: readonly string[], except: string) {
  return tx.query<{ id: string; name: string; type: string }>(
    `SELECT id, name, type FROM organisations WHERE region_id = $1 AND type = ANY ($2::text[]) AND id <> $3 ORDER BY name`, [regionId, [...types], except]);
}

export async function pendingHandoverOf(tx: Tx, regionId: string, subject: { caseId?: string | null; signalId?: string | null }) {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM handovers WHERE region_id = $1 AND status = 'pending' AND (case_id = $2 OR signal_id = $3)`,
    [regionId, subject.caseId ?? null, subject.signalId ?? null]);
  return rows[0]?.id ?? null;
}

export async function insertHandover(tx: Tx, h: {
  regionId: string; id: string; caseId: string | null; signalId: string | null; familyId: string | null; subjectLabel: string;
  fromOrganisationId: string; fromUserId: string; toOrganisationId: string; reason: string; safetyAssessment: string; safetyNotes: string | null;
  knownInformation: string; persons: Person[]; legalBasis: string; senderAccess: string; acceptDueOn: string;
}) {
  await tx.query(
    `INSERT INTO handovers (region_id, id, case_id, signal_id, family_id, subject_label, from_organisation_id, from_user_id, to_organisation_id,
        reason, safety_assessment, safety_notes, known_information, persons, legal_basis, sender_access, accept_due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [h.regionId, h.id, h.caseId, h.signalId, h.familyId, h.subjectLabel, h.fromOrganisationId, h.fromUserId, h.toOrganisationId,
      h.reason, h.safetyAssessment, h.safetyNotes, h.knownInformation, JSON.stringify(h.persons), h.legalBasis, h.senderAccess, h.acceptDueOn]);
}

/** The handover as the actor may see it (no lock). */
export async function findHandoverRow(tx: Tx, regionId: string, id: string): Promise<HandoverRow | null> {
  const rows = await tx.query<HandoverRow>(`SELECT ${ROW_COLUMNS} FROM handovers h WHERE h.region_id = $1 AND h.id = $2`, [regionId, id]);
  return rows[0] ?? null;
}

/** Locks the handover for an answer; only the receiving organisation gets a row (policy handovers_respond). */
export async function lockHandoverRow(tx: Tx, regionId: string, id: string): Promise<HandoverRow | null> {
  const rows = await tx.query<HandoverRow>(`SELECT ${ROW_COLUMNS} FROM handovers h WHERE h.region_id = $1 AND h.id = $2 FOR UPDATE`, [regionId, id]);
  return rows[0] ?? null;
}

/** Sets the answer, guarded by status and version: a second answer changes nothing. */
export async function setAnswer(tx: Tx, regionId: string, id: string, version: number, a: {
  status: 'accepted' | 'refused'; userId: string; nomineeUserId?: string; refusalReason?: string; resultCaseId?: string | null;
}): Promise<number | null> {
  const rows = await tx.query<{ version: number }>(
    `UPDATE handovers SET status = $4, version = version + 1, responded_at = now(), responded_by = $5, nominee_user_id = $6,
            refusal_reason = $7, result_case_id = $8
      WHERE region_id = $1 AND id = $2 AND version = $3 AND status = 'pending' RETURNING version`,
    [regionId, id, version, a.status, a.userId, a.nomineeUserId ?? null, a.refusalReason ?? null, a.resultCaseId ?? null]);
  return rows[0]?.version ?? null;
}

export async function setResultCase(tx: Tx, regionId: string, id: string, caseId: string) {
  await tx.query(`UPDATE handovers SET result_case_id = $3 WHERE region_id = $1 AND id = $2`, [regionId, id, caseId]);
}

const SELECT_FULL = `
  SELECT h.*, h.accept_due_on::text AS due, fo.name AS from_name, fo.type AS from_type, tor.name AS to_name, tor.type AS to_type,
         su.display_name AS sender_name, ru.display_name AS responder_name, nu.display_name AS nominee_name
    FROM handovers h
    JOIN organisations fo ON fo.region_id = h.region_id AND fo.id = h.from_organisation_id
    JOIN organisations tor ON tor.region_id = h.region_id AND tor.id = h.to_organisation_id
    JOIN users su ON su.region_id = h.region_id AND su.id = h.from_user_id
    LEFT JOIN users ru ON ru.region_id = h.region_id AND ru.id = h.responded_by
    LEFT JOIN users nu ON nu.region_id = h.region_id AND nu.id = h.nominee_user_id`;

function toSummary(r: Record<string, any>, actorOrg: string, today: string): Summary {
  const due = date(r.due)!;
  return {
    id: r.id, subjectType: r.case_id ? 'case' : 'signal', caseId: r.case_id, signalId: r.signal_id, familyId: r.family_id, subjectLabel: r.subject_label,
    direction: r.to_organisation_id === actorOrg ? 'incoming' : 'outgoing',
    fromOrganisation: { id: r.from_organisation_id, name: r.from_name, type: r.from_type },
    toOrganisation: { id: r.to_organisation_id, name: r.to_name, type: r.to_type },
    senderName: r.sender_name, sentAt: iso(r.sent_at)!, acceptDueOn: due,
    workingDaysLeft: workingDaysLeft(due, today), overdue: r.status === 'pending' && isOverdue(due, today),
    status: r.status, safetyAssessment: r.safety_assessment, version: r.version,
  };
}

export async function findHandoverDetail(tx: Tx, regionId: string, id: string, actorOrg: string, today: string): Promise<Detail | null> {
  const rows = await tx.query<Record<string, any>>(`${SELECT_FULL} WHERE h.region_id = $1 AND h.id = $2`, [regionId, id]);
  const r = rows[0];
  if (!r) return null;
  return {
    ...toSummary(r, actorOrg, today),
    reason: r.reason, safetyNotes: r.safety_notes, knownInformation: r.known_information, persons: r.persons ?? [],
    legalBasis: r.legal_basis, senderAccess: r.sender_access, respondedAt: iso(r.responded_at), respondedByName: r.responder_name ?? null,
    nomineeName: r.nominee_name ?? null, refusalReason: r.refusal_reason, resultCaseId: r.result_case_id,
  };
}

export async function listHandoverRows(tx: Tx, o: {
  regionId: string; organisationId: string; direction?: 'incoming' | 'outgoing'; status?: string; after?: [string, string]; limit: number; today: string;
}) {
  const rows = await tx.query<Record<string, any>>(
    `${SELECT_FULL}
      WHERE h.region_id = $1
        AND CASE $2::text WHEN 'incoming' THEN h.to_organisation_id = $3 WHEN 'outgoing' THEN h.from_organisation_id = $3
                          ELSE $3 IN (h.to_organisation_id, h.from_organisation_id) END
        AND ($4::text IS NULL OR h.status = $4)
        AND ($5::timestamptz IS NULL OR (h.sent_at, h.id) < ($5::timestamptz, $6::uuid))
      ORDER BY h.sent_at DESC, h.id DESC LIMIT $7`,
    [o.regionId, o.direction ?? null, o.organisationId, o.status ?? null, o.after?.[0] ?? null, o.after?.[1] ?? null, o.limit + 1]);
  return {
    items: rows.map((r) => toSummary(r, o.organisationId, o.today)),
    sortValues: rows.map((r) => iso(r.sent_at)!),
    personIds: rows.slice(0, o.limit).flatMap((r) => (r.persons as Person[]).map((p) => p.personId)),
  };
}

/** Persons of the family among the given ids, as the information package shows them. */
export async function familyPersons(tx: Tx, regionId: string, familyId: string, personIds: string[]): Promise<Person[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT p.id, p.given_names, p.family_name_prefix, p.family_name, p.birth_date::text AS birth_date, fm.relation
       FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE fm.region_id = $1 AND fm.family_id = $2 AND p.id = ANY ($3::uuid[])`, [regionId, familyId, personIds]);
  return rows.map(toPerson);
}

function toPerson(r: Record<string, any>): Person {
  return { personId: r.id ?? r.person_id, name: [r.given_names, r.family_name_prefix, r.family_name].filter(Boolean).join(' '),
    birthDate: date(r.birth_date), relation: r.relation ?? null };
}

export interface SignalFacts { receivingOrganisationId: string; familyId: string | null; personId: string | null; status: string; reference: string }

export async function signalFacts(tx: Tx, regionId: string, signalId: string): Promise<SignalFacts | null> {
  const rows = await tx.query<Record<string, any>>(`SELECT * FROM regie.handover_signal($1, $2)`, [regionId, signalId]);
  const r = rows[0];
  return r ? { receivingOrganisationId: r.receiving_organisation_id, familyId: r.family_id, personId: r.person_id, status: r.status, reference: r.reference } : null;
}

export async function signalPersons(tx: Tx, regionId: string, signalId: string): Promise<Person[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT person_id, given_names, family_name_prefix, family_name, birth_date::text AS birth_date, relation FROM regie.handover_signal_persons($1, $2)`,
    [regionId, signalId]);
  return rows.map(toPerson);
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
      WHERE region_id = $1 AND organisation_id = $2 AND active AND ('team_lead' = ANY (roles) OR 'coordinator' = ANY (roles))`, [regionId, organisationId]);
  const leads = rows.filter((r) => r.lead);
  return (leads.length ? leads : rows).map((r) => r.id);
}

/** Ends the memberships of the sending organisation when the handover says its access ends. */
export async function endOrganisationMemberships(tx: Tx, regionId: string, caseId: string, organisationId: string, reason: string): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE case_team SET ended_at = now(), ended_reason = $4
      WHERE region_id = $1 AND case_id = $2 AND organisation_id = $3 AND ended_at IS NULL RETURNING id`, [regionId, caseId, organisationId, reason]);
  return rows.length;
}

export async function bumpCaseVersion(tx: Tx, regionId: string, caseId: string) {
  await tx.query(`UPDATE cases SET version = version + 1 WHERE region_id = $1 AND id = $2`, [regionId, caseId]);
}
