// The family-access decision as the database holds its facts: the policy (policy.ts) asked with the
// actor's memberships and break-the-glass grants for these families, and the write checks every
// module makes before it changes a family or a person. One home for every module (issue 11).
import type { Tx } from '../db/db.js';
import type { Actor, LegalBasis } from './actor.js';
import { mayReadFamily, mayWriteFamily, type FamilyAccess } from './policy.js';
import { Forbidden, NotFound } from '../http/errors.js';
import { refusalDetail } from '../audit/refusals.js';

export type FamilyAccessFacts = FamilyAccess & { breakGlassExpiresAt?: string; breakGlassId?: string; breakGlassReason?: string };

/** The facts the policy needs: own/organisation memberships and the latest live grant per family. */
const facts = (families: string) =>
  `SELECT 'm' AS kind, family_id, user_id, organisation_id, legal_basis, role, started_at, NULL::timestamptz AS expires_at, NULL::uuid AS grant_id, NULL::text AS reason FROM case_team
      WHERE region_id = $1 AND family_id ${families} AND ended_at IS NULL AND (user_id = $3 OR organisation_id = $4)
     UNION ALL
     (SELECT DISTINCT ON (family_id) 'g', family_id, NULL, NULL, NULL, NULL, NULL, expires_at, id, reason FROM break_glass
       WHERE region_id = $1 AND family_id ${families} AND user_id = $3 AND expires_at > now() ORDER BY family_id, expires_at DESC)`;
// One family (a family page, every write) has its own statement: with an array of unknown length
// the generic plan looks ~5× dearer than a custom one, so PostgreSQL planned the prepared
// statement anew on every execution (≈ 1.3 ms of the backend's CPU per page, bench/cpu-per-page.ts);
// with one id the generic plan costs what a custom one does and is kept.
const FACTS_OF_ONE = facts('= $2::uuid');
const FACTS_OF_MANY = facts('= ANY ($2::uuid[])');

/** The policy's answer for this family, from the facts the database holds about the actor. */
export async function familyAccess(tx: Tx, actor: Actor, familyId: string): Promise<FamilyAccessFacts> {
  return (await familyAccesses(tx, actor, [familyId])).get(familyId)!;
}

/** The policy's answer for each of these families (a list, a search), in one round trip. */
export async function familyAccesses(tx: Tx, actor: Actor, familyIds: string[]): Promise<Map<string, FamilyAccessFacts>> {
  const rows =
    familyIds.length === 0
      ? []
      : await tx.query<{
          kind: 'm' | 'g';
          family_id: string;
          user_id: string | null;
          organisation_id: string | null;
          legal_basis: LegalBasis | null;
          role: 'coordinator' | 'member' | null;
          started_at: string | null;
          expires_at: string | null;
          grant_id: string | null;
          reason: string | null;
        }>(
          familyIds.length === 1 ? FACTS_OF_ONE : FACTS_OF_MANY,
          [actor.regionId, familyIds.length === 1 ? familyIds[0] : familyIds, actor.userId, actor.organisationId],
          { prepare: true },
        );
  const out = new Map<string, FamilyAccessFacts>();
  for (const familyId of new Set(familyIds)) {
    const mine = rows.filter((f) => f.family_id === familyId);
    const grant = mine.find((f) => f.kind === 'g');
    const access = mayReadFamily(actor, familyId, {
      memberships: mine
        .filter((f) => f.kind === 'm')
        .map((m) => ({
          familyId,
          userId: m.user_id!,
          organisationId: m.organisation_id!,
          legalBasis: m.legal_basis!,
          role: m.role!,
          active: true,
          startsAt: new Date(m.started_at!),
        })),
      breakGlass: grant ? [{ familyId, userId: actor.userId, expiresAt: new Date(grant.expires_at!) }] : [],
    });
    out.set(
      familyId,
      access.breakGlass && grant
        ? {
            ...access,
            breakGlassExpiresAt: new Date(grant.expires_at!).toISOString(),
            breakGlassId: grant.grant_id!,
            breakGlassReason: grant.reason!,
          }
        : access,
    );
  }
  return out;
}

/**
 * The audit fields of an access: its legal basis and flags, and under break the glass the grant
 * and its written reason, on every row (not only on the one that opened the grant).
 */
export function accessAudit(access: FamilyAccessFacts | undefined) {
  return {
    legalBasis: access?.legalBasis,
    careRelation: access?.careRelation,
    consent: access?.consent,
    breakGlass: access?.breakGlass,
    reason: access?.breakGlassId ? `noodtoegang ${access.breakGlassId}: ${access.breakGlassReason}` : undefined,
  };
}

/** The error for a write under break the glass: the family is visible, so 403, not 404. */
export function breakGlassReadOnly() {
  return new Forbidden({
    nl: 'Noodtoegang geeft alleen inzage. Wijzigingen doet het casusteam; neem contact op met de regisseur.',
    en: 'Break the glass gives read access only. Changes are made by the case team; contact the coordinator.',
  });
}

/**
 * The write check of every change to a family: visible through a care relation, or refused —
 * 404 when the actor cannot see the family at all (like an id that was never used), 403 under
 * break the glass. Both refusals are audited as denied (src/platform/audit/refusals.ts).
 */
export async function requireFamilyWrite(tx: Tx, actor: Actor, familyId: string): Promise<FamilyAccessFacts> {
  const access = await familyAccess(tx, actor, familyId);
  if (mayWriteFamily(access)) return access;
  if (access.breakGlass) throw refusalDetail(breakGlassReadOnly(), { objectType: 'family', objectId: familyId, ...accessAudit(access) });
  throw new NotFound('family', familyId);
}

/**
 * The write check of every change to a person: through at least one household the actor has a
 * care relation with; a person seen only through break the glass is read-only (403, audited).
 * Returns the access to record in the audit row (none for a person in no visible household).
 */
export async function requirePersonWrite(tx: Tx, actor: Actor, personId: string): Promise<FamilyAccessFacts | undefined> {
  const households = await tx.query<{ family_id: string }>(`SELECT family_id FROM family_members WHERE region_id = $1 AND person_id = $2`, [
    actor.regionId,
    personId,
  ]);
  const accesses = [
    ...(
      await familyAccesses(
        tx,
        actor,
        households.map((h) => h.family_id),
      )
    ).values(),
  ];
  const access = accesses.find(mayWriteFamily) ?? accesses[0];
  if (access && !mayWriteFamily(access))
    throw refusalDetail(breakGlassReadOnly(), { objectType: 'person', objectId: personId, personIds: [personId], ...accessAudit(access) });
  return access;
}
