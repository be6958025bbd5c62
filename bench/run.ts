// `npm run bench`: seeds (or reuses) a large region on PostgreSQL and measures (a) the family
// page against raw SQL, also PGlite against PostgreSQL, (b) latency under open-loop load,
// (c) search by name prefix, (d) audit-chain verification; writes bench/results/<date>.md.
// See bench/README.md. Not part of the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { verifyChain } from '../src/platform/audit/audit.js';
import { parseOptions, say, type BenchOptions } from './options.js';
import { countData, dropDatabase, preparePglite, preparePostgres, REGION } from './database.js';
import { actorOf, loggedIn, myFamilyIds, startServer, USER_AGENT } from './server.js';
import { measureFamilyPage, type FamilyPageResult } from './family-page.js';
import { runLoad } from './load.js';
import { measureSearch, surnamePrefixes } from './search.js';
import { describeMachine } from './machine.js';
import { checkDrift, listSql } from './raw-sql.js';
import { explain, familyPagePlans, type Plan } from './diagnostics.js';
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
      results[engine] = await measureFamilyPage({ engine, db: p.db, url: o.compareDatabaseUrl, client, actor: await actorOf(p.db, 'regisseur'), familyIds: ids, requests });
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

async function main() {
  const o = parseOptions();
  const started = new Date();
  const profile = profileOf(o);
  say(`profile ${profile}: ${o.families} families × ${o.auditRowsPerFamily} audit rows on ${o.databaseUrl.replace(/\/\/[^@]*@/, '//')}; ` +
    `(a) ${o.pageRequests} pages, (b) ${o.rate} req/s for ${o.durationSeconds} s, (c) ${o.searchRequests} searches per actor`);
  const drift = checkDrift(root);
  if (drift.length) say(`WARNING: raw SQL differs from the source for: ${drift.join(', ')}`);

  const big = await preparePostgres(o.databaseUrl, o);
  const { db } = big;
  if (o.seedOnly) {
    say(`--seed-only: ${big.sizes.families} families, ${big.sizes.persons} persons, ${big.sizes.timelineEvents} timeline events, ${big.sizes.auditRows} audit rows`);
    await db.close();
    return;
  }
  const machine = await describeMachine(db);
  say(`data: ${big.sizes.families} families, ${big.sizes.persons} persons, ${big.sizes.timelineEvents} timeline events, ${big.sizes.auditRows} audit rows`);
  const server = await startServer(db);
  say(`server listening on ${server.baseUrl}`);
  let report: BenchReport;
  try {
    const regisseur = await loggedIn(server.baseUrl, 'regisseur');
    const ids = await myFamilyIds(regisseur);
    const familyPage = await measureFamilyPage({ engine: 'postgres', db, url: o.databaseUrl, client: regisseur, actor: await actorOf(db, 'regisseur'),
      familyIds: ids, requests: o.pageRequests });
    say(`(a) API p50 ${familyPage.api.p50.toFixed(2)} ms, raw p50 ${familyPage.raw.p50.toFixed(2)} ms → ${familyPage.ratio.toFixed(2)}×`);

    const load = await runLoad({ baseUrl: server.baseUrl, cookie: regisseur.cookie, familyIds: ids, rate: o.rate, seconds: o.durationSeconds,
      warmupSeconds: 2, userAgent: USER_AGENT });
    say(`(b) p50 ${load.latency.p50.toFixed(2)} ms, p95 ${load.latency.p95.toFixed(2)} ms, p99 ${load.latency.p99.toFixed(2)} ms, ${load.errors} errors`);

    const prefixes = await surnamePrefixes(db, o.searchRequests);
    const search = [];
    for (const [who, organisationWide] of [['regisseur', false], ['teamleider', true]] as const) {
      const client = who === 'regisseur' ? regisseur : await loggedIn(server.baseUrl, who);
      const s = await measureSearch({ who, client, actor: await actorOf(db, who), url: o.databaseUrl, organisationWide, prefixes, db });
      say(`(c) ${who}: p50 ${s.api.p50.toFixed(2)} ms, p95 ${s.api.p95.toFixed(2)} ms, raw p95 ${s.raw.p95.toFixed(2)} ms`);
      search.push(s);
      if (client !== regisseur) client.close();
    }
    regisseur.close();
    await server.close();

    say('explaining the slowest statements');
    const plans: Plan[] = [];
    const slowest = familyPage.statements.filter((x) => !['BEGIN', 'COMMIT', 'actor', 'audit'].includes(x.name)).sort((x, y) => y.p50 - x.p50)[0];
    if (slowest) plans.push(...await familyPagePlans(o.databaseUrl, await actorOf(db, 'regisseur'), ids[0], slowest.name));
    const org = search.find((x) => x.scope === 'organisation');
    if (org) {
      const lead = await actorOf(db, 'teamleider');
      const params = [lead.regionId, lead.userId, true, lead.organisationId, org.slowest.prefix, 21];
      plans.push(await explain(o.databaseUrl, lead, `slowest organisation-wide search (teamleider, q="${org.slowest.prefix}"), as regie_app`, listSql(), params, true));
      plans.push(await explain(o.databaseUrl, lead, 'the same search as the superuser (no row-level security), for comparison', listSql(), params, false));
    }

    say(`(d) verifying the audit chain of region ${REGION}`);
    const v = await verifyChain(db, REGION);
    const verify = { rows: v.rows, seconds: v.seconds, rowsPerSecond: v.rows / v.seconds, ok: v.ok, problems: v.problems.length };
    say(`(d) ${v.rows} rows in ${v.seconds.toFixed(1)} s = ${Math.round(verify.rowsPerSecond)} rows/s, ok=${v.ok}`);
    const after = await countData(db);
    say(`audit rows now ${after.auditRows} (${after.auditRows - big.sizes.auditRows} written by this run)`);
    await db.close();

    const compare = o.skipPglite ? null : await comparePglite(o);
    report = {
      profile, date: started.toISOString(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      options: { families: o.families, auditRowsPerFamily: o.auditRowsPerFamily, durationSeconds: o.durationSeconds, rate: o.rate,
        pageRequests: o.pageRequests, searchRequests: o.searchRequests },
      machine, sizes: big.sizes, seed: { seeded: big.seeded, seconds: big.seedSeconds }, familyPage, compare, load, search, verify, drift, plans,
    };
  } catch (e) {
    await server.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw e;
  }

  mkdirSync(resultsDir, { recursive: true });
  const day = started.toISOString().slice(0, 10);
  const out = o.out ? join(root, o.out) : join(resultsDir, profile === 'full' ? `${day}.md` : `${day}-${profile}.md`);
  const previous = findPrevious(resultsDir, out, profile, root);
  const notes: string[] = [];
  if (machine.postgresSettings.autovacuum === 'off') notes.push('autovacuum is off on this PostgreSQL server; the benchmark runs VACUUM ANALYZE after seeding and ANALYZE before measuring.');
  writeFileSync(out, renderMarkdown(report, previous, notes));
  say(`results written to ${out}`);
  const fp = report.familyPage;
  const lines = [
    `(a) family page API/raw ${fp.ratio.toFixed(2)}× (API p50 ${fp.api.p50.toFixed(2)} ms, raw p50 ${fp.raw.p50.toFixed(2)} ms), target ≤ ${TARGETS.ratio}×`,
    report.compare ? `(a) PGlite/PostgreSQL API ${report.compare.ratio.toFixed(2)}× (${report.compare.pglite.api.p50.toFixed(2)} / ${report.compare.postgres.api.p50.toFixed(2)} ms)` : '(a) PGlite: skipped',
    `(b) ${report.load.rate} req/s: p50 ${report.load.latency.p50.toFixed(2)} p95 ${report.load.latency.p95.toFixed(2)} p99 ${report.load.latency.p99.toFixed(2)} ms, ${report.load.errors} errors, target p95 < ${TARGETS.loadP95} ms`,
    ...report.search.map((s) => `(c) search ${s.who}/${s.scope}: p50 ${s.api.p50.toFixed(2)} p95 ${s.api.p95.toFixed(2)} p99 ${s.api.p99.toFixed(2)} ms, target p95 < ${TARGETS.searchP95} ms`),
    `(d) verify ${Math.round(report.verify.rowsPerSecond)} rows/s`,
    `→ ${out}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
