import type { Role } from '../../shared/contract/enums.js';
export { ROLES, LEGAL_BASES, type Role, type LegalBasisValue as LegalBasis } from '../../shared/contract/enums.js';

/** Who is acting: the logged-in professional, for one organisation, in one region. */
export interface Actor {
  regionId: string;
  userId: string;
  organisationId: string;
  organisationType: string;
  safetyTask: boolean;
  roles: Role[];
  displayName: string;
  sessionId?: string;
  ip?: string;
  userAgent?: string;
}

/** The role written to the audit log: the most specific one the actor holds. */
export function primaryRole(actor: Actor): Role {
  for (const r of [
    'privacy_officer',
    'team_lead',
    'coordinator',
    'behavioural_scientist',
    'functional_admin',
    'inspector',
    'professional',
  ] as const)
    if (actor.roles.includes(r)) return r;
  return 'professional';
}
