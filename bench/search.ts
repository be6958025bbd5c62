// (c) "Mijn gezinnen" search by name prefix: GET /api/v1/families?q=<prefix>, sequential, as
// the coordinator (her own families) and as a team lead over her whole organisation; with the
// same list query and audit insert as raw SQL over one pg.Client for comparison.
import pg from 'pg';
import type { Database } from '../src/platform/db/db.js';
import { normaliseSearch } from '../src/modules/families/families.repo.js';
import type { HttpClient } from './http-client.js';
import { searchWork, type RawActor, type Run } from './raw-sql.js';
import { rng, since, summarise, type Summary } from './stats.js';
import { REGION } from './database.js';
import { say } from './options.js';

export interface SearchResult {
  who: string; scope: 'mine' | 'organisation'; requests: number; api: Summary; raw: Summary; meanHits: number; emptyShare: number; visibleFamilies: number;
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
    const name = names[Math.floor(r() * names.length)];
    const letters = name.match(/^[a-z]+/)![0];
    const len = Math.min(letters.length, 2 + Math.floor(r() * 3));
    out.push(letters.slice(0, len));
  }
  return out;
}

export async function measureSearch(o: {
  who: string; client: HttpClient; actor: RawActor; url: string; organisationWide: boolean; prefixes: string[]; db: Database;
}): Promise<SearchResult> {
  const scope = o.organisationWide ? 'organisation' : 'mine';
  const raw = new pg.Client({ connectionString: o.url });
  await raw.connect();
  const q: Run = async (text, params) => (await raw.query(text, params)).rows;
  const [{ n: visible }] = await o.db.query<{ n: string }>(
    `SELECT count(DISTINCT family_id)::text AS n FROM case_team WHERE region_id = $1 AND ended_at IS NULL AND (user_id = $2 OR ($3 AND organisation_id = $4))`,
    [REGION, o.actor.userId, o.organisationWide, o.actor.organisationId]);
  const api = async (prefix: string) => {
    const t0 = process.hrtime.bigint();
    const r = await o.client.get(`/api/v1/families?q=${encodeURIComponent(prefix)}${o.organisationWide ? '&scope=organisation' : ''}`);
    const t = since(t0);
    if (r.status !== 200) throw new Error(`search ${prefix}: ${r.status} ${r.body.toString().slice(0, 200)}`);
    return { t, hits: (JSON.parse(r.body.toString()) as { items: unknown[] }).items.length };
  };
  const direct = async (prefix: string) => {
    const t0 = process.hrtime.bigint();
    await raw.query('BEGIN');
    try {
      await searchWork(q, o.actor, prefix, o.organisationWide);
      await raw.query('COMMIT');
    } catch (e) { await raw.query('ROLLBACK'); throw e; }
    return since(t0);
  };
  try {
    say(`(c) search as ${o.who} (scope=${scope}, ${visible} families visible): ${o.prefixes.length} prefixes over HTTP and as raw SQL`);
    for (const p of o.prefixes.slice(0, 20)) { await api(p); await direct(p); }
    const A: number[] = [], R: number[] = [], hits: number[] = [];
    const slowest = { prefix: '', ms: -1 };
    const viaApi = async (p: string) => {
      const a = await api(p);
      A.push(a.t);
      hits.push(a.hits);
      if (a.t > slowest.ms) Object.assign(slowest, { prefix: p, ms: a.t });
    };
    for (const [i, p] of o.prefixes.entries()) {
      if (i % 2 === 0) { await viaApi(p); R.push(await direct(p)); }
      else { R.push(await direct(p)); await viaApi(p); }
    }
    return { who: o.who, scope, requests: o.prefixes.length, api: summarise(A), raw: summarise(R), visibleFamilies: Number(visible),
      meanHits: hits.reduce((x, y) => x + y, 0) / hits.length, emptyShare: hits.filter((h) => h === 0).length / hits.length, slowest };
  } finally {
    await raw.end();
  }
}
