// What other modules read of safety and the council, inside the actor's transaction (row-level
// security applies): the safety plan for the plan PDF, and the council's outcome that the plan
// copies as the family's own goals and the network's actions. The caller audits its own read.
import type { Tx } from '../../platform/db/db.js';
import { actorRegion } from '../../platform/db/actor-region.js';
import { agreementsOf, councilOutcome, findAssessment } from './safety.repo.js';

/** The safety decision and the safety plan's agreements (who does what, when, how it is checked). */
export async function safetyPlanOf(tx: Tx, caseId: string) {
  const regionId = await actorRegion(tx);
  const assessment = await findAssessment(tx, regionId, caseId);
  return {
    decision: assessment?.decision ?? null,
    safetyGoals: assessment?.safetyGoals ?? null,
    agreements: await agreementsOf(tx, regionId, caseId),
  };
}

/** One agreement of the safety plan as a plan version keeps it: who does what, when, and how it is checked. */
export interface SafetyPlanItem {
  what: string;
  who: string;
  when: string | null;
  check: string | null;
}

/** The safety plan's agreements as they stand now, to keep with a plan version when it is proposed. */
export async function safetyPlanSnapshot(tx: Tx, regionId: string, caseId: string): Promise<SafetyPlanItem[]> {
  return (await agreementsOf(tx, regionId, caseId)).map((a) => ({
    what: a.what,
    who: a.ownerName,
    when: a.dueOn,
    check: a.checkHow || null,
  }));
}

/** The network council's outcome: the family's goals in their own words and the network's actions, each with its owner and due date. */
export async function councilOutcomeOf(tx: Tx, caseId: string) {
  return councilOutcome(tx, await actorRegion(tx), caseId);
}

/**
 * SQL condition: the family (`family`: the alias of its row, with region_id and id) has an open case whose council the sweep marked as not
 * offered in time and that is still not offered ("FNB te laat" in Mijn gezinnen). The family page
 * computes the same from the due day at once; the list follows the hourly sweep.
 */
export const councilOverdueCondition = (family: string) => `EXISTS (SELECT 1 FROM council_overdue_notices co
    JOIN cases cc ON cc.region_id = co.region_id AND cc.id = co.case_id AND cc.status <> 'closed'
   WHERE co.region_id = ${family}.region_id AND co.family_id = ${family}.id
     AND NOT EXISTS (SELECT 1 FROM network_councils nc WHERE nc.region_id = co.region_id AND nc.case_id = co.case_id AND nc.offered_on IS NOT NULL))`;
