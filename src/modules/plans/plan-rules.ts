// The one place where rules that BLOCK proposing or agreeing a plan are decided. Proposing and
// agreeing call these in their transaction; each rule returns what blocks and which field it
// names. Other modules (safety: council offered in time, unsafe case without a safety plan) add
// their checks here, so the plan's use cases never grow a second list.
import type { Tx } from '../../platform/db/db.js';
import { latestScores } from '../assessments/assessments.queries.js';
import { councilBlocker, safetyBlocker, type PlanBlocker } from '../safety/plan-preconditions.js';

export type { PlanBlocker } from '../safety/plan-preconditions.js';

/** What stops this case's draft from being proposed (the plan's own rules). */
export async function proposalBlockers(tx: Tx, caseId: string): Promise<PlanBlocker[]> {
  const out: PlanBlocker[] = [];
  // The actor's region is the only one row-level security shows; the case id is unique within it.
  const rows = await tx.query<{ goals: number }>(
    `SELECT (SELECT count(*)::int FROM plan_goals g WHERE g.region_id = v.region_id AND g.plan_version_id = v.id) AS goals
       FROM plan_versions v WHERE v.region_id = regie.actor_region() AND v.case_id = $1 AND v.status = 'draft'`,
    [caseId],
  );
  const v = rows[0];
  if (!v || v.goals === 0)
    out.push({
      code: 'no_goals',
      field: 'goals',
      message: {
        nl: 'Een plan zonder doelen kan niet worden voorgelegd. Voeg minstens één doel toe.',
        en: 'A plan without goals cannot be proposed. Add at least one goal.',
      },
    });
  // The family network council is offered first (declined is fine), unless a safety reason was recorded.
  const council = await councilBlocker(tx, caseId);
  if (council) out.push(council);
  return out;
}

/** What stops this case's proposed version from becoming agreed, even when every party agreed. */
export async function agreementBlockers(tx: Tx, caseId: string): Promise<PlanBlocker[]> {
  // The plan's own rules are checked at proposal. An (conditionally) unsafe case needs every
  // child's safety scored and a safety plan with agreements.
  const childSafety = (await latestScores(tx, caseId))
    .filter((s) => s.domain === 'safety')
    .map((s) => ({ personId: s.personId, score: s.score }));
  return safetyBlocker(tx, caseId, childSafety);
}
