// What part (p) of `npm run bench` reports (bench/plans.ts measures): the result, its targets, the
// summary lines and the section of the results file. Apart from plans.ts, so the report imports no
// test support (which reads TEST_DATABASE_URL when loaded).
import type { Summary } from './stats.js';

export const PLAN_TARGETS = { compareP95: 50, pdfP95: 500, pageRatio: 1.5, blindSpotsP95: 100 };

export interface PlansResult {
  database: 'PostgreSQL' | 'PGlite';
  runs: number;
  compare: Summary;
  /** The two versions' goals and actions as two plain SELECTs (what the comparison reads, without access, audit and diff). */
  compareSql: Summary;
  counts: unknown;
  pdf: Summary;
  pdfBytes: number;
  page: { versions: number; statements: number; api: Summary; raw: Summary; ratio: number };
  blindSpots: { families: number; openCases: number; seedSeconds: number; items: number; api: Summary };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** The summary lines (stdout of `npm run bench`, and of this file alone). */
export function plansSummary(r: PlansResult): string[] {
  const f2 = (x: number) => x.toFixed(2);
  const T = PLAN_TARGETS;
  return [
    `(p) compare 40 goals / 120 actions: p50 ${f2(r.compare.p50)} p95 ${f2(r.compare.p95)} ms (their SQL alone p95 ${f2(r.compareSql.p95)} ms), target p95 < ${T.compareP95} ms → ${verdict(r.compare.p95 < T.compareP95)}`,
    `(p) PDF of that plan: p50 ${f2(r.pdf.p50)} p95 ${f2(r.pdf.p95)} ms, ${Math.round(r.pdfBytes / 1024)} KiB, target p95 < ${T.pdfP95} ms → ${verdict(r.pdf.p95 < T.pdfP95)}`,
    `(p) plan page (${r.page.versions} versions, ${r.page.statements} statements) API/raw ${f2(r.page.ratio)}× (API p50 ${f2(r.page.api.p50)} ms, raw p50 ${f2(r.page.raw.p50)} ms), target ≤ ${T.pageRatio}× → ${verdict(r.page.ratio <= T.pageRatio)}`,
    `(p) blind spots of teamleider's organisation (${r.blindSpots.openCases} open cases, missingOnly, ${r.blindSpots.items} on the first page): p50 ${f2(r.blindSpots.api.p50)} p95 ${f2(r.blindSpots.api.p95)} ms, target p95 < ${T.blindSpotsP95} ms → ${verdict(r.blindSpots.api.p95 < T.blindSpotsP95)}`,
  ];
}

/** The section of the results file. */
export function plansMarkdown(r: PlansResult): string {
  const f = (x: number) => x.toFixed(2);
  const T = PLAN_TARGETS;
  const row = (what: string, s: Summary, target: string, ok: boolean | null) =>
    `| ${what} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${target} | ${ok === null ? '' : verdict(ok)} |`;
  return [
    `## (p) The plan (issue 14), on ${r.database}`,
    '',
    `A throw-away database: one case with a plan of 40 goals and 120 actions in 5 versions (4 agreed, a draft), and a demo region of ` +
      `${r.blindSpots.families} families (seeded in ${r.blindSpots.seedSeconds.toFixed(0)} s). ${r.runs} sequential runs each, through the service functions.`,
    '',
    '| what | p50 ms | p95 ms | p99 ms | target | |',
    '|---|---|---|---|---|---|',
    row('compare versions 1 and 2 (access check, audit, diff)', r.compare, `p95 < ${T.compareP95} ms`, r.compare.p95 < T.compareP95),
    row('— their goals and actions SQL alone', r.compareSql, '—', null),
    row(`PDF of version 1 (${Math.round(r.pdfBytes / 1024)} KiB)`, r.pdf, `p95 < ${T.pdfP95} ms`, r.pdf.p95 < T.pdfP95),
    row('plan page through the service', r.page.api, `≤ ${T.pageRatio}× raw`, r.page.ratio <= T.pageRatio),
    row(`— its ${r.page.statements} captured statements replayed raw`, r.page.raw, '—', null),
    row(
      `blind spots, teamleider's organisation (${r.blindSpots.openCases} open cases), first page, missingOnly`,
      r.blindSpots.api,
      `p95 < ${T.blindSpotsP95} ms`,
      r.blindSpots.api.p95 < T.blindSpotsP95,
    ),
    '',
    `Plan page API / raw (medians): **${f(r.page.ratio)}×**. Comparison counts: \`${JSON.stringify(r.counts)}\`.`,
    '',
  ].join('\n');
}
