// The tables that hold a family's data, with the rule by which the access property test
// (policy.access.test.ts) checks their rows, and how it names and changes them;
// policy.catalogue.access.test.ts checks the list against the database's catalogue.

/**
 * Every table that holds a family's data — a family_id, case_id or person_id column, or a foreign
 * key to families, cases or persons — and the rule the property test checks its rows against,
 * as read (and, where the application may change rows, as written) by each professional of the
 * world. 'family': readable when mayReadFamily allows the row's family, changeable when
 * mayWriteFamily does (the person tables: the family of the person).
 */
export const FAMILY_SCOPED = {
  families: 'family',
  family_opened: 'family (the opening-date sort key of the list; kept by triggers)',
  family_search_words: 'family (the words of the name search; kept by a trigger, never written by the application)',
  persons: 'family of the person; the privacy officer reads every person of the region',
  family_members: 'family',
  network_members: 'family',
  cases: 'family',
  case_team: 'family',
  timeline_events: 'family (append-only)',
  person_match_decisions: 'family of the person; the privacy officer reads them all',
  person_merges: 'family of the surviving person; the privacy officer reads them all',
  break_glass: 'own grants; the privacy officer reads every grant of the region',
  audit_log: 'the privacy officer of the region only',
  lead_time_moments: 'everyone of the region (no personal data), nobody elsewhere',
  assessments: 'family (append-only: a new picture is a new set)',
  assessment_scores: 'family (append-only)',
  signals: 'maySeeSignal (receiving organisation, reporter, or the family once linked to its case)',
  signal_triage_decisions: 'as its signal',
  signal_family_proposals: 'as its signal',
  handovers: 'mayReadHandover (sending or receiving organisation)',
  refindex_registrations: 'own organisation, or an organisation of a match it is in',
  refindex_matches: 'the organisations of the match',
  safety_assessments: 'family',
  safety_reviews: 'family (append-only)',
  safety_plan_agreements: 'family',
  network_councils: 'family',
  council_goals: 'family',
  council_actions: 'family',
  council_overdue_notices: 'family (written by the council-overdue sweep only)',
  plan_versions: 'family',
  plan_goals: 'family',
  plan_actions: 'family',
  plan_parties: 'family',
  plan_answers: 'family (append-only)',
  plan_action_progress: 'family (append-only)',
} as const;
export type ScopedTable = keyof typeof FAMILY_SCOPED;
export const SCOPED_TABLES = Object.keys(FAMILY_SCOPED).sort() as ScopedTable[];
/** The column that names a row of each table in the world (family_members: one row per person). */
export const KEY: Partial<Record<ScopedTable, string>> = {
  family_members: 'person_id',
  family_opened: 'family_id',
  // One row per word of the family's search text.
  family_search_words: "family_id::text || ' ' || word",
  council_overdue_notices: 'case_id',
};
/** Tables whose rows the application may change, with a change (rolled back, in this order) that RLS must allow exactly when mayWriteFamily does. */
export const WRITES: Partial<Record<ScopedTable, string>> = {
  network_members: 'UPDATE network_members SET name = name WHERE region_id = $1 RETURNING id::text',
  case_team: 'UPDATE case_team SET version = version WHERE region_id = $1 RETURNING id::text',
  person_match_decisions: 'UPDATE person_match_decisions SET decided_by = regie.actor_user() WHERE region_id = $1 RETURNING id::text',
  person_merges: 'UPDATE person_merges SET reason = reason WHERE region_id = $1 RETURNING id::text',
  safety_assessments: 'UPDATE safety_assessments SET version = version WHERE region_id = $1 RETURNING id::text',
  safety_plan_agreements: 'UPDATE safety_plan_agreements SET version = version WHERE region_id = $1 RETURNING id::text',
  network_councils: 'UPDATE network_councils SET version = version WHERE region_id = $1 RETURNING id::text',
  council_goals: 'DELETE FROM council_goals WHERE region_id = $1 RETURNING id::text',
  plan_versions: 'UPDATE plan_versions SET version = version WHERE region_id = $1 RETURNING id::text',
  plan_goals: 'UPDATE plan_goals SET description = description WHERE region_id = $1 RETURNING id::text',
  // An action of an agreed version does not change at all (0320's guard): only a draft's are tried.
  plan_actions: `UPDATE plan_actions SET description = description WHERE region_id = $1
    AND plan_version_id IN (SELECT v.id FROM plan_versions v WHERE v.region_id = $1 AND v.status = 'draft') RETURNING id::text`,
  // Last: without their household memberships the persons above are no longer the actor's.
  family_members: 'DELETE FROM family_members WHERE region_id = $1 RETURNING person_id::text AS id',
};
