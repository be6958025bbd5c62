// `npm run bench`: seeds (or reuses) a large region on PostgreSQL and measures (a) the family
// page against the same SQL replayed raw, also PGlite against PostgreSQL, (b) latency under
// open-loop load, (c) search by name prefix, (d) audit-chain verification; writes
// bench/results/<date>.md. See bench/README.md. Not part of the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { verifyChain } from '../src/platform/audit/audit.js';
import { parseOptions, say, waitIdle, type BenchOptions } from './options.js';
import os from 'node:os';
import { countData, dropDatabase, preparePglite, preparePostgres, REGION } from './database.js';
import { loggedIn, myFamilyIds, startServer, userOf, USER_AGENT } from './server.js';
import { measureFamilyPage, type FamilyPageResult } from './family-page.js';
import { runLoad } from './load.js';
import { measureSearch, surnamePrefixes, type SearchResult } from './search.js';
import { describeCode, describeMachine } from './machine.js';
import { slowestOf, statementStats } from './capture.js';
import { explainSlowest, type Plan } from './diagnostics.js';
import { findPrevious } from './regression.js';
import { renderMarkdown, TARGETS, type BenchReport } from './report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'bench', 'results');

function profileOf(o: BenchOptions) {
  if (o.quick) return 'quick';
  if (o.families === 12_000 && o.durationSeconds === 60 && o.rate === 100) return 'full';
  return `custom-${o.families}f-${o.durationSeconds}s`;
}

/** (a) on a small region seeded the same on PGlite and on a second PostgreSQL database. */
async function comparePglite(o: BenchOptions): Promise<BenchReport['compare']> {
  const size = { families: o.compareFamilies, auditRowsPerFamily: o.compareAuditRowsPerFamily };
  const requests = Math.min(o.pageRequests, 300);
  const results: Record<'postgres' | 'pglite', FamilyPageResult> = {} as never;
  for (const engine of ['postgres', 'pglite'] as const) {
    say(`(a) PGlite comparison: ${engine} with ${size.families} families`);
    const p = engine === 'postgres' ? await preparePostgres(o.compareDatabaseUrl, { ...size, fresh: true }) : await preparePglite(size);
    const server = await startServer(p.db);
    try {
      const client = await loggedIn(server.baseUrl, 'regisseur');
      const ids = await myFamilyIds(client);
      results[engine] = (await measureFamilyPage({ engine, db: p.db, url: o.compareDatabaseUrl, client, recorder: server.recorder, familyIds: ids, requests })).result;
      client.close();
    } finally {
      await server.close();
      await p.db.close();
    }
  }
  say(`dropping the comparison database ${new URL(o.compareDatabaseUrl).pathname.slice(1)}`);
  await dropDatabase(o.compareDatabaseUrl);
  return { ...size, postgres: results.postgres, pglite: results.pglite, ratio: results.pglite.api.p50 / results.postgres.api.p50 };
}

async function measure(o: BenchOptions, started: Date, profile: string): Promise<BenchReport> {
  const big = await preparePostgres(o.databaseUrl, o);
  const { db } = big;
  if (o.seedOnly) {
    say(`--seed-only: ${big.sizes.families} families, ${big.sizes.persons} persons, ${big.sizes.timelineEvents} timeline events, ${big.sizes.auditRows} audit rows`);
    await db.close();
    process.exit(0);
  }
  const loadAverages: Record<string, number> = {};
  const phase = async (name: string) => {
    loadAverages[name] = o.waitIdleMinutes > 0 ? await waitIdle(o.waitIdleMinutes) : Math.round(os.loadavg()[0] * 100) / 100;
  };
  await phase('a');
  const machine = await describeMachine(db);
  const code = await describeCode(db, root);
  say(`data: ${big.sizes.families} families, ${big.sizes.persons} persons, ${big.sizes.timelineEvents} timeline events, ${big.sizes.auditRows} audit rows`);
  const server = await startServer(db);
  say(`server listening on ${server.baseUrl}`);
  try {
    const regisseur = await loggedIn(server.baseUrl, 'regisseur');
    const ids = await myFamilyIds(regisseur);
    const page = await measureFamilyPage({ engine: 'postgres', db, url: o.databaseUrl, client: regisseur, recorder: server.recorder, familyIds: ids, requests: o.pageRequests });
    const familyPage = page.result;
    say(`(a) API p50 ${familyPage.api.p50.toFixed(2)} ms, raw p50 ${familyPage.raw.p50.toFixed(2)} ms → ${familyPage.ratio.toFixed(2)}×`);

    await phase('b');
    const load = await runLoad({ baseUrl: server.baseUrl, cookie: regisseur.cookie, familyIds: ids, rate: o.rate, seconds: o.durationSeconds,
      warmupSeconds: 2, userAgent: USER_AGENT });
    say(`(b) p50 ${load.latency.p50.toFixed(2)} ms, p95 ${load.latency.p95.toFixed(2)} ms, p99 ${load.latency.p99.toFixed(2)} ms, ${load.errors} errors`);

    await phase('c');
    const prefixes = await surnamePrefixes(db, o.searchRequests);
    const search: SearchResult[] = [];
    const plans: Plan[] = [];
    const searchPlans: Array<() => Promise<Plan[]>> = [];
    for (const [who, organisationWide] of [['regisseur', false], ['teamleider', true]] as const) {
      const client = who === 'regisseur' ? regisseur : await loggedIn(server.baseUrl, who);
      const s = await measureSearch({ who, client, recorder: server.recorder, url: o.databaseUrl, organisationWide, prefixes, db, ...(await userOf(db, who)) });
      say(`(c) ${who}: p50 ${s.result.api.p50.toFixed(2)} ms, p95 ${s.result.api.p95.toFixed(2)} ms, raw p95 ${s.result.raw.p95.toFixed(2)} ms`);
      search.push(s.result);
      const slowest = slowestOf(statementStats(s.timings));
      if (organisationWide) searchPlans.push(() => explainSlowest(o.databaseUrl, `organisation-wide search (teamleider, q="${s.result.slowest.prefix}")`,
        s.captured.get(s.result.slowest.prefix)!, slowest));
      if (client !== regisseur) client.close();
    }
    regisseur.close();
    await server.close();

    say('explaining the slowest statements');
    plans.push(...await explainSlowest(o.databaseUrl, 'family page', page.captured.get(ids[0])!, page.slowest));
    for (const p of searchPlans) plans.push(...await p());

    await phase('d');
    say(`(d) verifying the audit chain of region ${REGION}`);
    const v = await verifyChain(db, REGION);
    const verify = { rows: v.rows, seconds: v.seconds, rowsPerSecond: v.rows / v.seconds, ok: v.ok, problems: v.problems.length };
    say(`(d) ${v.rows} rows in ${v.seconds.toFixed(1)} s = ${Math.round(verify.rowsPerSecond)} rows/s, ok=${v.ok}`);
    const after = await countData(db);
    say(`audit rows now ${after.auditRows} (${after.auditRows - big.sizes.auditRows} written by this run)`);
    await db.close();

    if (!o.skipPglite) await phase('pglite');
    const compare = o.skipPglite ? null : await comparePglite(o);
    return {
      profile, date: started.toISOString(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      options: { families: o.families, auditRowsPerFamily: o.auditRowsPerFamily, durationSeconds: o.durationSeconds, rate: o.rate,
        pageRequests: o.pageRequests, searchRequests: o.searchRequests },
      machine, sizes: big.sizes, seed: { seeded: big.seeded, seconds: big.seedSeconds }, familyPage, compare, load, search, verify, plans, loadAverages, code,
    };
  } catch (e) {
    await server.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw e;
  }
}

async function main() {
  const o = parseOptions();
  const started = new Date();
  const profile = profileOf(o);
  say(`profile ${profile}: ${o.families} families × ${o.auditRowsPerFamily} audit rows on ${o.databaseUrl.replace(/\/\/[^@]*@/, '//')}; ` +
    `(a) ${o.pageRequests} pages, (b) ${o.rate} req/s for ${o.durationSeconds} s, (c) ${o.searchRequests} searches per actor`);
  const report = await measure(o, started, profile);

  mkdirSync(resultsDir, { recursive: true });
  const day = started.toISOString().slice(0, 10);
  const out = o.out ? join(root, o.out) : join(resultsDir, profile === 'full' ? `${day}.md` : `${day}-${profile}.md`);
  const previous = findPrevious(resultsDir, out, profile, root);
  const notes: string[] = [];
  if (report.machine.postgresSettings.autovacuum === 'off') notes.push('autovacuum is off on this PostgreSQL server; the benchmark runs VACUUM ANALYZE after seeding and ANALYZE before measuring.');
  writeFileSync(out, renderMarkdown(report, previous, notes));
  say(`results written to ${out}`);
  const fp = report.familyPage;
  const f2 = (x: number) => x.toFixed(2);
  process.stdout.write([
    `(a) family page API/raw ${f2(fp.ratio)}× (API p50 ${f2(fp.api.p50)} ms, raw p50 ${f2(fp.raw.p50)} ms), target ≤ ${TARGETS.ratio}×`,
    report.compare ? `(a) PGlite/PostgreSQL API ${f2(report.compare.ratio)}× (${f2(report.compare.pglite.api.p50)} / ${f2(report.compare.postgres.api.p50)} ms)` : '(a) PGlite: skipped',
    `(b) ${report.load.rate} req/s: p50 ${f2(report.load.latency.p50)} p95 ${f2(report.load.latency.p95)} p99 ${f2(report.load.latency.p99)} max ${f2(report.load.latency.max)} ms, ${report.load.errors} errors, target p95 < ${TARGETS.loadP95} ms`,
    ...report.search.map((s) => `(c) search ${s.who}/${s.scope}: p50 ${f2(s.api.p50)} p95 ${f2(s.api.p95)} p99 ${f2(s.api.p99)} ms (raw p95 ${f2(s.raw.p95)}), target p95 < ${TARGETS.searchP95} ms`),
    `(d) verify ${Math.round(report.verify.rowsPerSecond)} rows/s (${report.verify.rows} rows)`,
    `→ ${out}`,
  ].join('\n') + '\n');
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
