import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './actor.js';
import {
  PERMISSIONS,
  hasPermission,
  isQualifiedCoordinator,
  mayBreakGlass,
  mayReadFamily,
  mayWriteFamily,
  type BreakGlassGrant,
  type Membership,
  type Permission,
} from './policy.js';

const FAMILY = 'f0000000-0000-4000-8000-000000000001';
const OTHER_FAMILY = 'f0000000-0000-4000-8000-000000000002';
const ORG = 'a0000000-0000-4000-8000-00000000000a';
const OTHER_ORG = 'a0000000-0000-4000-8000-00000000000b';
const NOW = new Date('2026-03-01T12:00:00Z');

const actor = (roles: Role[], userId = 'u-actor', organisationId = ORG) => ({ userId, organisationId, roles });
const member = (o: Partial<Membership> = {}): Membership => ({
  familyId: FAMILY,
  userId: 'u-actor',
  organisationId: ORG,
  legalBasis: 'consent',
  role: 'member',
  active: true,
  ...o,
});
const glass = (minutesFromNow: number, o: Partial<BreakGlassGrant> = {}): BreakGlassGrant => ({
  familyId: FAMILY,
  userId: 'u-actor',
  expiresAt: new Date(NOW.getTime() + minutesFromNow * 60_000),
  ...o,
});
const DENIED = { allowed: false, careRelation: false, consent: false, breakGlass: false };

describe('hasPermission (deny by default)', () => {
  it('grants nothing to an actor without roles', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(hasPermission({ roles: [] }, p), p).toBe(false);
  });

  it('grants exactly the roles the table names, for every permission and every role', () => {
    for (const [p, allowed] of Object.entries(PERMISSIONS) as [Permission, readonly Role[]][]) {
      for (const r of ROLES) expect(hasPermission({ roles: [r] }, p), `${r} → ${p}`).toBe(allowed.includes(r));
    }
  });

  it('denies a permission the table does not name, whatever the roles', () => {
    expect(hasPermission({ roles: [...ROLES] }, 'family:delete' as Permission)).toBe(false);
    expect(hasPermission({ roles: [...ROLES] }, 'public' as Permission)).toBe(false);
    for (const inherited of ['toString', '__proto__', 'constructor', 'hasOwnProperty'])
      expect(hasPermission({ roles: [...ROLES] }, inherited as Permission), inherited).toBe(false);
  });

  it('keeps the sensitive permissions away from ordinary professionals', () => {
    const prof = { roles: ['professional'] as Role[] };
    expect(hasPermission(prof, 'family:read')).toBe(true);
    expect(hasPermission(prof, 'case:open')).toBe(true);
    for (const p of [
      'case:update',
      'case-team:manage',
      'coordinator:transfer',
      'audit:read',
      'audit:verify',
      'break-glass:review',
      'person:access-log',
    ] as const)
      expect(hasPermission(prof, p), p).toBe(false);
    // The privacy officer reviews and reads the log but is not a care professional.
    const po = { roles: ['privacy_officer'] as Role[] };
    expect(hasPermission(po, 'audit:read')).toBe(true);
    expect(hasPermission(po, 'family:read')).toBe(false);
    expect(hasPermission(po, 'break-glass:open')).toBe(false);
    // Any one matching role is enough.
    expect(hasPermission({ roles: ['inspector', 'coordinator'] }, 'coordinator:transfer')).toBe(true);
  });
});

describe('mayReadFamily', () => {
  it('opens nothing through a membership before its start, for the member and for their team lead, and opens it from the start on', () => {
    const later = new Date(NOW.getTime() + 86_400_000);
    const future = member({ startsAt: later });
    expect(mayReadFamily(actor(['professional']), FAMILY, { memberships: [future], breakGlass: [] }, NOW)).toEqual(DENIED);
    expect(mayReadFamily(actor(['team_lead'], 'u-lead'), FAMILY, { memberships: [future], breakGlass: [] }, NOW)).toEqual(DENIED);
    expect(mayReadFamily(actor(['professional']), FAMILY, { memberships: [future], breakGlass: [] }, later)).toEqual({
      allowed: true,
      legalBasis: 'consent',
      careRelation: true,
      consent: true,
      breakGlass: false,
    });
    // With a grant, a membership that has not started is no care relation: read-only.
    const withGlass = mayReadFamily(actor(['professional']), FAMILY, { memberships: [future], breakGlass: [glass(30)] }, NOW);
    expect(withGlass).toMatchObject({ allowed: true, breakGlass: true, careRelation: false });
    expect(mayWriteFamily(withGlass)).toBe(false);
  });

  it('denies everyone without a relation to the family', () => {
    expect(mayReadFamily(actor(['professional', 'coordinator', 'team_lead']), FAMILY, { memberships: [], breakGlass: [] }, NOW)).toEqual(
      DENIED,
    );
  });

  it('allows an active case-team member, with the membership legal basis', () => {
    expect(
      mayReadFamily(actor(['professional']), FAMILY, { memberships: [member({ legalBasis: 'consent' })], breakGlass: [] }, NOW),
    ).toEqual({ allowed: true, legalBasis: 'consent', careRelation: true, consent: true, breakGlass: false });
    expect(
      mayReadFamily(
        actor(['professional']),
        FAMILY,
        { memberships: [member({ legalBasis: 'statutory_task', role: 'coordinator' })], breakGlass: [] },
        NOW,
      ),
    ).toEqual({ allowed: true, legalBasis: 'statutory_task', careRelation: true, consent: false, breakGlass: false });
  });

  it("rests an access on the same membership whatever order several arrive in: the coordinator's, else the firmest basis", () => {
    const read = (memberships: Membership[], roles: Role[] = ['professional'], userId = 'u-actor') =>
      mayReadFamily(actor(roles, userId), FAMILY, { memberships, breakGlass: [] }, NOW).legalBasis;
    const asCoordinator = member({ legalBasis: 'consent', role: 'coordinator' });
    const asMember = member({ legalBasis: 'statutory_task' });
    expect(read([asCoordinator, asMember])).toBe('consent');
    expect(read([asMember, asCoordinator])).toBe('consent');
    const consent = member({ legalBasis: 'consent' });
    const safety = member({ legalBasis: 'safety' });
    expect(read([consent, safety, asMember])).toBe('statutory_task');
    expect(read([safety, consent])).toBe('safety');
    expect(read([consent, safety])).toBe('safety');
    // A team lead's access through the organisation's memberships, likewise.
    const colleague = (o: Partial<Membership>) => member({ userId: 'u-colleague', ...o });
    expect(read([colleague({ legalBasis: 'consent' }), colleague({ legalBasis: 'safety' })], ['team_lead'], 'u-lead')).toBe('safety');
    expect(read([colleague({ legalBasis: 'safety' }), colleague({ legalBasis: 'consent' })], ['team_lead'], 'u-lead')).toBe('safety');
  });

  it('denies after the membership has ended', () => {
    expect(
      mayReadFamily(actor(['professional', 'coordinator']), FAMILY, { memberships: [member({ active: false })], breakGlass: [] }, NOW),
    ).toEqual(DENIED);
  });

  it('does not carry a membership over to another family or another user', () => {
    const facts = { memberships: [member({ familyId: OTHER_FAMILY }), member({ userId: 'u-colleague' })], breakGlass: [] };
    expect(mayReadFamily(actor(['professional']), FAMILY, facts, NOW).allowed).toBe(false);
  });

  it('lets a team lead see a family that a colleague of the same organisation works on', () => {
    const facts = { memberships: [member({ userId: 'u-colleague', legalBasis: 'statutory_task' })], breakGlass: [] };
    expect(mayReadFamily(actor(['professional', 'team_lead']), FAMILY, facts, NOW)).toEqual({
      allowed: true,
      legalBasis: 'statutory_task',
      careRelation: true,
      consent: false,
      breakGlass: false,
    });
    // ...but not as an ordinary professional of that organisation.
    expect(mayReadFamily(actor(['professional', 'coordinator']), FAMILY, facts, NOW)).toEqual(DENIED);
  });

  it('does not let a team lead see a family that only another organisation works on', () => {
    const facts = { memberships: [member({ userId: 'u-colleague', organisationId: OTHER_ORG })], breakGlass: [] };
    expect(mayReadFamily(actor(['professional', 'team_lead']), FAMILY, facts, NOW)).toEqual(DENIED);
  });

  it('does not let a team lead see through an ended membership of their organisation', () => {
    const facts = { memberships: [member({ userId: 'u-colleague', active: false })], breakGlass: [] };
    expect(mayReadFamily(actor(['team_lead']), FAMILY, facts, NOW)).toEqual(DENIED);
  });

  it('opens the family while a break-the-glass grant runs, on the basis of safety', () => {
    expect(mayReadFamily(actor(['professional']), FAMILY, { memberships: [], breakGlass: [glass(30)] }, NOW)).toEqual({
      allowed: true,
      legalBasis: 'safety',
      careRelation: false,
      consent: false,
      breakGlass: true,
    });
  });

  it('closes the family again once the grant has expired (the expiry moment itself included)', () => {
    expect(mayReadFamily(actor(['professional']), FAMILY, { memberships: [], breakGlass: [glass(-1)] }, NOW)).toEqual(DENIED);
    expect(mayReadFamily(actor(['professional']), FAMILY, { memberships: [], breakGlass: [glass(0)] }, NOW)).toEqual(DENIED);
  });

  it('does not let a grant of someone else, or for another family, open the family', () => {
    const facts = { memberships: [], breakGlass: [glass(30, { userId: 'u-colleague' }), glass(30, { familyId: OTHER_FAMILY })] };
    expect(mayReadFamily(actor(['professional', 'team_lead']), FAMILY, facts, NOW)).toEqual(DENIED);
  });

  it('prefers the care relation over break the glass when both apply', () => {
    const r = mayReadFamily(
      actor(['professional']),
      FAMILY,
      { memberships: [member({ legalBasis: 'consent' })], breakGlass: [glass(30)] },
      NOW,
    );
    expect(r).toMatchObject({ allowed: true, breakGlass: false, careRelation: true, legalBasis: 'consent' });
  });

  it('uses the current time when none is given', () => {
    const soon = { familyId: FAMILY, userId: 'u-actor', expiresAt: new Date(Date.now() + 60_000) };
    const past = { familyId: FAMILY, userId: 'u-actor', expiresAt: new Date(Date.now() - 60_000) };
    expect(mayReadFamily(actor(['professional']), FAMILY, { memberships: [], breakGlass: [soon] }).allowed).toBe(true);
    expect(mayReadFamily(actor(['professional']), FAMILY, { memberships: [], breakGlass: [past] }).allowed).toBe(false);
  });
});

describe('mayBreakGlass and isQualifiedCoordinator', () => {
  it('allows break the glass only for a safety-task organisation or a team lead', () => {
    expect(mayBreakGlass({ safetyTask: true, roles: ['professional'] })).toBe(true);
    expect(mayBreakGlass({ safetyTask: false, roles: ['professional', 'team_lead'] })).toBe(true);
    expect(mayBreakGlass({ safetyTask: false, roles: ['professional', 'coordinator'] })).toBe(false);
  });

  it('qualifies only holders of the coordinator role', () => {
    expect(isQualifiedCoordinator(['professional', 'coordinator'])).toBe(true);
    expect(isQualifiedCoordinator(['professional', 'team_lead'])).toBe(false);
    expect(isQualifiedCoordinator([])).toBe(false);
  });
});

describe('mayWriteFamily (break the glass is read-only)', () => {
  it('lets a care relation write, never a grant alone, and nobody without access', () => {
    const write = (memberships: Membership[], grants: BreakGlassGrant[], roles: Role[] = ['professional']) =>
      mayWriteFamily(mayReadFamily(actor(roles), FAMILY, { memberships, breakGlass: grants }, NOW));
    expect(write([member()], [])).toBe(true);
    expect(write([member({ userId: 'u-other' })], [], ['team_lead'])).toBe(true);
    expect(write([], [glass(30)])).toBe(false);
    expect(write([member({ userId: 'u-other', organisationId: OTHER_ORG })], [glass(30)], ['team_lead'])).toBe(false);
    expect(write([member()], [glass(30)])).toBe(true);
    expect(write([], [])).toBe(false);
  });
});
