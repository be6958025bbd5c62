// The SQL the API runs for one family page and for one "Mijn gezinnen" search, copied from
// the repository (actor-tx.ts, families.repo.ts, cases.repo.ts, audit.ts, sessions.ts) and
// replayed over one connection without the application around it: the raw-SQL baseline.
// `checkDrift` tells when a copied statement no longer appears in its source file.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { primaryRole, type Actor } from '../src/platform/access/actor.js';

export type Run = (text: string, params?: unknown[]) => Promise<Record<string, any>[]>;

export const SQL = {
  actor: `SELECT set_config('role', 'regie_app', true), set_config('regie.region', $1, true),
              set_config('regie.user', $2, true), set_config('regie.org', $3, true), set_config('regie.roles', $4, true)`,
  family: `SELECT id, name, version, created_at FROM families WHERE region_id = $1 AND id = $2`,
  members: `SELECT fm.relation, p.id, p.bsn, p.given_names, p.family_name_prefix, p.family_name, p.birth_date::text AS birth_date,
              date_part('year', age(p.birth_date))::int AS age, p.gender, p.street, p.house_number, p.postcode, p.city, p.phone, p.version
         FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
        WHERE fm.region_id = $1 AND fm.family_id = $2
        ORDER BY array_position(ARRAY['parent','partner','carer','child','other'], fm.relation), p.birth_date NULLS LAST`,
  network: `SELECT id, name, relation, phone, note FROM network_members WHERE region_id = $1 AND family_id = $2 ORDER BY name`,
  cases: `SELECT id, status, opened_at, closed_at, closed_reason, version FROM cases WHERE region_id = $1 AND family_id = $2 ORDER BY opened_at DESC`,
  team: `SELECT ct.id, ct.case_id, ct.user_id, u.display_name, ct.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
              ct.role, ct.legal_basis, ct.started_on::text AS started_on, ct.ended_at, ct.ended_reason
         FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
         JOIN organisations o ON o.region_id = ct.region_id AND o.id = ct.organisation_id
        WHERE ct.region_id = $1 AND ct.family_id = $2
        ORDER BY ct.ended_at IS NOT NULL, ct.role, ct.started_at`,
  timeline: `SELECT t.id, t.occurred_at, t.type, t.case_id, u.display_name, o.name AS organisation_name, t.data
         FROM timeline_events t LEFT JOIN users u ON u.region_id = t.region_id AND u.id = t.actor_user_id
         LEFT JOIN organisations o ON o.region_id = t.region_id AND o.id = t.actor_organisation_id
        WHERE t.region_id = $1 AND t.family_id = $2 ORDER BY t.occurred_at DESC LIMIT 50`,
  memberships: `SELECT user_id, organisation_id, legal_basis, role FROM case_team
        WHERE region_id = $1 AND family_id = $2 AND ended_at IS NULL AND (user_id = $3 OR organisation_id = $4)`,
  grants: `SELECT expires_at FROM break_glass WHERE region_id = $1 AND family_id = $2 AND user_id = $3 AND expires_at > now()
        ORDER BY expires_at DESC LIMIT 1`,
  audit: `INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id,
        object_type, object_id, ip, user_agent, legal_basis, care_relation, consent, break_glass, outcome, reason, prev_hash, hash)
     SELECT $1, 0, $2, $3, $4, $5, $6, p, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '', ''
       FROM unnest($17::uuid[]) AS p`,
  session: `SELECT s.region_id, s.id, s.user_id, s.csrf_token, s.second_factor_done, s.pending_totp_secret, s.created_at, s.last_seen_at,
            u.organisation_id, u.roles, u.display_name, u.username, u.active, u.totp_secret IS NOT NULL AS totp_enrolled, u.totp_required,
            o.type AS organisation_type, o.safety_task
       FROM sessions s JOIN users u ON u.region_id = s.region_id AND u.id = s.user_id
       JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
      WHERE s.region_id = $1 AND s.id = $2 AND s.ended_at IS NULL`,
} as const;

/** listFamilies (families.repo.ts) with sort=name and a name prefix, as the search builds it. */
export function listSql(): string {
  const expr = 'lower(f.name)';
  const dir = 'ASC';
  const where = ` AND (' ' || f.search_text) LIKE '% ' || $5 || '%'`;
  return `WITH mine AS (
       SELECT ct.family_id, bool_or(ct.user_id = $2 AND ct.role = 'coordinator') AS is_coordinator
         FROM case_team ct
        WHERE ct.region_id = $1 AND ct.ended_at IS NULL AND (ct.user_id = $2 OR ($3 AND ct.organisation_id = $4))
        GROUP BY ct.family_id)
     SELECT f.id, f.name, f.last_activity_at, m.is_coordinator, c.id AS case_id, c.status, c.opened_at, ${expr} AS sort_value,
            (SELECT u.display_name FROM case_team k JOIN users u ON u.region_id = k.region_id AND u.id = k.user_id
              WHERE k.region_id = c.region_id AND k.case_id = c.id AND k.role = 'coordinator' AND k.ended_at IS NULL) AS coordinator_name,
            (SELECT json_agg(json_build_object('personId', p.id, 'name', concat_ws(' ', p.given_names, p.family_name_prefix, p.family_name),
                     'relation', fm.relation, 'age', date_part('year', age(p.birth_date))::int)
                     ORDER BY array_position(ARRAY['parent','partner','carer','child','other'], fm.relation), p.birth_date)
               FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
              WHERE fm.region_id = f.region_id AND fm.family_id = f.id) AS members
       FROM mine m
       JOIN families f ON f.region_id = $1 AND f.id = m.family_id
       LEFT JOIN LATERAL (SELECT * FROM cases c WHERE c.region_id = f.region_id AND c.family_id = f.id
                           ORDER BY c.status = 'closed', c.opened_at DESC LIMIT 1) c ON true
      WHERE true ${where}
      ORDER BY ${expr} ${dir}, f.id::text ${dir}
      LIMIT $6`;
}

const SOURCES: Record<keyof typeof SQL, string> = {
  actor: 'src/platform/db/actor-tx.ts', family: 'src/modules/families/families.repo.ts', members: 'src/modules/families/families.repo.ts',
  network: 'src/modules/families/families.repo.ts', cases: 'src/modules/families/families.repo.ts', team: 'src/modules/families/families.repo.ts',
  timeline: 'src/modules/families/families.repo.ts', memberships: 'src/modules/cases/cases.repo.ts', grants: 'src/modules/cases/cases.repo.ts',
  audit: 'src/platform/audit/audit.ts', session: 'src/platform/auth/sessions.ts',
};

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Names of copied statements that no longer appear (whitespace aside) in their source file. */
export function checkDrift(root: string): string[] {
  const drift: string[] = [];
  for (const [key, file] of Object.entries(SOURCES) as [keyof typeof SQL, string][]) {
    if (!squash(readFileSync(`${root}/${file}`, 'utf8')).includes(squash(SQL[key]))) drift.push(`${key} (${file})`);
  }
  // The list query is a template: its fixed parts must appear in families.repo.ts.
  const repo = squash(readFileSync(`${root}/src/modules/families/families.repo.ts`, 'utf8'));
  const parts = squash(listSql()).split(/lower\(f\.name\)(?: ASC)?|AND \(' ' \|\| f\.search_text\) LIKE '% ' \|\| \$5 \|\| '%'|f\.id::text ASC|LIMIT \$6/);
  if (parts.some((p) => p.trim().length > 20 && !repo.includes(p.trim()))) drift.push('list (families.repo.ts)');
  return drift;
}

export interface RawActor extends Actor { ip: string; userAgent: string }

/** The audit row parameters recordAccess sends for a read with these facts. */
function auditParams(a: RawActor, objectType: string, objectId: string, personIds: string[], legalBasis: string | null, consent: boolean) {
  const persons = personIds.length ? [...new Set(personIds)] : [null];
  return [a.regionId, 'read', a.userId, primaryRole(a), a.organisationId, a.organisationId, objectType, objectId, a.ip, a.userAgent,
    legalBasis, true, consent, false, 'allowed', null, persons];
}

const actorParams = (a: RawActor) => [a.regionId, a.userId, a.organisationId, a.roles.join(',')];

/** Diagnostic only: the actor settings without switching to regie_app, so row-level security does not apply. */
export const ACTOR_WITHOUT_ROLE = `SELECT set_config('regie.region', $1, true),
              set_config('regie.user', $2, true), set_config('regie.org', $3, true), set_config('regie.roles', $4, true)`;

/**
 * Everything readFamilyPage sends inside its transaction (BEGIN/COMMIT are the caller's).
 * With `rls: false` (diagnostic) it stays the connecting superuser, so no policy runs.
 */
export async function familyPageWork(q: Run, a: RawActor, familyId: string, rls = true): Promise<number> {
  await q(rls ? SQL.actor : ACTOR_WITHOUT_ROLE, actorParams(a));
  const fam = await q(SQL.family, [a.regionId, familyId]);
  if (!fam[0]) throw new Error(`raw: family ${familyId} not visible`);
  const members = await q(SQL.members, [a.regionId, familyId]);
  await q(SQL.network, [a.regionId, familyId]);
  await q(SQL.cases, [a.regionId, familyId]);
  await q(SQL.team, [a.regionId, familyId]);
  await q(SQL.timeline, [a.regionId, familyId]);
  const ms = await q(SQL.memberships, [a.regionId, familyId, a.userId, a.organisationId]);
  await q(SQL.grants, [a.regionId, familyId, a.userId]);
  const own = ms.find((m) => m.user_id === a.userId) ?? ms.find((m) => m.organisation_id === a.organisationId);
  const basis = own?.legal_basis ?? null;
  await q(SQL.audit, auditParams(a, 'family', familyId, members.map((m) => m.id), basis, basis === 'consent'));
  return members.length;
}

/** Everything searchFamilies sends inside its transaction for a name prefix (limit 20). */
export async function searchWork(q: Run, a: RawActor, prefix: string, organisationWide: boolean): Promise<number> {
  await q(SQL.actor, actorParams(a));
  const rows = await q(listSql(), [a.regionId, a.userId, organisationWide, a.organisationId, prefix, 21]);
  const shown = rows.slice(0, 20).flatMap((r) => (r.members ?? []).map((m: { personId: string }) => m.personId));
  if (shown.length) await q(SQL.audit, auditParams(a, 'family-search', 'query', shown, null, false));
  return rows.length;
}

/** The guard's session lookup (outside the transaction), for the "with session" baseline. */
export function sessionParams(cookie: string): [string, string] {
  const value = decodeURIComponent(cookie.replace(/^regie_sid=/, ''));
  const dot = value.indexOf('.');
  return [value.slice(0, dot), createHash('sha256').update(value.slice(dot + 1)).digest('hex')];
}
