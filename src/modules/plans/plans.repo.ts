// SQL of the plan, inside an actor's transaction (row-level security applies): versions with
// their goals, actions, parties and answers as domain shapes, and the copy into a next draft.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import type { z } from 'zod';
import type { Action, Goal, Party, PlanVersion, VersionSummary } from './plans.contract.js';
import type { Requirement } from './parties.js';

type Status = 'draft' | 'proposed' | 'agreed' | 'not_agreed' | 'superseded';
export interface VersionRow {
  id: string;
  case_id: string;
  family_id: string;
  number: number;
  status: Status;
  plan_date: string;
  based_on: string | null;
  created_at: string;
  approved_at: string | null;
  approved_by_name: string | null;
  proposed_at: string | null;
  decided_at: string | null;
  superseded_at: string | null;
  version: number;
  safety_plan: Array<{ what: string; who: string; when: string | null; check: string | null }> | null;
}

const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString());

/**
 * How the action `a` (an alias of plan_actions) stands: its latest progress on the agreed version
 * (migration 0380), or else its own status. Always one row: status, not_done_reason, recorded_at and
 * recorded_by of that progress (null when none), n the number of progress rows (the action's
 * progress version is n + 1). The one place of the rule; join it with `CROSS JOIN LATERAL`.
 */
export const ACTION_STAND = (a: string) => `SELECT coalesce(pp.status, ${a}.status) AS status,
         CASE WHEN pp.status IS NULL THEN ${a}.not_done_reason ELSE pp.not_done_reason END AS not_done_reason,
         pp.recorded_at, pp.recorded_by, coalesce(pp.n, 0)::int AS n
    FROM (VALUES (1)) one
    LEFT JOIN LATERAL (SELECT p.status, p.not_done_reason, p.recorded_at, p.recorded_by, count(*) OVER () AS n
                         FROM plan_action_progress p WHERE p.region_id = ${a}.region_id AND p.action_id = ${a}.id
                        ORDER BY p.seq DESC LIMIT 1) pp ON true`;
export const PERSON_NAME = (p: string) => `nullif(concat_ws(' ', ${p}.given_names, ${p}.family_name_prefix, ${p}.family_name), '')`;

const VERSION_COLUMNS = `v.id, v.case_id, v.family_id, v.number, v.status, v.plan_date::text AS plan_date, v.based_on, v.created_at, v.approved_at,
  (SELECT u.display_name FROM users u WHERE u.region_id = v.region_id AND u.id = v.approved_by) AS approved_by_name,
  v.proposed_at, v.decided_at, v.superseded_at, v.version, v.safety_plan`;

export async function findVersion(tx: Tx, regionId: string, versionId: string, lock = false): Promise<VersionRow | null> {
  const rows = await tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions v WHERE v.region_id = $1 AND v.id = $2${lock ? ' FOR UPDATE OF v' : ''}`,
    [regionId, versionId],
  );
  return rows[0] ?? null;
}

export async function versionsOfCase(tx: Tx, regionId: string, caseId: string): Promise<VersionRow[]> {
  return tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions v WHERE v.region_id = $1 AND v.case_id = $2 ORDER BY v.number`,
    [regionId, caseId],
  );
}

export function summary(v: VersionRow): z.infer<typeof VersionSummary> {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    planDate: v.plan_date,
    proposedAt: iso(v.proposed_at),
    decidedAt: iso(v.decided_at),
  };
}

export async function goalsOf(tx: Tx, regionId: string, versionIds: string[]): Promise<Map<string, Array<z.infer<typeof Goal>>>> {
  const rows = await tx.query<{
    plan_version_id: string;
    id: string;
    lineage_id: string;
    domain: z.infer<typeof Goal>['domain'];
    person_id: string | null;
    person_name: string | null;
    description: string;
    target_score: number | null;
    target_date: string | null;
    family_own: boolean;
    position: number;
  }>(
    `SELECT g.plan_version_id, g.id, g.lineage_id, g.domain, g.person_id, ${PERSON_NAME('p')} AS person_name, g.description, g.target_score,
            g.target_date::text AS target_date, g.family_own, g.position
       FROM plan_goals g LEFT JOIN persons p ON p.region_id = g.region_id AND p.id = g.person_id
      WHERE g.region_id = $1 AND g.plan_version_id = ANY ($2::uuid[]) ORDER BY g.position, g.id`,
    [regionId, versionIds],
  );
  const out = new Map<string, Array<z.infer<typeof Goal>>>(versionIds.map((id) => [id, []]));
  for (const r of rows)
    out.get(r.plan_version_id)?.push({
      id: r.id,
      lineageId: r.lineage_id,
      domain: r.domain,
      personId: r.person_id,
      personName: r.person_id ? r.person_name : null,
      description: r.description,
      targetScore: r.target_score,
      targetDate: r.target_date,
      familyOwn: r.family_own,
      position: r.position,
    });
  return out;
}

export async function actionsOf(tx: Tx, regionId: string, versionIds: string[]): Promise<Map<string, Array<z.infer<typeof Action>>>> {
  const rows = await tx.query<{
    plan_version_id: string;
    id: string;
    lineage_id: string;
    goal_id: string | null;
    goal_lineage_id: string | null;
    description: string;
    owner_kind: 'organisation' | 'family_member' | 'network_member';
    owner_organisation_id: string | null;
    organisation_name: string | null;
    owner_user_id: string | null;
    user_name: string | null;
    owner_person_id: string | null;
    person_name: string | null;
    owner_network_member_id: string | null;
    network_member_name: string | null;
    due_on: string;
    status: 'open' | 'done' | 'not_done';
    not_done_reason: string | null;
    position: number;
    st_status: 'open' | 'done' | 'not_done';
    st_reason: string | null;
    st_at: string | null;
    st_by: string | null;
    st_count: number;
  }>(
    `SELECT a.plan_version_id, a.id, a.lineage_id, a.goal_id, g.lineage_id AS goal_lineage_id, a.description, a.owner_kind,
            a.owner_organisation_id, o.name AS organisation_name, a.owner_user_id, u.display_name AS user_name,
            a.owner_person_id, ${PERSON_NAME('p')} AS person_name, a.owner_network_member_id, n.name AS network_member_name,
            a.due_on::text AS due_on, a.status, a.not_done_reason, a.position,
            st.status AS st_status, st.not_done_reason AS st_reason, st.recorded_at AS st_at, su.display_name AS st_by, st.n AS st_count
       FROM plan_actions a
       CROSS JOIN LATERAL (${ACTION_STAND('a')}) st
       LEFT JOIN users su ON su.region_id = a.region_id AND su.id = st.recorded_by
       LEFT JOIN plan_goals g ON g.region_id = a.region_id AND g.id = a.goal_id
       LEFT JOIN organisations o ON o.region_id = a.region_id AND o.id = a.owner_organisation_id
       LEFT JOIN users u ON u.region_id = a.region_id AND u.id = a.owner_user_id
       LEFT JOIN persons p ON p.region_id = a.region_id AND p.id = a.owner_person_id
       LEFT JOIN network_members n ON n.region_id = a.region_id AND n.id = a.owner_network_member_id
      WHERE a.region_id = $1 AND a.plan_version_id = ANY ($2::uuid[]) ORDER BY a.position, a.id`,
    [regionId, versionIds],
  );
  const out = new Map<string, Array<z.infer<typeof Action>>>(versionIds.map((id) => [id, []]));
  for (const r of rows)
    out.get(r.plan_version_id)?.push({
      id: r.id,
      lineageId: r.lineage_id,
      goalId: r.goal_id,
      goalLineageId: r.goal_lineage_id,
      description: r.description,
      dueOn: r.due_on,
      status: r.status,
      notDoneReason: r.not_done_reason,
      position: r.position,
      progress: {
        status: r.st_status,
        notDoneReason: r.st_reason,
        recordedAt: iso(r.st_at),
        recordedByName: r.st_by,
        version: r.st_count + 1,
      },
      owner: {
        kind: r.owner_kind,
        organisationId: r.owner_organisation_id,
        organisationName: r.organisation_name,
        userId: r.owner_user_id,
        userName: r.user_name,
        personId: r.owner_person_id,
        personName: r.owner_person_id ? r.person_name : null,
        networkMemberId: r.owner_network_member_id,
        networkMemberName: r.network_member_name,
      },
    });
  return out;
}

export async function partiesOf(tx: Tx, regionId: string, versionId: string): Promise<Array<z.infer<typeof Party>>> {
  const rows = await tx.query<{
    id: string;
    person_id: string | null;
    organisation_id: string | null;
    name: string;
    requirement: Requirement;
    answer: 'agreed' | 'disagreed' | 'heard' | null;
    reason: string | null;
    view: string | null;
    via: 'conversation' | 'phone' | 'in_writing' | 'video' | 'own_account' | null;
    answered_on: string | null;
    recorded_by_name: string | null;
    recorded_at: string | null;
  }>(
    `SELECT pp.id, pp.person_id, pp.organisation_id, coalesce(${PERSON_NAME('p')}, o.name) AS name, pp.requirement,
            an.answer, an.reason, an.view, an.via, an.answered_on::text AS answered_on, u.display_name AS recorded_by_name, an.recorded_at
       FROM plan_parties pp
       LEFT JOIN persons p ON p.region_id = pp.region_id AND p.id = pp.person_id
       LEFT JOIN organisations o ON o.region_id = pp.region_id AND o.id = pp.organisation_id
       LEFT JOIN plan_answers an ON an.region_id = pp.region_id AND an.party_id = pp.id
       LEFT JOIN users u ON u.region_id = an.region_id AND u.id = an.recorded_by
      WHERE pp.region_id = $1 AND pp.plan_version_id = $2
      ORDER BY pp.organisation_id IS NOT NULL, array_position(ARRAY['agree','agree_own_part','agree_with_parents','heard'], pp.requirement), name`,
    [regionId, versionId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.person_id ? ('person' as const) : ('organisation' as const),
    personId: r.person_id,
    organisationId: r.organisation_id,
    name: r.name,
    requirement: r.requirement,
    answer: r.answer
      ? {
          answer: r.answer,
          reason: r.reason,
          view: r.view,
          via: r.via,
          answeredOn: r.answered_on!,
          recordedByName: r.recorded_by_name ?? '',
          recordedAt: iso(r.recorded_at)!,
        }
      : null,
  }));
}

export async function versionDetail(tx: Tx, regionId: string, v: VersionRow): Promise<z.infer<typeof PlanVersion>> {
  // One round trip: the three are sent together on the transaction's (pipelined) connection.
  const [goals, actions, parties] = await Promise.all([
    goalsOf(tx, regionId, [v.id]),
    actionsOf(tx, regionId, [v.id]),
    partiesOf(tx, regionId, v.id),
  ]);
  return {
    ...summary(v),
    caseId: v.case_id,
    familyId: v.family_id,
    basedOn: v.based_on,
    createdAt: iso(v.created_at)!,
    supersededAt: iso(v.superseded_at),
    approvedAt: iso(v.approved_at),
    approvedByName: v.approved_by_name,
    version: v.version,
    goals: goals.get(v.id) ?? [],
    actions: actions.get(v.id) ?? [],
    parties,
    safetyPlan: v.safety_plan,
  };
}

/** Disagreements no later proposed version has answered yet. */
export async function openDisagreements(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{ version_id: string; number: number; party_name: string; reason: string; answered_on: string }>(
    `SELECT v.id AS version_id, v.number, coalesce(${PERSON_NAME('p')}, o.name) AS party_name, an.reason, an.answered_on::text AS answered_on
       FROM plan_answers an
       JOIN plan_versions v ON v.region_id = an.region_id AND v.id = an.plan_version_id
       JOIN plan_parties pp ON pp.region_id = an.region_id AND pp.id = an.party_id
       LEFT JOIN persons p ON p.region_id = pp.region_id AND p.id = pp.person_id
       LEFT JOIN organisations o ON o.region_id = pp.region_id AND o.id = pp.organisation_id
      WHERE an.region_id = $1 AND v.case_id = $2 AND an.answer = 'disagreed'
        AND NOT EXISTS (SELECT 1 FROM plan_versions later WHERE later.region_id = v.region_id AND later.case_id = v.case_id
                          AND later.number > v.number AND later.proposed_at IS NOT NULL)
      ORDER BY v.number, an.recorded_at`,
    [regionId, caseId],
  );
  return rows.map((r) => ({
    versionId: r.version_id,
    number: r.number,
    partyName: r.party_name,
    reason: r.reason,
    answeredOn: r.answered_on,
  }));
}

/** A new draft numbered after the last version, copying the last version's goals and actions (same lineage). */
export async function insertDraft(
  tx: Tx,
  regionId: string,
  c: { caseId: string; familyId: string },
  userId: string,
  planDate: string,
  from: VersionRow | undefined,
) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO plan_versions (region_id, id, case_id, family_id, number, plan_date, based_on, created_by)
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [regionId, id, c.caseId, c.familyId, (from?.number ?? 0) + 1, planDate, from?.id ?? null, userId],
  );
  if (from) {
    await tx.query(
      `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, person_id, description, target_score, target_date, family_own, position)
                    SELECT region_id, gen_random_uuid(), $3, family_id, lineage_id, domain, person_id, description, target_score, target_date, family_own, position
                      FROM plan_goals WHERE region_id = $1 AND plan_version_id = $2`,
      [regionId, from.id, id],
    );
    await tx.query(
      `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, goal_id, description, owner_kind, owner_organisation_id, owner_user_id,
                      owner_person_id, owner_network_member_id, due_on, status, not_done_reason, position)
                    SELECT a.region_id, gen_random_uuid(), $3, a.family_id, a.lineage_id, ng.id, a.description, a.owner_kind, a.owner_organisation_id, a.owner_user_id,
                           a.owner_person_id, a.owner_network_member_id, a.due_on, st.status, st.not_done_reason, a.position
                      FROM plan_actions a
                      -- a new draft starts from each action's stand, not from what was agreed
                      CROSS JOIN LATERAL (${ACTION_STAND('a')}) st
                      LEFT JOIN plan_goals og ON og.region_id = a.region_id AND og.id = a.goal_id
                      LEFT JOIN plan_goals ng ON ng.region_id = a.region_id AND ng.plan_version_id = $3 AND ng.lineage_id = og.lineage_id
                     WHERE a.region_id = $1 AND a.plan_version_id = $2`,
      [regionId, from.id, id],
    );
  }
  return id;
}
