// THE access policy: who may do what, and on which legal basis. Row-level security in
// migrations/0003_row_level_security.sql answers the family question again inside PostgreSQL;
// policy.access.test.ts checks with random worlds that both answers agree.
import { ROLES, type Actor, type LegalBasis, type Role } from './actor.js';

export const PERMISSIONS = {
  'family:list': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'family:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'family:create': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'family:update': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'case:open': ['professional', 'coordinator', 'team_lead'],
  'case:update': ['coordinator', 'team_lead'],
  'case-team:manage': ['coordinator', 'team_lead'],
  'coordinator:transfer': ['coordinator', 'team_lead'],
  'user:list': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist', 'privacy_officer', 'functional_admin'],
  'break-glass:open': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'break-glass:review': ['privacy_officer'],
  'audit:read': ['privacy_officer'],
  'audit:verify': ['privacy_officer'],
  'person:access-log': ['privacy_officer'],
  // Front door (signals, triage, reference index, handovers, notifications).
  'signal:create': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'signal:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'signal:triage': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'refindex:register': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'refindex:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'handover:send': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'handover:respond': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'handover:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  // The integral picture (assessments) and its blind spots; writing also needs a care relation (mayWriteFamily).
  'assessment:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'assessment:record': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'blind-spot:organisation': ['team_lead'],
  // Safety and the family network council (the family check follows in the service and RLS).
  'safety:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'safety:write': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'safety:review': ['behavioural_scientist'],
  'council:write': ['coordinator', 'team_lead'],
  // The plan (issue "One plan"): the service further limits proposing and family answers to the coordinator,
  // an organisation's answer to its own professionals, and approval to a team lead of an organisation on the team.
  'plan:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'plan:write': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'],
  'plan:approve': ['team_lead'],
  'leadtime:read': ['professional', 'coordinator', 'team_lead', 'behavioural_scientist', 'functional_admin'],
  // Every role: each account reads its own notifications.
  'notification:self': ROLES,
  'notification:admin': ['functional_admin'],
  // Every role: each account manages its own session (second factor, password).
  'session:self': ROLES,
  // Functional administration (Beheer): region settings, organisations and accounts. The access
  // rules themselves (this table, in words) may be read by the administrator and the privacy officer.
  'admin:settings': ['functional_admin'],
  'admin:organisations': ['functional_admin'],
  'admin:users': ['functional_admin'],
  'admin:blind-spot-rules': ['functional_admin'],
  // And the account must be an installation administrator (migrations/0170, checked in regions.service.ts).
  'region:create': ['functional_admin'],
  'access-rules:read': ['functional_admin', 'privacy_officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Deny by default: a permission the table does not name is never granted. */
export function hasPermission(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  // Own keys only: a name like 'toString' must be denied, not looked up on Object.prototype.
  const allowed: readonly Role[] = Object.hasOwn(PERMISSIONS, permission) ? PERMISSIONS[permission] : [];
  return actor.roles.some((r) => allowed.includes(r));
}

export interface Membership {
  familyId: string;
  userId: string;
  organisationId: string;
  legalBasis: LegalBasis;
  role: 'coordinator' | 'member';
  active: boolean;
  /** A membership added for a future date opens nothing before this moment (absent: already started). */
  startsAt?: Date;
}
export interface BreakGlassGrant {
  familyId: string;
  userId: string;
  expiresAt: Date;
}

export interface FamilyAccess {
  allowed: boolean;
  /** Legal basis recorded in the audit log for this access. */
  legalBasis?: LegalBasis;
  careRelation: boolean;
  consent: boolean;
  breakGlass: boolean;
}

/** A statutory task before safety before consent: the firmer ground first. */
const BASIS_RANK: Record<LegalBasis, number> = { statutory_task: 0, safety: 1, consent: 2 };

/**
 * The membership an access rests on when several give it (a professional on a case team twice,
 * with two bases; a team lead's organisation with several members): the coordinator's, else the
 * one on the firmest basis. So the legal basis in the audit log does not depend on the order in
 * which the memberships were read (the access property test found the two orders disagreeing).
 */
function principal(ms: Membership[]): Membership | undefined {
  const rank = (m: Membership) => (m.role === 'coordinator' ? 0 : 10) + BASIS_RANK[m.legalBasis];
  return ms.reduce<Membership | undefined>((best, m) => (best === undefined || rank(m) < rank(best) ? m : best), undefined);
}

/**
 * May this actor see this family? A professional on the case team may, a team lead may see
 * every family their organisation works with (a membership counts from its start, so one added
 * for a future date opens nothing yet), and an active break-the-glass grant opens one
 * family for 60 minutes. Everyone else sees nothing (and gets 404, not 403).
 */
export function mayReadFamily(
  actor: Pick<Actor, 'userId' | 'organisationId' | 'roles'>,
  familyId: string,
  facts: { memberships: Membership[]; breakGlass: BreakGlassGrant[] },
  now: Date = new Date(),
): FamilyAccess {
  const current = (m: Membership) => m.active && m.familyId === familyId && (!m.startsAt || m.startsAt <= now);
  const own = principal(facts.memberships.filter((m) => current(m) && m.userId === actor.userId));
  if (own)
    return { allowed: true, legalBasis: own.legalBasis, careRelation: true, consent: own.legalBasis === 'consent', breakGlass: false };
  if (actor.roles.includes('team_lead')) {
    const team = principal(facts.memberships.filter((m) => current(m) && m.organisationId === actor.organisationId));
    if (team)
      return { allowed: true, legalBasis: team.legalBasis, careRelation: true, consent: team.legalBasis === 'consent', breakGlass: false };
  }
  const glass = facts.breakGlass.find((g) => g.familyId === familyId && g.userId === actor.userId && g.expiresAt > now);
  if (glass) return { allowed: true, legalBasis: 'safety', careRelation: false, consent: false, breakGlass: true };
  return { allowed: false, careRelation: false, consent: false, breakGlass: false };
}

/**
 * May this actor change this family (its members, network, case, case team, persons)? Only
 * through a care relation: break the glass opens a family for reading, never for writing.
 * Row-level security refuses the same writes (migrations/0120_break_glass_read_only.sql).
 */
export function mayWriteFamily(access: FamilyAccess): boolean {
  return access.allowed && !access.breakGlass;
}

/** Break the glass is for organisations with a safety task, and for team leads on duty. */
export function mayBreakGlass(actor: Pick<Actor, 'safetyTask' | 'roles'>): boolean {
  return actor.safetyTask || actor.roles.includes('team_lead');
}

/** Only a qualified professional can be a case's coordinator (regisseur). */
export function isQualifiedCoordinator(roles: readonly string[]): boolean {
  return roles.includes('coordinator');
}

export const BREAK_GLASS_MINUTES = 60;
