// (c) "Mijn gezinnen" search by name prefix: GET /api/v1/families?q=<prefix>, sequential, as
// the coordinator (her own families) and as a team lead over her whole organisation; with the
// statements each search sent (captured) replayed as raw SQL over one pg.Client for comparison.
import type { Database } from '../src/platform/db/db.js';
import { normaliseSearch } from '../src/modules/families/families.repo.js';
import { oneRow } from '../src/platform/db/rows.js';
import type { HttpClient } from './http-client.js';
import { pgReplayer, type Recorder, type Statement, type Timings } from './capture.js';
import { rng, since, summarise, type Summary } from './stats.js';
import { REGION } from './database.js';
import { say } from './options.js';

export interface SearchResult {
  who: string;
  scope: 'mine' | 'organisation';
  requests: number;
  api: Summary;
  raw: Summary;
  meanHits: number;
  emptyShare: number;
  visibleFamilies: number;
  slowest: { prefix: string; ms: number };
}

/** Random 2–4-letter prefixes of surnames in the region, drawn deterministically. */
export async function surnamePrefixes(db: Database, n: number, seed = 7): Promise<string[]> {
  const rows = await db.query<{ n: string }>(`SELECT DISTINCT family_name AS n FROM persons WHERE region_id = $1 ORDER BY 1`, [REGION]);
  const names = rows.map((r) => normaliseSearch(r.n)).filter((s) => /^[a-z]{2,}/.test(s));
  if (!names.length) throw new Error('no surnames in the region');
  const r = rng(seed);
  const out: string[] = [];
  while (out.length < n) {
    const name = names[Math.floor(r() * names.length)]!;
    const letters = name.match(/^[a-z]+/)![0];
    out.push(letters.slice(0, Math.min(letters.length, 2 + Math.floor(r() * 3))));
  }
  return out;
}

export async function measureSearch(o: {
  who: string;
  client: HttpClient;
  recorder: Recorder;
  url: string;
  organisationWide: boolean;
  prefixes: string[];
  db: Database;
  userId: string;
  organisationId: string;
}): Promise<{ result: SearchResult; captured: Map<string, Statement[]>; timings: Timings }> {
  const scope = o.organisationWide ? 'organisation' : 'mine';
  const replay = await pgReplayer(o.url);
  const { n: visible } = oneRow(
    await o.db.query<{ n: string }>(
      `SELECT count(DISTINCT family_id)::text AS n FROM case_team WHERE region_id = $1 AND ended_at IS NULL AND (user_id = $2 OR ($3 AND organisation_id = $4))`,
      [REGION, o.userId, o.organisationWide, o.organisationId],
    ),
    'visible family count',
  );
  const path = (p: string) => `/api/v1/families?q=${encodeURIComponent(p)}${o.organisationWide ? '&scope=organisation' : ''}`;
  const get = async (p: string) => {
    const r = await o.client.get(path(p));
    if (r.status !== 200) throw new Error(`search ${p}: ${r.status} ${r.body.toString().slice(0, 200)}`);
    return (JSON.parse(r.body.toString()) as { items: unknown[] }).items.length;
  };
  const captured = new Map<string, Statement[]>();
  const timings: Timings = new Map();
  try {
    const distinct = [...new Set(o.prefixes)];
    say(
      `(c) search as ${o.who} (scope=${scope}, ${visible} families visible): capturing ${distinct.length} distinct prefixes (also the warm-up)`,
    );
    for (const p of distinct) captured.set(p, (await o.recorder.capture(() => get(p))).statements);
    say(`(c) ${o.who}: ${o.prefixes.length} searches over HTTP and as raw SQL, interleaved`);
    const A: number[] = [],
      R: number[] = [],
      hits: number[] = [];
    const slowest = { prefix: '', ms: -1 };
    const viaApi = async (p: string) => {
      const t0 = process.hrtime.bigint();
      const h = await get(p);
      const t = since(t0);
      A.push(t);
      hits.push(h);
      if (t > slowest.ms) Object.assign(slowest, { prefix: p, ms: t });
    };
    const direct = async (p: string) => {
      const t0 = process.hrtime.bigint();
      await replay.run(captured.get(p)!, 'tx', timings);
      R.push(since(t0));
    };
    for (const [i, p] of o.prefixes.entries()) {
      if (i % 2 === 0) {
        await viaApi(p);
        await direct(p);
      } else {
        await direct(p);
        await viaApi(p);
      }
    }
    return {
      captured,
      timings,
      result: {
        who: o.who,
        scope,
        requests: o.prefixes.length,
        api: summarise(A),
        raw: summarise(R),
        visibleFamilies: Number(visible),
        meanHits: hits.reduce((x, y) => x + y, 0) / hits.length,
        emptyShare: hits.filter((h) => h === 0).length / hits.length,
        slowest,
      },
    };
  } finally {
    await replay.close();
  }
}
