// The rules of safety and the family network council, without a database: when a safety
// assessment is required and why, when the council is due (working days after the case opened,
// under the region's holiday rules) and whether it is overdue.
import { addWorkingDays, DEFAULT_HOLIDAY_RULES, type HolidayRules } from '../../platform/time/working-days.js';
import type { SAFETY_REQUIRED_REASONS } from './safety.contract.js';

export type SafetyRequiredReason = (typeof SAFETY_REQUIRED_REASONS)[number];

/** A child's safety score of this or lower (1–5) calls for a safety assessment. */
export const LOW_CHILD_SAFETY = 2;
/** The default number of working days within which the council must be offered. */
export const DEFAULT_COUNCIL_WORKING_DAYS = 10;

export interface SafetyFacts {
  /** A signal that led to or joined the case had safety at stake (or its triage judged it so). */
  signalSafetyConcern: boolean;
  /** Veilig Thuis is on the case team (an active membership). */
  veiligThuisOnTeam: boolean;
  /** The latest safety scores (1–5) of the family's children; absent while nobody scored them. */
  childSafetyScores: readonly number[];
}

/** Why a safety assessment is required; none: not required. */
export function safetyRequiredReasons(f: SafetyFacts): SafetyRequiredReason[] {
  const reasons: SafetyRequiredReason[] = [];
  if (f.signalSafetyConcern) reasons.push('signal_safety_concern');
  if (f.veiligThuisOnTeam) reasons.push('veilig_thuis_on_team');
  if (f.childSafetyScores.some((s) => s <= LOW_CHILD_SAFETY)) reasons.push('child_safety_score_low');
  return reasons;
}

/** The last day to offer the council: `workingDays` working days after the (Dutch) day the case opened. */
export function councilDueOn(openedOn: string, workingDays: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): string {
  return addWorkingDays(openedOn, workingDays, rules);
}

export type CouncilStatus = 'not_offered' | 'offered' | 'accepted' | 'declined' | 'met';

export function councilStatus(
  c: { offeredOn: string | null; answer: 'accepted' | 'declined' | null; metOn: string | null } | null,
): CouncilStatus {
  if (!c?.offeredOn) return 'not_offered';
  if (c.metOn) return 'met';
  return c.answer ?? 'offered';
}

/** Not offered after its due day, for a case the region's rule applies to. */
export function councilOverdue(c: { offeredOn: string | null } | null, dueOn: string, today: string, ruleApplies = true): boolean {
  return ruleApplies && !c?.offeredOn && today > dueOn;
}
