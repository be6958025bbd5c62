// Who may see and triage a signal: the policy's answer, mirrored by regie.can_see_signal and the
// signals_triage policy in migrations/0041_signal_access.sql (signals.access.test.ts compares).
import type { Actor } from '../../platform/access/actor.js';

export interface SignalFacts {
  receivingOrganisationId: string;
  reporterUserId: string | null;
  caseId: string | null;
  familyId: string | null;
}

export type SignalView = 'triage' | 'case_team' | 'reporter';

/**
 * The receiving organisation (its triage team) sees its signals; the reporter sees their own;
 * the case team sees a signal once it is linked to the family's case. Returns how the actor
 * sees it (what they are shown differs), or null.
 */
export function maySeeSignal(
  actor: Pick<Actor, 'userId' | 'organisationId'>,
  s: SignalFacts,
  /** mayReadFamily(actor, s.familyId, …).allowed: the family question is THE policy's, in platform/access. */
  familyReadable: boolean,
): SignalView | null {
  if (s.receivingOrganisationId === actor.organisationId) return 'triage';
  if (s.caseId && s.familyId && familyReadable) return 'case_team';
  if (s.reporterUserId === actor.userId) return 'reporter';
  return null;
}

/** Only professionals of the receiving organisation triage its signals. */
export function mayTriage(actor: Pick<Actor, 'organisationId'>, s: Pick<SignalFacts, 'receivingOrganisationId'>): boolean {
  return s.receivingOrganisationId === actor.organisationId;
}
