// Writes docs/schema.md: the database as it is after every migration — tables, columns and
// their comments, row-level security and every policy, the functions of schema regie and who may
// execute them, and the grants of each role — read from the catalogues of a freshly migrated
// PGlite database. The migrations rewrite policies and functions over time (0003 → 0071 → 0072 →
// 0073 …); this document is the current answer without replaying that history.
//
//   npm run schema:doc            (re)writes docs/schema.md
//
// test/int/schema-doc.test.ts regenerates the document and fails when the committed file is
// stale. The output is sorted and carries no timestamps or engine details (the migration owner
// is written as "owner", expressions on one line), so both engines produce the same text.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openPglite, type Database } from '../src/platform/db/db.js';
import { migrate, migrationFiles } from '../src/platform/db/migrate.js';
import { JOB_SCHEMA } from '../src/platform/db/job-schema.js';

export const schemaDocPath = fileURLToPath(new URL('../docs/schema.md', import.meta.url));

/** The roles whose grants the document lists, beside PUBLIC. */
const ROLES = ['regie_app', 'regie_system', 'regie_authn'] as const;
/** Schemas documented in full; pg-boss's schema only by its existence and grants. */
const SCHEMAS = ['public', 'regie'];

const PRIVILEGES: Record<string, string> = {
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
const PRIVILEGE_ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'EXECUTE', 'USAGE', 'CREATE'];

/** Byte order, the same on every engine and locale. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** One line, single spaces: the deparser's line breaks differ between PostgreSQL versions. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
const cell = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
/** A paragraph: one line, pipes as they are. */
const text = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const code = (s: string) => '`' + s + '`';

interface Grant {
  grantee: string;
  privilege: string;
  grantable: boolean;
}

/**
 * An ACL array (aclitem[] as text) as grants. The migration owner's own entry and the grantor
 * are left out: they name the connecting role, which differs per engine (postgres on PGlite,
 * regie_owner on a PostgreSQL server).
 */
function parseAcl(acl: string | null, owner: string): Grant[] {
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

function privilegeList(privs: Iterable<string>): string {
  return [...new Set(privs)].sort((a, b) => PRIVILEGE_ORDER.indexOf(a) - PRIVILEGE_ORDER.indexOf(b) || byName(a, b)).join(', ');
}

/** "regie_app: SELECT, INSERT; regie_system: …" for the grants of one object. */
function grantsByRole(grants: Grant[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const g of grants) m.set(g.grantee, [...(m.get(g.grantee) ?? []), g.privilege + (g.grantable ? ' (with grant option)' : '')]);
  return m;
}

function roleOrder(a: string, b: string) {
  const rank = (r: string) => {
    const i = (ROLES as readonly string[]).indexOf(r);
    return i < 0 ? (r === 'PUBLIC' ? ROLES.length : ROLES.length + 1) : i;
  };
  return rank(a) - rank(b) || byName(a, b);
}

interface TableRow {
  oid: number;
  schema: string;
  name: string;
  kind: string;
  comment: string | null;
  rls: boolean;
  force: boolean;
  acl: string | null;
  viewdef: string | null;
}
interface ColumnRow {
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
interface PolicyRow {
  table_oid: number;
  name: string;
  permissive: boolean;
  roles: string[] | string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
}
interface FunctionRow {
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
const textArray = (v: string[] | string | null): string[] =>
  v == null
    ? []
    : Array.isArray(v)
      ? v
      : v
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean)
          .map((s) => s.replace(/^"|"$/g, ''));

/** Renders the document from the catalogues of a migrated database, as seen by the migration owner. */
export async function schemaDocument(db: Database): Promise<string> {
  const [{ owner }] = (await db.query<{ owner: string }>(`SELECT current_user::text AS owner`)) as [{ owner: string }];
  const schemaList = `ARRAY['${SCHEMAS.join("','")}']`;
  const notExtension = (oidCol: string, catalog: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oidCol} AND d.deptype = 'e')`;

  const tables = await db.query<TableRow>(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, obj_description(c.oid, 'pg_class') AS comment,
           c.relrowsecurity AS rls, c.relforcerowsecurity AS force, c.relacl::text AS acl,
           CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid, true) END AS viewdef
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ANY (${schemaList}) AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND ${notExtension('c.oid', 'pg_class')}`);
  const columns = await db.query<ColumnRow>(`
    SELECT a.attrelid::int AS table_oid, a.attnum AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
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

  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const files = migrationFiles();

  line('# Database schema');
  line();
  line('<!-- Generated by `npm run schema:doc` (scripts/schema-doc.ts). Do not edit by hand: change a migration and regenerate. -->');
  line();
  line(
    `The database as it is after every migration (${files.length} files, the last \`${files[files.length - 1]}\`) and pg-boss's schema,`,
  );
  line('read from the catalogues of a freshly migrated database. The migrations are the history; this is the');
  line('current state: each policy, function and grant below is the one in force, whichever migration last');
  line('changed it. `test/int/schema-doc.test.ts` fails when this file is stale. Why the roles and policies');
  line('look as they do: [ADR 0002](adr/0002-row-level-security-roles.md).');
  line();
  line('"owner" is the role that runs the migrations and owns every object (`regie_owner` in production,');
  line('docs/deploy/roles.sql); it may do everything and is left out of the grants below. Expressions are');
  line('shown on one line as PostgreSQL prints them back.');
  line();

  // Contents.
  const docTables = tables
    .filter((t) => t.kind === 'r' || t.kind === 'p')
    .sort((a, b) => byName(a.schema, b.schema) || byName(a.name, b.name));
  const views = tables.filter((t) => t.kind === 'v' || t.kind === 'm').sort((a, b) => byName(a.schema, b.schema) || byName(a.name, b.name));
  const sequences = tables.filter((t) => t.kind === 'S').sort((a, b) => byName(a.schema, b.schema) || byName(a.name, b.name));
  const qualified = (t: { schema: string; name: string }) => (t.schema === 'public' ? t.name : `${t.schema}.${t.name}`);
  const anchor = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9_ -]/g, '')
      .replace(/ /g, '-');
  line('## Contents');
  line();
  line('- [Roles](#roles), [Schemas](#schemas), [Default privileges](#default-privileges), [Extensions](#extensions)');
  line(`- [Tables](#tables): ${docTables.map((t) => `[${qualified(t)}](#${anchor(qualified(t))})`).join(', ')}`);
  line(`- [Views](#views): ${views.map((t) => `[${qualified(t)}](#${anchor(qualified(t))})`).join(', ')}`);
  line('- [Sequences](#sequences), [Functions](#functions), [pg-boss](#pg-boss)');
  line();

  line('## Roles');
  line();
  line('| role | login | superuser | bypasses RLS | create database | create role |');
  line('|---|---|---|---|---|---|');
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  for (const r of [...roles].sort((a, b) => roleOrder(a.name, b.name)))
    line(`| ${r.name} | ${yes(r.login)} | ${yes(r.superuser)} | ${yes(r.bypassrls)} | ${yes(r.createdb)} | ${yes(r.createrole)} |`);
  line();

  line('## Schemas');
  line();
  line('| schema | comment | privileges |');
  line('|---|---|---|');
  for (const s of [...schemas].sort((a, b) => byName(a.name, b.name))) {
    // The public schema belongs to pg_database_owner (PostgreSQL 15+) — the database's owner.
    const grants = parseAcl(s.acl, owner).filter((g) => g.grantee !== 'pg_database_owner');
    const byRole = grantsByRole(grants);
    const privs =
      [...byRole.keys()]
        .sort(roleOrder)
        .map((r) => `${r}: ${privilegeList(byRole.get(r)!)}`)
        .join('; ') || '—';
    line(`| ${s.name} | ${cell(s.comment) || (s.name === JOB_SCHEMA ? "pg-boss's job tables ([below](#pg-boss))" : '')} | ${privs} |`);
  }
  line();

  line('## Default privileges');
  line();
  line('Privileges that objects the owner creates later get (or lose) automatically:');
  line();
  const objectTypes: Record<string, string> = { r: 'tables', S: 'sequences', f: 'functions', T: 'types', n: 'schemas' };
  for (const d of [...defaults].sort((a, b) => byName(a.schema ?? '', b.schema ?? '') || byName(a.type, b.type))) {
    const byRole = grantsByRole(parseAcl(d.acl, owner));
    const privs = [...byRole.keys()]
      .sort(roleOrder)
      .map((r) => `${r}: ${privilegeList(byRole.get(r)!)}`)
      .join('; ');
    line(
      `- ${objectTypes[d.type] ?? d.type} ${d.schema ? `in schema ${d.schema}` : 'in every schema'}: ${privs || (d.type === 'f' ? "nobody but the owner (PUBLIC's default EXECUTE is revoked)" : 'nobody but the owner')}`,
    );
  }
  line();

  line('## Extensions');
  line();
  line(
    [...extensions]
      .map((e) => e.name)
      .sort(byName)
      .map(code)
      .join(', '),
  );
  line();

  const columnsOf = new Map<number, ColumnRow[]>();
  for (const c of columns) columnsOf.set(c.table_oid, [...(columnsOf.get(c.table_oid) ?? []), c]);
  const group = <T extends { table_oid: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.table_oid, [...(m.get(r.table_oid) ?? []), r]);
    return m;
  };
  const constraintsOf = group(constraints);
  const indexesOf = group(indexes);
  const triggersOf = group(triggers);
  const policiesOf = group(policies);
  const commands: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };
  const constraintKinds: Record<string, string> = { p: 'primary key', u: 'unique', f: 'foreign key', c: 'check', x: 'exclusion' };

  function columnTable(t: TableRow) {
    const cols = [...(columnsOf.get(t.oid) ?? [])].sort((a, b) => a.num - b.num);
    line('| column | type | null | default | comment |');
    line('|---|---|---|---|---|');
    for (const c of cols) {
      const dflt =
        c.generated === 's'
          ? `generated always as (${c.default}) stored`
          : c.identity === 'a'
            ? 'generated always as identity'
            : c.identity === 'd'
              ? 'generated by default as identity'
              : c.default;
      line(
        `| ${c.name} | ${cell(c.type)} | ${c.not_null ? 'not null' : 'null'} | ${dflt ? code(cell(oneLine(dflt))) : ''} | ${cell(c.comment)} |`,
      );
    }
    line();
  }

  /** Table-level and column-level grants, role by role. */
  function grantsOf(t: TableRow) {
    const perRole = new Map<string, string[]>();
    for (const g of parseAcl(t.acl, owner)) perRole.set(g.grantee, [...(perRole.get(g.grantee) ?? []), g.privilege]);
    const columnGrants = new Map<string, Map<string, string[]>>();
    for (const c of columnsOf.get(t.oid) ?? []) {
      for (const g of parseAcl(c.acl, owner)) {
        const byPriv = columnGrants.get(g.grantee) ?? new Map<string, string[]>();
        byPriv.set(g.privilege, [...(byPriv.get(g.privilege) ?? []), c.name]);
        columnGrants.set(g.grantee, byPriv);
      }
    }
    const grantees = [...new Set([...perRole.keys(), ...columnGrants.keys()])].sort(roleOrder);
    if (grantees.length === 0) {
      line('Grants: none (only the owner).');
      line();
      return;
    }
    line('Grants:');
    line();
    for (const r of grantees) {
      const parts: string[] = [];
      if (perRole.has(r)) parts.push(privilegeList(perRole.get(r)!));
      const byPriv = columnGrants.get(r);
      if (byPriv) {
        for (const p of [...byPriv.keys()].sort((a, b) => PRIVILEGE_ORDER.indexOf(a) - PRIVILEGE_ORDER.indexOf(b)))
          parts.push(`${p} (${byPriv.get(p)!.sort(byName).join(', ')})`);
      }
      line(`- ${r}: ${parts.join('; ')}`);
    }
    line();
  }

  line('## Tables');
  line();
  for (const t of docTables) {
    line(`### ${qualified(t)}`);
    line();
    if (t.comment) {
      line(text(t.comment));
      line();
    }
    line(
      `Row-level security: ${t.rls ? (t.force ? '**enabled and forced** (also for the owner, unless it bypasses RLS)' : '**enabled**, not forced') : '**off**'}.`,
    );
    line();
    columnTable(t);
    const cons = [...(constraintsOf.get(t.oid) ?? [])].sort(
      (a, b) => byName(a.type === 'p' ? '0' : a.type, b.type === 'p' ? '0' : b.type) || byName(a.name, b.name),
    );
    if (cons.length) {
      line('Constraints:');
      line();
      for (const c of cons) line(`- ${constraintKinds[c.type]} ${code(c.name)}: ${code(oneLine(c.def))}`);
      line();
    }
    const idx = [...(indexesOf.get(t.oid) ?? [])].filter((i) => !i.constraint_backed).sort((a, b) => byName(a.name, b.name));
    if (idx.length) {
      line('Indexes (besides those of the constraints):');
      line();
      for (const i of idx) line(`- ${code(oneLine(i.def).replace(/ ON public\./, ' ON '))}`);
      line();
    }
    const trg = [...(triggersOf.get(t.oid) ?? [])].sort((a, b) => byName(a.name, b.name));
    if (trg.length) {
      line('Triggers:');
      line();
      for (const g of trg) line(`- ${code(oneLine(g.def).replace(/ ON public\./, ' ON '))}`);
      line();
    }
    const pols = [...(policiesOf.get(t.oid) ?? [])].sort((a, b) => byName(a.name, b.name));
    if (pols.length) {
      line('Policies:');
      line();
      for (const p of pols) {
        const rolesText = textArray(p.roles).sort(roleOrder).join(', ');
        line(
          `- ${code(p.name)}: ${p.permissive ? 'permissive' : '**restrictive**'}, ${commands[p.cmd] ?? p.cmd}, to ${rolesText === 'PUBLIC' ? 'PUBLIC (every role)' : rolesText}`,
        );
        if (p.qual) line(`  - USING ${code(oneLine(p.qual))}`);
        if (p.with_check) line(`  - WITH CHECK ${code(oneLine(p.with_check))}`);
      }
      line();
    } else if (t.rls) {
      line('Policies: none — no role but the owner sees or changes a row.');
      line();
    }
    grantsOf(t);
  }

  line('## Views');
  line();
  line("Views run with their owner's rights: the policies of the tables they read do not filter them.");
  line();
  for (const v of views) {
    line(`### ${qualified(v)}`);
    line();
    if (v.comment) {
      line(text(v.comment));
      line();
    }
    columnTable(v);
    line('```sql');
    line((v.viewdef ?? '').replace(/\s+$/g, ''));
    line('```');
    line();
    grantsOf(v);
  }

  line('## Sequences');
  line();
  for (const s of sequences) {
    const byRole = grantsByRole(parseAcl(s.acl, owner));
    const privs = [...byRole.keys()]
      .sort(roleOrder)
      .map((r) => `${r}: ${privilegeList(byRole.get(r)!)}`)
      .join('; ');
    line(`- ${code(qualified(s))}: ${privs || 'owner only'}`);
  }
  line();

  line('## Functions');
  line();
  line("Every function of schemas regie and public (extensions' functions left out). A SECURITY DEFINER function");
  line("runs with the owner's rights, past row-level security; `test/int/definer-functions.test.ts` reviews them.");
  line('"Executable by" lists the roles besides the owner; PUBLIC would be every role.');
  line();
  const volatility: Record<string, string> = { i: 'immutable', s: 'stable', v: 'volatile' };
  const sortedFunctions = [...functions].sort(
    (a, b) => byName(a.schema, b.schema) || byName(a.name, b.name) || byName(a.identity, b.identity),
  );
  for (const f of sortedFunctions) {
    const name = `${f.schema}.${f.name}(${f.identity})`;
    line(`### ${name}`);
    line();
    const executors = [
      ...new Set(
        parseAcl(f.acl, owner)
          .filter((g) => g.privilege === 'EXECUTE')
          .map((g) => g.grantee),
      ),
    ].sort(roleOrder);
    const props = [
      f.kind === 'p' ? 'procedure' : `returns ${code(text(f.result))}`,
      f.language,
      volatility[f.volatility] ?? f.volatility,
      f.definer ? '**SECURITY DEFINER**' : 'security invoker',
      ...(f.strict ? ['strict'] : []),
      ...(f.leakproof ? ['leakproof'] : []),
      ...textArray(f.config)
        .sort(byName)
        .map((c) => code(`SET ${c.replace('=', ' = ')}`)),
    ];
    line(`${props.join(', ')}. Executable by: ${executors.length ? executors.join(', ') : 'owner only'}.`);
    if (f.args !== f.identity) {
      line();
      line(`Arguments: ${code(text(f.args))}`);
    }
    if (f.comment) {
      line();
      line(text(f.comment));
    }
    line();
    line('<details><summary>body</summary>');
    line();
    line('```sql');
    line(f.source.replace(/^\s*\n/, '').replace(/\s+$/, ''));
    line('```');
    line();
    line('</details>');
    line();
  }

  line('## pg-boss');
  line();
  const jobSchema = schemas.find((s) => s.name === JOB_SCHEMA);
  line(
    `Schema \`${JOB_SCHEMA}\` ${jobSchema ? 'exists' : '**is missing**'}: pg-boss's own tables and functions, installed and upgraded by`,
  );
  line('the owner with the migrations (`src/platform/db/job-schema.ts`), used by the `jobs` door. Its internals');
  line('belong to pg-boss and are not listed; the grants are:');
  line();
  const jobRelations = jobTables.filter((t) => t.kind !== 'S');
  const jobSequences = jobTables.filter((t) => t.kind === 'S');
  const summarise = (objects: { acl: string | null }[], what: string) => {
    const counts = new Map<string, Map<string, number>>();
    for (const o of objects) {
      for (const g of parseAcl(o.acl, owner)) {
        const m = counts.get(g.grantee) ?? new Map<string, number>();
        m.set(g.privilege, (m.get(g.privilege) ?? 0) + 1);
        counts.set(g.grantee, m);
      }
    }
    if (objects.length === 0) {
      line(`- ${what}: none`);
      return;
    }
    if (counts.size === 0) {
      line(`- ${what}: owner only`);
      return;
    }
    for (const r of [...counts.keys()].sort(roleOrder)) {
      const m = counts.get(r)!;
      const all = [...m.keys()].filter((p) => m.get(p) === objects.length);
      const some = [...m.keys()].filter((p) => m.get(p) !== objects.length);
      const parts = [
        ...(all.length ? [`${privilegeList(all)} on every one`] : []),
        ...(some.length ? [`${privilegeList(some)} on some`] : []),
      ];
      line(`- ${what}: ${r}: ${parts.join('; ')}`);
    }
  };
  if (jobSchema) {
    const byRole = grantsByRole(parseAcl(jobSchema.acl, owner));
    line(
      `- the schema: ${
        [...byRole.keys()]
          .sort(roleOrder)
          .map((r) => `${r}: ${privilegeList(byRole.get(r)!)}`)
          .join('; ') || 'owner only'
      }`,
    );
  }
  summarise(jobRelations, 'its tables');
  summarise(jobSequences, 'its sequences');
  summarise(jobFunctions, 'its functions');
  line();
  return out.join('\n');
}

/** Migrates a fresh in-memory PGlite database and renders its document. */
export async function generateSchemaDocument(): Promise<string> {
  const db = await openPglite();
  try {
    await migrate(db);
    return await schemaDocument(db);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(schemaDocPath, await generateSchemaDocument());
  console.log(`wrote ${schemaDocPath}`);
}
