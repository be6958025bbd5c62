// pgbench beside Regie: the statements one family page really sent (captured from the server,
// capture.ts) written into a pgbench script, pgbench itself, and the reference workload's database
// (../shared/perf-reference/). Used by bench/scaling.ts (g) and bench/page-cost.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';
import { createDatabase } from './database.js';
import { startServer, loggedIn, myFamilyIds } from './server.js';
import { wire } from './refindex-script.js';
import type { Statement } from './capture.js';

const PGBENCH = process.env.BENCH_PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

/**
 * A quoted SQL literal whose content (quotes already doubled) is `inner`. pgbench reads `:name`
 * anywhere in a command as a variable — inside a string too, such as a time's `15:40:12` or a
 * format's `HH24:MI` — and -M prepared then binds it; so a literal with a colon is written
 * Unicode-escaped (U&'15\003A40'): the same constant without the colon.
 */
const quote = (inner: string) => (inner.includes(':') ? `U&'${inner.replace(/\\/g, '\\\\').replace(/:/g, '\\003A')}'` : `'${inner}'`);

/** A SQL literal for a captured parameter: what node-postgres sends, quoted. */
function literal(v: unknown): string {
  const w = wire(v);
  return w === null ? 'NULL' : quote(w.replace(/'/g, "''"));
}
function inline(s: Statement): string {
  return s.text
    .replace(/'((?:[^']|'')*)'/g, (_, inner: string) => quote(inner))
    .replace(/\$(\d+)/g, (_, n: string) => literal(s.params[Number(n) - 1]))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The pgbench scripts: one per captured family, its statements as sent, in one transaction; pgbench
 * picks one at random per transaction (several -f). `edit` may rewrite a statement's SQL or drop
 * it (null), for a diagnostic variant.
 */
export function regieScripts(captured: Statement[][], edit: (sql: string) => string | null = (sql) => sql): string[] {
  return captured.map((ss) => {
    const L = ['BEGIN;'];
    for (const s of ss.filter((x) => x.inTx)) {
      const sql = edit(inline(s));
      if (sql !== null) L.push(`${sql};`);
    }
    L.push('COMMIT;');
    return L.join('\n') + '\n';
  });
}

/** Writes scripts into files in a new temporary directory; returns their paths. */
export function scriptFiles(prefix: string, scripts: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), `regie-${prefix}-`));
  return scripts.map((text, i) => {
    const f = join(dir, `${i}.sql`);
    writeFileSync(f, text);
    return f;
  });
}

export interface PgbenchRun {
  dbUrl: string;
  /** Script files; pgbench picks one at random per transaction. */
  scripts: string[];
  clients: number;
  mode: 'simple' | 'prepared';
  seconds: number;
  pgoptions: string;
}

/** Runs pgbench (-j 1) and returns its transactions per second; a failed transaction is an error. */
export function pgbench(r: PgbenchRun): number {
  const u = new URL(r.dbUrl);
  const out = execFileSync(
    PGBENCH,
    [
      ...['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), '-n'],
      ...['-M', r.mode, ...r.scripts.flatMap((f) => ['-f', f]), '-c', String(r.clients), '-j', '1', '-T', String(r.seconds)],
      u.pathname.slice(1),
    ],
    { encoding: 'utf8', env: { ...process.env, PGOPTIONS: r.pgoptions }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
  const failed = /number of failed transactions: (\d+)/.exec(out);
  if (!m) throw new Error(`pgbench gave no tps:\n${out}`);
  if (failed && Number(failed[1]) > 0) throw new Error(`pgbench: ${failed[1]} failed transactions`);
  return Number(m[1]);
}

/** One statement on a connection of its own. */
export async function query<T>(dbUrl: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Where ../shared/perf-reference/ is: `given` when it exists, else beside this checkout. */
export function referenceDir(given?: string): string {
  const candidates = [given, new URL('../../shared/perf-reference/', import.meta.url).pathname, '/work/shared/perf-reference/'];
  const dir = candidates.find((d): d is string => !!d && existsSync(d));
  if (!dir) throw new Error(`the reference workload is not at ${candidates.filter(Boolean).join(' or ')}`);
  return dir;
}

/** The reference workload's database, loaded from its schema file once and reused. */
export async function prepareReference(refUrl: string, refDir: string, say: (m: string) => void) {
  const name = new URL(refUrl).pathname.slice(1);
  if ((await createDatabase(refUrl, false)) === 'exists') {
    const ok = await query<{ n: string }>(
      refUrl,
      `SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'lim' AND tablename = 'audit'`,
    ).catch(() => [{ n: '0' }]);
    if (oneRow(ok, 'table count').n === '1') {
      say(`reference: reusing ${name}`);
      return;
    }
  }
  say('reference: loading reference-schema.sql (≈ 30 s on an idle machine)');
  const u = new URL(refUrl);
  execFileSync(
    'psql',
    [
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      u.username || 'postgres',
      '-d',
      name,
      '-q',
      '-f',
      join(refDir, 'reference-schema.sql'),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await query(refUrl, 'VACUUM ANALYZE');
}

/** The statements GET /api/v1/families/:id sent, per family, for up to `max` of regisseur's families. */
export async function captureFamilyPages(db: Database, max: number): Promise<{ ids: string[]; captured: Statement[][] }> {
  const server = await startServer(db);
  try {
    const client = await loggedIn(server.baseUrl, 'regisseur');
    const ids = (await myFamilyIds(client)).slice(0, max);
    const captured: Statement[][] = [];
    for (const id of ids) {
      const { statements } = await server.recorder.capture(async () => {
        const r = await client.get(`/api/v1/families/${id}`);
        if (r.status !== 200) throw new Error(`GET family ${id}: ${r.status}`);
      });
      captured.push(statements);
    }
    client.agent.destroy();
    if (!captured.length) throw new Error('the regisseur sees no families to capture');
    return { ids, captured };
  } finally {
    await server.close();
  }
}
