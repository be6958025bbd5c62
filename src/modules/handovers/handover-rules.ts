// THE rules of handovers: which organisations may receive a case or a signal, the acceptance
// deadline, and who may see a handover (mirrored by the row-level security policy in
// migrations/0060_handovers.sql). Handovers stay inside one region (the tenant): organisations
// of several municipalities can share a region, so a family moving between them is covered.
import type { Actor } from '../../platform/access/actor.js';
import { addWorkingDays, workingDaysBetween } from '../../platform/time/working-days.js';

export const ORGANISATION_TYPES = ['municipal_team', 'veilig_thuis', 'gp_practice', 'school', 'housing_corporation', 'mental_health',
  'youth_care', 'probation', 'police', 'child_protection_board', 'certified_institution', 'safety_house'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

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

/** The receiver answers within five working days (Dutch public holidays excluded). */
export const ACCEPT_WORKING_DAYS = 5;

export function acceptDueOn(today: string): string {
  return addWorkingDays(today, ACCEPT_WORKING_DAYS);
}

/** The due date is the last day to answer; the day after, the handover is overdue. */
export function isOverdue(acceptDueOn: string, today: string): boolean {
  return today > acceptDueOn;
}

/** Working days left until the due date: 0 on the day itself, negative once overdue. */
export function workingDaysLeft(acceptDueOn: string, today: string): number {
  return workingDaysBetween(today, acceptDueOn);
}

/** Members of the sending and of the receiving organisation see a handover; nobody else. */
export function mayReadHandover(actor: Pick<Actor, 'regionId' | 'organisationId'>,
  h: { regionId: string; fromOrganisationId: string; toOrganisationId: string }): boolean {
  return actor.regionId === h.regionId && (actor.organisationId === h.fromOrganisationId || actor.organisationId === h.toOrganisationId);
}

/** Only the receiving organisation answers a handover. */
export function mayRespond(actor: Pick<Actor, 'regionId' | 'organisationId'>, h: { regionId: string; toOrganisationId: string }): boolean {
  return actor.regionId === h.regionId && actor.organisationId === h.toOrganisationId;
}
