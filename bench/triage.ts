// (f) The triage queue of an organisation with 5,000 open signals: the first page of
// GET /api/v1/signals as the team lead of that organisation sees it (what the triage screen asks:
// scope=queue, status=open, 25 per page), sequential over one keep-alive connection, against the
// statements that request sent (captured) replayed raw over one pg.Client as BEGIN, statements,
// COMMIT — the method of (a). The signals are seeded in bulk into a copy of the small region:
// realistic urgencies, receipt dates over the last months (a backlog this size is mostly
// overdue), deadlines in working days as the service computes them, subjects that are a known
// person, a household or someone unknown; plus the organisation's handled history and the open
// and handled signals of other organisations, so that the queue is not the whole table.
import { openPostgres, type Database } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';
import { addWorkingDays, dutchToday } from '../src/platform/time/working-days.js';
import type { Urgency } from '../src/modules/signals/signals.repo.js';
import { DEFAULT_WORKING_DAYS } from '../src/modules/signals/settings.js';
import { pgReplayer, slowestOf, statementStats, switchesRole, type Statement, type Timings, type Variant } from './capture.js';
import { explainSlowest, type Plan } from './diagnostics.js';
import { loggedIn, startServer, userOf } from './server.js';
import { REGION } from './database.js';
import { rng, since, summarise, type Summary } from './stats.js';
import { say } from './options.js';

export const TRIAGE_PATH = '/api/v1/signals?scope=queue&limit=25&status=open';
export const TRIAGE_USER = 'teamleider';

export interface TriageResult {
  who: string;
  organisation: string;
  path: string;
  requests: number;
  /** Open signals in the organisation's queue, all signals in the region, and how they were seeded. */
  openSignals: number;
  signalsInRegion: number;
  seeded: { open: number; history: number; otherOrganisations: number; seconds: number };
  api: Summary;
  raw: Summary;
  rawWithSession: Summary;
  rawWithoutRls: Summary | null;
  /** API p95 / raw p95 (the target), and the same for the medians. */
  ratio: number;
  ratioMedian: number;
  statementsInTx: number;
  statementsBefore: number;
  statements: { name: string; p50: number; mean: number }[];
  firstPage: { items: number; overdue: number; hasNextPage: boolean; sameAsSql: boolean };
  /** What the plan of the slowest statement shows (a scan or sort over the whole queue, …). */
  diagnosis: string[];
}

const SOURCE_BY_TYPE: Record<string, string> = { school: 'school', gp_practice: 'gp', police: 'police', veilig_thuis: 'veilig_thuis' };
const SEEN = [
  'Leerling is vaak afwezig en lijkt moe en teruggetrokken.',
  'Ouder vertelt over oplopende schulden en slapeloosheid.',
  'Buren horen regelmatig harde ruzies in de avond.',
  'Kind komt zonder ontbijt en in te dunne kleding naar school.',
  'Jongere is meerdere keren aangehouden voor kleine diefstallen.',
  'Moeder maakt zich zorgen over het middelengebruik van haar zoon.',
  'Huurachterstand van vier maanden; post wordt niet geopend.',
  'Politiemelding huiselijk geweld; kinderen waren aanwezig.',
];
const CONCERNS = [
  { education: 'Veel verzuim' },
  { finances: 'Schulden' },
  { safety: 'Spanningen in huis' },
  { development_parenting: 'Verwaarlozing' },
  { mental_health: 'Somberheid' },
  { housing: 'Huisuitzetting dreigt' },
  { addiction: 'Middelengebruik' },
  { domestic_relations: 'Ruzies' },
];

interface Row {
  [k: string]: unknown;
}

/** Seeds the signals with SQL (as the superuser: bulk data, not a use case). Deterministic. */
export async function seedSignals(
  db: Database,
  o: { organisationId: string; open: number; history: number; others: number; seed?: number },
) {
  const t0 = Date.now();
  const r = rng(o.seed ?? 11);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(r() * xs.length)];
    if (x === undefined) throw new Error('(f) nothing to pick from: an empty list');
    return x;
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(r() * 4)]}${hex(3)}-${hex(12)}`;
  const { n: existing } = oneRow(
    await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM signals WHERE region_id = $1 AND receiving_organisation_id = $2 AND status = 'open'`,
      [REGION, o.organisationId],
    ),
    'open signal count',
  );
  const settings = (
    await db.query<{ acute_working_days: number; high_working_days: number; normal_working_days: number }>(
      `SELECT acute_working_days, high_working_days, normal_working_days FROM signal_settings WHERE region_id = $1`,
      [REGION],
    )
  )[0];
  const days: Record<Urgency, number> = settings
    ? { acute: settings.acute_working_days, high: settings.high_working_days, normal: settings.normal_working_days }
    : DEFAULT_WORKING_DAYS;
  const subjects = await db.query<{ person_id: string; family_id: string; open_case: string | null }>(
    `SELECT DISTINCT ON (p.id) p.id AS person_id, fm.family_id,
            (SELECT c.id FROM cases c WHERE c.region_id = fm.region_id AND c.family_id = fm.family_id AND c.status <> 'closed' LIMIT 1) AS open_case
       FROM persons p JOIN family_members fm ON fm.region_id = p.region_id AND fm.person_id = p.id
      WHERE p.region_id = $1 ORDER BY p.id, fm.family_id`,
    [REGION],
  );
  const reporters = await db.query<{ id: string; organisation_id: string; type: string }>(
    `SELECT u.id, u.organisation_id, o.type FROM users u JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
      WHERE u.region_id = $1 AND u.roles && ARRAY['professional', 'coordinator']::text[] ORDER BY u.id`,
    [REGION],
  );
  const orgs = await db.query<{ id: string }>(
    `SELECT id FROM organisations WHERE region_id = $1 AND id <> $2 AND type IN ('veilig_thuis', 'youth_care', 'municipal_team') ORDER BY id`,
    [REGION, o.organisationId],
  );
  if (!subjects.length || !reporters.length) throw new Error('(f) the region has no persons or professionals to make signals with');
  const { n: maxRef } = oneRow(
    await db.query<{ n: number }>(
      `SELECT coalesce(max(substring(reference from '[0-9]+$')::int), 0) AS n FROM signals WHERE region_id = $1`,
      [REGION],
    ),
    'highest signal reference',
  );
  const now = Date.now();
  const day = 86_400_000;
  const year = dutchToday().slice(0, 4);
  const rows: Row[] = [];
  let number = Math.max(maxRef, 100_000);
  const make = (organisationId: string, status: string, maxDaysAgo: number) => {
    const urgency: Urgency = ((x) => (x < 0.04 ? 'acute' : x < 0.3 ? 'high' : 'normal'))(r());
    // More recent signals are more frequent; within a working day between 8:00 and 18:00 UTC.
    const received = new Date(Math.floor((now - Math.floor(maxDaysAgo * r() ** 1.6) * day) / day) * day + (8 + 10 * r()) * 3_600_000);
    const reporter = r() < 0.85 ? pick(reporters) : null;
    const source = reporter ? (SOURCE_BY_TYPE[reporter.type] ?? 'professional') : r() < 0.7 ? 'citizen' : 'anonymous';
    const x = r();
    const s = x < 0.65 ? pick(subjects) : null;
    const familyOnly = !s && x < 0.8 ? pick(subjects) : null;
    const safety = r() < 0.12;
    const caseId = s?.open_case ?? familyOnly?.open_case ?? null;
    rows.push({
      id: uuid(),
      reference: `M-${year}-${String(++number).padStart(6, '0')}`,
      receiving_organisation_id: organisationId,
      source,
      reporter_user_id: reporter?.id ?? null,
      reporter_name: reporter ? null : source === 'citizen' ? 'Buurtbewoner' : null,
      reporter_contact: reporter ? null : source === 'citizen' ? '06-12345678' : null,
      person_id: s?.person_id ?? null,
      family_id: s?.family_id ?? familyOnly?.family_id ?? null,
      subject_description: s || familyOnly ? null : 'Jongere, ongeveer 14 jaar, woont in Middelburg-Zuid',
      what_seen: pick(SEEN),
      concerns: JSON.stringify(pick(CONCERNS)),
      safety_at_stake: safety,
      meldcode_steps: JSON.stringify(safety ? { 1: { done: true } } : {}),
      urgency,
      received_at: received.toISOString(),
      triage_due_on: addWorkingDays(dutchToday(received), days[urgency]),
      status,
      case_id: caseId,
      re_report: !caseId && r() < 0.05,
      triaged_at: status === 'open' ? null : new Date(received.getTime() + 3 * day).toISOString(),
    });
  };
  const open = Math.max(0, o.open - existing);
  for (let i = 0; i < open; i++) make(o.organisationId, 'open', 120);
  for (let i = 0; i < o.history; i++) make(o.organisationId, pick(['triaged', 'triaged', 'closed', 'closed', 'handed_over']), 730);
  for (let i = 0; i < o.others; i++) make(pick(orgs).id, r() < 0.3 ? 'open' : 'closed', 365);
  const cols: [string, string][] = [
    ['id', 'uuid'],
    ['reference', 'text'],
    ['receiving_organisation_id', 'uuid'],
    ['source', 'text'],
    ['reporter_user_id', 'uuid'],
    ['reporter_name', 'text'],
    ['reporter_contact', 'text'],
    ['person_id', 'uuid'],
    ['family_id', 'uuid'],
    ['subject_description', 'text'],
    ['what_seen', 'text'],
    ['concerns', 'jsonb'],
    ['safety_at_stake', 'boolean'],
    ['meldcode_steps', 'jsonb'],
    ['urgency', 'text'],
    ['received_at', 'timestamptz'],
    ['triage_due_on', 'date'],
    ['status', 'text'],
    ['case_id', 'uuid'],
    ['re_report', 'boolean'],
    ['triaged_at', 'timestamptz'],
  ];
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000);
    await db.query(
      `INSERT INTO signals (region_id, ${cols.map(([c]) => c).join(', ')})
      SELECT $1, * FROM unnest(${cols.map(([, t], k) => `$${k + 2}::${t}[]`).join(', ')})`,
      [REGION, ...cols.map(([c]) => chunk.map((x) => x[c]))],
    );
  }
  await db.query(
    `INSERT INTO signal_reference_counters (region_id, year, last_number) VALUES ($1, $2, $3)
    ON CONFLICT (region_id, year) DO UPDATE SET last_number = greatest(signal_reference_counters.last_number, excluded.last_number)`,
    [REGION, Number(year), number],
  );
  await db.exec('VACUUM ANALYZE signals');
  return { open, history: o.history, otherOrganisations: o.others, seconds: (Date.now() - t0) / 1000 };
}

export async function measureTriage(o: {
  url: string;
  signals: number;
  requests: number;
  quick: boolean;
}): Promise<{ result: TriageResult; plans: Plan[] }> {
  const db = await openPostgres(o.url, 10);
  const server = await startServer(db);
  const replay = await pgReplayer(o.url);
  try {
    const { organisationId } = await userOf(db, TRIAGE_USER);
    const { name: organisation } = oneRow(
      await db.query<{ name: string }>(`SELECT name FROM organisations WHERE region_id = $1 AND id = $2`, [REGION, organisationId]),
      `organisation of ${TRIAGE_USER}`,
    );
    say(`(f) seeding ${o.signals} open signals for ${organisation} (plus history and other organisations' signals)`);
    const seeded = await seedSignals(db, {
      organisationId,
      open: o.signals,
      history: o.quick ? 2 * o.signals : 4 * o.signals,
      others: o.quick ? o.signals : 2 * o.signals,
    });
    const { open, all } = oneRow(
      await db.query<{ open: number; all: number }>(
        `SELECT count(*) FILTER (WHERE receiving_organisation_id = $2 AND status = 'open')::int AS open, count(*)::int AS all FROM signals WHERE region_id = $1`,
        [REGION, organisationId],
      ),
      'signal count',
    );
    if (open !== o.signals) throw new Error(`(f) ${open} open signals in the queue, ${o.signals} asked`);

    const client = await loggedIn(server.baseUrl, TRIAGE_USER);
    const get = async () => {
      const r = await client.get(TRIAGE_PATH);
      if (r.status !== 200) throw new Error(`GET ${TRIAGE_PATH}: ${r.status} ${r.body.toString().slice(0, 200)}`);
      return JSON.parse(r.body.toString()) as { items: { id: string; overdue: boolean }[]; nextCursor: string | null };
    };
    // The first page must be the first 25 of the queue in its order (deadline, then id).
    const page = await get();
    const expected = await db.query<{ id: string }>(
      `SELECT id FROM signals WHERE region_id = $1 AND receiving_organisation_id = $2 AND status = 'open'
      ORDER BY triage_due_on, id LIMIT 25`,
      [REGION, organisationId],
    );
    const sameAsSql = page.items.length === expected.length && page.items.every((x, i) => x.id === expected[i]?.id);
    if (!sameAsSql) throw new Error('(f) the first page of the queue is not the first 25 open signals by deadline');
    const captured: Statement[] = (await server.recorder.capture(get)).statements;
    const rls = switchesRole(captured);
    const variants: Variant[] = rls ? ['tx', 'session', 'norls'] : ['tx', 'session'];
    say(
      `(f) ${captured.filter((s) => s.inTx).length} statements in the transaction, ${captured.filter((s) => !s.inTx).length} before it; warming up`,
    );
    const timings: Timings = new Map();
    const api = async () => {
      const t0 = process.hrtime.bigint();
      await get();
      return since(t0);
    };
    const direct = async (v: Variant) => {
      const t0 = process.hrtime.bigint();
      await replay.run(captured, v, v === 'tx' ? timings : undefined);
      return since(t0);
    };
    for (let i = 0; i < 30; i++) {
      await api();
      await direct(variants[i % variants.length]!);
    }
    timings.clear();
    say(`(f) ${o.requests} first pages over HTTP and ${o.requests} of each raw variant, interleaved`);
    const T: Record<'api' | Variant, number[]> = { api: [], tx: [], session: [], norls: [] };
    const all_ = ['api', ...variants] as const;
    for (let i = 0; i < o.requests; i++)
      for (let k = 0; k < all_.length; k++) {
        const which = all_[(k + i) % all_.length]!;
        T[which].push(which === 'api' ? await api() : await direct(which));
      }
    client.close();
    const [a, r] = [summarise(T.api), summarise(T.tx)];
    const statements = statementStats(timings);
    say('(f) explaining the slowest statement');
    const plans = await explainSlowest(
      o.url,
      `triage queue, first page (${TRIAGE_USER}, ${open.toLocaleString('en')} open signals)`,
      captured,
      slowestOf(statements),
    );
    return {
      plans,
      result: {
        who: TRIAGE_USER,
        organisation,
        path: TRIAGE_PATH,
        requests: o.requests,
        openSignals: open,
        signalsInRegion: all,
        seeded,
        api: a,
        raw: r,
        rawWithSession: summarise(T.session),
        rawWithoutRls: rls ? summarise(T.norls) : null,
        ratio: a.p95 / r.p95,
        ratioMedian: a.p50 / r.p50,
        statementsInTx: captured.filter((s) => s.inTx).length,
        statementsBefore: captured.filter((s) => !s.inTx).length,
        statements,
        firstPage: {
          items: page.items.length,
          overdue: page.items.filter((x) => x.overdue).length,
          hasNextPage: page.nextCursor !== null,
          sameAsSql,
        },
        diagnosis: diagnose(plans[0]?.text ?? '', open),
      },
    };
  } finally {
    await replay.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

/** Plain-language reading of a plan: does the first page read the whole queue? */
export function diagnose(plan: string, open: number): string[] {
  const out: string[] = [];
  if (!plan) return out;
  if (/Seq Scan on signals/.test(plan)) out.push('signals is read with a sequential scan: no index serves this query.');
  const sort = plan.match(/Sort Method: (top-N heapsort|quicksort|external merge)[^\n]*/);
  const sortedRows = [...plan.matchAll(/->\s+(?:Incremental )?Sort[^\n]*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/g)].map((m) =>
    Number(m[1]),
  );
  const scans = [
    ...plan.matchAll(/->\s+(Index Scan|Index Only Scan|Bitmap Heap Scan|Seq Scan)[^\n]* on signals[^\n]*rows=(\d+) loops=(\d+)/g),
  ];
  for (const s of scans) {
    const rows = Number(s[2]) * Number(s[3]);
    if (rows >= open * 0.5)
      out.push(
        `${s[1]} on signals returns ${rows.toLocaleString('en')} rows for a page of 25: the whole queue is read (and checked by row-level security) before the page is cut.`,
      );
  }
  if (sort && !/Incremental Sort/.test(plan))
    out.push(`the rows are sorted after reading (${sort[0].trim()}): the index does not deliver the order (triage_due_on, id).`);
  if (sortedRows.some((n) => n >= open * 0.5) && !out.length) out.push('a sort over the whole queue precedes the LIMIT.');
  if (!out.length) out.push('the plan reads only about one page of the queue in order (index scan with an early LIMIT).');
  return out;
}
