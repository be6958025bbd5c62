// A description of the machine and the database engines the numbers were measured on.
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import type { Database } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';

export interface Machine {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  pglite: string;
  postgresSettings: Record<string, string>;
  /** 1-, 5- and 15-minute load averages when the run started: other work on the machine skews the numbers. */
  loadAverage: number[];
}

export async function describeMachine(db: Database): Promise<Machine> {
  const cpus = os.cpus();
  const { version } = oneRow(await db.query<{ version: string }>('SELECT version()'), 'version()');
  const settings = await db.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN
       ('shared_buffers','work_mem','effective_cache_size','synchronous_commit','fsync','autovacuum','max_connections','jit','random_page_cost')
     ORDER BY name`,
  );
  let pglite = 'unknown';
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@electric-sql/pglite/package.json');
    pglite = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    try {
      pglite = (
        JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as {
          version: string;
        }
      ).version;
    } catch {
      /* unknown */
    }
  }
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: version,
    pglite,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.unit && s.unit !== 'B' ? `${s.setting} (×${s.unit})` : s.setting])),
  };
}

/** Which code was measured: the commit, how many files differ from it, the last migration applied. */
export async function describeCode(
  db: Database,
  root: string,
): Promise<{ commit: string; uncommittedFiles: number; lastMigration: string }> {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const [m] = await db.query<{ name: string }>('SELECT max(name) AS name FROM schema_migrations');
  return {
    commit: git(['log', '-1', '--format=%h %s']) || 'unknown',
    uncommittedFiles: git(['status', '--porcelain']).split('\n').filter(Boolean).length,
    lastMigration: m?.name ?? 'unknown',
  };
}
