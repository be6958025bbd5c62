// SQL for signals, triage decisions and attachments, inside an actor's (or the public form's)
// transaction: row-level security applies. Returns domain shapes, never raw rows.
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
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

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

export interface TriageRecord {
  id: string;
  safetyAssessment: 'unsafe' | 'concerns' | 'safe';
  safetyReasons: string;
  decision: 'advice' | 'open_case' | 'join_case' | 'handover' | 'close';
  note: string | null;
  closeReason: string | null;
  targetOrganisationId: string | null;
  targetOrganisationName: string | null;
  targetRegionId: string | null;
  targetRegionName: string | null;
  caseId: string | null;
  decidedBy: { id: string; name: string | null; organisationName: string | null };
  decidedAt: string;
}

export async function findTriage(tx: Tx, regionId: string, signalId: string): Promise<TriageRecord | null> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT d.id, d.safety_assessment, d.safety_reasons, d.decision, d.note, d.close_reason, d.target_organisation_id, t.name AS target_name,
            d.target_region_id, g.name AS target_region_name,
            d.case_id, d.decided_by, u.display_name AS decided_by_name, o.name AS decided_by_org, d.decided_at
       FROM signal_triage_decisions d
       LEFT JOIN organisations t ON t.region_id = d.region_id AND t.id = d.local_target_organisation_id
       LEFT JOIN regions g ON g.id = d.target_region_id
       LEFT JOIN users u ON u.region_id = d.region_id AND u.id = d.decided_by
       LEFT JOIN organisations o ON o.region_id = d.region_id AND o.id = d.decided_by_organisation_id
      WHERE d.region_id = $1 AND d.signal_id = $2
      ORDER BY d.decided_at DESC, d.id LIMIT 1`,
    [regionId, signalId],
  );
  const r = rows[0];
  if (!r) return null;
  let target = { name: r.target_name as string | null, regionName: r.target_region_name as string | null };
  if (r.target_region_id && r.target_region_id !== regionId) {
    // A target in another region: its name and region through the function of the handovers'
    // receiver picker (organisations and regions of other regions are hidden by their row-level security).
    const [e] = await tx.query<{ name: string; region_name: string }>(
      `SELECT name, region_name FROM regie.handover_receivers_elsewhere(NULL) WHERE region_id = $1 AND id = $2`,
      [r.target_region_id, r.target_organisation_id],
    );
    target = { name: e?.name ?? null, regionName: e?.region_name ?? null };
  }
  return {
    id: r.id,
    safetyAssessment: r.safety_assessment,
    safetyReasons: r.safety_reasons,
    decision: r.decision,
    note: r.note,
    closeReason: r.close_reason,
    targetOrganisationId: r.target_organisation_id,
    targetOrganisationName: target.name,
    targetRegionId: r.target_region_id ?? null,
    targetRegionName: target.regionName,
    caseId: r.case_id,
    decidedBy: { id: r.decided_by, name: r.decided_by_name ?? null, organisationName: r.decided_by_org ?? null },
    decidedAt: iso(r.decided_at)!,
  };
}

export async function insertTriage(
  tx: Tx,
  d: {
    regionId: string;
    id: string;
    signalId: string;
    safetyAssessment: string;
    safetyReasons: string;
    decision: string;
    note?: string | null;
    closeReason?: string | null;
    targetOrganisationId?: string | null;
    targetRegionId?: string | null;
    caseId?: string | null;
    decidedBy: string;
    organisationId: string;
  },
) {
  // target_region_id defaults to region_id for a target (trigger of migration 0092).
  await tx.query(
    `INSERT INTO signal_triage_decisions (region_id, id, signal_id, safety_assessment, safety_reasons, decision, note, close_reason,
        target_organisation_id, target_region_id, case_id, decided_by, decided_by_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      d.regionId,
      d.id,
      d.signalId,
      d.safetyAssessment,
      d.safetyReasons,
      d.decision,
      d.note ?? null,
      d.closeReason ?? null,
      d.targetOrganisationId ?? null,
      d.targetRegionId ?? null,
      d.caseId ?? null,
      d.decidedBy,
      d.organisationId,
    ],
  );
}

/** Moves the signal on, guarded by its version: a second triage at the same time loses. */
export async function setTriaged(
  tx: Tx,
  regionId: string,
  signalId: string,
  version: number,
  to: { status: Status; caseId: string | null; familyId: string | null },
) {
  const rows = await tx.query<{ version: number }>(
    `UPDATE signals SET status = $4, case_id = $5, family_id = $6, triaged_at = now(), version = version + 1
      WHERE region_id = $1 AND id = $2 AND version = $3 AND status IN ('open', 'handover_refused', 'handover_expired') RETURNING version`,
    [regionId, signalId, version, to.status, to.caseId, to.familyId],
  );
  return rows[0]?.version ?? null;
}

export async function caseForTriage(tx: Tx, regionId: string, q: { caseId?: string | null; familyId?: string | null }) {
  const rows = await tx.query<{ case_id: string; family_id: string; status: string }>(
    `SELECT case_id, family_id, status FROM regie.case_for_triage($1, $2, $3)`,
    [regionId, q.caseId ?? null, q.familyId ?? null],
  );
  return rows[0] ? { caseId: rows[0].case_id, familyId: rows[0].family_id, status: rows[0].status } : null;
}

export interface AttachmentRecord {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
  fromPublic: boolean;
}

export async function listAttachments(tx: Tx, regionId: string, signalId: string): Promise<AttachmentRecord[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT id, filename, media_type, size_bytes, uploaded_at, uploaded_by FROM signal_attachments WHERE region_id = $1 AND signal_id = $2 ORDER BY uploaded_at, id`,
    [regionId, signalId],
  );
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    uploadedAt: iso(r.uploaded_at)!,
    fromPublic: r.uploaded_by === null,
  }));
}

export async function insertAttachment(
  tx: Tx,
  a: {
    regionId: string;
    id: string;
    signalId: string;
    filename: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    content: Buffer;
    uploadedBy: string | null;
  },
) {
  await tx.query(
    `INSERT INTO signal_attachments (region_id, id, signal_id, filename, media_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.regionId, a.id, a.signalId, a.filename, a.mediaType, a.sizeBytes, a.sha256, a.content, a.uploadedBy],
  );
}

export async function findAttachmentContent(tx: Tx, regionId: string, signalId: string, attachmentId: string) {
  const rows = await tx.query<{ filename: string; media_type: string; content: Uint8Array }>(
    `SELECT filename, media_type, content FROM signal_attachments WHERE region_id = $1 AND signal_id = $2 AND id = $3`,
    [regionId, signalId, attachmentId],
  );
  const r = rows[0];
  return r ? { filename: r.filename, mediaType: r.media_type, content: Buffer.from(r.content) } : null;
}

// ---- possibly the same family, urgency, re-reports, coordinators ---------------------------------

export interface AddressCandidate {
  kind: 'signal' | 'case';
  signalId: string | null;
  reference: string | null;
  caseId: string | null;
  familyId: string | null;
  label: string | null;
  coordinatorName: string | null;
  decision: 'confirmed' | 'rejected' | null;
  /** The persons the proposal names (one audit row each when it is shown); never sent to the screen. */
  personIds: string[];
}

/** Open signals of the same organisation and open cases at the signal's address, with the answer given so far. */
export async function addressCandidates(tx: Tx, regionId: string, signalId: string): Promise<AddressCandidate[]> {
  const rows = await tx.query<{
    other_signal_id: string | null;
    other_reference: string | null;
    case_id: string | null;
    family_id: string | null;
    label: string | null;
    coordinator_name: string | null;
    decision: 'confirmed' | 'rejected' | null;
    person_ids: string[] | null;
  }>(
    `SELECT other_signal_id, other_reference, case_id, family_id, label, coordinator_name, decision, person_ids FROM regie.same_address_candidates($1, $2)
      ORDER BY case_id IS NULL, other_reference, label`,
    [regionId, signalId],
  );
  return rows.map((r) => ({
    kind: r.case_id ? 'case' : 'signal',
    signalId: r.other_signal_id,
    reference: r.other_reference,
    caseId: r.case_id,
    familyId: r.family_id,
    label: r.label,
    coordinatorName: r.coordinator_name,
    decision: r.decision,
    personIds: r.person_ids ?? [],
  }));
}

/** Which of these open signals (of the actor's organisation) have an unanswered "possibly the same family" proposal. */
export async function withOpenProposals(tx: Tx, regionId: string, signalIds: string[]): Promise<Set<string>> {
  if (!signalIds.length) return new Set();
  const rows = await tx.query<{ id: string }>(
    `SELECT s.id FROM unnest($2::uuid[]) AS s(id)
      WHERE EXISTS (SELECT 1 FROM regie.same_address_candidates($1, s.id) c WHERE c.decision IS NULL)`,
    [regionId, signalIds],
  );
  return new Set(rows.map((r) => r.id));
}

export async function insertProposalAnswer(
  tx: Tx,
  a: {
    regionId: string;
    id: string;
    signalId: string;
    otherSignalId: string | null;
    caseId: string | null;
    decision: 'confirmed' | 'rejected';
    decidedBy: string;
    organisationId: string;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO signal_family_proposals (region_id, id, signal_id, other_signal_id, case_id, decision, decided_by, decided_by_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1`,
    [a.regionId, a.id, a.signalId, a.otherSignalId, a.caseId, a.decision, a.decidedBy, a.organisationId],
  );
  return rows.length > 0;
}

/** Links an open signal to a case (and its family), guarded by its version. */
export async function linkToCase(
  tx: Tx,
  regionId: string,
  signalId: string,
  version: number,
  caseId: string,
  familyId: string,
): Promise<number | null> {
  const rows = await tx.query<{ version: number }>(
    `UPDATE signals SET case_id = $4, family_id = $5, version = version + 1
      WHERE region_id = $1 AND id = $2 AND version = $3 AND status = 'open' RETURNING version`,
    [regionId, signalId, version, caseId, familyId],
  );
  return rows[0]?.version ?? null;
}

/** Sets a lower urgency with its reason and the deadline that follows from it, guarded by the version. */
export async function lowerUrgency(
  tx: Tx,
  regionId: string,
  signalId: string,
  version: number,
  u: { urgency: Urgency; reason: string; by: string; triageDueOn: string },
): Promise<number | null> {
  const rows = await tx.query<{ version: number }>(
    `UPDATE signals SET urgency = $4, urgency_lowered_reason = $5, urgency_lowered_by = $6, urgency_lowered_at = now(), triage_due_on = $7, version = version + 1
      WHERE region_id = $1 AND id = $2 AND version = $3 AND status = 'open' RETURNING version`,
    [regionId, signalId, version, u.urgency, u.reason, u.by, u.triageDueOn],
  );
  return rows[0]?.version ?? null;
}

/** The coordinator of an open case, also for someone who is not on its team (to notify them). */
export async function caseCoordinator(tx: Tx, regionId: string, caseId: string): Promise<string | null> {
  const rows = await tx.query<{ id: string | null }>(`SELECT regie.case_coordinator($1, $2) AS id`, [regionId, caseId]);
  return rows[0]?.id ?? null;
}

/** The closed case a re-report re-opens: the one given, else the family's latest closed case. */
export async function closedCaseOf(tx: Tx, regionId: string, q: { familyId?: string | null; caseId?: string | null }) {
  const rows = await tx.query<{ case_id: string; family_id: string; family_name: string; closed_at: string | Date | null }>(
    `SELECT case_id, family_id, family_name, closed_at FROM regie.closed_case_of($1, $2, $3)`,
    [regionId, q.familyId ?? null, q.caseId ?? null],
  );
  const r = rows[0];
  return r ? { caseId: r.case_id, familyId: r.family_id, familyName: r.family_name, closedAt: iso(r.closed_at) } : null;
}
