// The one place where rules that BLOCK proposing or agreeing a plan are decided. Proposing and
// agreeing call these in their transaction; each rule returns what blocks and which field it
// names. Other modules (safety: council offered in time, unsafe case without a safety plan) add
// their checks here, so the plan's use cases never grow a second list.
import type { Tx } from '../../platform/db/db.js';
import type { Message } from '../../platform/http/errors.js';

export type PlanBlocker = { code: string; field: string; message: Message };

/** What stops this case's draft from being proposed (the plan's own rules). */
export async function proposalBlockers(tx: Tx, caseId: string): Promise<PlanBlocker[]> {
  const out: PlanBlocker[] = [];
  // The actor's region is the only one row-level security shows; the case id is unique within it.
  const rows = await tx.query<{ goals: number }>(
    `SELECT (SELECT count(*)::int FROM plan_goals g WHERE g.region_id = v.region_id AND g.plan_version_id = v.id) AS goals
       FROM plan_versions v WHERE v.region_id = regie.actor_region() AND v.case_id = $1 AND v.status = 'draft'`, [caseId]);
  const v = rows[0];
  if (!v || v.goals === 0)
    out.push({ code: 'no_goals', field: 'goals', message: { nl: 'Een plan zonder doelen kan niet worden voorgelegd. Voeg minstens één doel toe.',
      en: 'A plan without goals cannot be proposed. Add at least one goal.' } });
  return out;
}

/** What stops this case's proposed version from becoming agreed, even when every party agreed. */
export async function agreementBlockers(_tx: Tx, _caseId: string): Promise<PlanBlocker[]> {
  // The plan's own rules are checked at proposal; safety rules plug in here.
  return [];
}

/**
 * The safety plan's agreements (who does what, when, how it is checked) to print with the plan,
 * or null while the safety module offers none. The safety module replaces this body with a call
 * to its exported reader; until then the PDF shows that there is no safety plan in Regie.
 */
export async function safetyPlanForPdf(_tx: Tx, _caseId: string): Promise<null | Array<{ what: string; who: string; when: string | null; check: string | null }>> {
  return null;
}
