// What part (p) of `npm run bench` reports (bench/plans.ts measures): the result, its targets, the
// summary lines and the section of the results file. Apart from plans.ts, so the report imports no
// test support (which reads TEST_DATABASE_URL when loaded).
import type { Summary } from './stats.js';
import type { PlanSeedCounts } from './plans-seed.js';

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
  /** The plan page of `cases` cases of the demo region, each replayed with its own captured statements (`statements`: the median count). */
  page: {
    versions: number;
    cases: number;
    statements: number;
    /** Goals and actions of the current version, on average per page. */
    itemsPerPage: number;
    seed: PlanSeedCounts;
    /** The three statements of the replay with the highest median, each timed on its own over every case once. */
    slowest?: Array<{ statement: string; p50: number }>;
    api: Summary;
    raw: Summary;
    ratio: number;
  };
  /** The organisation's blind spots on the region as the demo seeds it. */
  blindSpots: { families: number; openCases: number; seedSeconds: number; items: number; api: Summary };
  /** The same after every open case got its plan history and at least 3 assessments. */
  blindSpotsAssessed?: { items: number; api: Summary };
  /** GET /cases/:id/blind-spots of the plan page's cases, against each one's captured statements replayed raw. */
  caseBlindSpots?: {
    cases: number;
    statements: number;
    api: Summary;
    raw: Summary;
    ratio: number;
    slowest?: Array<{ statement: string; p50: number }>;
  };
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** The summary lines (stdout of `npm run bench`, and of this file alone). */
export function plansSummary(r: PlansResult): string[] {
  const f2 = (x: number) => x.toFixed(2);
  const T = PLAN_TARGETS;
  return [
    `(p) compare 40 goals / 120 actions: p50 ${f2(r.compare.p50)} p95 ${f2(r.compare.p95)} ms (their SQL alone p95 ${f2(r.compareSql.p95)} ms), target p95 < ${T.compareP95} ms → ${verdict(r.compare.p95 < T.compareP95)}`,
    `(p) PDF of that plan: p50 ${f2(r.pdf.p50)} p95 ${f2(r.pdf.p95)} ms, ${Math.round(r.pdfBytes / 1024)} KiB, target p95 < ${T.pdfP95} ms → ${verdict(r.pdf.p95 < T.pdfP95)}`,
    `(p) plan page of ${r.page.cases} cases (${r.page.versions} versions each, ${r.page.statements} statements) API/raw ${f2(r.page.ratio)}× (API p50 ${f2(r.page.api.p50)} ms, raw p50 ${f2(r.page.raw.p50)} ms), target ≤ ${T.pageRatio}× → ${verdict(r.page.ratio <= T.pageRatio)}`,
    ...(r.caseBlindSpots
      ? [
          `(p) case blind spots of those cases (${r.caseBlindSpots.statements} statements) API/raw ${f2(r.caseBlindSpots.ratio)}× (API p50 ${f2(r.caseBlindSpots.api.p50)} ms, raw p50 ${f2(r.caseBlindSpots.raw.p50)} ms)`,
        ]
      : []),
    `(p) blind spots of teamleider's organisation (${r.blindSpots.openCases} open cases, missingOnly, ${r.blindSpots.items} on the first page): p50 ${f2(r.blindSpots.api.p50)} p95 ${f2(r.blindSpots.api.p95)} ms, target p95 < ${T.blindSpotsP95} ms → ${verdict(r.blindSpots.api.p95 < T.blindSpotsP95)}`,
    ...(r.blindSpotsAssessed
      ? [
          `(p) — the same once every open case has ≥ 3 assessments (${r.blindSpotsAssessed.items} on the first page): p50 ${f2(r.blindSpotsAssessed.api.p50)} p95 ${f2(r.blindSpotsAssessed.api.p95)} ms → ${verdict(r.blindSpotsAssessed.api.p95 < T.blindSpotsP95)}`,
        ]
      : []),
  ];
}

/** The section of the results file. */
export function plansMarkdown(r: PlansResult): string {
  const f = (x: number) => x.toFixed(2);
  const n = (x: number) => x.toLocaleString('en-GB');
  const sd = r.page.seed;
  const T = PLAN_TARGETS;
  const row = (what: string, s: Summary, target: string, ok: boolean | null) =>
    `| ${what} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${target} | ${ok === null ? '' : verdict(ok)} |`;
  return [
    `## (p) The plan (issue 14), on ${r.database}`,
    '',
    `A throw-away database: one case with a plan of 40 goals and 120 actions in 5 versions (4 agreed, a draft) for the comparison and the PDF, and a demo region of ` +
      `${r.blindSpots.families} families (seeded in ${r.blindSpots.seedSeconds.toFixed(0)} s). ${r.runs} sequential runs each, through the service functions.`,
    '',
    `In the demo region every open case with a coordinator and without a plan (${n(sd.cases)} of ${n(sd.openCases)} open cases; ` +
      `${n(sd.demoPlans)} cases keep the demo's own plan of 1–2 versions) got a plan history of ${r.page.versions} versions (4 agreed in turn, 3 of them superseded; ` +
      `the fifth a draft) in bulk SQL (bench/plans-seed.ts, ${sd.seconds.toFixed(0)} s): ${n(sd.versions)} versions, ${n(sd.goals)} goals, ${n(sd.actions)} actions, ` +
      `${n(sd.parties)} parties, ${n(sd.answers)} answers, ${n(sd.progress)} progress rows on the agreed versions' actions; and every open case at least 3 ` +
      `assessments: ${n(sd.assessments)} assessments with ${n(sd.assessmentScores)} scores in the region (open cases with fewer than 3: ${sd.casesUnder3Assessments}). ` +
      `The plan page is measured on ${r.page.cases} of those cases (a fixed random sample, ${r.page.itemsPerPage.toFixed(0)} goals and actions in the current version), ` +
      `each as its coordinator, case after case, alternating with the replay of the statements that case's page sent (median ${r.page.statements}).`,
    '',
    '| what | p50 ms | p95 ms | p99 ms | target | |',
    '|---|---|---|---|---|---|',
    row('compare versions 1 and 2 (access check, audit, diff)', r.compare, `p95 < ${T.compareP95} ms`, r.compare.p95 < T.compareP95),
    row('— their goals and actions SQL alone', r.compareSql, '—', null),
    row(`PDF of version 1 (${Math.round(r.pdfBytes / 1024)} KiB)`, r.pdf, `p95 < ${T.pdfP95} ms`, r.pdf.p95 < T.pdfP95),
    row(`plan page through the service (${r.page.cases} cases)`, r.page.api, `≤ ${T.pageRatio}× raw`, r.page.ratio <= T.pageRatio),
    row(`— each page's captured statements replayed raw (median ${r.page.statements})`, r.page.raw, '—', null),
    row(
      `blind spots, teamleider's organisation (${r.blindSpots.openCases} open cases), first page, missingOnly`,
      r.blindSpots.api,
      `p95 < ${T.blindSpotsP95} ms`,
      r.blindSpots.api.p95 < T.blindSpotsP95,
    ),
    ...(r.blindSpotsAssessed
      ? [
          row(
            `— the same once every open case has ≥ 3 assessments (${r.blindSpotsAssessed.items} on the first page)`,
            r.blindSpotsAssessed.api,
            `p95 < ${T.blindSpotsP95} ms`,
            r.blindSpotsAssessed.api.p95 < T.blindSpotsP95,
          ),
        ]
      : []),
    ...(r.caseBlindSpots
      ? [
          row(
            `blind spots of the plan page's ${r.caseBlindSpots.cases} cases (GET /cases/:id/blind-spots)`,
            r.caseBlindSpots.api,
            '—',
            null,
          ),
          row(`— each one's captured statements replayed raw (median ${r.caseBlindSpots.statements})`, r.caseBlindSpots.raw, '—', null),
        ]
      : []),
    '',
    `Plan page API / raw (medians): **${f(r.page.ratio)}×**` +
      (r.caseBlindSpots ? `; case blind spots API / raw ${f(r.caseBlindSpots.ratio)}× (no target)` : '') +
      `. Comparison counts: \`${JSON.stringify(r.counts)}\`.`,
    ...(r.page.slowest?.length
      ? [
          '',
          'The slowest statements of the replays (median of each, timed on its own once per case):',
          '',
          ...r.page.slowest.map((x) => `- plan page: ${f(x.p50)} ms \`${x.statement.replace(/`/g, "'")}\``),
          ...(r.caseBlindSpots?.slowest ?? []).map((x) => `- case blind spots: ${f(x.p50)} ms \`${x.statement.replace(/`/g, "'")}\``),
        ]
      : []),
    '',
  ].join('\n');
}
