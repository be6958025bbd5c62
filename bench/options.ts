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
  /** Which parts run: a–d on the big region, e (reference index) and f (triage queue) on their own small databases. */
  parts: Set<Part>;
  /** (e) and (f): families of the small region seeded once into the template database they are copied from. */
  partsFamilies: number;
  /** Template database of (e) and (f); copies are made next to it (…_api, …_raw, …_capture, …_triage) and dropped afterwards. */
  partsDatabaseUrl: string;
  /** (e) concurrent API clients and pgbench clients. */
  refindexClients: number;
  /** (e) registrations per client (the same total for the API and for pgbench). */
  refindexPerClient: number;
  /** (e) size of the server's database pool (the production default of openPostgres is 10). */
  refindexPool: number;
  /** (f) open signals in the queue of the triage organisation. */
  triageSignals: number;
  /** (f) sequential first-page requests (and as many raw replays). */
  triageRequests: number;
  /** Keep the copies made for (e) and (f) instead of dropping them (to look into a failure). */
  keepCopies: boolean;
  /** (p) families of the demo region seeded into the plan part's throw-away database (the blind spots of its team lead's organisation). */
  plansFamilies: number;
  /** (p) sequential runs of each plan measurement. */
  plansRuns: number;
}

export const PARTS = ['a', 'b', 'c', 'd', 'e', 'f', 'p'] as const;
export type Part = (typeof PARTS)[number];

function partList(v: string, name: string): Part[] {
  const xs = v
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  for (const x of xs)
    if (!(PARTS as readonly string[]).includes(x)) throw new Error(`${name}: unknown part "${x}" (parts: ${PARTS.join(', ')})`);
  return xs as Part[];
}

function selectParts(argv: string[]): Set<Part> {
  const only = flag(argv, '--only');
  const parts = new Set<Part>(only ? partList(only, '--only') : PARTS);
  const skip = flag(argv, '--skip');
  if (skip) for (const x of partList(skip, '--skip')) parts.delete(x);
  if (argv.includes('--skip-refindex')) parts.delete('e');
  if (argv.includes('--skip-triage')) parts.delete('f');
  if (!parts.size) throw new Error('no parts left to run (see --only / --skip)');
  return parts;
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
                        [--only a,b,c,d,e,f,p] [--skip e,f] [--skip-refindex] [--skip-triage] [--parts-families N]
                        [--refindex-clients N] [--refindex-per-client N] [--refindex-pool N] [--triage-signals N] [--triage-requests N] [--keep-copies]
                        [--plans-families N] [--plans-runs N]
env: BENCH_DATABASE_URL (default ${BASE_URL}/regie_bench, quick: ${BASE_URL}/regie_bench_quick)
     BENCH_COMPARE_DATABASE_URL (default ${BASE_URL}/regie_bench_small)
     BENCH_PARTS_DATABASE_URL (template of (e) and (f); default ${BASE_URL}/regie_bench_ef, quick: ${BASE_URL}/regie_bench_ef_quick)`;

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
    auditRowsPerFamily: Math.floor(
      num(flag(argv, '--audit-rows-per-family') ?? env.BENCH_AUDIT_ROWS_PER_FAMILY, defaultAudit, '--audit-rows-per-family'),
    ),
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
    parts: selectParts(argv),
    partsFamilies: Math.floor(num(flag(argv, '--parts-families'), quick ? 300 : 3_000, '--parts-families')),
    partsDatabaseUrl: env.BENCH_PARTS_DATABASE_URL || `${BASE_URL}/${quick ? 'regie_bench_ef_quick' : 'regie_bench_ef'}`,
    refindexClients: Math.max(1, Math.floor(num(flag(argv, '--refindex-clients'), 16, '--refindex-clients'))),
    refindexPerClient: Math.max(1, Math.floor(num(flag(argv, '--refindex-per-client'), quick ? 40 : 250, '--refindex-per-client'))),
    refindexPool: Math.max(1, Math.floor(num(flag(argv, '--refindex-pool'), 10, '--refindex-pool'))),
    triageSignals: Math.max(30, Math.floor(num(flag(argv, '--triage-signals'), 5_000, '--triage-signals'))),
    triageRequests: Math.max(1, Math.floor(num(flag(argv, '--triage-requests'), quick ? 100 : 500, '--triage-requests'))),
    keepCopies: argv.includes('--keep-copies'),
    plansFamilies: Math.max(50, Math.floor(num(flag(argv, '--plans-families'), quick ? 500 : 3_000, '--plans-families'))),
    plansRuns: Math.max(5, Math.floor(num(flag(argv, '--plans-runs'), quick ? 30 : 100, '--plans-runs'))),
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
  // os.loadavg() always answers the 1-, 5- and 15-minute averages.
  while (loadavg()[0]! >= limit && Date.now() < until) {
    say(
      `waiting for a quiet machine: 1-minute load average ${loadavg()[0]!.toFixed(2)} ≥ ${limit} (other processes: ${Math.round((until - Date.now()) / 60_000)} min left to wait)`,
    );
    await new Promise((r) => setTimeout(r, 20_000));
  }
  return Math.round(loadavg()[0]! * 100) / 100;
}
