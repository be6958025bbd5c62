// THE rules of handovers: which organisations may receive a case or a signal, the acceptance
// deadline, and who may see and answer a handover (mirrored by the row-level security policies
// in migrations/0090_cross_region_handovers.sql). The receiver may be in another region (the
// tenant) when a family moves: the handover stays in the sender's region and names the
// receiving region (docs/adr/0006-cross-region-handovers.md).
import type { Actor } from '../../platform/access/actor.js';
import { addWorkingDays, workingDaysBetween, type HolidayRules } from '../../platform/time/working-days.js';

import type { OrganisationType } from '../../shared/contract/enums.js';
export { ORGANISATION_TYPES, type OrganisationType } from '../../shared/contract/enums.js';

export type HandoverSubject = 'case' | 'signal';

/**
 * Who has the task to take over what. A case (coordination of a family's help) goes to an
 * organisation that can coordinate: the municipal team, youth care, a certified institution
 * (GI, under a child-protection measure) or Veilig Thuis. A signal goes to an organisation that
 * triages signals: the municipal team, Veilig Thuis or youth care. A GP practice, a school or
 * the police report and take part in case teams, but never take over.
 */
export const HANDOVER_RECEIVERS: Readonly<Record<HandoverSubject, readonly OrganisationType[]>> = {
  case: ['municipal_team', 'youth_care', 'certified_institution', 'veilig_thuis'],
  signal: ['municipal_team', 'veilig_thuis', 'youth_care'],
};

export function mayReceive(subject: HandoverSubject, organisationType: string): boolean {
  return (HANDOVER_RECEIVERS[subject] as readonly string[]).includes(organisationType);
}

/** The receiver answers within five working days (Dutch public holidays, by the sending region's rules, excluded). */
export const ACCEPT_WORKING_DAYS = 5;

export function acceptDueOn(today: string, rules?: HolidayRules): string {
  return addWorkingDays(today, ACCEPT_WORKING_DAYS, rules);
}

/** The due date is the last day to answer; the day after, the handover is overdue. */
export function isOverdue(acceptDueOn: string, today: string): boolean {
  return today > acceptDueOn;
}

/** Working days left until the due date: 0 on the day itself, negative once overdue (in the viewer's region's calendar). */
export function workingDaysLeft(acceptDueOn: string, today: string, rules?: HolidayRules): number {
  return workingDaysBetween(today, acceptDueOn, rules);
}

/** Where a handover goes: the receiving organisation in the receiving region (the sender's own unless named). */
export interface HandoverParties {
  regionId: string;
  toRegionId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
}

/**
 * Members of the sending organisation (in the sender's region) and of the receiving organisation
 * (in the receiving region) see a handover; nobody else.
 */
export function mayReadHandover(actor: Pick<Actor, 'regionId' | 'organisationId'>, h: HandoverParties): boolean {
  return (actor.regionId === h.regionId && actor.organisationId === h.fromOrganisationId) || mayRespond(actor, h);
}

/** Only the receiving organisation answers a handover, also from another region. */
export function mayRespond(
  actor: Pick<Actor, 'regionId' | 'organisationId'>,
  h: Pick<HandoverParties, 'toRegionId' | 'toOrganisationId'>,
): boolean {
  return actor.regionId === h.toRegionId && actor.organisationId === h.toOrganisationId;
}

/** A handover to an organisation of another region. */
export const isCrossRegion = (h: { regionId: string; toRegionId: string }) => h.regionId !== h.toRegionId;
