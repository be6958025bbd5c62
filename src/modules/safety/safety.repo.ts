// SQL for safety and the family network council, inside an actor's transaction (row-level
// security applies: a case the actor may not see has no rows here). Returns domain shapes.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import { DEFAULT_COUNCIL_WORKING_DAYS } from './rules.js';

export interface CaseFacts {
  id: string;
  familyId: string;
  status: string;
  /** The Dutch calendar day the case opened. */
  openedOn: string;
  /** The region's council rule counts this case (opened after the rule came; migration 0341). */
  councilRuleApplies: boolean;
  councilWorkingDays: number;
}

export async function findCase(tx: Tx, regionId: string, caseId: string, lock = false): Promise<CaseFacts | null> {
  const rows = await tx.query<{
    id: string;
    family_id: string;
    status: string;
    opened_on: string;
    applies: boolean;
    working_days: number | null;
  }>(
    `SELECT c.id, c.family_id, c.status, to_char(c.opened_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS opened_on,
            c.opened_at >= coalesce(s.applies_from, '-infinity') AS applies, s.working_days
       FROM cases c LEFT JOIN council_settings s ON s.region_id = c.region_id
      WHERE c.region_id = $1 AND c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
    [regionId, caseId],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        familyId: r.family_id,
        status: r.status,
        openedOn: r.opened_on,
        councilRuleApplies: r.applies,
        councilWorkingDays: r.working_days ?? DEFAULT_COUNCIL_WORKING_DAYS,
      }
    : null;
}

/** The facts behind "safety assessment required" that the database holds (child safety scores come from the assessments). */
export async function safetySignals(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{ signal: boolean; vt: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM signals s WHERE s.region_id = $1 AND s.case_id = $2 AND s.safety_at_stake)
         OR EXISTS (SELECT 1 FROM signal_triage_decisions d WHERE d.region_id = $1 AND d.case_id = $2 AND d.safety_assessment IN ('unsafe', 'concerns')) AS signal,
            EXISTS (SELECT 1 FROM case_team ct JOIN organisations o ON o.region_id = ct.region_id AND o.id = ct.organisation_id
                     WHERE ct.region_id = $1 AND ct.case_id = $2 AND ct.ended_at IS NULL AND o.type = 'veilig_thuis') AS vt`,
    [regionId, caseId],
  );
  return { signalSafetyConcern: !!rows[0]?.signal, veiligThuisOnTeam: !!rows[0]?.vt };
}

export interface PartyRow {
  kind: 'person' | 'organisation' | 'network_member';
  id: string;
  name: string;
  detail: string;
}

/** Who can be a party to the scaling or own an agreement: the family's members, the case team's organisations, the informal network. */
export async function partiesOf(tx: Tx, regionId: string, caseId: string, familyId: string): Promise<PartyRow[]> {
  return tx.query<PartyRow>(
    `SELECT 'person' AS kind, p.id::text AS id, concat_ws(' ', p.given_names, p.family_name_prefix, p.family_name) AS name, m.relation AS detail
       FROM family_members m JOIN persons p ON p.region_id = m.region_id AND p.id = m.person_id
      WHERE m.region_id = $1 AND m.family_id = $3
     UNION ALL
     SELECT DISTINCT 'organisation', o.id::text, o.name, o.type
       FROM case_team ct JOIN organisations o ON o.region_id = ct.region_id AND o.id = ct.organisation_id
      WHERE ct.region_id = $1 AND ct.case_id = $2 AND ct.ended_at IS NULL
     UNION ALL
     SELECT 'network_member', n.id::text, n.name, n.relation FROM network_members n WHERE n.region_id = $1 AND n.family_id = $3
     ORDER BY 1, 3, 2`,
    [regionId, caseId, familyId],
  );
}

export interface ScalingRow {
  partyKind: 'person' | 'organisation';
  partyId: string;
  score: number;
  note?: string;
}
export interface AssessmentRow {
  id: string;
  dangers: string;
  goingWell: string;
  safetyGoals: string;
  scalings: ScalingRow[];
  decision: 'safe' | 'conditionally_safe' | 'unsafe';
  recordedBy: string;
  recordedAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

export async function findAssessment(tx: Tx, regionId: string, caseId: string, lock = false): Promise<AssessmentRow | null> {
  const rows = await tx.query<{
    id: string;
    dangers: string;
    going_well: string;
    safety_goals: string;
    scalings: ScalingRow[];
    decision: AssessmentRow['decision'];
    recorded_by: string;
    recorded_at: string;
    updated_by: string;
    updated_at: string;
    version: number;
  }>(
    `SELECT a.id, a.dangers, a.going_well, a.safety_goals, a.scalings, a.decision, r.display_name AS recorded_by, a.recorded_at,
            u.display_name AS updated_by, a.updated_at, a.version
       FROM safety_assessments a
       JOIN users r ON r.region_id = a.region_id AND r.id = a.recorded_by
       JOIN users u ON u.region_id = a.region_id AND u.id = a.updated_by
      WHERE a.region_id = $1 AND a.case_id = $2${lock ? ' FOR UPDATE OF a' : ''}`,
    [regionId, caseId],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        dangers: r.dangers,
        goingWell: r.going_well,
        safetyGoals: r.safety_goals,
        scalings: r.scalings,
        decision: r.decision,
        recordedBy: r.recorded_by,
        recordedAt: new Date(r.recorded_at).toISOString(),
        updatedBy: r.updated_by,
        updatedAt: new Date(r.updated_at).toISOString(),
        version: r.version,
      }
    : null;
}

export interface AssessmentInput {
  dangers: string;
  goingWell: string;
  safetyGoals: string;
  scalings: ScalingRow[];
  decision: AssessmentRow['decision'];
}

export async function insertAssessment(tx: Tx, regionId: string, c: CaseFacts, userId: string, a: AssessmentInput): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO safety_assessments (region_id, id, case_id, family_id, dangers, going_well, safety_goals, scalings, decision, recorded_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [regionId, id, c.id, c.familyId, a.dangers, a.goingWell, a.safetyGoals, JSON.stringify(a.scalings), a.decision, userId],
  );
  return id;
}

/** Changes the assessment when it is still at `version`; false when someone changed it in the meantime. */
export async function updateAssessment(
  tx: Tx,
  regionId: string,
  id: string,
  version: number,
  userId: string,
  a: AssessmentInput,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE safety_assessments SET dangers = $4, going_well = $5, safety_goals = $6, scalings = $7, decision = $8, updated_by = $9, updated_at = now(), version = version + 1
      WHERE region_id = $1 AND id = $2 AND version = $3 RETURNING id`,
    [regionId, id, version, a.dangers, a.goingWell, a.safetyGoals, JSON.stringify(a.scalings), a.decision, userId],
  );
  return rows.length === 1;
}

export async function reviewsOf(tx: Tx, regionId: string, assessmentId: string) {
  const rows = await tx.query<{
    id: string;
    verdict: 'agree' | 'comment';
    comment: string | null;
    reviewer: string;
    reviewed_at: string;
    assessment_version: number;
  }>(
    `SELECT r.id, r.verdict, r.comment, u.display_name AS reviewer, r.reviewed_at, r.assessment_version
       FROM safety_reviews r JOIN users u ON u.region_id = r.region_id AND u.id = r.reviewed_by
      WHERE r.region_id = $1 AND r.assessment_id = $2 ORDER BY r.reviewed_at, r.id`,
    [regionId, assessmentId],
  );
  return rows.map((r) => ({
    id: r.id,
    verdict: r.verdict,
    comment: r.comment,
    reviewer: r.reviewer,
    reviewedAt: new Date(r.reviewed_at).toISOString(),
    assessmentVersion: r.assessment_version,
  }));
}

export async function insertReview(
  tx: Tx,
  regionId: string,
  r: { assessmentId: string; familyId: string; version: number; verdict: string; comment: string | null; userId: string },
) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO safety_reviews (region_id, id, assessment_id, family_id, assessment_version, verdict, comment, reviewed_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [regionId, id, r.assessmentId, r.familyId, r.version, r.verdict, r.comment, r.userId],
  );
  return id;
}

export interface AgreementRow {
  id: string;
  what: string;
  ownerKind: 'organisation' | 'family_member' | 'network_member';
  ownerId: string;
  ownerName: string;
  dueOn: string | null;
  checkHow: string;
  version: number;
}

export async function agreementsOf(tx: Tx, regionId: string, caseId: string): Promise<AgreementRow[]> {
  const rows = await tx.query<{
    id: string;
    what: string;
    owner_kind: AgreementRow['ownerKind'];
    owner_id: string;
    owner_name: string;
    due_on: string | null;
    check_how: string;
    version: number;
  }>(
    `SELECT a.id, a.what, a.owner_kind, coalesce(a.owner_organisation_id, a.owner_person_id, a.owner_network_member_id)::text AS owner_id,
            coalesce(o.name, nullif(concat_ws(' ', p.given_names, p.family_name_prefix, p.family_name), ''), n.name) AS owner_name,
            to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.check_how, a.version
       FROM safety_plan_agreements a
       LEFT JOIN organisations o ON o.region_id = a.region_id AND o.id = a.owner_organisation_id
       LEFT JOIN persons p ON p.region_id = a.region_id AND p.id = a.owner_person_id
       LEFT JOIN network_members n ON n.region_id = a.region_id AND n.id = a.owner_network_member_id
      WHERE a.region_id = $1 AND a.case_id = $2 ORDER BY a.created_at, a.id`,
    [regionId, caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    what: r.what,
    ownerKind: r.owner_kind,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? '',
    dueOn: r.due_on,
    checkHow: r.check_how,
    version: r.version,
  }));
}

export interface AgreementInput {
  what: string;
  ownerKind: AgreementRow['ownerKind'];
  ownerId: string;
  dueOn: string | null;
  checkHow: string;
}
const ownerColumns = (a: AgreementInput) => [
  a.ownerKind === 'organisation' ? a.ownerId : null,
  a.ownerKind === 'family_member' ? a.ownerId : null,
  a.ownerKind === 'network_member' ? a.ownerId : null,
];

export async function insertAgreement(tx: Tx, regionId: string, c: CaseFacts, userId: string, a: AgreementInput) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO safety_plan_agreements (region_id, id, case_id, family_id, what, owner_kind, owner_organisation_id, owner_person_id,
      owner_network_member_id, due_on, check_how, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [regionId, id, c.id, c.familyId, a.what, a.ownerKind, ...ownerColumns(a), a.dueOn, a.checkHow, userId],
  );
  return id;
}

export async function agreementVersion(tx: Tx, regionId: string, caseId: string, id: string) {
  const rows = await tx.query<{ version: number }>(
    `SELECT version FROM safety_plan_agreements WHERE region_id = $1 AND case_id = $2 AND id = $3 FOR UPDATE`,
    [regionId, caseId, id],
  );
  return rows[0]?.version ?? null;
}

export async function updateAgreement(tx: Tx, regionId: string, id: string, version: number, a: AgreementInput): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE safety_plan_agreements SET what = $4, owner_kind = $5, owner_organisation_id = $6, owner_person_id = $7,
      owner_network_member_id = $8, due_on = $9, check_how = $10, version = version + 1
    WHERE region_id = $1 AND id = $2 AND version = $3 RETURNING id`,
    [regionId, id, version, a.what, a.ownerKind, ...ownerColumns(a), a.dueOn, a.checkHow],
  );
  return rows.length === 1;
}

export async function deleteAgreement(tx: Tx, regionId: string, id: string, version: number): Promise<boolean> {
  const rows = await tx.query(`DELETE FROM safety_plan_agreements WHERE region_id = $1 AND id = $2 AND version = $3 RETURNING id`, [
    regionId,
    id,
    version,
  ]);
  return rows.length === 1;
}

// ---- the family network council ----

export interface CouncilRow {
  id: string;
  offeredOn: string | null;
  answer: 'accepted' | 'declined' | null;
  declinedReason: string | null;
  answeredOn: string | null;
  metOn: string | null;
  safetyReason: string | null;
  version: number;
}

export async function findCouncil(tx: Tx, regionId: string, caseId: string, lock = false): Promise<CouncilRow | null> {
  const rows = await tx.query<{
    id: string;
    offered_on: string | null;
    answer: CouncilRow['answer'];
    declined_reason: string | null;
    answered_on: string | null;
    met_on: string | null;
    safety_reason: string | null;
    version: number;
  }>(
    `SELECT id, to_char(offered_on, 'YYYY-MM-DD') AS offered_on, answer, declined_reason, to_char(answered_on, 'YYYY-MM-DD') AS answered_on,
            to_char(met_on, 'YYYY-MM-DD') AS met_on, safety_reason, version
       FROM network_councils WHERE region_id = $1 AND case_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [regionId, caseId],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        offeredOn: r.offered_on,
        answer: r.answer,
        declinedReason: r.declined_reason,
        answeredOn: r.answered_on,
        metOn: r.met_on,
        safetyReason: r.safety_reason,
        version: r.version,
      }
    : null;
}

export type CouncilInput = Omit<CouncilRow, 'id' | 'version'>;

export async function insertCouncil(tx: Tx, regionId: string, c: CaseFacts, userId: string, v: CouncilInput) {
  await tx.query(
    `INSERT INTO network_councils (region_id, id, case_id, family_id, offered_on, answer, declined_reason, answered_on, met_on, safety_reason, updated_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [regionId, randomUUID(), c.id, c.familyId, v.offeredOn, v.answer, v.declinedReason, v.answeredOn, v.metOn, v.safetyReason, userId],
  );
}

export async function updateCouncil(
  tx: Tx,
  regionId: string,
  caseId: string,
  version: number,
  userId: string,
  v: CouncilInput,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE network_councils SET offered_on = $4, answer = $5, declined_reason = $6, answered_on = $7, met_on = $8, safety_reason = $9,
      updated_by = $10, updated_at = now(), version = version + 1
    WHERE region_id = $1 AND case_id = $2 AND version = $3 RETURNING id`,
    [regionId, caseId, version, v.offeredOn, v.answer, v.declinedReason, v.answeredOn, v.metOn, v.safetyReason, userId],
  );
  return rows.length === 1;
}

export async function bumpCouncil(tx: Tx, regionId: string, caseId: string, userId: string) {
  await tx.query(
    `UPDATE network_councils SET version = version + 1, updated_by = $3, updated_at = now() WHERE region_id = $1 AND case_id = $2`,
    [regionId, caseId, userId],
  );
}

export async function councilOutcome(tx: Tx, regionId: string, caseId: string) {
  const goals = await tx.query<{ goal: string }>(`SELECT goal FROM council_goals WHERE region_id = $1 AND case_id = $2 ORDER BY position`, [
    regionId,
    caseId,
  ]);
  const actions = await tx.query<{ what: string; network_member_id: string; name: string; due_on: string }>(
    `SELECT a.what, a.network_member_id, n.name, to_char(a.due_on, 'YYYY-MM-DD') AS due_on
       FROM council_actions a JOIN network_members n ON n.region_id = a.region_id AND n.id = a.network_member_id
      WHERE a.region_id = $1 AND a.case_id = $2 ORDER BY a.position`,
    [regionId, caseId],
  );
  return {
    goals: goals.map((g) => g.goal),
    actions: actions.map((a) => ({ what: a.what, networkMemberId: a.network_member_id, networkMemberName: a.name, dueOn: a.due_on })),
  };
}

export async function replaceOutcome(
  tx: Tx,
  regionId: string,
  c: CaseFacts,
  goals: string[],
  actions: Array<{ what: string; networkMemberId: string; dueOn: string }>,
) {
  await tx.query(`DELETE FROM council_goals WHERE region_id = $1 AND case_id = $2`, [regionId, c.id]);
  await tx.query(`DELETE FROM council_actions WHERE region_id = $1 AND case_id = $2`, [regionId, c.id]);
  for (const [i, g] of goals.entries())
    await tx.query(`INSERT INTO council_goals (region_id, id, case_id, family_id, position, goal) VALUES ($1, $2, $3, $4, $5, $6)`, [
      regionId,
      randomUUID(),
      c.id,
      c.familyId,
      i + 1,
      g,
    ]);
  for (const [i, a] of actions.entries())
    await tx.query(
      `INSERT INTO council_actions (region_id, id, case_id, family_id, position, what, network_member_id, due_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [regionId, randomUUID(), c.id, c.familyId, i + 1, a.what, a.networkMemberId, a.dueOn],
    );
}

export async function councilSettingsOf(tx: Tx, regionId: string) {
  const rows = await tx.query<{ working_days: number; applies_from: string; version: number }>(
    `SELECT working_days, applies_from::text AS applies_from, version FROM council_settings WHERE region_id = $1`,
    [regionId],
  );
  const r = rows[0];
  return r ? { workingDays: r.working_days, appliesFrom: r.applies_from, version: r.version } : null;
}

export async function networkMemberIds(tx: Tx, regionId: string, familyId: string): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM network_members WHERE region_id = $1 AND family_id = $2`, [
    regionId,
    familyId,
  ]);
  return new Set(rows.map((r) => r.id));
}

/** Sets the region's council working days when the settings are still at `version` (1: never saved); null when changed in the meantime. */
export async function saveCouncilSettings(tx: Tx, regionId: string, workingDays: number, version: number): Promise<number | null> {
  const updated = await tx.query<{ version: number }>(
    `UPDATE council_settings SET working_days = $2, version = version + 1 WHERE region_id = $1 AND version = $3 RETURNING version`,
    [regionId, workingDays, version],
  );
  if (updated[0]) return updated[0].version;
  if (version !== 1) return null;
  const inserted = await tx.query<{ version: number }>(
    `INSERT INTO council_settings (region_id, working_days, version) VALUES ($1, $2, 2) ON CONFLICT (region_id) DO NOTHING RETURNING version`,
    [regionId, workingDays],
  );
  return inserted[0]?.version ?? null;
}
