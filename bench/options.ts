// Command-line flags and environment of `npm run bench`.
export interface BenchOptions {
  quick: boolean;
  fresh: boolean;
  families: number;
  auditRowsPerFamily: number;
  durationSeconds: number;
  rate: number;
  /** Sequential family-page requests per engine in (a). */
  pageRequests: number;
  /** Sequential searches per actor in (c). */
  searchRequests: number;
  /** Size of the region seeded on both engines for the PGlite/PostgreSQL comparison. */
  compareFamilies: number;
  compareAuditRowsPerFamily: number;
  databaseUrl: string;
  compareDatabaseUrl: string;
  skipPglite: boolean;
  /** Only create/seed the database, measure nothing. */
  seedOnly: boolean;
  /** Minutes to wait at most for the machine to become quiet (1-minute load average below the CPU count × 0.5) before measuring. */
  waitIdleMinutes: number;
  out?: string;
}

export const TARGET_AUDIT_ROWS = 10_000_000;
const BASE_URL = 'postgres://postgres@127.0.0.1:5432';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function num(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: not a number: ${v}`);
  return n;
}

export const USAGE = `usage: npm run bench -- [--quick] [--fresh] [--families N] [--audit-rows-per-family K]
                        [--duration S] [--rate R] [--requests N] [--searches N] [--no-pglite] [--seed-only] [--wait-idle MIN] [--out FILE]
env: BENCH_DATABASE_URL (default ${BASE_URL}/regie_bench, quick: ${BASE_URL}/regie_bench_quick)
     BENCH_COMPARE_DATABASE_URL (default ${BASE_URL}/regie_bench_small)`;

export function parseOptions(argv = process.argv.slice(2), env = process.env): BenchOptions {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const families = Math.floor(num(flag(argv, '--families') ?? env.BENCH_FAMILIES, quick ? 500 : 12_000, '--families'));
  const defaultAudit = quick ? 50 : Math.ceil(TARGET_AUDIT_ROWS / Math.max(1, families));
  return {
    quick,
    fresh: argv.includes('--fresh'),
    families,
    auditRowsPerFamily: Math.floor(num(flag(argv, '--audit-rows-per-family') ?? env.BENCH_AUDIT_ROWS_PER_FAMILY, defaultAudit, '--audit-rows-per-family')),
    durationSeconds: num(flag(argv, '--duration') ?? env.BENCH_DURATION, quick ? 10 : 60, '--duration'),
    rate: num(flag(argv, '--rate'), 100, '--rate'),
    pageRequests: Math.floor(num(flag(argv, '--requests'), quick ? 200 : 500, '--requests')),
    searchRequests: Math.floor(num(flag(argv, '--searches'), quick ? 100 : 300, '--searches')),
    compareFamilies: quick ? 200 : 1_000,
    compareAuditRowsPerFamily: 3,
    databaseUrl: env.BENCH_DATABASE_URL || `${BASE_URL}/${quick ? 'regie_bench_quick' : 'regie_bench'}`,
    compareDatabaseUrl: env.BENCH_COMPARE_DATABASE_URL || `${BASE_URL}/regie_bench_small`,
    skipPglite: argv.includes('--no-pglite'),
    seedOnly: argv.includes('--seed-only'),
    waitIdleMinutes: num(flag(argv, '--wait-idle') ?? env.BENCH_WAIT_IDLE, 0, '--wait-idle'),
    out: flag(argv, '--out'),
  };
}

/** Progress and narration go to stderr; stdout gets the summary. */
export function say(msg: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Waits (at most `minutes`) until the 1-minute load average is below half the CPU count. */
export async function waitIdle(minutes: number): Promise<number> {
  const { cpus, loadavg } = await import('node:os');
  const limit = cpus().length * 0.5;
  const until = Date.now() + minutes * 60_000;
  while (loadavg()[0] >= limit && Date.now() < until) {
    say(`waiting for a quiet machine: 1-minute load average ${loadavg()[0].toFixed(2)} ≥ ${limit} (other processes: ${Math.round((until - Date.now()) / 60_000)} min left to wait)`);
    await new Promise((r) => setTimeout(r, 20_000));
  }
  return Math.round(loadavg()[0] * 100) / 100;
}
