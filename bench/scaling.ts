// (g) Scaling from 1 to 8 clients: Regie's family-page SQL (with its audit rows and hash chain)
// under pgbench at 1 and at 8 clients, beside the reference workload (../shared/perf-reference/:
// the same page in plain SQL, no row-level security, no chain) in the same run. What matters is
// each workload's ratio pages/s at 8 clients ÷ pages/s at 1 client (target for Regie ≥ 1.8×, issue
// 12): the audit chain used to serialise a region, so Regie's SQL stopped scaling long before the
// machine did. The region's chains can be set to 1 for a comparison in the same run
// (--stripes 1,16): with one chain, every audited transaction of the region waits for the one
// before it, as before migrations/0260.
//
//   npx tsx bench/scaling.ts [--families 1000] [--audit-rows-per-family 20] [--seconds 15] [--rounds 2]
//                            [--clients 1,8] [--stripes 16,1] [--out bench/results/<date>-scaling.md]
//
// Regie's SQL is the statements one GET /api/v1/families/:id really sent (captured from the
// server's database handle, see capture.ts), for up to 50 of the coordinator's families, written
// into pgbench scripts with their parameters as literals (one script per family, pgbench.ts; a
// random family per transaction). pgbench runs them with -M simple (literal SQL, parsed each time;
// bench/page-cost.ts runs the same scripts with -M prepared); the reference runs as its README says
// (-M prepared). Both with PGOPTIONS='-c jit=off', -j 1, on the same server, alternating.
import { writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { oneRow } from '../src/platform/db/rows.js';
import { preparePostgres, siblingUrl, REGION } from './database.js';
import { startApiServer, loggedIn } from './server.js';
import { forkClosedLoop } from './load.js';
import { percentile } from './stats.js';
import { describeCode } from './machine.js';
import { captureFamilyPages, pgbench as runPgbench, prepareReference, query, referenceDir, regieScripts, scriptFiles } from './pgbench.js';

const { values: o } = parseArgs({
  options: {
    families: { type: 'string', default: '1000' },
    'audit-rows-per-family': { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
    clients: { type: 'string', default: '1,8' },
    stripes: { type: 'string', default: '16,1' },
    out: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    // Diagnostic: COMMIT without waiting for the WAL flush, for every workload alike. On a machine
    // whose disk is shared with other work, one client's pages/s is mostly fsync wait; this shows
    // what the CPU allows. Production keeps synchronous_commit on.
    'async-commit': { type: 'boolean', default: false },
    reference: { type: 'string' },
    // The API side: the real server answering GET /api/v1/families/:id to closed-loop clients.
    'no-api': { type: 'boolean', default: false },
  },
});
const say = (m: string) => process.stderr.write(`[scaling] ${m}\n`);
const url = process.env.BENCH_SCALING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/regie_bench_scaling';
const refUrl = siblingUrl(url, process.env.BENCH_REFERENCE_DB ?? 'regie_reference_scaling');
const refDir = referenceDir(o.reference);
const clients = o.clients.split(',').map(Number);
const stripeCounts = o.stripes.split(',').map(Number);
const seconds = Number(o.seconds);
const rounds = Number(o.rounds);
const PGOPTIONS = `-c jit=off${o['async-commit'] ? ' -c synchronous_commit=off' : ''}`;
const pgbench = (dbUrl: string, scripts: string[], c: number, mode: 'simple' | 'prepared') =>
  runPgbench({ dbUrl, scripts, clients: c, mode, seconds, pgoptions: PGOPTIONS });

const setStripes = (k: number) =>
  query(url, `CREATE OR REPLACE FUNCTION regie.audit_stripe_count() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT ${k}'`);

async function main() {
  const started = new Date();
  const p = await preparePostgres(url, {
    families: Number(o.families),
    auditRowsPerFamily: Number(o['audit-rows-per-family']),
    fresh: o.fresh,
  });
  await prepareReference(refUrl, refDir, say);
  // Regie's SQL of one family page, captured from the real server, per family.
  const { ids, captured } = await captureFamilyPages(p.db, 50);
  const regieFiles = scriptFiles('scaling', regieScripts(captured));
  const refFiles = [join(refDir, 'reference-family-page.sql')];
  const firstPage = captured[0]!;
  const perPage = firstPage.filter((s) => s.inTx).length;
  say(`Regie's family page: ${perPage} statements in its transaction, ${firstPage.length - perPage} before it; ${ids.length} families`);

  type Row = {
    workload: 'reference' | 'regie' | 'api';
    stripes: number | null;
    clients: number;
    round: number;
    tps: number;
    load: number;
    p50?: number;
    p95?: number;
  };
  const rows: Row[] = [];
  const api = o['no-api'] ? null : await startApiServer(p.db);
  const apiClient = api && (await loggedIn(api.baseUrl, 'regisseur'));
  const configuredStripes = oneRow(await query<{ k: number }>(url, 'SELECT regie.audit_stripe_count() AS k'), 'audit_stripe_count()').k;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const c of clients) {
        rows.push({
          workload: 'reference',
          stripes: null,
          clients: c,
          round,
          load: loadavg()[0]!,
          tps: pgbench(refUrl, refFiles, c, 'prepared'),
        });
        say(`round ${round}: reference, ${c} clients: ${rows.at(-1)!.tps.toFixed(0)} pages/s (load ${rows.at(-1)!.load.toFixed(2)})`);
        if (api && apiClient) {
          const load = loadavg()[0]!;
          const r = await forkClosedLoop({
            baseUrl: api.baseUrl,
            cookie: apiClient.cookie,
            familyIds: ids,
            clients: c,
            seconds,
            warmupSeconds: 2,
          });
          if (r.errors) throw new Error(`API: ${r.errors} answers other than 200: ${JSON.stringify(r.statuses)}`);
          const lat = r.latencies.sort((a, b) => a - b);
          rows.push({
            workload: 'api',
            stripes: configuredStripes,
            clients: c,
            round,
            load,
            tps: r.pages / r.elapsedSeconds,
            p50: percentile(lat, 50),
            p95: percentile(lat, 95),
          });
          say(`round ${round}: API, ${c} clients: ${rows.at(-1)!.tps.toFixed(0)} pages/s (load ${load.toFixed(2)})`);
        }
        for (const k of stripeCounts) {
          await setStripes(k);
          rows.push({ workload: 'regie', stripes: k, clients: c, round, load: loadavg()[0]!, tps: pgbench(url, regieFiles, c, 'simple') });
          say(
            `round ${round}: Regie's SQL, ${k} chain(s) per region, ${c} clients: ${rows.at(-1)!.tps.toFixed(0)} pages/s (load ${rows.at(-1)!.load.toFixed(2)})`,
          );
        }
      }
    }
  } finally {
    await setStripes(configuredStripes);
    apiClient?.agent.destroy();
    await api?.close();
  }
  // The chains still verify after all of this.
  const { verifyChain } = await import('../src/platform/audit/audit.js');
  const v = await verifyChain(p.db, REGION);
  const code = await describeCode(p.db, new URL('..', import.meta.url).pathname);
  await p.db.close();

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const groups = [
    { label: 'reference workload (plain SQL, no RLS, no chain)', f: (r: Row) => r.workload === 'reference' },
    ...(api ? [{ label: 'Regie API, GET /api/v1/families/:id (closed loop)', f: (r: Row) => r.workload === 'api' }] : []),
    ...stripeCounts.map((k) => ({
      label: `Regie's family-page SQL, ${k} audit chain${k === 1 ? '' : 's'} per region${k === 1 ? ' (as before migration 0260)' : ''}`,
      f: (r: Row) => r.workload === 'regie' && r.stripes === k,
    })),
  ];
  const [lo, hi] = [Math.min(...clients), Math.max(...clients)];
  const ratios: Record<string, number> = {};
  const L: string[] = [
    `# Scaling from ${lo} to ${hi} clients — ${started.toISOString().slice(0, 10)}`,
    '',
    `Measured with \`npx tsx bench/scaling.ts\` (bench/README.md, part (g)) on PostgreSQL at ${new URL(url).host}; ${rounds} rounds of ${seconds} s per measurement, alternating.`,
    `Code: ${code.commit}${code.uncommittedFiles ? ` (+${code.uncommittedFiles} uncommitted files)` : ''}, last migration ${code.lastMigration}.`,
    `Data: Regie ${p.sizes.families} families, ${p.sizes.persons} persons, ${p.sizes.timelineEvents} timeline events, ${p.sizes.auditRows} audit rows; reference as its README says (12,000 families, 3 M audit rows).`,
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), shared with other work: 1-minute load average ${Math.min(...rows.map((r) => r.load)).toFixed(2)}–${Math.max(...rows.map((r) => r.load)).toFixed(2)} during the run (per measurement below). Ratios matter more than absolute figures.`,
    '',
    `| workload | pages/s at ${lo} client${lo === 1 ? '' : 's'} | pages/s at ${hi} clients | ratio ${hi}/${lo} |`,
    '|---|---|---|---|',
  ];
  for (const g of groups) {
    const at = (c: number) => mean(rows.filter((r) => g.f(r) && r.clients === c).map((r) => r.tps));
    L.push(`| ${g.label} | ${at(lo).toFixed(0)} | ${at(hi).toFixed(0)} | **${(at(hi) / at(lo)).toFixed(2)}×** |`);
  }
  const meanOf = (w: Row['workload'], c: number) => mean(rows.filter((r) => r.workload === w && r.clients === c).map((r) => r.tps));
  if (api) {
    // Issue 12: the family page through the API at 8 clients ≥ 50 % of the reference's pages/s,
    // at 1 client ≥ 40 %, measured in the same run.
    const targets: Record<number, number> = { 1: 0.4, 8: 0.5 };
    L.push(
      '',
      '### The API against the reference workload (same run)',
      '',
      '| clients | API pages/s | reference pages/s | API ÷ reference | target | API p50 ms | API p95 ms |',
      '|---|---|---|---|---|---|---|',
    );
    for (const c of clients) {
      const share = meanOf('api', c) / meanOf('reference', c);
      const t = targets[c];
      const apiRows = rows.filter((r) => r.workload === 'api' && r.clients === c);
      L.push(
        `| ${c} | ${meanOf('api', c).toFixed(0)} | ${meanOf('reference', c).toFixed(0)} | **${(100 * share).toFixed(0)} %** | ${t ? `≥ ${100 * t} %` : '—'} | ${mean(apiRows.map((r) => r.p50!)).toFixed(1)} | ${mean(apiRows.map((r) => r.p95!)).toFixed(1)} |`,
      );
      if (t) ratios[`apiShare${c}`] = share;
    }
    L.push(
      '',
      `The API: the real server in the bench process (Fastify, pool of 10 connections, request log at \`info\` written asynchronously to /dev/null), \`${clients.join('/')}\` clients in a forked child process (\`bench/closed-loop.ts\`), each on its own keep-alive connection sending the next request when the answer is in, logged in as \`regisseur\`, a random one of the ${ids.length} families per request, 2 s warm-up; pages/s counts the 200-answers that ended in the ${seconds} s. Server, load clients and PostgreSQL share the machine's ${cpus().length} cores, where pgbench is a lighter client.`,
    );
  }
  L.push(
    '',
    `Regie's family page: ${perPage} statements in its transaction (captured from the real server: actor settings, the page, the access facts, the audit rows with their chain, …), pgbench \`-M simple\`; the reference: \`-M prepared\` as in its README. Both \`-j 1\`, \`PGOPTIONS='${PGOPTIONS}'\`${o['async-commit'] ? ' (diagnostic: COMMIT does not wait for the WAL flush)' : ''}.`,
    `After the run the region's ${v.stripes} chains verify: ${v.ok ? 'intact' : 'BROKEN'} (${v.rows} rows in ${v.seconds.toFixed(1)} s).`,
    '',
    '## Every measurement',
    '',
    '| round | workload | chains | clients | pages/s | 1-min load |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.round} | ${r.workload} | ${r.stripes ?? '–'} | ${r.clients} | ${r.tps.toFixed(1)} | ${r.load.toFixed(2)} |`),
    '',
  );
  for (const g of groups)
    ratios[`scaling ${g.label}`] =
      mean(rows.filter((r) => g.f(r) && r.clients === hi).map((r) => r.tps)) /
      mean(rows.filter((r) => g.f(r) && r.clients === lo).map((r) => r.tps));
  L.push(
    '## Machine-readable results',
    '',
    '```json',
    JSON.stringify({ date: started.toISOString(), commit: code.commit, ratios, rows }, null, 1),
    '```',
    '',
  );
  const out = o.out ?? `bench/results/${started.toISOString().slice(0, 10)}-scaling.md`;
  writeFileSync(out, L.join('\n'));
  process.stdout.write(L.slice(0, 14).join('\n') + '\n');
  say(`written ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
