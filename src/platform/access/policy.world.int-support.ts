// The random worlds of the access property test (policy.access.test.ts): organisations, roles,
// families with a case and a row in every family-scoped table, case teams (some ended, some
// starting on a future date) and break-the-glass grants (some expired), built as the system connection.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Database, Tx } from '../db/db.js';
import { LEGAL_BASES, type Actor, type LegalBasis, type Role } from './actor.js';
import { ORGANISATION_TYPES } from '../../shared/contract/enums.js';
import type { BreakGlassGrant, Membership } from './policy.js';
import { maySeeSignal } from '../../modules/signals/signals.access.js';
import { mayReadHandover } from '../../modules/handovers/handover-rules.js';
import { recordAccess } from '../audit/audit.js';
import type { ScopedTable } from './policy.tables.int-support.js';

export const worldArb = fc.record({
  orgTypes: fc.array(fc.constantFrom(...ORGANISATION_TYPES), { minLength: 2, maxLength: 4 }),
  users: fc.array(fc.record({ org: fc.nat(), coordinator: fc.boolean(), teamLead: fc.boolean() }), { minLength: 3, maxLength: 6 }),
  families: fc.array(
    fc.record({
      coordinator: fc.nat(),
      persons: fc.integer({ min: 1, max: 3 }),
      basis: fc.constantFrom(...LEGAL_BASES),
      // A signal about the family (received by an organisation, reported by a professional or the public, linked to the case or not),
      // a handover of its case to another organisation, and the reference index: two professionals register its first person.
      signal: fc.record({ org: fc.nat(), reporter: fc.option(fc.nat(), { nil: null }), linked: fc.boolean() }),
      handoverTo: fc.nat(),
      registrants: fc.tuple(fc.nat(), fc.nat()),
    }),
    { minLength: 2, maxLength: 5 },
  ),
  memberships: fc.array(
    fc.record({
      user: fc.nat(),
      family: fc.nat(),
      basis: fc.constantFrom(...LEGAL_BASES),
      ended: fc.boolean(),
      // Days from now the membership starts: mostly already started, some on a future date (never today, so the clock cannot flip it).
      startDays: fc.oneof(fc.constant(0), fc.integer({ min: -30, max: -1 }), fc.integer({ min: 1, max: 60 })),
    }),
    { maxLength: 10 },
  ),
  grants: fc.array(
    fc.record({
      user: fc.nat(),
      family: fc.nat(),
      // Never within a minute of now, so the clock cannot flip the answer between policy and database.
      minutes: fc.oneof(fc.integer({ min: -600, max: -1 }), fc.integer({ min: 1, max: 60 })),
    }),
    { maxLength: 6 },
  ),
});
export type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

/** A row of a family-scoped table in the world, with what decides who sees it. */
export interface ScopedRow {
  table: ScopedTable;
  id: string;
  /** The family whose access decides (FAMILY_SCOPED's 'family' rule). */
  familyId?: string;
  /** Otherwise: who sees the row, given the answer of the family policy. */
  visibleTo?: (actor: Actor, familyReadable: (familyId: string) => boolean) => boolean;
  /** Read by the privacy officer (whatever else holds). */
  privacyOfficer?: boolean;
  /** false: the database keeps the row as it is whoever asks (an action of an agreed plan version). */
  writable?: false;
}

export interface World {
  regionId: string;
  actors: Actor[];
  /** Holds only the privacy officer's role: reads persons, grants and the audit log, no family. */
  privacyOfficer: Actor;
  families: { id: string; personIds: string[] }[];
  memberships: Membership[];
  grants: BreakGlassGrant[];
  rows: ScopedRow[];
}

async function insertRegion(tx: Tx, regionId: string) {
  await tx.query(`INSERT INTO regions (id, name) VALUES ($1, $2)`, [regionId, `Regio ${regionId}`]);
}
async function insertOrg(tx: Tx, regionId: string, type: string) {
  const id = randomUUID();
  await tx.query(`INSERT INTO organisations (region_id, id, name, type, safety_task) VALUES ($1, $2, $3, $4, $5)`, [
    regionId,
    id,
    `${type} ${id.slice(0, 4)}`,
    type,
    ['veilig_thuis', 'police'].includes(type),
  ]);
  return { id, type };
}
async function insertUser(tx: Tx, regionId: string, org: { id: string; type: string }, roles: Role[]): Promise<Actor> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO users (region_id, id, organisation_id, username, display_name, roles, totp_required) VALUES ($1, $2, $3, $4, $5, $6, false)`,
    [regionId, id, org.id, `p_${id}`, `Prof ${id.slice(0, 6)}`, roles],
  );
  return { regionId, userId: id, organisationId: org.id, organisationType: org.type, safetyTask: false, roles, displayName: id };
}
async function insertFamilyWithCase(tx: Tx, regionId: string, persons: number, coordinator: Actor, basis: LegalBasis) {
  const familyId = randomUUID();
  const caseId = randomUUID();
  // The search text as families.service.ts folds it: its words are kept in family_search_words (migrations/0390).
  await tx.query(`INSERT INTO families (region_id, id, name, search_text) VALUES ($1, $2, $3, $4)`, [
    regionId,
    familyId,
    `Gezin ${familyId.slice(0, 4)}`,
    `${familyId.slice(0, 4)} kim test`,
  ]);
  const personIds: string[] = [];
  for (let i = 0; i < persons; i++) {
    const pid = randomUUID();
    await tx.query(`INSERT INTO persons (region_id, id, given_names, family_name) VALUES ($1, $2, 'Kim', 'Test')`, [regionId, pid]);
    await tx.query(`INSERT INTO family_members (region_id, family_id, person_id, relation) VALUES ($1, $2, $3, $4)`, [
      regionId,
      familyId,
      pid,
      i === 0 ? 'parent' : 'child',
    ]);
    personIds.push(pid);
  }
  await tx.query(`INSERT INTO cases (region_id, id, family_id) VALUES ($1, $2, $3)`, [regionId, caseId, familyId]);
  await insertMembership(tx, regionId, caseId, familyId, coordinator, 'coordinator', basis);
  return { id: familyId, caseId, personIds };
}
async function insertMembership(
  tx: Tx,
  regionId: string,
  caseId: string,
  familyId: string,
  user: Actor,
  role: 'coordinator' | 'member',
  basis: LegalBasis,
  startsAt?: Date,
) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis, started_at, started_on)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()), coalesce($9::timestamptz, now())::date)`,
    [regionId, id, caseId, familyId, user.organisationId, user.userId, role, basis, startsAt ?? null],
  );
  return id;
}

/** Builds the world as the system connection (superuser: RLS does not apply), in one transaction. */
export async function buildWorld(db: Database, spec: WorldSpec): Promise<World> {
  const regionId = `p${randomUUID().slice(0, 12)}`;
  return db.transaction(async (tx) => {
    await insertRegion(tx, regionId);
    const orgs = [];
    for (const type of spec.orgTypes) orgs.push(await insertOrg(tx, regionId, type));
    const actors: Actor[] = [];
    for (const [i, u] of spec.users.entries()) {
      const roles: Role[] = ['professional'];
      // At least one qualified coordinator in every world.
      if (u.coordinator || i === 0) roles.push('coordinator');
      if (u.teamLead) roles.push('team_lead');
      actors.push(await insertUser(tx, regionId, orgs[u.org % orgs.length]!, roles));
    }
    const qualified = actors.filter((a) => a.roles.includes('coordinator'));
    const families: (World['families'][number] & { caseId: string })[] = [];
    const memberships: Membership[] = [];
    for (const f of spec.families) {
      const coord = qualified[f.coordinator % qualified.length]!;
      const fam = await insertFamilyWithCase(tx, regionId, f.persons, coord, f.basis);
      families.push(fam);
      memberships.push({
        familyId: fam.id,
        userId: coord.userId,
        organisationId: coord.organisationId,
        legalBasis: f.basis,
        role: 'coordinator',
        active: true,
      });
    }
    for (const m of spec.memberships) {
      const user = actors[m.user % actors.length]!;
      const fam = families[m.family % families.length]!;
      // One active membership per user per case (unique index): while one is active, no second is started.
      if (memberships.some((x) => x.active && x.familyId === fam.id && x.userId === user.userId)) continue;
      const startsAt = m.startDays === 0 ? undefined : new Date(Date.now() + m.startDays * 86_400_000);
      const id = await insertMembership(tx, regionId, fam.caseId, fam.id, user, 'member', m.basis, startsAt);
      if (m.ended)
        await tx.query(`UPDATE case_team SET ended_at = now(), ended_reason = 'klaar' WHERE region_id = $1 AND id = $2`, [regionId, id]);
      memberships.push({
        familyId: fam.id,
        userId: user.userId,
        organisationId: user.organisationId,
        legalBasis: m.basis,
        role: 'member',
        active: !m.ended,
        startsAt,
      });
    }
    const grants: BreakGlassGrant[] = [];
    const rows: ScopedRow[] = [];
    const now = Date.now();
    for (const g of spec.grants) {
      const user = actors[g.user % actors.length]!;
      const fam = families[g.family % families.length]!;
      const expiresAt = new Date(now + g.minutes * 60_000);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO break_glass (region_id, id, user_id, organisation_id, family_id, reason, started_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, 'Acute zorg over de veiligheid van het kind', $6, $7)`,
        [regionId, id, user.userId, user.organisationId, fam.id, new Date(expiresAt.getTime() - 60 * 60_000), expiresAt],
      );
      grants.push({ familyId: fam.id, userId: user.userId, expiresAt });
      rows.push({ table: 'break_glass', id, visibleTo: (a) => a.userId === user.userId, privacyOfficer: true });
    }
    const privacyOfficer = await insertUser(tx, regionId, orgs[0]!, ['privacy_officer']);
    for (const [i, f] of spec.families.entries()) {
      const fam = families[i]!;
      const coord = qualified[f.coordinator % qualified.length]!;
      rows.push(
        { table: 'families', id: fam.id, familyId: fam.id },
        { table: 'family_opened', id: fam.id, familyId: fam.id },
        ...[fam.id.slice(0, 4), 'kim', 'test'].map((word) => ({
          table: 'family_search_words' as const,
          id: `${fam.id} ${word}`,
          familyId: fam.id,
        })),
        { table: 'cases', id: fam.caseId, familyId: fam.id },
      );
      for (const pid of fam.personIds)
        rows.push(
          { table: 'persons', id: pid, familyId: fam.id, privacyOfficer: true },
          { table: 'family_members', id: pid, familyId: fam.id },
        );
      for (const { id } of await tx.query<{ id: string }>(`SELECT id::text FROM case_team WHERE region_id = $1 AND case_id = $2`, [
        regionId,
        fam.caseId,
      ]))
        rows.push({ table: 'case_team', id, familyId: fam.id });
      const add = async (
        table: ScopedTable,
        sql: string,
        params: unknown[],
        row: Omit<ScopedRow, 'table' | 'id'> = { familyId: fam.id },
      ) => {
        const id = randomUUID();
        await tx.query(sql, [regionId, id, ...params]);
        rows.push({ table, id, ...row });
        return id;
      };
      const oma = await add(
        'network_members',
        `INSERT INTO network_members (region_id, id, family_id, name, relation) VALUES ($1, $2, $3, 'Oma', 'grandparent')`,
        [fam.id],
      );
      // Safety and the network council of the case.
      const assessment = await add(
        'safety_assessments',
        `INSERT INTO safety_assessments (region_id, id, case_id, family_id, dangers, going_well, safety_goals, decision,
          recorded_by, updated_by) VALUES ($1, $2, $3, $4, 'Gevaar', '', '', 'unsafe', $5, $5)`,
        [fam.caseId, fam.id, coord.userId],
      );
      await add(
        'safety_reviews',
        `INSERT INTO safety_reviews (region_id, id, assessment_id, family_id, assessment_version, verdict, reviewed_by)
        VALUES ($1, $2, $3, $4, 1, 'agree', $5)`,
        [assessment, fam.id, coord.userId],
      );
      await add(
        'safety_plan_agreements',
        `INSERT INTO safety_plan_agreements (region_id, id, case_id, family_id, what, owner_kind, owner_network_member_id, check_how, created_by)
        VALUES ($1, $2, $3, $4, 'Oma haalt op', 'network_member', $5, 'Bellen', $6)`,
        [fam.caseId, fam.id, oma, coord.userId],
      );
      await add(
        'network_councils',
        `INSERT INTO network_councils (region_id, id, case_id, family_id, offered_on, answer, answered_on, met_on, updated_by)
        VALUES ($1, $2, $3, $4, current_date, 'accepted', current_date, current_date, $5)`,
        [fam.caseId, fam.id, coord.userId],
      );
      await add(
        'council_goals',
        `INSERT INTO council_goals (region_id, id, case_id, family_id, position, goal) VALUES ($1, $2, $3, $4, 1, 'Rust in huis')`,
        [fam.caseId, fam.id],
      );
      await add(
        'council_actions',
        `INSERT INTO council_actions (region_id, id, case_id, family_id, position, what, network_member_id, due_on)
        VALUES ($1, $2, $3, $4, 1, 'Oppassen', $5, current_date)`,
        [fam.caseId, fam.id, oma],
      );
      await tx.query(`INSERT INTO council_overdue_notices (region_id, case_id, family_id, due_on) VALUES ($1, $2, $3, current_date)`, [
        regionId,
        fam.caseId,
        fam.id,
      ]);
      rows.push({ table: 'council_overdue_notices', id: fam.caseId, familyId: fam.id });
      await add(
        'timeline_events',
        `INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind) VALUES ($1, $2, $3, $4, 'case_opened', 'case_opened')`,
        [fam.id, fam.caseId],
      );
      const assessmentId = await add(
        'assessments',
        `INSERT INTO assessments (region_id, id, case_id, family_id, assessed_on, created_by, created_by_organisation_id)
        VALUES ($1, $2, $3, $4, current_date, $5, $6)`,
        [fam.caseId, fam.id, coord.userId, coord.organisationId],
      );
      await add(
        'assessment_scores',
        `INSERT INTO assessment_scores (region_id, id, assessment_id, case_id, family_id, person_id, domain, score, rationale, view,
          scored_by, scored_by_organisation_id) VALUES ($1, $2, $3, $4, $5, $6, 'housing', 3, 'Gesprek', 'professional', $7, $8)`,
        [assessmentId, fam.caseId, fam.id, fam.personIds[0], coord.userId, coord.organisationId],
      );
      await add(
        'lead_time_moments',
        `INSERT INTO lead_time_moments (region_id, id, organisation_id, case_id, family_id, moment) VALUES ($1, $2, $3, $4, $5, 'case_opened')`,
        [coord.organisationId, fam.caseId, fam.id],
        { visibleTo: () => true },
      );
      // The plan: a proposed version with a party and its answer, and the next draft with a goal and an action (migration 0320's order).
      const proposed = await add(
        'plan_versions',
        `INSERT INTO plan_versions (region_id, id, case_id, family_id, number, plan_date, created_by) VALUES ($1, $2, $3, $4, 2, current_date, $5)`,
        [fam.caseId, fam.id, coord.userId],
      );
      const party = await add(
        'plan_parties',
        `INSERT INTO plan_parties (region_id, id, plan_version_id, family_id, person_id, requirement) VALUES ($1, $2, $3, $4, $5, 'agree')`,
        [proposed, fam.id, fam.personIds[0]],
      );
      const agreedAction = await add(
        'plan_actions',
        `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, description, owner_kind, owner_person_id, due_on)
        VALUES ($1, $2, $3, $4, $2, 'Afspraak maken', 'family_member', $5, current_date)`,
        [proposed, fam.id, fam.personIds[0]],
        { familyId: fam.id, writable: false },
      );
      await tx.query(
        `UPDATE plan_versions SET status = 'proposed', proposed_at = now(), proposed_by = $3 WHERE region_id = $1 AND id = $2`,
        [regionId, proposed, coord.userId],
      );
      await add(
        'plan_answers',
        `INSERT INTO plan_answers (region_id, id, plan_version_id, party_id, family_id, answer, via, answered_on, recorded_by)
        VALUES ($1, $2, $3, $4, $5, 'agreed', 'conversation', current_date, $6)`,
        [proposed, party, fam.id, coord.userId],
      );
      // Agreed, so its action's progress can be recorded (migration 0380).
      await tx.query(`UPDATE plan_versions SET status = 'agreed', decided_at = now() WHERE region_id = $1 AND id = $2`, [
        regionId,
        proposed,
      ]);
      await add(
        'plan_action_progress',
        `INSERT INTO plan_action_progress (region_id, id, action_id, plan_version_id, family_id, status, recorded_by)
        VALUES ($1, $2, $3, $4, $5, 'done', $6)`,
        [agreedAction, proposed, fam.id, coord.userId],
      );
      const draft = await add(
        'plan_versions',
        `INSERT INTO plan_versions (region_id, id, case_id, family_id, number, plan_date, created_by) VALUES ($1, $2, $3, $4, 3, current_date, $5)`,
        [fam.caseId, fam.id, coord.userId],
      );
      await add(
        'plan_goals',
        `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, description) VALUES ($1, $2, $3, $4, $2, 'housing', 'Een woning')`,
        [draft, fam.id],
      );
      await add(
        'plan_actions',
        `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, description, owner_kind, owner_person_id, due_on)
        VALUES ($1, $2, $3, $4, $2, 'Inschrijven', 'family_member', $5, current_date)`,
        [draft, fam.id, fam.personIds[0]],
      );
      const first = fam.personIds[0];
      await add(
        'person_match_decisions',
        `INSERT INTO person_match_decisions (region_id, id, subject_key, person_id, decision, decided_by)
        VALUES ($1, $2, $3, $4, 'rejected', $5)`,
        [`person:${randomUUID()}`, first, coord.userId],
        { familyId: fam.id, privacyOfficer: true },
      );
      // The merged record is in no household: only the surviving person's family decides.
      const merged = randomUUID();
      await tx.query(`INSERT INTO persons (region_id, id, given_names, family_name) VALUES ($1, $2, 'Kim', 'Dubbel')`, [regionId, merged]);
      rows.push({ table: 'persons', id: merged, visibleTo: () => false, privacyOfficer: true });
      await add(
        'person_merges',
        `INSERT INTO person_merges (region_id, id, surviving_person_id, merged_person_id, reason, moved_memberships, merged_by)
        VALUES ($1, $2, $3, $4, 'Dezelfde persoon', '[]', $5)`,
        [first, merged, coord.userId],
        { familyId: fam.id, privacyOfficer: true },
      );
      // The audit rows of reading the family: one per person.
      await recordAccess(tx, coord, { action: 'read', objectType: 'family', objectId: fam.id, personIds: fam.personIds });

      const receiving = orgs[f.signal.org % orgs.length]!;
      const reporter = f.signal.reporter === null ? null : actors[f.signal.reporter % actors.length];
      const signal = {
        receivingOrganisationId: receiving.id,
        reporterUserId: reporter?.userId ?? null,
        familyId: fam.id,
        caseId: f.signal.linked ? fam.caseId : null,
      };
      const seesSignal = (a: Actor, readable: (familyId: string) => boolean) => maySeeSignal(a, signal, readable(fam.id)) !== null;
      const signalId = await add(
        'signals',
        `INSERT INTO signals (region_id, id, reference, receiving_organisation_id, source, reporter_user_id, family_id, case_id,
          what_seen, urgency, triage_due_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Zorgen', 'normal', current_date)`,
        [`M-${randomUUID()}`, receiving.id, reporter ? 'professional' : 'citizen', signal.reporterUserId, fam.id, signal.caseId],
        { visibleTo: seesSignal },
      );
      const decider = actors.find((a) => a.organisationId === receiving.id) ?? coord;
      await add(
        'signal_triage_decisions',
        `INSERT INTO signal_triage_decisions (region_id, id, signal_id, safety_assessment, safety_reasons, decision, case_id,
          decided_by, decided_by_organisation_id) VALUES ($1, $2, $3, 'concerns', 'Zorgen', 'join_case', $4, $5, $6)`,
        [signalId, fam.caseId, decider.userId, decider.organisationId],
        { visibleTo: seesSignal },
      );
      await add(
        'signal_family_proposals',
        `INSERT INTO signal_family_proposals (region_id, id, signal_id, case_id, decision, decided_by, decided_by_organisation_id)
        VALUES ($1, $2, $3, $4, 'confirmed', $5, $6)`,
        [signalId, fam.caseId, decider.userId, decider.organisationId],
        { visibleTo: seesSignal },
      );

      const others = orgs.filter((o) => o.id !== coord.organisationId);
      const to = others[f.handoverTo % others.length]!;
      const parties = { regionId, toRegionId: regionId, fromOrganisationId: coord.organisationId, toOrganisationId: to.id };
      await add(
        'handovers',
        `INSERT INTO handovers (region_id, to_region_id, id, case_id, family_id, subject_label, from_organisation_id, from_user_id,
          to_organisation_id, reason, safety_assessment, known_information, legal_basis, sender_access, accept_due_on)
        VALUES ($1, $1, $2, $3, $4, 'Gezin', $5, $6, $7, 'Reden', 'safe', 'Bekend', 'statutory_task', 'ends', current_date + 5)`,
        [fam.caseId, fam.id, coord.organisationId, coord.userId, to.id],
        { visibleTo: (a) => mayReadHandover(a, parties) },
      );

      // The reference index: two registrations of the first person; by two organisations they match.
      const [r1, r2] = [actors[f.registrants[0] % actors.length]!, actors[f.registrants[1] % actors.length]!];
      const registrationOrgs = new Set([r1.organisationId, r2.organisationId]);
      const regs: string[] = [];
      for (const r of new Map([
        [r1.organisationId, r1],
        [r2.organisationId, r2],
      ]).values()) {
        regs.push(
          await add(
            'refindex_registrations',
            `INSERT INTO refindex_registrations (region_id, id, person_id, organisation_id, registered_by, contact_name,
            contact_phone, legal_basis, start_date, end_date) VALUES ($1, $2, $3, $4, $5, 'Contact', '0612345678', 'statutory_task', current_date, current_date + 30)`,
            [first, r.organisationId, r.userId],
            { visibleTo: (a) => registrationOrgs.has(a.organisationId) },
          ),
        );
      }
      if (regs.length === 2) {
        const matchId = await add(
          'refindex_matches',
          `INSERT INTO refindex_matches (region_id, id, kind, person_id, matched_on, due_on)
          VALUES ($1, $2, 'client', $3, current_date, current_date + 10)`,
          [first],
          { visibleTo: (a) => registrationOrgs.has(a.organisationId) },
        );
        const one: [string, string] = [r1.organisationId, regs[0]!],
          two: [string, string] = [r2.organisationId, regs[1]!];
        const [low, high] = one[0] < two[0] ? [one, two] : [two, one];
        await tx.query(
          `INSERT INTO refindex_match_pairs (region_id, match_id, org_low, org_high, registration_low, registration_high) VALUES ($1, $2, $3, $4, $5, $6)`,
          [regionId, matchId, low[0], high[0], low[1], high[1]],
        );
      }
    }
    for (const { id } of await tx.query<{ id: string }>(`SELECT id::text FROM audit_log WHERE region_id = $1`, [regionId]))
      rows.push({ table: 'audit_log', id, visibleTo: () => false, privacyOfficer: true });
    return { regionId, actors, privacyOfficer, families, memberships, grants, rows };
  });
}

/** A second region with its own family, whose professional holds every care role. */
export async function buildOtherRegion(db: Database) {
  const regionId = `q${randomUUID().slice(0, 12)}`;
  return db.transaction(async (tx) => {
    await insertRegion(tx, regionId);
    const org = await insertOrg(tx, regionId, 'municipal_team');
    const outsider = await insertUser(tx, regionId, org, ['professional', 'coordinator', 'team_lead']);
    const fam = await insertFamilyWithCase(tx, regionId, 2, outsider, 'consent');
    return { regionId, outsider, family: fam };
  });
}
