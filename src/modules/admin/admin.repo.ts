// SQL of functional administration. Runs inside an actor's transaction: row-level security keeps
// it to the actor's region and lets only a functional administrator write (0081_admin_access.sql).
// Every update names the version it was based on and changes nothing when that version is gone.
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
import type { Account, Organisation } from './admin.contract.js';
import type { LiberationDayRule } from '../../platform/time/working-days.js';

const iso = (v: unknown) => new Date(v as string).toISOString();

// ---- region settings --------------------------------------------------------------------------

export interface RegionSettingsRow {
  workingDays: { acute: number; high: number; normal: number };
  frontDoorOrganisation: { id: string; name: string } | null;
  liberationDay: LiberationDayRule;
  version: number;
}

export async function regionSettingsRow(tx: Tx, regionId: string): Promise<RegionSettingsRow | null> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT s.acute_working_days, s.high_working_days, s.normal_working_days, s.front_door_organisation_id, o.name AS front_door_name, s.liberation_day, s.version
       FROM signal_settings s LEFT JOIN organisations o ON o.region_id = s.region_id AND o.id = s.front_door_organisation_id
      WHERE s.region_id = $1`,
    [regionId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    workingDays: { acute: r.acute_working_days, high: r.high_working_days, normal: r.normal_working_days },
    frontDoorOrganisation: r.front_door_organisation_id ? { id: r.front_door_organisation_id, name: r.front_door_name } : null,
    liberationDay: r.liberation_day,
    version: r.version,
  };
}

export interface NewRegionSettings {
  workingDays: { acute: number; high: number; normal: number };
  frontDoorOrganisationId: string | null;
  liberationDay: LiberationDayRule;
}

/** The first save of a region (version 0 = the defaults); false when someone saved first. */
export async function insertRegionSettings(tx: Tx, regionId: string, s: NewRegionSettings): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO signal_settings (region_id, acute_working_days, high_working_days, normal_working_days, front_door_organisation_id, liberation_day, version)
     VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (region_id) DO NOTHING RETURNING version`,
    [regionId, s.workingDays.acute, s.workingDays.high, s.workingDays.normal, s.frontDoorOrganisationId, s.liberationDay],
  );
  return rows.length > 0;
}

export async function updateRegionSettings(tx: Tx, regionId: string, s: NewRegionSettings, version: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE signal_settings SET acute_working_days = $2, high_working_days = $3, normal_working_days = $4, front_door_organisation_id = $5,
            liberation_day = $7, version = version + 1
      WHERE region_id = $1 AND version = $6 RETURNING version`,
    [regionId, s.workingDays.acute, s.workingDays.high, s.workingDays.normal, s.frontDoorOrganisationId, version, s.liberationDay],
  );
  return rows.length > 0;
}

// ---- organisations ----------------------------------------------------------------------------

type OrganisationRow = z.infer<typeof Organisation>;
const organisation = (r: Record<string, any>): OrganisationRow => ({
  id: r.id,
  name: r.name,
  type: r.type,
  safetyTask: r.safety_task,
  version: r.version,
});

export async function organisationById(tx: Tx, regionId: string, id: string): Promise<OrganisationRow | null> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT id, name, type, safety_task, version FROM organisations WHERE region_id = $1 AND id = $2`,
    [regionId, id],
  );
  return rows[0] ? organisation(rows[0]) : null;
}

/** By name (A–Z), keyset-paged on (name, id); `q` matches anywhere in the name, in any case. */
export async function organisations(tx: Tx, regionId: string, o: { q?: string; after?: [string, string]; limit: number }) {
  const rows = await tx.query<Record<string, any>>(
    `SELECT id, name, type, safety_task, version FROM organisations
      WHERE region_id = $1 AND ($2::text IS NULL OR strpos(lower(name), lower($2)) > 0)
        AND ($3::text IS NULL OR (name, id) > ($3, $4::uuid))
      ORDER BY name, id LIMIT $5`,
    [regionId, o.q ?? null, o.after?.[0] ?? null, o.after?.[1] ?? null, o.limit + 1],
  );
  return { rows: rows.map(organisation), sortValues: rows.map((r) => r.name as string) };
}

/** Serialises the organisation writes of one region, so that two names cannot be taken at once. */
export async function lockOrganisationNames(tx: Tx, regionId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('regie.organisation-names:' || $1))`, [regionId]);
}

export async function organisationNamed(tx: Tx, regionId: string, name: string, exceptId: string | null): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM organisations WHERE region_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3) LIMIT 1`,
    [regionId, name, exceptId],
  );
  return rows[0]?.id ?? null;
}

export async function updateOrganisation(
  tx: Tx,
  regionId: string,
  id: string,
  o: { name: string; type: string; safetyTask: boolean },
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE organisations SET name = $3, type = $4, safety_task = $5, version = version + 1
      WHERE region_id = $1 AND id = $2 AND version = $6 RETURNING id`,
    [regionId, id, o.name, o.type, o.safetyTask, version],
  );
  return rows.length > 0;
}

// ---- professionals (pick list) ----------------------------------------------------------------

/**
 * Active care professionals of the region (not the privacy officer, administrator or inspector),
 * by organisation and then name; keyset-paged on (organisation name, display name, id).
 */
export async function professionals(
  tx: Tx,
  regionId: string,
  o: { qualified: boolean; q?: string; after?: [string, string, string]; limit: number },
) {
  const rows = await tx.query<Record<string, any>>(
    `SELECT u.id, u.display_name, u.roles, u.organisation_id, o.name AS organisation_name, o.type AS organisation_type
       FROM users u JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
      WHERE u.region_id = $1 AND u.active AND ($2::boolean IS NOT TRUE OR 'coordinator' = ANY (u.roles))
        AND NOT ('privacy_officer' = ANY (u.roles) OR 'functional_admin' = ANY (u.roles) OR 'inspector' = ANY (u.roles))
        AND ($3::text IS NULL OR strpos(lower(u.display_name || ' ' || o.name), lower($3)) > 0)
        AND ($4::text IS NULL OR (o.name, u.display_name, u.id) > ($4, $5, $6::uuid))
      ORDER BY o.name, u.display_name, u.id LIMIT $7`,
    [regionId, o.qualified, o.q ?? null, o.after?.[0] ?? null, o.after?.[1] ?? null, o.after?.[2] ?? null, o.limit + 1],
  );
  return rows.map((r) => ({
    id: r.id as string,
    displayName: r.display_name as string,
    roles: r.roles as string[],
    organisationId: r.organisation_id as string,
    organisationName: r.organisation_name as string,
    organisationType: r.organisation_type as string,
  }));
}

// ---- accounts ---------------------------------------------------------------------------------

type AccountRow = z.infer<typeof Account>;

const ACCOUNT_COLUMNS = `u.id, u.username, u.display_name, u.email, u.roles, u.organisation_id, o.name AS organisation_name, o.safety_task, u.active, u.totp_required,
  u.created_at, u.version, f.totp_enrolled, f.last_seen_at,
  p.id AS proposal_id, p.roles AS proposal_roles, p.activates AS proposal_activates, p.proposed_by, pu.display_name AS proposed_by_name, p.proposed_at`;
const ACCOUNT_FROM = `users u JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id`;
/** The pending role change of each account (four eyes), with who proposed it. */
const PENDING_PROPOSAL = `LEFT JOIN role_change_proposals p ON p.region_id = u.region_id AND p.user_id = u.id AND p.outcome IS NULL
  LEFT JOIN users pu ON pu.region_id = p.region_id AND pu.id = p.proposed_by`;

function account(r: Record<string, any>): AccountRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email ?? null,
    roles: r.roles,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    active: r.active,
    totpRequired: r.totp_required,
    totpEnrolled: !!r.totp_enrolled,
    lastSeenAt: r.last_seen_at ? iso(r.last_seen_at) : null,
    createdAt: iso(r.created_at),
    version: r.version,
    safetyTask: r.safety_task,
    pendingRoleChange: r.proposal_id
      ? {
          id: r.proposal_id,
          roles: r.proposal_roles,
          activates: r.proposal_activates,
          proposedBy: { id: r.proposed_by, name: r.proposed_by_name },
          proposedAt: iso(r.proposed_at),
        }
      : null,
  };
}

export async function accountById(tx: Tx, regionId: string, id: string): Promise<AccountRow | null> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM}
       LEFT JOIN regie.account_login_facts($1, ARRAY[$2::uuid]) f ON f.user_id = u.id ${PENDING_PROPOSAL}
      WHERE u.region_id = $1 AND u.id = $2`,
    [regionId, id],
  );
  return rows[0] ? account(rows[0]) : null;
}

/** Every account of the region, active or not, by name; keyset-paged on (display name, id). */
export async function accounts(
  tx: Tx,
  regionId: string,
  o: {
    q?: string;
    organisationId?: string;
    status?: 'active' | 'inactive' | 'all';
    reachable?: boolean;
    after?: [string, string];
    limit: number;
  },
) {
  const page = await tx.query<Record<string, any>>(
    `SELECT u.id, u.display_name FROM ${ACCOUNT_FROM}
      WHERE u.region_id = $1
        AND ($2::text IS NULL OR strpos(lower(u.display_name || ' ' || u.username || ' ' || coalesce(u.email, '') || ' ' || o.name), lower($2)) > 0)
        AND ($3::uuid IS NULL OR u.organisation_id = $3)
        AND ($4::text = 'all' OR u.active = ($4 = 'active'))
        AND ($5::text IS NULL OR (u.display_name, u.id) > ($5, $6::uuid))
        AND ($8::boolean IS NULL OR (u.email IS NOT NULL) = $8)
      ORDER BY u.display_name, u.id LIMIT $7`,
    [
      regionId,
      o.q ?? null,
      o.organisationId ?? null,
      o.status ?? 'all',
      o.after?.[0] ?? null,
      o.after?.[1] ?? null,
      o.limit + 1,
      o.reachable ?? null,
    ],
  );
  if (!page.length) return { rows: [] as AccountRow[], sortValues: [] as string[] };
  const ids = page.map((r) => r.id as string);
  const rows = await tx.query<Record<string, any>>(
    `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM}
       LEFT JOIN regie.account_login_facts($1, $2::uuid[]) f ON f.user_id = u.id ${PENDING_PROPOSAL}
      WHERE u.region_id = $1 AND u.id = ANY ($2::uuid[])`,
    [regionId, ids],
  );
  const byId = new Map(rows.map((r) => [r.id as string, account(r)]));
  return { rows: ids.map((id) => byId.get(id)!), sortValues: page.map((r) => r.display_name as string) };
}

// ---- four eyes: role changes that open break-the-glass or the audit log -------------------------

export interface RoleProposal {
  id: string;
  userId: string;
  roles: string[];
  fromRoles: string[];
  fromActive: boolean;
  activates: boolean;
  proposedBy: string;
}

export async function insertRoleProposal(tx: Tx, regionId: string, p: RoleProposal): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO role_change_proposals (region_id, id, user_id, roles, from_roles, from_active, activates, proposed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (region_id, user_id) WHERE outcome IS NULL DO NOTHING RETURNING id`,
    [regionId, p.id, p.userId, p.roles, p.fromRoles, p.fromActive, p.activates, p.proposedBy],
  );
  return rows.length > 0;
}

export async function pendingRoleProposal(tx: Tx, regionId: string, userId: string, id: string): Promise<RoleProposal | null> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT id, user_id, roles, from_roles, from_active, activates, proposed_by FROM role_change_proposals
      WHERE region_id = $1 AND user_id = $2 AND id = $3 AND outcome IS NULL FOR UPDATE`,
    [regionId, userId, id],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        userId: r.user_id,
        roles: r.roles,
        fromRoles: r.from_roles,
        fromActive: r.from_active,
        activates: r.activates,
        proposedBy: r.proposed_by,
      }
    : null;
}

export async function decideRoleProposal(
  tx: Tx,
  regionId: string,
  id: string,
  decidedBy: string,
  outcome: 'approved' | 'rejected',
): Promise<void> {
  await tx.query(`UPDATE role_change_proposals SET decided_by = $3, decided_at = now(), outcome = $4 WHERE region_id = $1 AND id = $2`, [
    regionId,
    id,
    decidedBy,
    outcome,
  ]);
}

/** Active accounts of the region with a role (the privacy officers, the other administrators). */
export async function activeUsersWithRole(tx: Tx, regionId: string, role: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM users WHERE region_id = $1 AND active AND $2 = ANY (roles)`, [
    regionId,
    role,
  ]);
  return rows.map((r) => r.id);
}

export async function resetAuthenticatorOf(tx: Tx, regionId: string, userId: string): Promise<boolean> {
  const rows = await tx.query<{ ok: boolean }>(`SELECT regie.reset_authenticator($1, $2) AS ok`, [regionId, userId]);
  return !!rows[0]?.ok;
}

export async function resetPasswordOf(tx: Tx, regionId: string, userId: string, hash: string): Promise<boolean> {
  const rows = await tx.query<{ ok: boolean }>(`SELECT regie.reset_password($1, $2, $3) AS ok`, [regionId, userId, hash]);
  return !!rows[0]?.ok;
}

export async function updateAccount(
  tx: Tx,
  regionId: string,
  id: string,
  a: { displayName: string; email: string | null; roles: string[] },
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE users SET display_name = $3, email = $4, roles = $5, version = version + 1
      WHERE region_id = $1 AND id = $2 AND version = $6 RETURNING id`,
    [regionId, id, a.displayName, a.email, a.roles, version],
  );
  return rows.length > 0;
}

export async function setAccountActive(tx: Tx, regionId: string, id: string, active: boolean, version: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE users SET active = $3, version = version + 1 WHERE region_id = $1 AND id = $2 AND version = $4 RETURNING id`,
    [regionId, id, active, version],
  );
  return rows.length > 0;
}

/** Ends every open session of the account at once; returns how many there were. */
export async function endSessionsOf(tx: Tx, regionId: string, userId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(`SELECT regie.end_sessions_of($1, $2) AS n`, [regionId, userId]);
  return Number(rows[0]?.n ?? 0);
}

/** How many open cases the account coordinates (never which: the administrator sees no cases). */
export async function openCasesCoordinatedBy(tx: Tx, regionId: string, userId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(`SELECT regie.open_cases_coordinated_by($1, $2) AS n`, [regionId, userId]);
  return Number(rows[0]?.n ?? 0);
}
