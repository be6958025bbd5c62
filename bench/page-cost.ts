// What the family page's SQL costs, part by part: Regie's captured page transaction under pgbench
// (-M prepared, as the reference runs) as it is, and with one of its mechanisms taken away, beside
// the reference workload (../shared/perf-reference/), in the same run, alternating:
//   - without row-level security: the transaction's role is a member of regie_app with BYPASSRLS
//     (same grants, no policies);
//   - without the hash chain: in a copy of the database the audit trigger only numbers the row
//     (no stripe lock, no head row, no SHA-256); the five indexes stay;
//   - without audit rows: the page's audit INSERT left out.
// A diagnostic for issue 12 (the API against the reference): which of DESIGN.md's mechanisms the
// gap is made of. Not part of `npm run bench`; the variants are not Regie and are never deployed.
//
//   npx tsx bench/page-cost.ts [--seconds 15] [--rounds 2] [--clients 1,8] [--out bench/results/<date>-page-cost.md]
//
// Uses the database of bench/scaling.ts (BENCH_SCALING_DATABASE_URL, default regie_bench_scaling:
// 1,000 families, seeded when absent) and a copy of it for the variants without the chain
// (regie_bench_cost, dropped at the end).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cloneDatabase, dropDatabase, preparePostgres, siblingUrl } from './database.js';
import { describeCode } from './machine.js';
import { captureFamilyPages, pgbench, prepareReference, query, referenceDir, regieScripts, scriptFiles } from './pgbench.js';

const { values: o } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
    clients: { type: 'string', default: '1,8' },
    out: { type: 'string' },
  },
});
const say = (m: string) => process.stderr.write(`[page-cost] ${m}\n`);
const url = process.env.BENCH_SCALING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/regie_bench_scaling';
const copyUrl = siblingUrl(url, 'regie_bench_cost');
const refUrl = siblingUrl(url, process.env.BENCH_REFERENCE_DB ?? 'regie_reference_scaling');
const refDir = referenceDir();
const clients = o.clients.split(',').map(Number);
const seconds = Number(o.seconds);
const rounds = Number(o.rounds);
const PGOPTIONS = '-c jit=off';
const NO_RLS_ROLE = 'regie_bench_norls';

/**
 * The chain triggers of the copy: the row gets its number and nothing else (stripe 0, no chain
 * position), still SECURITY DEFINER as the real one; no statement trigger.
 */
const UNCHAINED = `CREATE OR REPLACE FUNCTION regie.audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  NEW.seq := nextval('audit_log_seq');
  NEW.stripe := 0;
  NEW.chain_seq := NULL;
  NEW.occurred_at := clock_timestamp();
  RETURN NEW;
END $$;
DROP TRIGGER audit_chain_close ON audit_log`;

/** Rewrites each family's statements; fails when the rewrite did not find what it changes. */
function variant(name: string, captured: Parameters<typeof regieScripts>[0], opts: { rls: boolean; audit: boolean }): string[] {
  let roles = 0;
  let audits = 0;
  const scripts = regieScripts(captured, (sql) => {
    if (sql.startsWith('INSERT INTO audit_log')) {
      audits++;
      if (!opts.audit) return null;
    }
    if (!opts.rls && sql.includes(`set_config('role', 'regie_app', true)`)) {
      roles++;
      return sql.replace(`set_config('role', 'regie_app', true)`, `set_config('role', '${NO_RLS_ROLE}', true)`);
    }
    return sql;
  });
  if (audits !== captured.length) throw new Error(`expected one audit INSERT per family page, found ${audits} in ${captured.length}`);
  if (!opts.rls && roles !== captured.length) throw new Error(`expected one role setting per family page, found ${roles}`);
  return scriptFiles(name, scripts);
}

async function main() {
  const started = new Date();
  const p = await preparePostgres(url, { families: 1000, auditRowsPerFamily: 20, fresh: false });
  await prepareReference(refUrl, refDir, say);
  const { ids, captured } = await captureFamilyPages(p.db, 50);
  const code = await describeCode(p.db, new URL('..', import.meta.url).pathname);
  await p.db.close();
  say(`captured ${captured.length} family pages; copying the database for the variants without the chain`);
  await cloneDatabase(url, copyUrl);
  await query(copyUrl, UNCHAINED);
  await query(
    url,
    `DO $$ BEGIN CREATE ROLE ${NO_RLS_ROLE} NOLOGIN BYPASSRLS IN ROLE regie_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
  );

  const full = variant('regie', captured, { rls: true, audit: true });
  const noRls = variant('no-rls', captured, { rls: false, audit: true });
  const noAudit = variant('no-audit', captured, { rls: true, audit: false });
  const neither = variant('no-rls-no-audit', captured, { rls: false, audit: false });
  const workloads = [
    {
      key: 'reference',
      label: 'reference workload (plain SQL, no RLS, no chain)',
      dbUrl: refUrl,
      scripts: [join(refDir, 'reference-family-page.sql')],
    },
    { key: 'regie', label: "Regie's page transaction as it is (RLS, audit rows with their chain)", dbUrl: url, scripts: full },
    { key: 'no-rls', label: '… without row-level security', dbUrl: url, scripts: noRls },
    { key: 'no-chain', label: '… without the hash chain (audit rows numbered only)', dbUrl: copyUrl, scripts: full },
    { key: 'no-audit', label: '… without audit rows', dbUrl: url, scripts: noAudit },
    { key: 'no-rls-no-chain', label: '… without row-level security and without the chain', dbUrl: copyUrl, scripts: noRls },
    { key: 'no-rls-no-audit', label: '… without row-level security and without audit rows', dbUrl: url, scripts: neither },
  ];
  type Row = { key: string; clients: number; round: number; tps: number; load: number };
  const rows: Row[] = [];
  try {
    for (let round = 1; round <= rounds; round++)
      for (const c of clients)
        for (const w of workloads) {
          const load = loadavg()[0]!;
          const tps = pgbench({ dbUrl: w.dbUrl, scripts: w.scripts, clients: c, mode: 'prepared', seconds, pgoptions: PGOPTIONS });
          rows.push({ key: w.key, clients: c, round, tps, load });
          say(`round ${round}, ${c} client(s), ${w.key}: ${tps.toFixed(0)} pages/s (load ${load.toFixed(2)})`);
        }
  } finally {
    await dropDatabase(copyUrl);
    // A role is the whole server's: not left behind for other databases (and their tests) to see.
    await query(url, `DROP ROLE IF EXISTS ${NO_RLS_ROLE}`);
  }

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const at = (key: string, c: number) => mean(rows.filter((r) => r.key === key && r.clients === c).map((r) => r.tps));
  const L = [
    `# The family page's SQL, part by part — ${started.toISOString().slice(0, 10)}`,
    '',
    `Measured with \`npx tsx bench/page-cost.ts\` on PostgreSQL at ${new URL(url).host}; ${rounds} rounds of ${seconds} s per measurement, alternating; pgbench \`-M prepared -j 1\`, \`PGOPTIONS='${PGOPTIONS}'\`.`,
    `Code: ${code.commit}${code.uncommittedFiles ? ` (+${code.uncommittedFiles} uncommitted files)` : ''}, last migration ${code.lastMigration}.`,
    `Regie: ${p.sizes.families} families, ${p.sizes.auditRows} audit rows; the page transactions GET /api/v1/families/:id sent for ${ids.length} of regisseur's families (the session lookup, a transaction of its own, is not part of it). Reference as its README says.`,
    `Machine: ${cpus().length} CPUs, 1-minute load average ${Math.min(...rows.map((r) => r.load)).toFixed(2)}–${Math.max(...rows.map((r) => r.load)).toFixed(2)} during the run.`,
    '',
    `| workload | ${clients.map((c) => `pages/s at ${c}`).join(' | ')} | ${clients.map((c) => `÷ reference at ${c}`).join(' | ')} |`,
    `|---|${clients.map(() => '---:').join('|')}|${clients.map(() => '---:').join('|')}|`,
    ...workloads.map(
      (w) =>
        `| ${w.label} | ${clients.map((c) => at(w.key, c).toFixed(0)).join(' | ')} | ${clients.map((c) => `${((100 * at(w.key, c)) / at('reference', c)).toFixed(0)} %`).join(' | ')} |`,
    ),
    '',
    '## Every measurement',
    '',
    '| round | clients | workload | pages/s | 1-min load |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.round} | ${r.clients} | ${r.key} | ${r.tps.toFixed(1)} | ${r.load.toFixed(2)} |`),
    '',
    '## Machine-readable results',
    '',
    '```json',
    JSON.stringify({ date: started.toISOString(), commit: code.commit, rows }, null, 1),
    '```',
    '',
  ];
  const out = o.out ?? `bench/results/${started.toISOString().slice(0, 10)}-page-cost.md`;
  writeFileSync(out, L.join('\n'));
  process.stdout.write(L.slice(0, 9 + workloads.length).join('\n') + '\n');
  say(`written ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
