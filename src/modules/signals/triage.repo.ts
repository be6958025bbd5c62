// SQL for deciding about a signal, inside an actor's transaction (row-level security applies):
// the triage decision and the signal's move on, "possibly the same family" proposals, a lowered
// urgency, and the cases a triage or a re-report joins or re-opens with their coordinator.
import type { Tx } from '../../platform/db/db.js';
import { iso, type Status, type Urgency } from './signals.repo.js';

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
