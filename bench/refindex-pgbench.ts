// The pgbench baseline of the reference-index benchmark (e): the captured registration's script run
// by pgbench over a work queue of the plan's registrations, on its own copy of the database.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { primaryRole } from '../src/platform/access/actor.js';
import { databaseName } from './database.js';
import type { Script } from './refindex-script.js';
import { verify, type Item, type Plan, type RefindexRun } from './refindex-plan.js';
import { say } from './options.js';

/** The session settings the server's pool connects with (src/platform/db/db.ts), given to pgbench as PGOPTIONS. */
export const PG_OPTIONS = '-c jit=off';

/**
 * pgbench's protocol, one for every statement of the script. Extended (unnamed statements, parsed
 * and planned on every execution) is how the service sends all statements of a registration but
 * two: the actor settings and the audit flush, which it prepares ({ prepare: true }). Prepared
 * would spare the baseline parsing and planning the other six plus two per pair (the notifications),
 * which the service pays on every registration; extended makes it pay for two statements the
 * service prepares, which are trivial to plan (set_config, INSERT … SELECT FROM unnest). So
 * extended is the default; BENCH_PGBENCH_MODE=prepared measures the other way round (diagnostic).
 */
export function pgbenchMode(): 'extended' | 'prepared' {
  const m = process.env.BENCH_PGBENCH_MODE ?? 'extended';
  if (m !== 'extended' && m !== 'prepared') throw new Error(`BENCH_PGBENCH_MODE must be extended or prepared, not ${m}`);
  return m;
}

export function pgbenchPath(): string {
  const candidates = [
    process.env.BENCH_PGBENCH,
    '/usr/lib/postgresql/15/bin/pgbench',
    '/usr/lib/postgresql/16/bin/pgbench',
    '/usr/lib/postgresql/17/bin/pgbench',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? 'pgbench';
}

export async function runPgbench(url: string, plan: Plan, script: Script, clients: number, perClient: number): Promise<RefindexRun> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // The work queue: one row per registration, in the order the API clients go through theirs
    // (round-robin over the clients), with the id the service would have made up for it.
    // Every client has the same number of items (perClient), and one slot per list.
    const rows = plan.items[0]!.flatMap((_, k) => plan.items.map((list) => list[k]!));
    const slot = (it: Item) => plan.slots[it.slot]!;
    await c.query(
      `CREATE TABLE bench_refindex_queue (n bigint PRIMARY KEY, ${script.variables.map((v) => `${v} text NOT NULL`).join(', ')})`,
    );
    await c.query('CREATE SEQUENCE bench_refindex_queue_n');
    const col: Record<string, (it: Item) => string> = {
      user_id: (it) => slot(it).id,
      org_id: (it) => slot(it).organisationId,
      roles: (it) => slot(it).roles.join(','),
      user_role: (it) => primaryRole({ roles: slot(it).roles } as never),
      bsn: (it) => it.person.bsn,
      person_id: (it) => it.person.id,
      reg_id: () => randomUUID(),
    };
    const columns = script.variables.map((v) => {
      const get = col[v];
      if (!get) throw new Error(`(e) no queue column for script variable ${v}`);
      return get;
    });
    await c.query(
      `INSERT INTO bench_refindex_queue SELECT * FROM unnest($1::bigint[], ${script.variables.map((_, i) => `$${i + 2}::text[]`).join(', ')})`,
      [rows.map((_, i) => i + 1), ...columns.map((get) => rows.map(get))],
    );
    await c.query('ANALYZE bench_refindex_queue');
  } finally {
    await c.end();
  }
  const dir = mkdtempSync(join(tmpdir(), 'regie-bench-'));
  const file = join(dir, 'refindex.sql');
  writeFileSync(file, script.text);
  const u = new URL(url);
  const mode = pgbenchMode();
  const args = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username) || 'postgres',
    '-n',
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-M',
    mode,
    '-r',
    '-t',
    String(perClient),
    '-f',
    file,
    databaseName(url),
  ];
  const bin = pgbenchPath();
  say(`(e) pgbench: ${clients * perClient} registrations, ${clients} clients, 2 threads, -M ${mode}, PGOPTIONS='${PG_OPTIONS}'`);
  const run = await new Promise<{ code: number; out: string; err: string }>((resolve, reject) => {
    // The session settings of the server's own connections (src/platform/db/db.ts: options '-c jit=off'),
    // which node-postgres sends instead of any PGOPTIONS of the environment, so this replaces it too.
    const p = spawn(bin, args, {
      env: { ...process.env, PGOPTIONS: PG_OPTIONS, PGPASSWORD: decodeURIComponent(u.password) || process.env.PGPASSWORD || '' },
    });
    let out = '',
      err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('error', (e) => reject(new Error(`(e) cannot run ${bin}: ${e.message} (set BENCH_PGBENCH to pgbench's path)`)));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
  rmSync(dir, { recursive: true, force: true });
  const num = (re: RegExp) => {
    const m = run.out.match(re);
    return m ? Number(m[1]) : NaN;
  };
  const tps = num(/tps = ([\d.]+) \(without initial connection time\)/);
  const processed = run.out.match(/number of transactions actually processed: (\d+\/\d+)/)?.[1] ?? '?';
  const failed = num(/number of failed transactions: (\d+)/);
  const done = Number(processed.split('/')[0]);
  const statements = [...run.out.matchAll(/^\s+([\d.]+)\s+\d+\s+(\S.*)$/gm)]
    .map((m) => ({ ms: Number(m[1]), text: m[2]! }))
    .sort((x, y) => y.ms - x.ms)
    .slice(0, 6);
  const v = await verify(url, plan);
  const total = clients * perClient;
  const problems = [
    ...(run.code !== 0
      ? [
          `pgbench exited with ${run.code}: ${run.err
            .split('\n')
            .filter((l) => /error|abort/i.test(l))
            .slice(0, 3)
            .join(' | ')}`,
        ]
      : []),
    ...(done !== total ? [`pgbench processed ${processed} transactions`] : []),
    ...(Number.isFinite(tps) ? [] : ['no tps in the pgbench output']),
    ...v.problems,
  ];
  const latencyAvg = num(/latency average = ([\d.]+) ms/);
  return {
    engine: 'pgbench',
    registrations: Number.isFinite(done) ? done : 0,
    seconds: done / tps,
    perSecond: tps,
    errors: total - (Number.isFinite(done) ? done : 0) + (failed || 0),
    statuses: {},
    errorSamples: run.code ? [run.err.slice(0, 600)] : [],
    ...v,
    problems,
    ok: problems.length === 0,
    latency: null,
    pgbench: {
      tps,
      latencyAvgMs: Number.isFinite(latencyAvg) ? latencyAvg : null,
      processed,
      failed: failed || 0,
      exitCode: run.code,
      command: `PGOPTIONS='${PG_OPTIONS}' pgbench ${args.map((x) => (x === file ? 'refindex.sql' : x)).join(' ')}`,
      statements,
    },
  };
}
