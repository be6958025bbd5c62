// What other modules may ask of the integral picture, inside their own transaction (the caller
// has already checked access and records its own audit rows): the latest scores of a case and its
// blind spots. Region: the acting transaction's (regie.actor_region()).
import type { Tx } from '../../platform/db/db.js';
import { actorRegion } from '../../platform/db/actor-region.js';
import { dutchToday } from '../../platform/time/working-days.js';
import type { AssessmentView, Domain } from '../../shared/contract/domains.js';
import { evaluateBlindSpots, type BlindSpots } from './blind-spots.js';
import { blindSpotFacts, latestScoreRows, regionRules } from './assessments.repo.js';

export interface LatestScore {
  personId: string;
  domain: Domain;
  score: number;
  view: AssessmentView;
  assessedOn: string;
}

/** Per person, domain and view the most recent score of the case (both views, when both exist). */
export async function latestScores(tx: Tx, caseId: string): Promise<LatestScore[]> {
  const rows = await latestScoreRows(tx, await actorRegion(tx), caseId);
  return rows.map(({ personId, domain, score, view, assessedOn }) => ({ personId, domain, score, view, assessedOn }));
}

/** The blind spots of a case today: unassessed domains per person, and the partner kinds its situation calls for. */
export async function blindSpotsOfCase(tx: Tx, caseId: string): Promise<BlindSpots> {
  const regionId = await actorRegion(tx);
  const [facts, rules] = await Promise.all([blindSpotFacts(tx, regionId, [caseId]), regionRules(tx, regionId)]);
  return evaluateBlindSpots(facts.get(caseId)!, rules, dutchToday());
}
