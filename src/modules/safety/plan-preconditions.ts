// The plan's preconditions that safety and the network council set, for the plans module to ask
// before a plan version is proposed or agreed (inside the actor's transaction):
// - councilBlocker: a plan is not proposed before the family network council was offered
//   (declined is fine), unless the coordinator recorded a safety reason;
// - safetyBlocker: a case judged unsafe or conditionally safe does not get its plan agreed while a
//   child's safety domain is unassessed or the safety plan is empty.
import type { Tx } from '../../platform/db/db.js';
import { actorRegion } from '../../platform/db/actor-region.js';
import type { Message } from '../../platform/http/errors.js';

export interface PlanBlocker {
  code: string;
  field: string;
  message: Message;
}

export async function councilBlocker(tx: Tx, caseId: string): Promise<PlanBlocker | null> {
  const regionId = await actorRegion(tx);
  const rows = await tx.query<{ offered: boolean; safety: boolean }>(
    `SELECT offered_on IS NOT NULL AS offered, safety_reason IS NOT NULL AS safety FROM network_councils WHERE region_id = $1 AND case_id = $2`,
    [regionId, caseId],
  );
  const c = rows[0];
  if (c && (c.offered || c.safety)) return null;
  return {
    code: 'council_not_offered',
    field: 'council',
    message: {
      nl: 'Bied eerst het familienetwerkberaad aan (afwijzen door het gezin mag), of leg een veiligheidsreden vast om het plan eerder voor te stellen.',
      en: 'First offer the family network council (the family may decline), or record a safety reason to propose the plan earlier.',
    },
  };
}

/** The latest safety score (1–5) of a child, as the assessments hold it. */
export interface ChildSafetyScore {
  personId: string;
  score: number;
}

export async function safetyBlocker(tx: Tx, caseId: string, childSafetyScores: readonly ChildSafetyScore[]): Promise<PlanBlocker[]> {
  const regionId = await actorRegion(tx);
  const rows = await tx.query<{ decision: string | null; agreements: number; children: Array<{ id: string; name: string }> | null }>(
    `SELECT (SELECT decision FROM safety_assessments a WHERE a.region_id = c.region_id AND a.case_id = c.id) AS decision,
            (SELECT count(*)::int FROM safety_plan_agreements p WHERE p.region_id = c.region_id AND p.case_id = c.id) AS agreements,
            (SELECT json_agg(json_build_object('id', m.person_id, 'name', p.given_names) ORDER BY p.birth_date, p.id)
               FROM family_members m JOIN persons p ON p.region_id = m.region_id AND p.id = m.person_id
              WHERE m.region_id = c.region_id AND m.family_id = c.family_id AND m.relation = 'child') AS children
       FROM cases c WHERE c.region_id = $1 AND c.id = $2`,
    [regionId, caseId],
  );
  const r = rows[0];
  if (!r || (r.decision !== 'unsafe' && r.decision !== 'conditionally_safe')) return [];
  const blockers: PlanBlocker[] = [];
  for (const child of r.children ?? []) {
    if (!childSafetyScores.some((s) => s.personId === child.id))
      blockers.push({
        code: 'child_safety_unassessed',
        field: `safety.${child.id}`,
        message: {
          nl: `De veiligheid van ${child.name} is nog niet gescoord; bij een (voorwaardelijk) onveilige situatie kan het plan pas daarna akkoord krijgen.`,
          en: `The safety of ${child.name} has not been scored yet; in an (conditionally) unsafe situation the plan can only be agreed after that.`,
        },
      });
  }
  if (r.agreements === 0)
    blockers.push({
      code: 'safety_plan_empty',
      field: 'safetyPlan',
      message: {
        nl: 'Het veiligheidsplan is leeg; bij een (voorwaardelijk) onveilige situatie kan het plan pas akkoord krijgen met afspraken over veiligheid.',
        en: 'The safety plan is empty; in an (conditionally) unsafe situation the plan can only be agreed with agreements on safety.',
      },
    });
  return blockers;
}
