// Writes bench/results/<date>.md: machine, data sizes, each measurement against its target,
// the regression check, and the numbers as JSON for the next run to compare with.
import type { Machine } from './machine.js';
import type { DataSizes } from './database.js';
import type { FamilyPageResult } from './family-page.js';
import type { LoadSummary } from './load.js';
import type { SearchResult } from './search.js';
import type { Summary } from './stats.js';
import { compare, THRESHOLD, type Previous } from './regression.js';
import type { Plan } from './diagnostics.js';
import type { RefindexResult } from './refindex.js';
import type { RefindexRun } from './refindex-plan.js';
import type { TriageResult } from './triage.js';
import { plansMarkdown, type PlansResult } from './plans-report.js';

export interface BenchReport {
  profile: string;
  date: string;
  command: string;
  /** The parts measured (a–f); the others are null or empty. */
  parts: string[];
  options: {
    families: number;
    auditRowsPerFamily: number;
    durationSeconds: number;
    rate: number;
    pageRequests: number;
    searchRequests: number;
    partsFamilies?: number;
    refindexClients?: number;
    refindexPerClient?: number;
    refindexPool?: number;
    triageSignals?: number;
    triageRequests?: number;
  };
  machine: Machine;
  /** The big region of (a)–(d), when one of them ran. */
  sizes: DataSizes | null;
  seed: { seeded: boolean; seconds: number | null } | null;
  familyPage: FamilyPageResult | null;
  compare: { families: number; auditRowsPerFamily: number; postgres: FamilyPageResult; pglite: FamilyPageResult; ratio: number } | null;
  load: LoadSummary | null;
  search: SearchResult[];
  verify: { rows: number; seconds: number; rowsPerSecond: number; ok: boolean; problems: number } | null;
  /** The small region (e) and (f) copy their databases from. */
  partsData: { database: string; sizes: DataSizes; seeded: boolean; seconds: number | null } | null;
  refindex: RefindexResult | null;
  triage: TriageResult | null;
  /** (p) the plan's benchmarks (bench/plans.ts). */
  planBench: PlansResult | null;
  /** EXPLAIN ANALYZE of the slowest statements, for whoever has to make them faster. */
  plans: Plan[];
  /** 1-minute load average just before each part. */
  loadAverages: Record<string, number>;
  code: { commit: string; uncommittedFiles: number; lastMigration: string };
}

export const TARGETS = { ratio: 1.5, loadP95: 50, searchP95: 50, refindexRatio: 2, triageRatio: 1.5 };

export function metricsOf(r: BenchReport): Record<string, number> {
  const m: Record<string, number> = {};
  if (r.familyPage)
    Object.assign(m, { 'a.apiMedianMs': r.familyPage.api.p50, 'a.rawMedianMs': r.familyPage.raw.p50, 'a.ratio': r.familyPage.ratio });
  if (r.load)
    Object.assign(m, {
      'b.p50Ms': r.load.latency.p50,
      'b.p95Ms': r.load.latency.p95,
      'b.p99Ms': r.load.latency.p99,
      'b.maxMs': r.load.latency.max,
      'b.errors': r.load.errors,
    });
  if (r.verify) m['d.rowsPerSecond'] = r.verify.rowsPerSecond;
  if (r.refindex)
    Object.assign(m, {
      'e.apiPerSecond': r.refindex.api.perSecond,
      'e.rawPerSecond': r.refindex.raw.perSecond,
      'e.ratio': r.refindex.ratio,
      'e.matchesAsExpected': r.refindex.ok ? 1 : 0,
    });
  if (r.triage)
    Object.assign(m, {
      'f.apiP50Ms': r.triage.api.p50,
      'f.apiP95Ms': r.triage.api.p95,
      'f.apiP99Ms': r.triage.api.p99,
      'f.rawP95Ms': r.triage.raw.p95,
      'f.ratio': r.triage.ratio,
    });
  if (r.compare)
    Object.assign(m, {
      'a.pglite.apiMedianMs': r.compare.pglite.api.p50,
      'a.pglite.postgresApiMedianMs': r.compare.postgres.api.p50,
      'a.pglite.ratio': r.compare.ratio,
    });
  for (const s of r.search)
    Object.assign(m, { [`c.${s.scope}.p50Ms`]: s.api.p50, [`c.${s.scope}.p95Ms`]: s.api.p95, [`c.${s.scope}.p99Ms`]: s.api.p99 });
  const pb = r.planBench;
  if (pb)
    Object.assign(m, {
      'p.compareP95Ms': pb.compare.p95,
      'p.pdfP95Ms': pb.pdf.p95,
      'p.pageRatio': pb.page.ratio,
      'p.blindSpotsP95Ms': pb.blindSpots.api.p95,
    });
  for (const [k, v] of Object.entries(m)) m[k] = Math.round(v * 1000) / 1000;
  return m;
}

const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const n = (v: number) => v.toLocaleString('en');
const verdict = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
const matchCounts = (x: RefindexRun) =>
  `client ${n(x.counts.clientMatches)} (${n(x.counts.clientPairs)} pairs), family ${n(x.counts.familyMatches)} (${n(x.counts.familyPairs)} pairs)`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const latRow = (label: string, s: Summary) => row([label, s.n, f(s.mean), f(s.p50), f(s.p95), f(s.p99), f(s.max)]);
const LAT_HEAD = ['| | n | mean | p50 | p95 | p99 | max |', '|---|---:|---:|---:|---:|---:|---:|'];

/** A request through the API beside its statements run directly (with and without the session lookup, and, as a diagnostic, without row-level security). */
interface AgainstRaw {
  api: Summary;
  raw: Summary;
  rawWithSession: Summary;
  rawWithoutRls?: Summary | null;
}
const againstRawRows = (x: AgainstRaw) => [
  ...LAT_HEAD,
  latRow('API', x.api),
  latRow('raw SQL', x.raw),
  latRow('raw SQL + session lookup', x.rawWithSession),
  ...(x.rawWithoutRls ? [latRow('raw SQL as superuser, no row-level security (diagnostic)', x.rawWithoutRls)] : []),
];
/** What row-level security costs of the raw median, when the diagnostic ran. */
const rlsCost = (x: AgainstRaw) =>
  x.rawWithoutRls
    ? ` Row-level security accounts for ${f(x.raw.p50 - x.rawWithoutRls.p50)} ms of the raw median (${f(x.rawWithoutRls.p50)} ms without it).`
    : '';

function miss(value: number, target: number) {
  return value <= target ? '' : ` (over by ${f(value - target)}, ${f((value / target - 1) * 100, 0)}%)`;
}

export function renderMarkdown(r: BenchReport, previous: Previous | null, notes: string[]): string {
  const m = metricsOf(r);
  const L: string[] = [];
  const fp = r.familyPage;
  L.push(`# Regie benchmark — ${r.date.slice(0, 10)}`, '');
  L.push(
    `Profile **${r.profile}**, run at ${r.date} with \`${r.command}\`.`,
    '',
    `Code: commit ${r.code.commit}${r.code.uncommittedFiles ? ` with ${r.code.uncommittedFiles} uncommitted files in the working tree` : ''}; last migration ${r.code.lastMigration}.`,
    '',
  );
  L.push('## Machine', '', '| | |', '|---|---|');
  L.push(
    row(['CPU', `${r.machine.cpuModel} × ${r.machine.cpus}`]),
    row(['Memory', `${r.machine.memoryGiB} GiB`]),
    row(['OS', r.machine.os]),
    row(['Load average at start (1/5/15 min)', r.machine.loadAverage.join(' / ')]),
    row([
      '1-min load average before each part',
      Object.entries(r.loadAverages)
        .map(([k, v]) => `(${k}) ${v}`)
        .join(', '),
    ]),
    row(['Node.js', r.machine.node]),
    row(['PostgreSQL', r.machine.postgres]),
    row(['PGlite', r.machine.pglite]),
    row([
      'PostgreSQL settings',
      Object.entries(r.machine.postgresSettings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', '),
    ]),
  );
  L.push('', 'Server, PostgreSQL and load generator share this machine; the load generator is a separate process.', '');
  const all = ['a', 'b', 'c', 'd', 'e', 'f'];
  if (r.parts.length < all.length)
    L.push(
      `Parts measured: ${r.parts.map((p) => `(${p})`).join(', ')}; skipped: ${all
        .filter((p) => !r.parts.includes(p))
        .map((p) => `(${p})`)
        .join(', ')}.`,
      '',
    );
  if (r.sizes && r.seed) {
    L.push('## Data', '', '| | count |', '|---|---:|');
    L.push(
      row(['families', n(r.sizes.families)]),
      row(['persons', n(r.sizes.persons)]),
      row(['timeline events', n(r.sizes.timelineEvents)]),
      row(['case-team memberships', n(r.sizes.caseTeam)]),
      row(['audit rows (before the measurements)', n(r.sizes.auditRows)]),
    );
    L.push(
      '',
      r.seed.seeded
        ? `Seeded by this run in ${f((r.seed.seconds ?? 0) / 60, 1)} min (${r.options.auditRowsPerFamily} historic audit rows per family), then VACUUM ANALYZE.`
        : 'Reused an already seeded database (ANALYZE run before measuring).',
      '',
    );
  }
  if (r.partsData) {
    const d = r.partsData;
    L.push(
      `${r.sizes ? '' : '## Data\n\n'}(e) and (f) run on copies of \`${d.database}\`, a small region of ${n(d.sizes.families)} families, ${n(d.sizes.persons)} persons ` +
        `(no historic audit rows), ${d.seeded ? `seeded by this run in ${f((d.seconds ?? 0) / 60, 1)} min` : 'seeded by an earlier run'}; each run gets its own fresh copy ` +
        '(CREATE DATABASE … TEMPLATE), dropped afterwards.',
      '',
    );
  }

  L.push('## Results', '', '| | measured | target | |', '|---|---|---|---|');
  if (fp)
    L.push(
      row([
        '(a) family page, API / raw SQL (medians)',
        `${f(fp.ratio)}× (API ${f(fp.api.p50)} ms, raw ${f(fp.raw.p50)} ms)`,
        `≤ ${TARGETS.ratio}×`,
        verdict(fp.ratio <= TARGETS.ratio) + miss(fp.ratio, TARGETS.ratio),
      ]),
    );
  if (r.compare)
    L.push(
      row([
        `(a) PGlite / PostgreSQL, API medians (${n(r.compare.families)} families)`,
        `${f(r.compare.ratio)}× (PGlite ${f(r.compare.pglite.api.p50)} ms, PostgreSQL ${f(r.compare.postgres.api.p50)} ms)`,
        '—',
        'reported',
      ]),
    );
  if (r.load)
    L.push(
      row([
        `(b) family page under ${r.load.rate} req/s for ${r.load.seconds} s, p95`,
        `${f(r.load.latency.p95)} ms (p50 ${f(r.load.latency.p50)}, p99 ${f(r.load.latency.p99)}, ${r.load.errors} errors)`,
        `< ${TARGETS.loadP95} ms`,
        verdict(r.load.latency.p95 < TARGETS.loadP95 && r.load.errors === 0) + miss(r.load.latency.p95, TARGETS.loadP95),
      ]),
    );
  for (const s of r.search)
    L.push(
      row([
        `(c) search by name prefix, ${s.who} (scope=${s.scope}), p95`,
        `${f(s.api.p95)} ms (p50 ${f(s.api.p50)}, p99 ${f(s.api.p99)})`,
        `< ${TARGETS.searchP95} ms`,
        verdict(s.api.p95 < TARGETS.searchP95) + miss(s.api.p95, TARGETS.searchP95),
      ]),
    );
  if (r.verify)
    L.push(
      row([
        '(d) audit chain verification',
        `${n(Math.round(r.verify.rowsPerSecond))} rows/s (${n(r.verify.rows)} rows in ${f(r.verify.seconds, 1)} s, ${r.verify.ok ? 'chain intact' : `${r.verify.problems} problems`})`,
        '—',
        'reported',
      ]),
    );
  const ri = r.refindex;
  if (ri) {
    L.push(
      row([
        `(e) reference-index registrations/s, ${ri.clients} clients: raw (pgbench) / API`,
        `${f(ri.ratio)}× (API ${f(ri.api.perSecond, 1)}/s, pgbench ${f(ri.raw.perSecond, 1)}/s; ${n(ri.registrations)} registrations each)`,
        `≤ ${TARGETS.refindexRatio}×`,
        verdict(ri.ratio <= TARGETS.refindexRatio) + miss(ri.ratio, TARGETS.refindexRatio),
      ]),
    );
    L.push(
      row([
        '(e) matches created, in both runs',
        `API: ${matchCounts(ri.api)}; pgbench: ${matchCounts(ri.raw)}`,
        `= expected: ${matchCounts({ counts: ri.expected } as RefindexRun)}`,
        ri.ok
          ? '**PASS**'
          : `**FAIL** (${[...ri.api.problems.map((p) => `API: ${p}`), ...ri.raw.problems.map((p) => `pgbench: ${p}`)].join('; ').replace(/\|/g, '\\|')})`,
      ]),
    );
  }
  const tq = r.triage;
  if (tq)
    L.push(
      row([
        `(f) triage queue, first page, ${n(tq.openSignals)} open signals: API / raw SQL (p95)`,
        `${f(tq.ratio)}× (API p95 ${f(tq.api.p95)} ms, raw p95 ${f(tq.raw.p95)} ms; p50 ${f(tq.api.p50)} / ${f(tq.raw.p50)} ms)`,
        `≤ ${TARGETS.triageRatio}×`,
        verdict(tq.ratio <= TARGETS.triageRatio) + miss(tq.ratio, TARGETS.triageRatio),
      ]),
    );
  L.push('');

  if (fp)
    L.push(
      '### (a) Family page: API against the same SQL',
      '',
      `${fp.requests} sequential requests per variant, interleaved, across the ${fp.families} families of \`regisseur\`, times in ms. ` +
        'API: GET /api/v1/families/:id over one keep-alive HTTP connection to the real server. Raw: the statements that request sent ' +
        `(captured from the server's database handle: ${fp.statementsInTx} in its transaction, ${fp.statementsBefore} before it) replayed with the same ` +
        'parameters as BEGIN, statements, COMMIT over one pg.Client. Raw + session also replays the statements before the transaction ' +
        '(the session lookup).',
      '',
      ...againstRawRows(fp),
      '',
      `Ratio of medians ${f(fp.ratio)}×, of means ${f(fp.ratioMean)}×; against raw + session ${f(fp.api.p50 / fp.rawWithSession.p50)}×.` +
        rlsCost(fp),
      '',
      'Raw SQL per statement (ms):',
      '',
      '| statement | p50 | mean |',
      '|---|---:|---:|',
      ...fp.statements.map((x) => row([`\`${x.name.replace(/\|/g, '\\|')}\``, f(x.p50), f(x.mean)])),
      '',
    );
  if (r.compare) {
    const c = r.compare;
    L.push(
      `#### PGlite against PostgreSQL (${n(c.families)} families, ${c.auditRowsPerFamily} audit rows each, same on both)`,
      '',
      ...LAT_HEAD,
      latRow('PostgreSQL API', c.postgres.api),
      latRow('PostgreSQL raw SQL', c.postgres.raw),
      latRow('PGlite API', c.pglite.api),
      latRow('PGlite raw SQL', c.pglite.raw),
      '',
      `PGlite / PostgreSQL (API medians) ${f(c.ratio)}×; raw SQL ${f(c.pglite.raw.p50 / c.postgres.raw.p50)}×. API / raw on PostgreSQL ${f(c.postgres.ratio)}×, on PGlite ${f(c.pglite.ratio)}×.`,
      '',
    );
  }
  const ld = r.load;
  if (ld)
    L.push(
      '### (b) Open-loop load',
      '',
      `A forked child process sent ${n(ld.sent)} requests at ${ld.rate}/s over keep-alive connections; ${f(ld.achievedRate, 1)} responses/s over the run including the drain at the end ` +
        `(${ld.connections} opened, at most ${ld.maxInFlight} in flight), rotating over the families of \`regisseur\`. Latency counts from ` +
        `the moment each request was due, so queueing is not hidden; service time from when it was sent. ${ld.lateStarts} requests left more than 5 ms late. ` +
        `Load average just before: ${ld.loadAverageBefore}.`,
      '',
      ...LAT_HEAD,
      latRow('latency (from due time)', ld.latency),
      latRow('service time (from send)', ld.serviceTime),
      '',
      `Responses: ${Object.entries(ld.statuses)
        .map(([k, v]) => `${k}: ${n(v)}`)
        .join(', ')}.`,
      '',
    );
  if (r.search.length) {
    L.push(
      '### (c) Mijn gezinnen search',
      '',
      'GET /api/v1/families?q=<prefix> with random 2–4-letter prefixes of surnames in the region, sequential; raw = the statements ' +
        'of that search (captured) replayed as BEGIN, statements, COMMIT over one pg.Client.',
      '',
      ...LAT_HEAD,
    );
    for (const s of r.search)
      L.push(latRow(`${s.who} (${s.scope}, ${n(s.visibleFamilies)} families) API`, s.api), latRow(`${s.who} (${s.scope}) raw SQL`, s.raw));
    L.push(
      '',
      ...r.search.map(
        (s) =>
          `- ${s.who}: ${f(s.meanHits, 1)} families per result page on average, ${f(s.emptyShare * 100, 0)}% of searches found none; ` +
          `slowest "${s.slowest.prefix}" ${f(s.slowest.ms)} ms.`,
      ),
      '',
    );
  }
  if (r.verify)
    L.push(
      '### (d) Audit verification',
      '',
      `verifyChain over region walcheren: ${n(r.verify.rows)} rows in ${f(r.verify.seconds, 1)} s = ` +
        `${n(Math.round(r.verify.rowsPerSecond))} rows/s; ${r.verify.ok ? 'no problems' : `${r.verify.problems} problems`}.`,
      '',
    );
  if (ri) renderRefindex(L, ri);
  if (tq) renderTriage(L, tq);
  if (notes.length) {
    L.push('## Notes', '', ...notes.map((x) => `- ${x}`), '');
  }
  if (r.plans.length) {
    L.push('## Query plans', '');
    for (const p of r.plans) L.push('<details>', `<summary>${p.title}</summary>`, '', '```', p.text, '```', '</details>', '');
  }
  L.push('## Regression check', '');
  if (!previous) L.push(`No earlier results of profile "${r.profile}" in bench/results/; nothing to compare with.`, '');
  else {
    const changes = compare(previous.data.metrics, m);
    const worse = changes.filter((c) => c.worse);
    L.push(
      `Against ${previous.label}${previous.committed ? '' : ' (not committed)'} from ${previous.data.date}; more than ${THRESHOLD * 100}% worse is flagged.`,
      '',
      '| metric | before | now | change | |',
      '|---|---:|---:|---:|---|',
      ...changes.map((c) =>
        row([c.metric, f(c.before), f(c.now), `${c.change >= 0 ? '+' : ''}${f(c.change * 100, 1)}%`, c.worse ? '**REGRESSION**' : 'ok']),
      ),
      '',
      worse.length ? `**${worse.length} regression(s) flagged: ${worse.map((c) => c.metric).join(', ')}.**` : 'No regressions.',
      '',
    );
  }
  if (r.planBench) L.push(plansMarkdown(r.planBench));
  const json = { ...r, plans: r.plans.map((p) => p.title), refindex: ri ? { ...ri, script: '(see the section on (e))' } : null };
  L.push(
    '## Machine-readable results',
    '',
    '```json',
    JSON.stringify({ profile: r.profile, date: r.date, metrics: m, report: json }, null, 1),
    '```',
    '',
  );
  return L.join('\n');
}

function renderRefindex(L: string[], ri: RefindexResult) {
  const e = ri.expected;
  L.push(
    '### (e) Reference-index registrations: API against pgbench',
    '',
    `${n(ri.registrations)} registrations (${ri.clients} clients × ${ri.perClient}) of ${n(ri.persons)} young persons (valid BSN, elfproef) from ${n(ri.households)} households, ` +
      `by ${ri.clients} professionals of ${ri.organisations} organisations (${ri.slots.map((s) => `${s.username}`).join(', ')}), each (organisation, person) once. ` +
      `Worked out beforehand from this plan and the households alone: ${n(e.clientMatches)} client matches (${n(e.clientPairs)} pairs of organisations) and ` +
      `${n(e.familyMatches)} family matches (${n(e.familyPairs)} pairs); one registration makes at most ${ri.maxPairs} pairs over ${ri.maxMatches} matches.`,
    '',
    `- **API**: a forked child process with ${ri.clients} keep-alive HTTP clients, each logged in through POST /api/v1/session and sending its ` +
      `${ri.perClient} POST /api/v1/refindex/registrations one after the other, all clients at once; the server (in the benchmark process) uses a pool of ${ri.pool} connections ` +
      '(the default of openPostgres). Three rounds of GET /api/v1/refindex/registrations first open the pool (no writes).',
    `- **Raw**: pgbench with ${ri.clients} clients and 2 threads (\`${ri.raw.pgbench?.command ?? 'pgbench'}\`, extended protocol = unnamed statements, as node-postgres sends them). ` +
      'Its script is generated from the statements one registration sent through the API (captured on a throwaway copy, after three other organisations registered the ' +
      `person and a brother or sister: ${ri.shape.samplePairs} pairs over ${ri.shape.sampleMatches} matches): the same SQL texts in the same order — ` +
      `${ri.shape.once} once, ${ri.shape.perPair} per pair, ${ri.shape.perMatch} per new match — with the actor, person and new id taken from a work-queue row ` +
      '(looked up before BEGIN, as the API looks up the session before its transaction), the pairs from the result of the match call, and new random ids from gen_random_uuid().',
    '- Each run starts from its own fresh copy of the same database; afterwards the matches and pairs are compared with the plan, pair by pair.',
    '',
    '| | registrations/s | registrations | seconds | errors | client matches (pairs) | family matches (pairs) | as expected |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const x of [ri.api, ri.raw])
    L.push(
      row([
        x.engine === 'api' ? 'API' : 'pgbench',
        f(x.perSecond, 1),
        n(x.registrations),
        f(x.seconds, 1),
        n(x.errors),
        `${n(x.counts.clientMatches)} (${n(x.counts.clientPairs)})`,
        `${n(x.counts.familyMatches)} (${n(x.counts.familyPairs)})`,
        x.ok ? 'yes' : `**no**: ${x.problems.join('; ').replace(/\|/g, '\\|')}`,
      ]),
    );
  L.push(
    row([
      'expected',
      '',
      n(e.registrations),
      '',
      '0',
      `${n(e.clientMatches)} (${n(e.clientPairs)})`,
      `${n(e.familyMatches)} (${n(e.familyPairs)})`,
      '',
    ]),
    '',
    `Ratio raw / API ${f(ri.ratio)}× (target ≤ ${TARGETS.refindexRatio}×). ` +
      (ri.api.latency
        ? `API latency per registration under this load: p50 ${f(ri.api.latency.p50)} ms, p95 ${f(ri.api.latency.p95)} ms, p99 ${f(ri.api.latency.p99)} ms`
        : '') +
      (ri.raw.pgbench?.latencyAvgMs != null ? `; pgbench average ${f(ri.raw.pgbench.latencyAvgMs)} ms per transaction.` : '.') +
      ` Notifications written: API ${n(ri.api.notifications)}, pgbench ${n(ri.raw.notifications)}; audit rows about the index: API ${n(ri.api.auditRows)}, ` +
      `pgbench ${n(ri.raw.auditRows)} (these two depend on which registration of a pair came second, so may differ a little between runs).`,
    '',
  );
  if (ri.raw.pgbench?.statements.length) {
    L.push(
      'Slowest statements of the pgbench script (average ms per execution, from `pgbench -r`; under 16 clients this includes waiting for locks):',
      '',
      '| ms | statement |',
      '|---:|---|',
      ...ri.raw.pgbench.statements.map((s) => row([f(s.ms, 3), `\`${s.text.slice(0, 110).replace(/\|/g, '\\|')}\``])),
      '',
    );
  }
  L.push('<details>', '<summary>The generated pgbench script</summary>', '', '```sql', ri.script.trim(), '```', '</details>', '');
}

function renderTriage(L: string[], t: TriageResult) {
  L.push(
    '### (f) Triage queue: first page, API against the same SQL',
    '',
    `\`${t.who}\` (team lead of ${t.organisation}) opens the triage screen: GET ${t.path}, ${t.requests} times sequentially over one keep-alive connection, ` +
      `interleaved with the statements that request sent (captured: ${t.statementsInTx} in its transaction, ${t.statementsBefore} before it) replayed as BEGIN, statements, ` +
      `COMMIT over one pg.Client. The queue holds ${n(t.openSignals)} open signals (${n(t.signalsInRegion)} signals in the region: the organisation's handled history and ` +
      "other organisations' signals too), seeded with SQL in bulk: urgency acute 4% / high 26% / normal 70%, received over the last four months (more recent more often), " +
      'deadline in working days per urgency as the service computes it, 65% about a known person, 15% about a household, 20% about someone unknown. ' +
      `The first page (${t.firstPage.items} signals, ${t.firstPage.overdue} overdue, ${t.firstPage.hasNextPage ? 'with' : 'without'} a next page) was checked against the same query as the superuser.`,
    '',
    ...againstRawRows(t),
    '',
    `Ratio of p95 ${f(t.ratio)}× (target ≤ ${TARGETS.triageRatio}×), of medians ${f(t.ratioMedian)}×.` + rlsCost(t),
    '',
    'Raw SQL per statement (ms):',
    '',
    '| statement | p50 | mean |',
    '|---|---:|---:|',
    ...t.statements.map((x) => row([`\`${x.name.replace(/\|/g, '\\|')}\``, f(x.p50), f(x.mean)])),
    '',
    'What the plan of the slowest statement shows (see Query plans below):',
    '',
    ...t.diagnosis.map((d) => `- ${d}`),
    '',
  );
}
