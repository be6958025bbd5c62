// The catalogues schema-doc.ts renders docs/schema.md from: what it reads of a migrated database
// (tables, columns, constraints, indexes, triggers, policies, functions, schemas, default privileges,
// roles, extensions, pg-boss) and how it reads ACLs and arrays back.
import type { Database } from '../src/platform/db/db.js';
import { JOB_SCHEMA } from '../src/platform/db/job-schema.js';

/** The roles whose grants the document lists, beside PUBLIC. */
export const ROLES = ['regie_app', 'regie_system', 'regie_authn'] as const;
/** Schemas documented in full; pg-boss's schema only by its existence and grants. */
export const SCHEMAS = ['public', 'regie'];

export const PRIVILEGES: Record<string, string> = {
  r: 'SELECT',
  a: 'INSERT',
  w: 'UPDATE',
  d: 'DELETE',
  D: 'TRUNCATE',
  x: 'REFERENCES',
  t: 'TRIGGER',
  X: 'EXECUTE',
  U: 'USAGE',
  C: 'CREATE',
  c: 'CONNECT',
  T: 'TEMPORARY',
};
export const PRIVILEGE_ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'EXECUTE', 'USAGE', 'CREATE'];

/** Byte order, the same on every engine and locale. */
export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** One line, single spaces: the deparser's line breaks differ between PostgreSQL versions. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
export const cell = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
/** A paragraph: one line, pipes as they are. */
export const text = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
export const code = (s: string) => '`' + s + '`';

export interface Grant {
  grantee: string;
  privilege: string;
  grantable: boolean;
}

/**
 * An ACL array (aclitem[] as text) as grants. The migration owner's own entry and the grantor
 * are left out: they name the connecting role, which differs per engine (postgres on PGlite,
 * regie_owner on a PostgreSQL server).
 */
export function parseAcl(acl: string | null, owner: string): Grant[] {
  if (!acl) return [];
  const items = acl
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
  const grants: Grant[] = [];
  for (const raw of items) {
    const item = raw.replace(/^"|"$/g, '');
    const [who, rest] = item.split('=');
    const privs = (rest ?? '').split('/')[0] ?? '';
    const grantee = who === '' ? 'PUBLIC' : who!;
    if (grantee === owner) continue;
    for (let i = 0; i < privs.length; i++) {
      const p = privs[i]!;
      if (p === '*') continue;
      grants.push({ grantee, privilege: PRIVILEGES[p] ?? p, grantable: privs[i + 1] === '*' });
    }
  }
  return grants;
}

export function privilegeList(privs: Iterable<string>): string {
  return [...new Set(privs)].sort((a, b) => PRIVILEGE_ORDER.indexOf(a) - PRIVILEGE_ORDER.indexOf(b) || byName(a, b)).join(', ');
}

/** "regie_app: SELECT, INSERT; regie_system: …" for the grants of one object. */
export function grantsByRole(grants: Grant[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const g of grants) m.set(g.grantee, [...(m.get(g.grantee) ?? []), g.privilege + (g.grantable ? ' (with grant option)' : '')]);
  return m;
}

export function roleOrder(a: string, b: string) {
  const rank = (r: string) => {
    const i = (ROLES as readonly string[]).indexOf(r);
    return i < 0 ? (r === 'PUBLIC' ? ROLES.length : ROLES.length + 1) : i;
  };
  return rank(a) - rank(b) || byName(a, b);
}

export interface TableRow {
  oid: number;
  schema: string;
  name: string;
  kind: string;
  comment: string | null;
  rls: boolean;
  force: boolean;
  acl: string | null;
  viewdef: string | null;
  /** A partitioned table's key (pg_get_partkeydef); its partitions are not listed as tables. */
  partkey: string | null;
  /** The name of a partitioned table's default partition, if it has one. */
  defaultPartition: string | null;
}
export interface ColumnRow {
  table_oid: number;
  num: number;
  name: string;
  type: string;
  not_null: boolean;
  default: string | null;
  identity: string;
  generated: string;
  comment: string | null;
  acl: string | null;
}
export interface PolicyRow {
  table_oid: number;
  name: string;
  permissive: boolean;
  roles: string[] | string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
}
export interface FunctionRow {
  schema: string;
  name: string;
  args: string;
  identity: string;
  result: string | null;
  kind: string;
  language: string;
  volatility: string;
  definer: boolean;
  strict: boolean;
  leakproof: boolean;
  config: string[] | string | null;
  acl: string | null;
  comment: string | null;
  source: string;
}

/** Arrays come back as arrays from node-postgres and PGlite, but be safe with the text form. */
export const textArray = (v: string[] | string | null): string[] =>
  v == null
    ? []
    : Array.isArray(v)
      ? v
      : v
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean)
          .map((s) => s.replace(/^"|"$/g, ''));

/** Everything the document says, read from the catalogues as the migration owner. */
export async function readCatalogue(db: Database) {
  const [{ owner }] = (await db.query<{ owner: string }>(`SELECT current_user::text AS owner`)) as [{ owner: string }];
  const schemaList = `ARRAY['${SCHEMAS.join("','")}']`;
  const notExtension = (oidCol: string, catalog: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oidCol} AND d.deptype = 'e')`;

  const tables = await db.query<TableRow>(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, obj_description(c.oid, 'pg_class') AS comment,
           c.relrowsecurity AS rls, c.relforcerowsecurity AS force, c.relacl::text AS acl,
           CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid, true) END AS viewdef,
           CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partkey,
           (SELECT d.relname FROM pg_inherits i JOIN pg_class d ON d.oid = i.inhrelid
             WHERE i.inhparent = c.oid AND pg_get_expr(d.relpartbound, d.oid) = 'DEFAULT') AS "defaultPartition"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY (${schemaList}) AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT c.relispartition
       AND ${notExtension('c.oid', 'pg_class')}`);
  const columns = await db.query<ColumnRow>(`
    SELECT a.attrelid::int AS table_oid, a.attnum AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) ||
             coalesce((SELECT ' COLLATE "' || co.collname || '"' FROM pg_collation co, pg_type ty
                        WHERE co.oid = a.attcollation AND ty.oid = a.atttypid AND a.attcollation <> ty.typcollation), '') AS type,
           a.attnotnull AS not_null,
           pg_get_expr(ad.adbin, ad.adrelid) AS "default", a.attidentity::text AS identity, a.attgenerated::text AS generated,
           col_description(a.attrelid, a.attnum) AS comment, a.attacl::text AS acl
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE n.nspname = ANY (${schemaList}) AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped`);
  const constraints = await db.query<{ table_oid: number; name: string; type: string; def: string }>(`
    SELECT c.conrelid::int AS table_oid, c.conname AS name, c.contype::text AS type, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = ANY (${schemaList}) AND c.conrelid <> 0 AND c.contype IN ('p', 'u', 'f', 'c', 'x')`);
  const indexes = await db.query<{ table_oid: number; name: string; def: string; constraint_backed: boolean }>(`
    SELECT i.indrelid::int AS table_oid, c.relname AS name, pg_get_indexdef(i.indexrelid) AS def,
           EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')) AS constraint_backed
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY (${schemaList})`);
  const triggers = await db.query<{ table_oid: number; name: string; def: string }>(`
    SELECT t.tgrelid::int AS table_oid, t.tgname AS name, pg_get_triggerdef(t.oid) AS def
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY (${schemaList}) AND NOT t.tgisinternal`);
  const policies = await db.query<PolicyRow>(`
    SELECT p.polrelid::int AS table_oid, p.polname AS name, p.polpermissive AS permissive,
           ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE r::regrole::text END FROM unnest(p.polroles) r) AS roles,
           p.polcmd::text AS cmd, pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
      FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY (${schemaList})`);
  const functions = await db.query<FunctionRow>(`
    SELECT n.nspname AS schema, p.proname AS name, pg_get_function_arguments(p.oid) AS args, pg_get_function_identity_arguments(p.oid) AS identity,
           pg_get_function_result(p.oid) AS result, p.prokind::text AS kind, l.lanname AS language, p.provolatile::text AS volatility,
           p.prosecdef AS definer, p.proisstrict AS strict, p.proleakproof AS leakproof, p.proconfig AS config,
           coalesce(p.proacl, acldefault('f', p.proowner))::text AS acl, obj_description(p.oid, 'pg_proc') AS comment, p.prosrc AS source
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
     WHERE n.nspname = ANY (${schemaList}) AND ${notExtension('p.oid', 'pg_proc')}`);
  const schemas = await db.query<{ name: string; acl: string | null; comment: string | null }>(`
    SELECT n.nspname AS name, coalesce(n.nspacl, acldefault('n', n.nspowner))::text AS acl, obj_description(n.oid, 'pg_namespace') AS comment
      FROM pg_namespace n WHERE n.nspname = ANY (ARRAY['public', 'regie', '${JOB_SCHEMA}'])`);
  const defaults = await db.query<{ schema: string | null; type: string; acl: string }>(`
    SELECT CASE WHEN d.defaclnamespace = 0 THEN NULL ELSE d.defaclnamespace::regnamespace::text END AS schema, d.defaclobjtype::text AS type, d.defaclacl::text AS acl
      FROM pg_default_acl d WHERE d.defaclrole = current_user::regrole`);
  const roles = await db.query<{
    name: string;
    login: boolean;
    superuser: boolean;
    bypassrls: boolean;
    createdb: boolean;
    createrole: boolean;
  }>(`
    SELECT rolname AS name, rolcanlogin AS login, rolsuper AS superuser, rolbypassrls AS bypassrls, rolcreatedb AS createdb, rolcreaterole AS createrole
      FROM pg_roles WHERE rolname = ANY (ARRAY['${ROLES.join("','")}'])`);
  const extensions = await db.query<{ name: string }>(`SELECT extname AS name FROM pg_extension`);
  const jobTables = await db.query<{ name: string; kind: string; acl: string | null }>(`
    SELECT c.relname AS name, c.relkind::text AS kind, c.relacl::text AS acl FROM pg_class c
     WHERE c.relnamespace = '${JOB_SCHEMA}'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'S')`);
  const jobFunctions = await db.query<{ acl: string }>(`
    SELECT coalesce(p.proacl, acldefault('f', p.proowner))::text AS acl FROM pg_proc p WHERE p.pronamespace = '${JOB_SCHEMA}'::regnamespace`);

  return {
    owner,
    tables,
    columns,
    constraints,
    indexes,
    triggers,
    policies,
    functions,
    schemas,
    defaults,
    roles,
    extensions,
    jobTables,
    jobFunctions,
  };
}
