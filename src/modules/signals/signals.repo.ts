// SQL for signals, inside an actor's (or the public form's) transaction: row-level security
// applies. Returns domain shapes, never raw rows. Triage decisions and what goes with them are in
// triage.repo.ts, attachments in attachments.repo.ts.
import type { Tx } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import { DEFAULT_WORKING_DAYS } from './settings.js';

export type Urgency = 'acute' | 'high' | 'normal';
export type Status = 'open' | 'triaged' | 'handed_over' | 'handover_refused' | 'handover_expired' | 'closed';
/** Waiting for a (new) triage decision: new, or back after a handover that was refused or not answered in time. */
export const AWAITS_DECISION: readonly Status[] = ['open', 'handover_refused', 'handover_expired'];

export interface Settings {
  workingDays: Record<Urgency, number>;
  frontDoorOrganisationId: string | null;
}

export async function signalSettings(tx: Tx, regionId: string): Promise<Settings> {
  const rows = await tx.query<{
    acute_working_days: number;
    high_working_days: number;
    normal_working_days: number;
    front_door_organisation_id: string | null;
  }>(
    `SELECT acute_working_days, high_working_days, normal_working_days, front_door_organisation_id FROM signal_settings WHERE region_id = $1`,
    [regionId],
  );
  const r = rows[0];
  if (!r) return { workingDays: { ...DEFAULT_WORKING_DAYS }, frontDoorOrganisationId: null };
  return {
    workingDays: { acute: r.acute_working_days, high: r.high_working_days, normal: r.normal_working_days },
    frontDoorOrganisationId: r.front_door_organisation_id,
  };
}

export async function nextReference(tx: Tx, regionId: string, year: number): Promise<string> {
  const rows = await tx.query<{ ref: string }>(`SELECT regie.next_signal_reference($1, $2) AS ref`, [regionId, year]);
  return oneRow(rows, 'signal reference').ref;
}

export interface Subject {
  personId: string | null;
  familyId: string | null;
  openCaseId: string | null;
  lastClosedAt: Date | null;
  personIds: string[];
}

export async function resolveSubject(
  tx: Tx,
  regionId: string,
  q: { personId?: string; bsn?: string; familyId?: string },
): Promise<Subject> {
  const rows = await tx.query<{
    person_id: string | null;
    family_id: string | null;
    open_case_id: string | null;
    last_closed_at: string | Date | null;
    person_ids: string[];
  }>(`SELECT person_id, family_id, open_case_id, last_closed_at, person_ids FROM regie.signal_subject($1, $2, $3, $4)`, [
    regionId,
    q.personId ?? null,
    q.bsn ?? null,
    q.familyId ?? null,
  ]);
  const r = rows[0];
  if (!r) return { personId: null, familyId: null, openCaseId: null, lastClosedAt: null, personIds: [] };
  return {
    personId: r.person_id,
    familyId: r.family_id,
    openCaseId: r.open_case_id,
    lastClosedAt: r.last_closed_at ? new Date(r.last_closed_at) : null,
    personIds: r.person_ids ?? [],
  };
}

export async function organisationExists(tx: Tx, regionId: string, organisationId: string): Promise<{ name: string } | null> {
  const rows = await tx.query<{ name: string }>(`SELECT name FROM organisations WHERE region_id = $1 AND id = $2`, [
    regionId,
    organisationId,
  ]);
  return rows[0] ?? null;
}

export interface NewSignal {
  regionId: string;
  id: string;
  reference: string;
  receivingOrganisationId: string;
  source: string;
  reporterUserId: string | null;
  reporterName?: string | null;
  reporterContact?: string | null;
  personId: string | null;
  familyId: string | null;
  subjectBsn?: string | null;
  subjectDescription?: string | null;
  subjectPlace?: string | null;
  whatSeen: string;
  concerns: Record<string, string>;
  safetyAtStake: boolean;
  meldcodeSteps: Record<string, unknown>;
  urgency: Urgency;
  triageDueOn: string;
  caseId: string | null;
  reReport: boolean;
  receivedAt?: Date;
  subjectPersons?: SubjectPerson[];
  subjectAddress?: SubjectAddress | null;
  urgencyReported?: Urgency | null;
  reReportCaseId?: string | null;
}

export interface SubjectPerson {
  givenNames?: string | null;
  familyNamePrefix?: string | null;
  familyName?: string | null;
  birthDate?: string | null;
}
export interface SubjectAddress {
  street?: string | null;
  houseNumber: string;
  postcode?: string | null;
  city?: string | null;
}

/** A postcode as the Netherlands writes it: "1234 AB". */
export const formatPostcode = (p: string | null | undefined) =>
  p
    ? p
        .toUpperCase()
        .replace(/\s+/g, '')
        .replace(/^(\d{4})/, '$1 ')
    : null;

export async function insertSignal(tx: Tx, s: NewSignal): Promise<void> {
  await tx.query(
    `INSERT INTO signals (region_id, id, reference, receiving_organisation_id, source, reporter_user_id, reporter_name, reporter_contact,
        person_id, family_id, subject_bsn, subject_description, subject_place, what_seen, concerns, safety_at_stake, meldcode_steps,
        urgency, triage_due_on, case_id, re_report, received_at,
        subject_persons, subject_street, subject_house_number, subject_postcode, subject_city, urgency_reported, re_report_case_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, coalesce($22, now()),
        $23, $24, $25, $26, $27, $28, $29)`,
    [
      s.regionId,
      s.id,
      s.reference,
      s.receivingOrganisationId,
      s.source,
      s.reporterUserId,
      s.reporterName ?? null,
      s.reporterContact ?? null,
      s.personId,
      s.familyId,
      s.subjectBsn ?? null,
      s.subjectDescription ?? null,
      s.subjectPlace ?? null,
      s.whatSeen,
      JSON.stringify(s.concerns),
      s.safetyAtStake,
      JSON.stringify(s.meldcodeSteps),
      s.urgency,
      s.triageDueOn,
      s.caseId,
      s.reReport,
      s.receivedAt ?? null,
      JSON.stringify(
        (s.subjectPersons ?? []).map((p) => ({
          givenNames: p.givenNames ?? null,
          familyNamePrefix: p.familyNamePrefix ?? null,
          familyName: p.familyName ?? null,
          birthDate: p.birthDate ?? null,
        })),
      ),
      s.subjectAddress?.street ?? null,
      s.subjectAddress?.houseNumber ?? null,
      formatPostcode(s.subjectAddress?.postcode),
      s.subjectAddress?.city ?? null,
      s.urgencyReported ?? null,
      s.reReportCaseId ?? null,
    ],
  );
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? {}));
/** A timestamp as the API writes it (ISO 8601), or null; for the other repos of this module too. */
export const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

export interface SignalRecord {
  id: string;
  reference: string;
  status: Status;
  version: number;
  source: string;
  receivingOrganisationId: string;
  receivingOrganisationName: string;
  reporterUserId: string | null;
  reporterUserName: string | null;
  reporterOrganisationName: string | null;
  reporterName: string | null;
  reporterContact: string | null;
  personId: string | null;
  familyId: string | null;
  subjectBsn: string | null;
  subjectDescription: string | null;
  subjectPlace: string | null;
  whatSeen: string;
  concerns: Record<string, string>;
  safetyAtStake: boolean;
  meldcodeSteps: Record<string, { done: boolean; notes?: string }>;
  urgency: Urgency;
  receivedAt: string;
  triageDueOn: string;
  caseId: string | null;
  reReport: boolean;
  subjectPersons: Array<{
    givenNames: string | null;
    familyNamePrefix: string | null;
    familyName: string | null;
    birthDate: string | null;
  }>;
  subjectAddress: { street: string | null; houseNumber: string; postcode: string | null; city: string | null } | null;
  urgencyReported: Urgency | null;
  urgencyLowered: { reason: string; byName: string | null; at: string } | null;
  reReportCaseId: string | null;
}

const SELECT_SIGNAL = `
  SELECT s.id, s.reference, s.status, s.version, s.source, s.receiving_organisation_id, o.name AS receiving_organisation_name,
         s.reporter_user_id, u.display_name AS reporter_user_name, uo.name AS reporter_organisation_name, s.reporter_name, s.reporter_contact,
         s.person_id, s.family_id, s.subject_bsn, s.subject_description, s.subject_place, s.what_seen, s.concerns, s.safety_at_stake,
         s.meldcode_steps, s.urgency, s.received_at, s.triage_due_on::text AS triage_due_on, s.case_id, s.re_report,
         s.subject_persons, s.subject_street, s.subject_house_number, s.subject_postcode, s.subject_city, s.urgency_reported,
         s.urgency_lowered_reason, s.urgency_lowered_at, lu.display_name AS urgency_lowered_by_name, s.re_report_case_id
    FROM signals s
    JOIN organisations o ON o.region_id = s.region_id AND o.id = s.receiving_organisation_id
    LEFT JOIN users u ON u.region_id = s.region_id AND u.id = s.reporter_user_id
    LEFT JOIN organisations uo ON uo.region_id = u.region_id AND uo.id = u.organisation_id
    LEFT JOIN users lu ON lu.region_id = s.region_id AND lu.id = s.urgency_lowered_by`;

function toRecord(r: Record<string, any>): SignalRecord {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    version: r.version,
    source: r.source,
    receivingOrganisationId: r.receiving_organisation_id,
    receivingOrganisationName: r.receiving_organisation_name,
    reporterUserId: r.reporter_user_id,
    reporterUserName: r.reporter_user_name ?? null,
    reporterOrganisationName: r.reporter_organisation_name ?? null,
    reporterName: r.reporter_name,
    reporterContact: r.reporter_contact,
    personId: r.person_id,
    familyId: r.family_id,
    subjectBsn: r.subject_bsn,
    subjectDescription: r.subject_description,
    subjectPlace: r.subject_place,
    whatSeen: r.what_seen,
    concerns: json(r.concerns),
    safetyAtStake: r.safety_at_stake,
    meldcodeSteps: json(r.meldcode_steps),
    urgency: r.urgency,
    receivedAt: iso(r.received_at)!,
    triageDueOn: r.triage_due_on,
    caseId: r.case_id,
    reReport: r.re_report,
    subjectPersons: (json(r.subject_persons) as Array<Record<string, string | null>>).map((p) => ({
      givenNames: p.givenNames ?? null,
      familyNamePrefix: p.familyNamePrefix ?? null,
      familyName: p.familyName ?? null,
      birthDate: p.birthDate ?? null,
    })),
    subjectAddress: r.subject_house_number
      ? { street: r.subject_street, houseNumber: r.subject_house_number, postcode: r.subject_postcode, city: r.subject_city }
      : null,
    urgencyReported: r.urgency_reported ?? null,
    urgencyLowered: r.urgency_lowered_reason
      ? { reason: r.urgency_lowered_reason, byName: r.urgency_lowered_by_name ?? null, at: iso(r.urgency_lowered_at)! }
      : null,
    reReportCaseId: r.re_report_case_id ?? null,
  };
}

/** The signal, when row-level security lets the actor see it; `lock` takes it for an update. */
export async function findSignal(tx: Tx, regionId: string, signalId: string, lock = false): Promise<SignalRecord | null> {
  const rows = await tx.query<Record<string, any>>(
    `${SELECT_SIGNAL} WHERE s.region_id = $1 AND s.id = $2${lock ? ' FOR UPDATE OF s' : ''}`,
    [regionId, signalId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export interface ListFilter {
  regionId: string;
  organisationId?: string;
  reporterUserId?: string;
  status?: Status;
  overdueBefore?: string;
  reReport?: boolean;
  after?: [string, string];
  limit: number;
}

/** The queue ordered by deadline (then id, for a stable cursor). */
export async function listSignals(tx: Tx, f: ListFilter): Promise<SignalRecord[]> {
  const rows = await tx.query<Record<string, any>>(
    `${SELECT_SIGNAL}
      WHERE s.region_id = $1
        AND ($2::uuid IS NULL OR s.receiving_organisation_id = $2)
        AND ($3::uuid IS NULL OR s.reporter_user_id = $3)
        AND ($4::text IS NULL OR s.status = $4 OR ($4 = 'open' AND s.status IN ('handover_refused', 'handover_expired')))
        AND ($5::date IS NULL OR (s.status = 'open' AND s.triage_due_on < $5::date))
        AND ($6::date IS NULL OR (s.triage_due_on, s.id) > ($6::date, $7::uuid))
        AND ($9::boolean IS NULL OR s.re_report = $9)
      ORDER BY s.triage_due_on, s.id
      LIMIT $8`,
    [
      f.regionId,
      f.organisationId ?? null,
      f.reporterUserId ?? null,
      f.status ?? null,
      f.overdueBefore ?? null,
      f.after?.[0] ?? null,
      f.after?.[1] ?? null,
      f.limit + 1,
      f.reReport ?? null,
    ],
  );
  return rows.map(toRecord);
}

/** Who each visible signal is about: persons (for audit rows) and a label for the screen. */
export async function subjectsOf(
  tx: Tx,
  regionId: string,
  signalIds: string[],
): Promise<Map<string, { personIds: string[]; label: string | null }>> {
  if (!signalIds.length) return new Map();
  const rows = await tx.query<{ signal_id: string; person_ids: string[]; label: string | null }>(
    `SELECT signal_id, person_ids, label FROM regie.signal_subjects($1, $2::uuid[])`,
    [regionId, signalIds],
  );
  return new Map(rows.map((r) => [r.signal_id, { personIds: r.person_ids ?? [], label: r.label }]));
}
