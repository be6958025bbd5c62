// SQL of the integral picture, inside an actor's transaction (row-level security applies); the
// region is in every condition. Returns domain shapes.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import type { AssessmentView, Domain } from '../../shared/contract/domains.js';
import type { BlindSpotRule, BlindSpotRuleName, CaseFacts } from './blind-spots.js';

/** Date columns are selected as text (::text), so both drivers give YYYY-MM-DD. */
const day = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export async function findCase(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{ family_id: string; status: string }>(
    `SELECT family_id, status FROM cases WHERE region_id = $1 AND id = $2`,
    [regionId, caseId],
  );
  return rows[0] ?? null;
}

export interface FamilyPerson {
  personId: string;
  name: string;
  birthDate: string | null;
}

export async function familyPersons(tx: Tx, regionId: string, familyId: string): Promise<FamilyPerson[]> {
  const rows = await tx.query<{
    id: string;
    given_names: string;
    family_name_prefix: string | null;
    family_name: string;
    birth_date: string | Date | null;
  }>(
    `SELECT p.id, p.given_names, p.family_name_prefix, p.family_name, p.birth_date::text AS birth_date
       FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE fm.region_id = $1 AND fm.family_id = $2 ORDER BY p.birth_date NULLS FIRST, p.given_names, p.id`,
    [regionId, familyId],
  );
  return rows.map((r) => ({
    personId: r.id,
    name: [r.given_names, r.family_name_prefix, r.family_name].filter(Boolean).join(' '),
    birthDate: day(r.birth_date),
  }));
}

export interface NewScore {
  personId: string;
  domain: Domain;
  score: number;
  rationale: string;
  view: AssessmentView;
}

export async function insertAssessment(
  tx: Tx,
  a: { regionId: string; caseId: string; familyId: string; assessedOn: string; userId: string; organisationId: string; scores: NewScore[] },
) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO assessments (region_id, id, case_id, family_id, assessed_on, created_by, created_by_organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.regionId, id, a.caseId, a.familyId, a.assessedOn, a.userId, a.organisationId],
  );
  await tx.query(
    `INSERT INTO assessment_scores (region_id, id, assessment_id, case_id, family_id, person_id, domain, score, rationale, view, scored_by, scored_by_organisation_id)
     SELECT $1, gen_random_uuid(), $2, $3, $4, s.person_id, s.domain, s.score, s.rationale, s.view, $5, $6
       FROM unnest($7::uuid[], $8::text[], $9::int[], $10::text[], $11::text[]) AS s(person_id, domain, score, rationale, view)`,
    [
      a.regionId,
      id,
      a.caseId,
      a.familyId,
      a.userId,
      a.organisationId,
      a.scores.map((s) => s.personId),
      a.scores.map((s) => s.domain),
      a.scores.map((s) => s.score),
      a.scores.map((s) => s.rationale),
      a.scores.map((s) => s.view),
    ],
  );
  return id;
}

export interface ScoreRow {
  assessmentId: string;
  assessedOn: string;
  personId: string;
  domain: Domain;
  score: number;
  rationale: string;
  view: AssessmentView;
  scoredBy: string;
  organisation: string;
  organisationType: string;
  scoredAt: string;
}

/** Every score of a case (optionally of one person), with its set's date; newest set first. */
export async function caseScores(tx: Tx, regionId: string, caseId: string, personId?: string): Promise<ScoreRow[]> {
  const rows = await tx.query<{
    assessment_id: string;
    assessed_on: string | Date;
    person_id: string;
    domain: Domain;
    score: number;
    rationale: string;
    view: AssessmentView;
    scored_by: string;
    organisation: string;
    organisation_type: string;
    scored_at: string | Date;
  }>(
    `SELECT s.assessment_id, a.assessed_on::text AS assessed_on, s.person_id, s.domain, s.score, s.rationale, s.view, u.display_name AS scored_by,
            o.name AS organisation, o.type AS organisation_type, s.scored_at
       FROM assessment_scores s
       JOIN assessments a ON a.region_id = s.region_id AND a.id = s.assessment_id
       JOIN users u ON u.region_id = s.region_id AND u.id = s.scored_by
       JOIN organisations o ON o.region_id = s.region_id AND o.id = s.scored_by_organisation_id
      WHERE s.region_id = $1 AND s.case_id = $2 AND ($3::uuid IS NULL OR s.person_id = $3)
      ORDER BY a.assessed_on DESC, a.created_at DESC, s.person_id, s.domain, s.view`,
    [regionId, caseId, personId ?? null],
  );
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    assessedOn: day(r.assessed_on)!,
    personId: r.person_id,
    domain: r.domain,
    score: r.score,
    rationale: r.rationale,
    view: r.view,
    scoredBy: r.scored_by,
    organisation: r.organisation,
    organisationType: r.organisation_type,
    scoredAt: new Date(r.scored_at).toISOString(),
  }));
}

export async function caseSets(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{
    id: string;
    assessed_on: string | Date;
    created_by: string;
    organisation: string;
    created_at: string | Date;
  }>(
    `SELECT a.id, a.assessed_on::text AS assessed_on, u.display_name AS created_by, o.name AS organisation, a.created_at
       FROM assessments a JOIN users u ON u.region_id = a.region_id AND u.id = a.created_by
       JOIN organisations o ON o.region_id = a.region_id AND o.id = a.created_by_organisation_id
      WHERE a.region_id = $1 AND a.case_id = $2 ORDER BY a.assessed_on DESC, a.created_at DESC`,
    [regionId, caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    assessedOn: day(r.assessed_on)!,
    createdBy: r.created_by,
    organisation: r.organisation,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * The facts the blind spots of these cases are computed from, in one round trip: persons and
 * birth dates, the latest score per person, domain and view, the organisation types on each team
 * and of each scorer, and a triage with safety concerns of a signal that led to the case.
 */
export async function blindSpotFacts(tx: Tx, regionId: string, caseIds: string[]): Promise<Map<string, CaseFacts>> {
  const out = new Map<string, CaseFacts>(
    caseIds.map((id) => [id, { persons: [], latest: [], assessed: [], teamTypes: [], contributedTypes: [], signalSafetyConcern: false }]),
  );
  if (!caseIds.length) return out;
  const rows = await tx.query<{
    k: 'p' | 's' | 't' | 'c' | 'g';
    case_id: string;
    person_id: string | null;
    v: string | null;
    score: number | null;
    birth_date: string | Date | null;
  }>(
    `SELECT 'p' AS k, c.id AS case_id, fm.person_id, NULL::text AS v, NULL::int AS score, p.birth_date::text AS birth_date
       FROM cases c JOIN family_members fm ON fm.region_id = c.region_id AND fm.family_id = c.family_id
       JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE c.region_id = $1 AND c.id = ANY ($2::uuid[])
     UNION ALL
     SELECT 's', l.case_id, l.person_id, l.domain, min(l.score), NULL::text FROM (
       SELECT DISTINCT ON (s.case_id, s.person_id, s.domain, s.view) s.case_id, s.person_id, s.domain, s.score
         FROM assessment_scores s JOIN assessments a ON a.region_id = s.region_id AND a.id = s.assessment_id
        WHERE s.region_id = $1 AND s.case_id = ANY ($2::uuid[])
        ORDER BY s.case_id, s.person_id, s.domain, s.view, a.assessed_on DESC, a.created_at DESC) l
      GROUP BY l.case_id, l.person_id, l.domain
     UNION ALL
     SELECT DISTINCT 't', ct.case_id, NULL::uuid, o.type, NULL::int, NULL::text
       FROM case_team ct JOIN organisations o ON o.region_id = ct.region_id AND o.id = ct.organisation_id
      WHERE ct.region_id = $1 AND ct.case_id = ANY ($2::uuid[]) AND ct.ended_at IS NULL AND ct.started_at <= now()
     UNION ALL
     SELECT DISTINCT 'c', s.case_id, NULL::uuid, o.type, NULL::int, NULL::text
       FROM assessment_scores s JOIN organisations o ON o.region_id = s.region_id AND o.id = s.scored_by_organisation_id
      WHERE s.region_id = $1 AND s.case_id = ANY ($2::uuid[])
     UNION ALL
     SELECT DISTINCT 'g', d.case_id, NULL::uuid, NULL::text, NULL::int, NULL::text
       FROM signal_triage_decisions d
      WHERE d.region_id = $1 AND d.case_id = ANY ($2::uuid[]) AND d.safety_assessment IN ('concerns', 'unsafe')`,
    [regionId, caseIds],
    { prepare: true },
  );
  for (const r of rows) {
    const f = out.get(r.case_id);
    if (!f) continue;
    if (r.k === 'p') f.persons.push({ personId: r.person_id!, birthDate: day(r.birth_date) });
    else if (r.k === 's') {
      f.latest.push({ personId: r.person_id!, domain: r.v as Domain, score: r.score! });
      f.assessed.push({ personId: r.person_id!, domain: r.v as Domain });
    } else if (r.k === 't') f.teamTypes.push(r.v!);
    else if (r.k === 'c') f.contributedTypes.push(r.v!);
    else f.signalSafetyConcern = true;
  }
  return out;
}

/** The latest score per person, domain and view of a case. */
export async function latestScoreRows(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{
    person_id: string;
    domain: Domain;
    score: number;
    view: AssessmentView;
    assessed_on: string | Date;
    rationale: string;
    organisation: string;
  }>(
    `SELECT DISTINCT ON (s.person_id, s.domain, s.view) s.person_id, s.domain, s.score, s.view, a.assessed_on::text AS assessed_on, s.rationale, o.name AS organisation
       FROM assessment_scores s JOIN assessments a ON a.region_id = s.region_id AND a.id = s.assessment_id
       JOIN organisations o ON o.region_id = s.region_id AND o.id = s.scored_by_organisation_id
      WHERE s.region_id = $1 AND s.case_id = $2
      ORDER BY s.person_id, s.domain, s.view, a.assessed_on DESC, a.created_at DESC`,
    [regionId, caseId],
  );
  return rows.map((r) => ({
    personId: r.person_id,
    domain: r.domain,
    score: r.score,
    view: r.view,
    assessedOn: day(r.assessed_on)!,
    rationale: r.rationale,
    organisation: r.organisation,
  }));
}

type RuleRow = {
  rule: BlindSpotRuleName;
  partner_type: string;
  enabled: boolean;
  min_age: number | null;
  max_age: number | null;
  max_score: number | null;
  version: number;
  updated_at: string | Date;
};
const toRule = (r: RuleRow) => ({
  rule: r.rule,
  partnerType: r.partner_type,
  enabled: r.enabled,
  minAge: r.min_age,
  maxAge: r.max_age,
  maxScore: r.max_score,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function regionRules(tx: Tx, regionId: string): Promise<(BlindSpotRule & { version: number; updatedAt: string })[]> {
  const rows = await tx.query<RuleRow>(
    `SELECT rule, partner_type, enabled, min_age, max_age, max_score, version, updated_at FROM blind_spot_rules
     WHERE region_id = $1 ORDER BY array_position(ARRAY['school_age_child','young_child','child_safety_concern','housing_low','mental_health_low'], rule)`,
    [regionId],
    { prepare: true },
  );
  return rows.map(toRule);
}

export async function updateRule(
  tx: Tx,
  regionId: string,
  userId: string,
  rule: BlindSpotRuleName,
  version: number,
  v: { partnerType: string; enabled: boolean; minAge: number | null; maxAge: number | null; maxScore: number | null },
) {
  const rows = await tx.query<RuleRow>(
    `UPDATE blind_spot_rules SET partner_type = $4, enabled = $5, min_age = $6, max_age = $7, max_score = $8, version = version + 1, updated_by = $9, updated_at = now()
      WHERE region_id = $1 AND rule = $2 AND version = $3 RETURNING rule, partner_type, enabled, min_age, max_age, max_score, version, updated_at`,
    [regionId, rule, version, v.partnerType, v.enabled, v.minAge, v.maxAge, v.maxScore, userId],
  );
  return rows[0] ? toRule(rows[0]) : null;
}

/** One page of the open cases an organisation works on (an active membership), in family order. */
export async function organisationCasesPage(tx: Tx, regionId: string, organisationId: string, after: string | null, limit: number) {
  return tx.query<{ family_id: string; case_id: string; family_name: string; opened_at: string | Date }>(
    `SELECT t.family_id, t.case_id, f.name AS family_name, c.opened_at FROM (
       SELECT DISTINCT ON (ct.family_id) ct.family_id, ct.case_id
         FROM case_team ct JOIN cases c ON c.region_id = ct.region_id AND c.id = ct.case_id AND c.status <> 'closed'
        WHERE ct.region_id = $1 AND ct.organisation_id = $2 AND ct.ended_at IS NULL AND ct.started_at <= now() AND ($3::uuid IS NULL OR ct.family_id > $3::uuid)
        ORDER BY ct.family_id LIMIT $4) t
       JOIN cases c ON c.region_id = $1 AND c.id = t.case_id
       JOIN families f ON f.region_id = $1 AND f.id = t.family_id
      ORDER BY t.family_id`,
    [regionId, organisationId, after, limit],
    { prepare: true },
  );
}
