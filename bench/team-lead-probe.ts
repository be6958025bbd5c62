// A quick probe (not part of npm run bench): the team lead's "whole team" list, first page, by
// each sort, through the service on an existing bench database — without a search, and with name
// searches of 2, 3 and 5 letters (prefixes of words of existing family names). Usage:
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/regie_bench npx tsx bench/team-lead-probe.ts [N] [sorts]
// N requests per row (default 40); sorts, comma-separated, limits the rows (default all six).
import { openPostgres } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';
import { searchFamilies } from '../src/modules/families/families.service.js';
import { benchActor } from './database.js';
import { summarise } from './stats.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/regie_bench';
const n = Number(process.argv[2] ?? 40);
const ALL_SORTS = ['opened', '-opened', 'name', '-name', 'activity', '-activity'] as const;
type Sort = (typeof ALL_SORTS)[number];
const sorts = (process.argv[3]?.split(',') ?? ALL_SORTS) as Sort[];
const db = await openPostgres(url, 2);
const actor = await benchActor(db, 'teamleider');
const { families } = oneRow(
  await db.query<{ families: string }>(`SELECT count(*)::text AS families FROM families WHERE region_id = $1`, [actor.regionId]),
  'family count',
);
// Words of at least 5 letters from the names of families on the organisation's case teams (read
// as the connecting role, past the policies), the same ones on every run: the searches' prefixes.
const words = (
  await db.query<{ word: string }>(
    `SELECT word FROM (SELECT DISTINCT w AS word FROM families f, unnest(string_to_array(f.search_text, ' ')) w
                         WHERE f.region_id = $1 AND length(w) >= 5
                           AND EXISTS (SELECT 1 FROM case_team ct WHERE ct.region_id = f.region_id AND ct.family_id = f.id
                                          AND ct.ended_at IS NULL AND ct.organisation_id = $2)) x
      ORDER BY md5(word) LIMIT 20`,
    [actor.regionId, actor.organisationId],
  )
).map((r) => r.word);
if (!words.length) throw new Error('no family names to search for');

async function time(sort: Sort, prefix?: number) {
  const ms: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const q = prefix ? words[i % words.length]!.slice(0, prefix) : undefined;
    const t0 = process.hrtime.bigint();
    await searchFamilies(db, actor, { scope: 'organisation', sort, limit: 20, ...(q ? { q } : {}) } as never);
    if (i >= 5) ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const { p50, p95 } = summarise(ms);
  return [p50, p95] as const;
}

console.log(`| sort (scope=organisation, first page of 20) | q | p50 ms | p95 ms | (${families} families, ${n} requests each) |`);
console.log('|---|---|---:|---:|---|');
for (const sort of sorts) {
  for (const prefix of [undefined, 2, 3, 5]) {
    const [p50, p95] = await time(sort, prefix);
    console.log(`| ${sort} | ${prefix ? `${prefix} letters` : '—'} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | |`);
  }
}
await db.close();
