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

export interface BenchReport {
  profile: string; date: string; command: string;
  options: { families: number; auditRowsPerFamily: number; durationSeconds: number; rate: number; pageRequests: number; searchRequests: number };
  machine: Machine; sizes: DataSizes; seed: { seeded: boolean; seconds: number | null };
  familyPage: FamilyPageResult;
  compare: { families: number; auditRowsPerFamily: number; postgres: FamilyPageResult; pglite: FamilyPageResult; ratio: number } | null;
  load: LoadSummary; search: SearchResult[];
  verify: { rows: number; seconds: number; rowsPerSecond: number; ok: boolean; problems: number };
  /** EXPLAIN ANALYZE of the slowest statements, for whoever has to make them faster. */
  plans: Plan[];
  /** 1-minute load average just before each part. */
  loadAverages: Record<string, number>;
  code: { commit: string; uncommittedFiles: number; lastMigration: string };
}

export const TARGETS = { ratio: 1.5, loadP95: 50, searchP95: 50 };

export function metricsOf(r: BenchReport): Record<string, number> {
  const m: Record<string, number> = {
    'a.apiMedianMs': r.familyPage.api.p50, 'a.rawMedianMs': r.familyPage.raw.p50, 'a.ratio': r.familyPage.ratio,
    'b.p50Ms': r.load.latency.p50, 'b.p95Ms': r.load.latency.p95, 'b.p99Ms': r.load.latency.p99, 'b.maxMs': r.load.latency.max, 'b.errors': r.load.errors,
    'd.rowsPerSecond': r.verify.rowsPerSecond,
  };
  if (r.compare) Object.assign(m, { 'a.pglite.apiMedianMs': r.compare.pglite.api.p50, 'a.pglite.postgresApiMedianMs': r.compare.postgres.api.p50,
    'a.pglite.ratio': r.compare.ratio });
  for (const s of r.search) Object.assign(m, { [`c.${s.scope}.p50Ms`]: s.api.p50, [`c.${s.scope}.p95Ms`]: s.api.p95, [`c.${s.scope}.p99Ms`]: s.api.p99 });
  for (const k of Object.keys(m)) m[k] = Math.round(m[k] * 1000) / 1000;
  return m;
}

const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const n = (v: number) => v.toLocaleString('en');
const verdict = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const latRow = (label: string, s: Summary) => row([label, s.n, f(s.mean), f(s.p50), f(s.p95), f(s.p99), f(s.max)]);
const LAT_HEAD = ['| | n | mean | p50 | p95 | p99 | max |', '|---|---:|---:|---:|---:|---:|---:|'];

function miss(value: number, target: number) {
  return value <= target ? '' : ` (over by ${f(value - target)}, ${f((value / target - 1) * 100, 0)}%)`;
}

export function renderMarkdown(r: BenchReport, previous: Previous | null, notes: string[]): string {
  const m = metricsOf(r);
  const L: string[] = [];
  const fp = r.familyPage;
  L.push(`# Regie benchmark — ${r.date.slice(0, 10)}`, '');
  L.push(`Profile **${r.profile}**, run at ${r.date} with \`${r.command}\`.`, '',
    `Code: commit ${r.code.commit}${r.code.uncommittedFiles ? ` with ${r.code.uncommittedFiles} uncommitted files in the working tree` : ''}; last migration ${r.code.lastMigration}.`, '');
  L.push('## Machine', '', '| | |', '|---|---|');
  L.push(row(['CPU', `${r.machine.cpuModel} × ${r.machine.cpus}`]), row(['Memory', `${r.machine.memoryGiB} GiB`]), row(['OS', r.machine.os]),
    row(['Load average at start (1/5/15 min)', r.machine.loadAverage.join(' / ')]),
    row(['1-min load average before each part', Object.entries(r.loadAverages).map(([k, v]) => `(${k}) ${v}`).join(', ')]), row(['Node.js', r.machine.node]), row(['PostgreSQL', r.machine.postgres]), row(['PGlite', r.machine.pglite]),
    row(['PostgreSQL settings', Object.entries(r.machine.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')]));
  L.push('', 'Server, PostgreSQL and load generator share this machine; the load generator is a separate process.', '');
  L.push('## Data', '', '| | count |', '|---|---:|');
  L.push(row(['families', n(r.sizes.families)]), row(['persons', n(r.sizes.persons)]), row(['timeline events', n(r.sizes.timelineEvents)]),
    row(['case-team memberships', n(r.sizes.caseTeam)]), row(['audit rows (before the measurements)', n(r.sizes.auditRows)]));
  L.push('', r.seed.seeded ? `Seeded by this run in ${f((r.seed.seconds ?? 0) / 60, 1)} min (${r.options.auditRowsPerFamily} historic audit rows per family), then VACUUM ANALYZE.`
    : 'Reused an already seeded database (ANALYZE run before measuring).', '');

  L.push('## Results', '', '| | measured | target | |', '|---|---|---|---|');
  L.push(row(['(a) family page, API / raw SQL (medians)', `${f(fp.ratio)}× (API ${f(fp.api.p50)} ms, raw ${f(fp.raw.p50)} ms)`,
    `≤ ${TARGETS.ratio}×`, verdict(fp.ratio <= TARGETS.ratio) + miss(fp.ratio, TARGETS.ratio)]));
  if (r.compare) L.push(row([`(a) PGlite / PostgreSQL, API medians (${n(r.compare.families)} families)`,
    `${f(r.compare.ratio)}× (PGlite ${f(r.compare.pglite.api.p50)} ms, PostgreSQL ${f(r.compare.postgres.api.p50)} ms)`, '—', 'reported']));
  L.push(row([`(b) family page under ${r.load.rate} req/s for ${r.load.seconds} s, p95`, `${f(r.load.latency.p95)} ms (p50 ${f(r.load.latency.p50)}, p99 ${f(r.load.latency.p99)}, ${r.load.errors} errors)`,
    `< ${TARGETS.loadP95} ms`, verdict(r.load.latency.p95 < TARGETS.loadP95 && r.load.errors === 0) + miss(r.load.latency.p95, TARGETS.loadP95)]));
  for (const s of r.search) L.push(row([`(c) search by name prefix, ${s.who} (scope=${s.scope}), p95`, `${f(s.api.p95)} ms (p50 ${f(s.api.p50)}, p99 ${f(s.api.p99)})`,
    `< ${TARGETS.searchP95} ms`, verdict(s.api.p95 < TARGETS.searchP95) + miss(s.api.p95, TARGETS.searchP95)]));
  L.push(row(['(d) audit chain verification', `${n(Math.round(r.verify.rowsPerSecond))} rows/s (${n(r.verify.rows)} rows in ${f(r.verify.seconds, 1)} s, ${r.verify.ok ? 'chain intact' : `${r.verify.problems} problems`})`, '—', 'reported']));
  L.push('');

  L.push('### (a) Family page: API against the same SQL', '',
    `${fp.requests} sequential requests per variant, interleaved, across the ${fp.families} families of \`regisseur\`, times in ms. ` +
    'API: GET /api/v1/families/:id over one keep-alive HTTP connection to the real server. Raw: the statements that request sent ' +
    `(captured from the server's database handle: ${fp.statementsInTx} in its transaction, ${fp.statementsBefore} before it) replayed with the same ` +
    'parameters as BEGIN, statements, COMMIT over one pg.Client. Raw + session also replays the statements before the transaction ' +
    '(the session lookup).', '', ...LAT_HEAD,
    latRow('API', fp.api), latRow('raw SQL', fp.raw), latRow('raw SQL + session lookup', fp.rawWithSession),
    ...(fp.rawWithoutRls ? [latRow('raw SQL as superuser, no row-level security (diagnostic)', fp.rawWithoutRls)] : []), '',
    `Ratio of medians ${f(fp.ratio)}×, of means ${f(fp.ratioMean)}×; against raw + session ${f(fp.api.p50 / fp.rawWithSession.p50)}×.` +
    (fp.rawWithoutRls ? ` Row-level security accounts for ${f(fp.raw.p50 - fp.rawWithoutRls.p50)} ms of the raw median (${f(fp.rawWithoutRls.p50)} ms without it).` : ''), '',
    'Raw SQL per statement (ms):', '', '| statement | p50 | mean |', '|---|---:|---:|',
    ...fp.statements.map((x) => row([`\`${x.name.replace(/\|/g, '\\|')}\``, f(x.p50), f(x.mean)])), '');
  if (r.compare) {
    const c = r.compare;
    L.push(`#### PGlite against PostgreSQL (${n(c.families)} families, ${c.auditRowsPerFamily} audit rows each, same on both)`, '', ...LAT_HEAD,
      latRow('PostgreSQL API', c.postgres.api), latRow('PostgreSQL raw SQL', c.postgres.raw), latRow('PGlite API', c.pglite.api), latRow('PGlite raw SQL', c.pglite.raw), '',
      `PGlite / PostgreSQL (API medians) ${f(c.ratio)}×; raw SQL ${f(c.pglite.raw.p50 / c.postgres.raw.p50)}×. API / raw on PostgreSQL ${f(c.postgres.ratio)}×, on PGlite ${f(c.pglite.ratio)}×.`, '');
  }
  const ld = r.load;
  L.push('### (b) Open-loop load', '',
    `A forked child process sent ${n(ld.sent)} requests at ${ld.rate}/s over keep-alive connections; ${f(ld.achievedRate, 1)} responses/s over the run including the drain at the end ` +
    `(${ld.connections} opened, at most ${ld.maxInFlight} in flight), rotating over the families of \`regisseur\`. Latency counts from ` +
    `the moment each request was due, so queueing is not hidden; service time from when it was sent. ${ld.lateStarts} requests left more than 5 ms late. ` +
    `Load average just before: ${ld.loadAverageBefore}.`, '',
    ...LAT_HEAD, latRow('latency (from due time)', ld.latency), latRow('service time (from send)', ld.serviceTime), '',
    `Responses: ${Object.entries(ld.statuses).map(([k, v]) => `${k}: ${n(v)}`).join(', ')}.`, '');
  L.push('### (c) Mijn gezinnen search', '',
    'GET /api/v1/families?q=<prefix> with random 2–4-letter prefixes of surnames in the region, sequential; raw = the statements ' +
    'of that search (captured) replayed as BEGIN, statements, COMMIT over one pg.Client.', '', ...LAT_HEAD);
  for (const s of r.search) L.push(latRow(`${s.who} (${s.scope}, ${n(s.visibleFamilies)} families) API`, s.api), latRow(`${s.who} (${s.scope}) raw SQL`, s.raw));
  L.push('', ...r.search.map((s) => `- ${s.who}: ${f(s.meanHits, 1)} families per result page on average, ${f(s.emptyShare * 100, 0)}% of searches found none; ` +
    `slowest "${s.slowest.prefix}" ${f(s.slowest.ms)} ms.`), '');
  L.push('### (d) Audit verification', '', `verifyChain over region walcheren: ${n(r.verify.rows)} rows in ${f(r.verify.seconds, 1)} s = ` +
    `${n(Math.round(r.verify.rowsPerSecond))} rows/s; ${r.verify.ok ? 'no problems' : `${r.verify.problems} problems`}.`, '');
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
    L.push(`Against ${previous.label}${previous.committed ? '' : ' (not committed)'} from ${previous.data.date}; more than ${THRESHOLD * 100}% worse is flagged.`, '',
      '| metric | before | now | change | |', '|---|---:|---:|---:|---|',
      ...changes.map((c) => row([c.metric, f(c.before), f(c.now), `${c.change >= 0 ? '+' : ''}${f(c.change * 100, 1)}%`, c.worse ? '**REGRESSION**' : 'ok'])), '',
      worse.length ? `**${worse.length} regression(s) flagged: ${worse.map((c) => c.metric).join(', ')}.**` : 'No regressions.', '');
  }
  L.push('## Machine-readable results', '', '```json', JSON.stringify({ profile: r.profile, date: r.date, metrics: m, report: { ...r, plans: r.plans.map((p) => p.title) } }, null, 1), '```', '');
  return L.join('\n');
}
