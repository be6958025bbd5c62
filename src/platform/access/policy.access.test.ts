// Property test: for random worlds of organisations, roles, families, case teams (some ended,
// some starting on a future date) and break-the-glass grants (some expired), the policy's answer (mayReadFamily) must equal what
// PostgreSQL's row-level security returns to the same actor — for the family and its persons.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { asActor } from '../db/actor-tx.js';
import type { Tx } from '../db/db.js';
import type { Actor, LegalBasis, Role } from './actor.js';
import { mayReadFamily, mayWriteFamily, type BreakGlassGrant, type Membership } from './policy.js';
import { familyAccess } from '../../modules/cases/cases.repo.js';

const ORG_TYPES = ['municipal_team', 'veilig_thuis', 'gp_practice', 'school', 'housing_corporation', 'mental_health', 'youth_care',
  'probation', 'police', 'child_protection_board', 'certified_institution', 'safety_house'] as const;
const BASES = ['consent', 'statutory_task', 'safety'] as const satisfies readonly LegalBasis[];

const worldArb = fc.record({
  orgTypes: fc.array(fc.constantFrom(...ORG_TYPES), { minLength: 2, maxLength: 4 }),
  users: fc.array(fc.record({ org: fc.nat(), coordinator: fc.boolean(), teamLead: fc.boolean() }), { minLength: 3, maxLength: 6 }),
  families: fc.array(fc.record({ coordinator: fc.nat(), persons: fc.integer({ min: 1, max: 3 }), basis: fc.constantFrom(...BASES) }),
    { minLength: 2, maxLength: 5 }),
  memberships: fc.array(fc.record({ user: fc.nat(), family: fc.nat(), basis: fc.constantFrom(...BASES), ended: fc.boolean(),
    // Days from now the membership starts: mostly already started, some on a future date (never today, so the clock cannot flip it).
    startDays: fc.oneof(fc.constant(0), fc.integer({ min: -30, max: -1 }), fc.integer({ min: 1, max: 60 })) }), { maxLength: 10 }),
  grants: fc.array(fc.record({ user: fc.nat(), family: fc.nat(),
    // Never within a minute of now, so the clock cannot flip the answer between policy and database.
    minutes: fc.oneof(fc.integer({ min: -600, max: -1 }), fc.integer({ min: 1, max: 60 })) }), { maxLength: 6 }),
});
type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

interface World {
  regionId: string;
  actors: Actor[];
  families: { id: string; personIds: string[] }[];
  memberships: Membership[];
  grants: BreakGlassGrant[];
}

let t: TestDb;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.drop(); });

async function insertRegion(tx: Tx, regionId: string) {
  await tx.query(`INSERT INTO regions (id, name) VALUES ($1, $2)`, [regionId, `Regio ${regionId}`]);
}
async function insertOrg(tx: Tx, regionId: string, type: string) {
  const id = randomUUID();
  await tx.query(`INSERT INTO organisations (region_id, id, name, type, safety_task) VALUES ($1, $2, $3, $4, $5)`,
    [regionId, id, `${type} ${id.slice(0, 4)}`, type, ['veilig_thuis', 'police'].includes(type)]);
  return { id, type };
}
async function insertUser(tx: Tx, regionId: string, org: { id: string; type: string }, roles: Role[]): Promise<Actor> {
  const id = randomUUID();
  await tx.query(`INSERT INTO users (region_id, id, organisation_id, username, display_name, roles, totp_required) VALUES ($1, $2, $3, $4, $5, $6, false)`,
    [regionId, id, org.id, `p_${id}`, `Prof ${id.slice(0, 6)}`, roles]);
  return { regionId, userId: id, organisationId: org.id, organisationType: org.type, safetyTask: false, roles, displayName: id };
}
async function insertFamilyWithCase(tx: Tx, regionId: string, persons: number, coordinator: Actor, basis: LegalBasis) {
  const familyId = randomUUID();
  const caseId = randomUUID();
  await tx.query(`INSERT INTO families (region_id, id, name) VALUES ($1, $2, $3)`, [regionId, familyId, `Gezin ${familyId.slice(0, 4)}`]);
  const personIds: string[] = [];
  for (let i = 0; i < persons; i++) {
    const pid = randomUUID();
    await tx.query(`INSERT INTO persons (region_id, id, given_names, family_name) VALUES ($1, $2, 'Kim', 'Test')`, [regionId, pid]);
    await tx.query(`INSERT INTO family_members (region_id, family_id, person_id, relation) VALUES ($1, $2, $3, $4)`,
      [regionId, familyId, pid, i === 0 ? 'parent' : 'child']);
    personIds.push(pid);
  }
  await tx.query(`INSERT INTO cases (region_id, id, family_id) VALUES ($1, $2, $3)`, [regionId, caseId, familyId]);
  await insertMembership(tx, regionId, caseId, familyId, coordinator, 'coordinator', basis);
  return { id: familyId, caseId, personIds };
}
async function insertMembership(tx: Tx, regionId: string, caseId: string, familyId: string, user: Actor, role: 'coordinator' | 'member', basis: LegalBasis,
  startsAt?: Date) {
  const id = randomUUID();
  await tx.query(`INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis, started_at, started_on)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()), coalesce($9::timestamptz, now())::date)`,
    [regionId, id, caseId, familyId, user.organisationId, user.userId, role, basis, startsAt ?? null]);
  return id;
}

/** Builds the world as the system connection (superuser: RLS does not apply), in one transaction. */
async function buildWorld(spec: WorldSpec): Promise<World> {
  const regionId = `p${randomUUID().slice(0, 12)}`;
  return t.db.transaction(async (tx) => {
    await insertRegion(tx, regionId);
    const orgs = [];
    for (const type of spec.orgTypes) orgs.push(await insertOrg(tx, regionId, type));
    const actors: Actor[] = [];
    for (const [i, u] of spec.users.entries()) {
      const roles: Role[] = ['professional'];
      // At least one qualified coordinator in every world.
      if (u.coordinator || i === 0) roles.push('coordinator');
      if (u.teamLead) roles.push('team_lead');
      actors.push(await insertUser(tx, regionId, orgs[u.org % orgs.length], roles));
    }
    const qualified = actors.filter((a) => a.roles.includes('coordinator'));
    const families: (World['families'][number] & { caseId: string })[] = [];
    const memberships: Membership[] = [];
    for (const f of spec.families) {
      const coord = qualified[f.coordinator % qualified.length];
      const fam = await insertFamilyWithCase(tx, regionId, f.persons, coord, f.basis);
      families.push(fam);
      memberships.push({ familyId: fam.id, userId: coord.userId, organisationId: coord.organisationId, legalBasis: f.basis, role: 'coordinator', active: true });
    }
    for (const m of spec.memberships) {
      const user = actors[m.user % actors.length];
      const fam = families[m.family % families.length];
      // One active membership per user per case (unique index): while one is active, no second is started.
      if (memberships.some((x) => x.active && x.familyId === fam.id && x.userId === user.userId)) continue;
      const startsAt = m.startDays === 0 ? undefined : new Date(Date.now() + m.startDays * 86_400_000);
      const id = await insertMembership(tx, regionId, fam.caseId, fam.id, user, 'member', m.basis, startsAt);
      if (m.ended) await tx.query(`UPDATE case_team SET ended_at = now(), ended_reason = 'klaar' WHERE region_id = $1 AND id = $2`, [regionId, id]);
      memberships.push({ familyId: fam.id, userId: user.userId, organisationId: user.organisationId, legalBasis: m.basis, role: 'member', active: !m.ended, startsAt });
    }
    const grants: BreakGlassGrant[] = [];
    const now = Date.now();
    for (const g of spec.grants) {
      const user = actors[g.user % actors.length];
      const fam = families[g.family % families.length];
      const expiresAt = new Date(now + g.minutes * 60_000);
      await tx.query(`INSERT INTO break_glass (region_id, id, user_id, organisation_id, family_id, reason, started_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, 'Acute zorg over de veiligheid van het kind', $6, $7)`,
      [regionId, randomUUID(), user.userId, user.organisationId, fam.id, new Date(expiresAt.getTime() - 60 * 60_000), expiresAt]);
      grants.push({ familyId: fam.id, userId: user.userId, expiresAt });
    }
    return { regionId, actors, families, memberships, grants };
  });
}

/** A second region with its own family, whose professional holds every care role. */
async function buildOtherRegion() {
  const regionId = `q${randomUUID().slice(0, 12)}`;
  return t.db.transaction(async (tx) => {
    await insertRegion(tx, regionId);
    const org = await insertOrg(tx, regionId, 'municipal_team');
    const outsider = await insertUser(tx, regionId, org, ['professional', 'coordinator', 'team_lead']);
    const fam = await insertFamilyWithCase(tx, regionId, 2, outsider, 'consent');
    return { regionId, outsider, family: fam };
  });
}

const visibleFamily = (actor: Actor, regionId: string, familyId: string) =>
  asActor(t.db, actor, (tx) => tx.query<{ id: string }>('SELECT id FROM families WHERE region_id = $1 AND id = $2', [regionId, familyId]));
const visiblePersons = (actor: Actor, regionId: string, personIds: string[]) =>
  asActor(t.db, actor, (tx) => tx.query<{ id: string }>('SELECT id FROM persons WHERE region_id = $1 AND id = ANY($2::uuid[])', [regionId, personIds]));

/** Can the actor change the family and a person in it? Rolled back: the world stays as it is. */
async function writableFamily(actor: Actor, regionId: string, familyId: string): Promise<boolean> {
  const undo = new Error('undo');
  let result: boolean | undefined;
  await asActor(t.db, actor, async (tx) => {
    const family = await tx.query('UPDATE families SET version = version WHERE region_id = $1 AND id = $2 RETURNING id', [regionId, familyId]);
    const persons = await tx.query(`UPDATE persons SET version = version WHERE region_id = $1
      AND id = (SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2 ORDER BY person_id LIMIT 1) RETURNING id`, [regionId, familyId]);
    const cases = await tx.query('UPDATE cases SET version = version WHERE region_id = $1 AND family_id = $2 RETURNING id', [regionId, familyId]);
    // All three agree, or the answer is neither yes nor no.
    const answers = new Set([family.length > 0, persons.length > 0, cases.length > 0]);
    result = answers.size === 1 ? [...answers][0] : undefined;
    throw undo;
  }).catch((e) => { if (e !== undo) throw e; });
  return result as boolean;
}

describe('access policy and row-level security agree', () => {
  it('for every professional and every family of a random world, and nothing leaks across regions', async () => {
    let pairs = 0; let allowedPairs = 0; let viaTeamLead = 0; let viaGlass = 0; let deniedByEnd = 0; let deniedByExpiry = 0; let deniedByFutureStart = 0;
    await fc.assert(fc.asyncProperty(worldArb, async (spec) => {
      const w = await buildWorld(spec);
      const other = await buildOtherRegion();
      const facts = { memberships: w.memberships, breakGlass: w.grants };
      for (const actor of w.actors) {
        for (const fam of w.families) {
          const policy = mayReadFamily(actor, fam.id, facts);
          const rows = await visibleFamily(actor, w.regionId, fam.id);
          expect(rows.map((r) => r.id), `family visible to ${actor.roles.join('+')}`).toEqual(policy.allowed ? [fam.id] : []);
          const persons = await visiblePersons(actor, w.regionId, fam.personIds);
          expect(persons.map((r) => r.id).sort()).toEqual(policy.allowed ? [...fam.personIds].sort() : []);
          // The service layer derives the same answer from what the database shows the actor.
          const viaRepo = await asActor(t.db, actor, (tx) => familyAccess(tx, actor, fam.id));
          expect({ allowed: viaRepo.allowed, breakGlass: viaRepo.breakGlass, careRelation: viaRepo.careRelation })
            .toEqual({ allowed: policy.allowed, breakGlass: policy.breakGlass, careRelation: policy.careRelation });
          if (policy.allowed && !policy.breakGlass && w.memberships.some((m) => m.active && m.familyId === fam.id && m.userId === actor.userId))
            expect(viaRepo.legalBasis).toBe(policy.legalBasis);
          // Writing: the policy's mayWriteFamily (no write under break the glass) equals what RLS lets the actor change.
          expect(await writableFamily(actor, w.regionId, fam.id), `family writable by ${actor.roles.join('+')}`).toBe(mayWriteFamily(policy));

          pairs++;
          if (policy.allowed) allowedPairs++;
          const own = w.memberships.some((m) => m.active && m.familyId === fam.id && m.userId === actor.userId);
          if (policy.allowed && !own && !policy.breakGlass) viaTeamLead++;
          if (policy.breakGlass) viaGlass++;
          if (!policy.allowed && w.memberships.some((m) => !m.active && m.familyId === fam.id && m.userId === actor.userId)) deniedByEnd++;
          if (!policy.allowed && w.grants.some((g) => g.familyId === fam.id && g.userId === actor.userId)) deniedByExpiry++;
          // A membership that would open the family, but starts later: the policy and RLS both keep it shut (or read-only under a grant).
          if (!mayWriteFamily(policy) && w.memberships.some((m) => m.active && m.familyId === fam.id && m.startsAt && m.startsAt > new Date()
            && (m.userId === actor.userId || (actor.roles.includes('team_lead') && m.organisationId === actor.organisationId)))) deniedByFutureStart++;
        }
      }

      // A professional of another region (with every care role) sees their own family and nothing of this region.
      const allPersons = w.families.flatMap((f) => f.personIds);
      const familyIds = w.families.map((f) => f.id);
      const seen = await asActor(t.db, other.outsider, async (tx) => ({
        own: await tx.query<{ id: string }>('SELECT id FROM families WHERE region_id = $1', [other.regionId]),
        families: await tx.query('SELECT id FROM families WHERE region_id = $1 OR id = ANY($2::uuid[])', [w.regionId, familyIds]),
        persons: await tx.query('SELECT id FROM persons WHERE region_id = $1 OR id = ANY($2::uuid[])', [w.regionId, allPersons]),
        cases: await tx.query('SELECT id FROM cases WHERE region_id = $1', [w.regionId]),
        team: await tx.query('SELECT id FROM case_team WHERE region_id = $1', [w.regionId]),
        users: await tx.query('SELECT id FROM users WHERE region_id = $1', [w.regionId]),
      }));
      expect(seen.own.map((r) => r.id)).toEqual([other.family.id]);
      expect(seen).toMatchObject({ families: [], persons: [], cases: [], team: [], users: [] });

      // Even an actor that claims a user and organisation of this region, but runs in another region, sees nothing.
      for (const a of w.actors) {
        const spoofed = { ...a, regionId: other.regionId };
        const leaked = await asActor(t.db, spoofed, (tx) => tx.query(
          'SELECT id FROM families WHERE id = ANY($1::uuid[]) UNION ALL SELECT id FROM persons WHERE id = ANY($2::uuid[])', [familyIds, allPersons]));
        expect(leaked).toEqual([]);
      }
    }), { numRuns: 30 });
    // The generator must actually reach every rule, or the property proves little.
    expect(pairs).toBeGreaterThan(300);
    expect(allowedPairs).toBeGreaterThan(0);
    expect(allowedPairs).toBeLessThan(pairs);
    expect(viaTeamLead).toBeGreaterThan(0);
    expect(viaGlass).toBeGreaterThan(0);
    expect(deniedByEnd).toBeGreaterThan(0);
    expect(deniedByExpiry).toBeGreaterThan(0);
    expect(deniedByFutureStart).toBeGreaterThan(0);
  });
});
