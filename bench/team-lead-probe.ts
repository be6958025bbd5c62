// A quick probe (not part of npm run bench): the team lead's "whole team" list, first page, by
// each sort, through the service on an existing bench database. Usage:
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/regie_bench npx tsx bench/team-lead-probe.ts [N]
import { openPostgres } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';
import { searchFamilies } from '../src/modules/families/families.service.js';
import type { Actor } from '../src/platform/access/actor.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/regie_bench';
const n = Number(process.argv[2] ?? 40);
const db = await openPostgres(url, 2);
const [u] = await db.query<Record<string, any>>(`SELECT u.region_id, u.id, u.organisation_id, u.roles, o.type, o.safety_task FROM users u
  JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id WHERE u.username = 'teamleider'`);
if (!u) throw new Error(`no user 'teamleider' in ${url}`);
const actor: Actor = {
  regionId: u.region_id,
  userId: u.id,
  organisationId: u.organisation_id,
  organisationType: u.type,
  safetyTask: u.safety_task,
  roles: u.roles,
  displayName: 'teamleider',
};
const { families } = oneRow(
  await db.query<{ families: string }>(`SELECT count(*)::text AS families FROM families WHERE region_id = $1`, [actor.regionId]),
  'family count',
);
console.log(`| sort (scope=organisation, first page of 20) | p50 ms | p95 ms | (${families} families, ${n} requests each) |`);
console.log('|---|---:|---:|---|');
for (const sort of ['opened', '-opened', 'name', '-name', 'activity', '-activity'] as const) {
  const ms: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = process.hrtime.bigint();
    await searchFamilies(db, actor, { scope: 'organisation', sort, limit: 20 } as never);
    if (i >= 5) ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(`| ${sort} | ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} | ${ms[Math.ceil(ms.length * 0.95) - 1]!.toFixed(1)} | |`);
}
await db.close();
