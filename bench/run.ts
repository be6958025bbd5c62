// `npm run bench`: seeds (or reuses) a large region on PostgreSQL and measures (a) the family
// page against the same SQL replayed raw, also PGlite against PostgreSQL, (b) latency under
// open-loop load, (c) search by name prefix, (d) audit-chain verification; and on copies of a
// small region (e) reference-index registrations under 16 clients against pgbench and (f) the
// triage queue of an organisation with 5,000 open signals; (p) the plan's benchmarks (bench/plans.ts)
// on a throw-away database; writes bench/results/<date>.md.
// See bench/README.md. Not part of the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { verifyChain } from '../src/platform/audit/audit.js';
import { PARTS, parseOptions, say, waitIdle, type BenchOptions } from './options.js';
import os from 'node:os';
import {
  cloneDatabase,
  countData,
  databaseName,
  dropDatabase,
  preparePglite,
  preparePostgres,
  prepareTemplate,
  REGION,
  siblingUrl,
  type Prepared,
} from './database.js';
import { loggedIn, myFamilyIds, startServer, userOf, USER_AGENT } from './server.js';
import { measureFamilyPage, type FamilyPageResult } from './family-page.js';
import { runLoad } from './load.js';
import { measureSearch, surnamePrefixes, type SearchResult } from './search.js';
import { describeCode, describeMachine } from './machine.js';
import { slowestOf, statementStats } from './capture.js';
import { explainSlowest, type Plan } from './diagnostics.js';
import { findPrevious } from './regression.js';
import { renderMarkdown, TARGETS, type BenchReport } from './report.js';
import { measureRefindex } from './refindex.js';
import { measureTriage } from './triage.js';
import { plansSummary } from './plans-report.js';
import { openPostgres, type Database } from '../src/platform/db/db.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'bench', 'results');

function profileOf(o: BenchOptions) {
  const base = o.quick
    ? 'quick'
    : o.families === 12_000 && o.durationSeconds === 60 && o.rate === 100
      ? 'full'
      : `custom-${o.families}f-${o.durationSeconds}s`;
  // A run of some parts only is its own profile: it must not become the baseline of a full run.
  return o.parts.size === PARTS.length ? base : `${base}-${[...o.parts].sort().join('')}`;
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
      results[engine] = (
        await measureFamilyPage({
          engine,
          db: p.db,
          url: o.compareDatabaseUrl,
          client,
          recorder: server.recorder,
          familyIds: ids,
          requests,
        })
      ).result;
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

type AbcdResult = Pick<BenchReport, 'sizes' | 'seed' | 'familyPage' | 'compare' | 'load' | 'search' | 'verify' | 'plans'>;

/** (a)–(d) on the big region (those of them that were asked for). */
async function measureBig(o: BenchOptions, big: Prepared, phase: (name: string) => Promise<void>): Promise<AbcdResult> {
  const { db } = big;
  const has = (p: 'a' | 'b' | 'c' | 'd') => o.parts.has(p);
  say(
    `data: ${big.sizes.families} families, ${big.sizes.persons} persons, ${big.sizes.timelineEvents} timeline events, ${big.sizes.auditRows} audit rows`,
  );
  const plans: Plan[] = [];
  let familyPage: BenchReport['familyPage'] = null,
    load: BenchReport['load'] = null,
    verify: BenchReport['verify'] = null;
  const search: SearchResult[] = [];
  if (has('a') || has('b') || has('c')) {
    // EXPLAIN ANALYZE runs after the measurements, so that it warms nothing they measure.
    const deferred: Array<() => Promise<Plan[]>> = [];
    const server = await startServer(db);
    say(`server listening on ${server.baseUrl}`);
    try {
      const regisseur = await loggedIn(server.baseUrl, 'regisseur');
      const ids = await myFamilyIds(regisseur);
      if (has('a')) {
        await phase('a');
        const page = await measureFamilyPage({
          engine: 'postgres',
          db,
          url: o.databaseUrl,
          client: regisseur,
          recorder: server.recorder,
          familyIds: ids,
          requests: o.pageRequests,
        });
        familyPage = page.result;
        say(
          `(a) API p50 ${familyPage.api.p50.toFixed(2)} ms, raw p50 ${familyPage.raw.p50.toFixed(2)} ms → ${familyPage.ratio.toFixed(2)}×`,
        );
        deferred.push(() => explainSlowest(o.databaseUrl, 'family page', page.captured.get(ids[0]!)!, page.slowest));
      }
      if (has('b')) {
        await phase('b');
        load = await runLoad({
          baseUrl: server.baseUrl,
          cookie: regisseur.cookie,
          familyIds: ids,
          rate: o.rate,
          seconds: o.durationSeconds,
          warmupSeconds: 2,
          userAgent: USER_AGENT,
        });
        say(
          `(b) p50 ${load.latency.p50.toFixed(2)} ms, p95 ${load.latency.p95.toFixed(2)} ms, p99 ${load.latency.p99.toFixed(2)} ms, ${load.errors} errors`,
        );
      }
      if (has('c')) {
        await phase('c');
        const prefixes = await surnamePrefixes(db, o.searchRequests);
        for (const [who, organisationWide] of [
          ['regisseur', false],
          ['teamleider', true],
        ] as const) {
          const client = who === 'regisseur' ? regisseur : await loggedIn(server.baseUrl, who);
          const s = await measureSearch({
            who,
            client,
            recorder: server.recorder,
            url: o.databaseUrl,
            organisationWide,
            prefixes,
            db,
            ...(await userOf(db, who)),
          });
          say(
            `(c) ${who}: p50 ${s.result.api.p50.toFixed(2)} ms, p95 ${s.result.api.p95.toFixed(2)} ms, raw p95 ${s.result.raw.p95.toFixed(2)} ms`,
          );
          search.push(s.result);
          const slowest = slowestOf(statementStats(s.timings));
          if (organisationWide)
            deferred.push(() =>
              explainSlowest(
                o.databaseUrl,
                `organisation-wide search (teamleider, q="${s.result.slowest.prefix}")`,
                s.captured.get(s.result.slowest.prefix)!,
                slowest,
              ),
            );
          if (client !== regisseur) client.close();
        }
      }
      regisseur.close();
      await server.close();
      if (deferred.length) say('explaining the slowest statements');
      for (const p of deferred) plans.push(...(await p()));
    } catch (e) {
      await server.close().catch(() => undefined);
      throw e;
    }
  }
  if (has('d')) {
    await phase('d');
    say(`(d) verifying the audit chain of region ${REGION}`);
    const v = await verifyChain(db, REGION);
    verify = { rows: v.rows, seconds: v.seconds, rowsPerSecond: v.rows / v.seconds, ok: v.ok, problems: v.problems.length };
    say(`(d) ${v.rows} rows in ${v.seconds.toFixed(1)} s = ${Math.round(verify.rowsPerSecond)} rows/s, ok=${v.ok}`);
  }
  const after = await countData(db);
  say(`audit rows now ${after.auditRows} (${after.auditRows - big.sizes.auditRows} written by this run)`);
  await db.close();

  const compare = has('a') && !o.skipPglite ? (await phase('pglite'), await comparePglite(o)) : null;
  return { sizes: big.sizes, seed: { seeded: big.seeded, seconds: big.seedSeconds }, familyPage, compare, load, search, verify, plans };
}

async function measure(o: BenchOptions, started: Date, profile: string): Promise<BenchReport> {
  const needBig = ['a', 'b', 'c', 'd'].some((p) => o.parts.has(p as never));
  const needParts = o.parts.has('e') || o.parts.has('f');
  const big = needBig ? await preparePostgres(o.databaseUrl, o) : null;
  const template = needParts ? await prepareTemplate(o.partsDatabaseUrl, o.partsFamilies, o.fresh) : null;
  if (o.seedOnly) {
    if (big)
      say(
        `--seed-only: ${big.sizes.families} families, ${big.sizes.persons} persons, ${big.sizes.timelineEvents} timeline events, ${big.sizes.auditRows} audit rows`,
      );
    if (template) say(`--seed-only: template of (e) and (f) ${databaseName(o.partsDatabaseUrl)} with ${template.sizes.families} families`);
    await big?.db.close();
    await template?.db.close();
    process.exit(0);
  }
  const loadAverages: Record<string, number> = {};
  const phase = async (name: string) => {
    loadAverages[name] = o.waitIdleMinutes > 0 ? await waitIdle(o.waitIdleMinutes) : Math.round(os.loadavg()[0]! * 100) / 100;
  };
  // (p) alone has no database of its own to describe the machine with: the server's `postgres` one.
  const probe = big || template ? null : await openPostgres(siblingUrl(o.databaseUrl, 'postgres'), 1);
  // It has no migrations table: what it cannot answer is left unknown.
  const anyDb: Database = (big ?? template)?.db ?? {
    ...probe!,
    query: <T>(text: string, params?: unknown[]) => probe!.query<T>(text, params).catch((): T[] => []),
  };
  const machine = await describeMachine(anyDb);
  const code = await describeCode(anyDb, root);
  await probe?.close();
  const partsData = template
    ? { database: databaseName(o.partsDatabaseUrl), sizes: template.sizes, seeded: template.seeded, seconds: template.seedSeconds }
    : null;
  try {
    const abcd: AbcdResult = big
      ? await measureBig(o, big, phase)
      : { sizes: null, seed: null, familyPage: null, compare: null, load: null, search: [], verify: null, plans: [] };
    let refindex: BenchReport['refindex'] = null,
      triage: BenchReport['triage'] = null;
    const plans = [...abcd.plans];
    if (o.parts.has('e')) {
      await phase('e');
      refindex = await measureRefindex({
        templateUrl: o.partsDatabaseUrl,
        templateDb: template!.db,
        families: o.partsFamilies,
        clients: o.refindexClients,
        perClient: o.refindexPerClient,
        pool: o.refindexPool,
        keepCopies: o.keepCopies,
      });
      say(
        `(e) raw/API ${refindex.ratio.toFixed(2)}× (API ${refindex.api.perSecond.toFixed(1)}/s, pgbench ${refindex.raw.perSecond.toFixed(1)}/s), matches ${refindex.ok ? 'as expected' : 'NOT as expected'}`,
      );
    } else await template?.db.close();
    if (o.parts.has('f')) {
      await phase('f');
      const url = siblingUrl(o.partsDatabaseUrl, `${databaseName(o.partsDatabaseUrl)}_triage`);
      await cloneDatabase(o.partsDatabaseUrl, url);
      const t = await measureTriage({ url, signals: o.triageSignals, requests: o.triageRequests, quick: o.quick });
      triage = t.result;
      plans.push(...t.plans);
      say(`(f) API p95 ${triage.api.p95.toFixed(2)} ms, raw p95 ${triage.raw.p95.toFixed(2)} ms → ${triage.ratio.toFixed(2)}×`);
      if (!o.keepCopies) await dropDatabase(url);
    }
    let planBench: BenchReport['planBench'] = null;
    if (o.parts.has('p')) {
      await phase('p');
      // Its throw-away database is made by the test support next to the others (read when loaded, so set first).
      process.env.TEST_DATABASE_URL ??= siblingUrl(o.databaseUrl, 'postgres');
      const { measurePlans } = await import('./plans.js');
      planBench = await measurePlans({ runs: o.plansRuns, families: o.plansFamilies, say });
    }
    return {
      profile,
      date: started.toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      parts: [...o.parts].sort(),
      options: {
        families: o.families,
        auditRowsPerFamily: o.auditRowsPerFamily,
        durationSeconds: o.durationSeconds,
        rate: o.rate,
        pageRequests: o.pageRequests,
        searchRequests: o.searchRequests,
        partsFamilies: o.partsFamilies,
        refindexClients: o.refindexClients,
        refindexPerClient: o.refindexPerClient,
        refindexPool: o.refindexPool,
        triageSignals: o.triageSignals,
        triageRequests: o.triageRequests,
      },
      machine,
      ...abcd,
      plans,
      partsData,
      refindex,
      triage,
      planBench,
      loadAverages,
      code,
    };
  } catch (e) {
    await big?.db.close().catch(() => undefined);
    await template?.db.close().catch(() => undefined);
    throw e;
  }
}

async function main() {
  const o = parseOptions();
  const started = new Date();
  const profile = profileOf(o);
  say(
    `profile ${profile}: parts ${[...o.parts].sort().join(',')}; ` +
      (['a', 'b', 'c', 'd'].some((p) => o.parts.has(p as never))
        ? `${o.families} families × ${o.auditRowsPerFamily} audit rows on ${o.databaseUrl.replace(/\/\/[^@]*@/, '//')}; ` +
          `(a) ${o.pageRequests} pages, (b) ${o.rate} req/s for ${o.durationSeconds} s, (c) ${o.searchRequests} searches per actor; `
        : '') +
      (o.parts.has('e') ? `(e) ${o.refindexClients} clients × ${o.refindexPerClient} registrations; ` : '') +
      (o.parts.has('f') ? `(f) ${o.triageSignals} open signals, ${o.triageRequests} first pages; ` : '') +
      (o.parts.has('e') || o.parts.has('f')
        ? `(e)/(f) on copies of ${databaseName(o.partsDatabaseUrl)} (${o.partsFamilies} families); `
        : '') +
      (o.parts.has('p') ? `(p) the plan: ${o.plansRuns} runs each, blind spots in a region of ${o.plansFamilies} families` : ''),
  );
  const report = await measure(o, started, profile);

  mkdirSync(resultsDir, { recursive: true });
  const day = started.toISOString().slice(0, 10);
  const out = o.out ? resolve(root, o.out) : join(resultsDir, profile === 'full' ? `${day}.md` : `${day}-${profile}.md`);
  const previous = findPrevious(resultsDir, out, profile, root);
  const notes: string[] = [];
  if (report.machine.postgresSettings.autovacuum === 'off')
    notes.push(
      'autovacuum is off on this PostgreSQL server; the benchmark runs VACUUM ANALYZE after seeding and ANALYZE before measuring.',
    );
  writeFileSync(out, renderMarkdown(report, previous, notes));
  say(`results written to ${out}`);
  const fp = report.familyPage;
  const f2 = (x: number) => x.toFixed(2);
  const ri = report.refindex,
    tq = report.triage;
  process.stdout.write(
    [
      ...(fp
        ? [
            `(a) family page API/raw ${f2(fp.ratio)}× (API p50 ${f2(fp.api.p50)} ms, raw p50 ${f2(fp.raw.p50)} ms), target ≤ ${TARGETS.ratio}×`,
            report.compare
              ? `(a) PGlite/PostgreSQL API ${f2(report.compare.ratio)}× (${f2(report.compare.pglite.api.p50)} / ${f2(report.compare.postgres.api.p50)} ms)`
              : '(a) PGlite: skipped',
          ]
        : []),
      ...(report.load
        ? [
            `(b) ${report.load.rate} req/s: p50 ${f2(report.load.latency.p50)} p95 ${f2(report.load.latency.p95)} p99 ${f2(report.load.latency.p99)} max ${f2(report.load.latency.max)} ms, ${report.load.errors} errors, target p95 < ${TARGETS.loadP95} ms`,
          ]
        : []),
      ...report.search.map(
        (s) =>
          `(c) search ${s.who}/${s.scope}: p50 ${f2(s.api.p50)} p95 ${f2(s.api.p95)} p99 ${f2(s.api.p99)} ms (raw p95 ${f2(s.raw.p95)}), target p95 < ${TARGETS.searchP95} ms`,
      ),
      ...(report.verify ? [`(d) verify ${Math.round(report.verify.rowsPerSecond)} rows/s (${report.verify.rows} rows)`] : []),
      ...(ri
        ? [
            `(e) registrations/s API ${ri.api.perSecond.toFixed(1)}, pgbench ${ri.raw.perSecond.toFixed(1)} → raw/API ${f2(ri.ratio)}×, target ≤ ${TARGETS.refindexRatio}×`,
            `(e) matches: expected client ${ri.expected.clientMatches}/${ri.expected.clientPairs} pairs, family ${ri.expected.familyMatches}/${ri.expected.familyPairs}; ` +
              `API client ${ri.api.counts.clientMatches}/${ri.api.counts.clientPairs}, family ${ri.api.counts.familyMatches}/${ri.api.counts.familyPairs}; ` +
              `pgbench client ${ri.raw.counts.clientMatches}/${ri.raw.counts.clientPairs}, family ${ri.raw.counts.familyMatches}/${ri.raw.counts.familyPairs} → ${ri.ok ? 'PASS' : 'FAIL'}`,
          ]
        : []),
      ...(tq
        ? [
            `(f) triage first page (${tq.openSignals} open): API p50 ${f2(tq.api.p50)} p95 ${f2(tq.api.p95)} p99 ${f2(tq.api.p99)} ms, raw p95 ${f2(tq.raw.p95)} ms → ${f2(tq.ratio)}×, target ≤ ${TARGETS.triageRatio}×`,
          ]
        : []),
      ...(report.planBench ? plansSummary(report.planBench) : []),
      `→ ${out}`,
    ].join('\n') + '\n',
  );
  if (ri && !ri.ok) {
    process.stderr.write(
      `bench: (e) the matches are not as expected:\n${[...ri.api.problems.map((p) => `  API: ${p}`), ...ri.raw.problems.map((p) => `  pgbench: ${p}`)].join('\n')}\n`,
    );
    process.exit(1);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
