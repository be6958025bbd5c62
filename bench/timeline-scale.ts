// The timeline at national size (issue "Speed and scale"): a page of a family's history — the
// newest, or one deep in the past through its cursor — read through the service (access check,
// the page, its audit row, COMMIT) in a region with ≈ 1.5 M events and in the same region grown
// to ≈ 25 M, both partitioned by month as production is after a few years (migrations/0400).
// Not part of `npm run bench` (the seeding takes long); run step by step:
//
//   npx tsx bench/timeline-scale.ts seed           # regie_tl_small: 12,000 families, 60 monthly partitions (≈ 10 min)
//   npx tsx bench/timeline-scale.ts grow 25000000  # regie_tl_big: a copy, grown to 25 M events (≈ 20–40 min)
//   npx tsx bench/timeline-scale.ts probe 300      # both, alternating, 300 pages of each kind per round
//   npx tsx bench/timeline-scale.ts drop
//
// BENCH_SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server.
import { cpus, loadavg } from 'node:os';
import { openPostgres, type Database } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { seedDemoRegion } from '../src/demo/generator.js';
import { readTimeline } from '../src/modules/timeline/timeline.service.js';
import { encodeCursor } from '../src/platform/http/cursor.js';
import type { Actor } from '../src/platform/access/actor.js';
import { benchActor, cloneDatabase, createDatabase, dropDatabase, siblingUrl } from './database.js';
import { say } from './options.js';
import { summarise } from './stats.js';

const server = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SMALL = siblingUrl(server, 'regie_tl_small');
const BIG = siblingUrl(server, 'regie_tl_big');
const MONTHS = 60;
const FAMILIES = 12_000;

/**
 * A fresh database's history partitions are empty: they leave, and the past five years get a
 * partition a month, as an installation has after five years of migration 0400's sweep.
 */
async function monthlyPast(db: Database) {
  for (const table of ['timeline_events', 'audit_log']) {
    await db.query(`SELECT regie.detach_month_partition($1)`, [`${table}_history`]);
    await db.exec(`DROP TABLE ${table}_history`);
    await db.query(
      `DO $$ DECLARE m date; n text; BEGIN
         FOR k IN 1 .. ${MONTHS} LOOP
           m := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => k))::date;
           n := '${table}_' || to_char(m, 'YYYY_MM');
           EXECUTE format('CREATE TABLE %I PARTITION OF ${table} FOR VALUES FROM (%L) TO (%L)', n,
             to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00', to_char(m + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
           PERFORM regie.seal_partition(n::regclass);
         END LOOP;
         -- Anything older (the timeline has no default partition), and this month, which the history held.
         EXECUTE format('CREATE TABLE %I PARTITION OF ${table} FOR VALUES FROM (MINVALUE) TO (%L)', '${table}_older',
           to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00');
         PERFORM regie.seal_partition('${table}_older'::regclass);
         PERFORM regie.ensure_month_partitions(3);
       END $$`,
    );
  }
}

async function seed() {
  await createDatabase(SMALL, true);
  const db = await openPostgres(SMALL, 10);
  try {
    await migrate(db);
    await monthlyPast(db);
    say(`seeding ${FAMILIES} families`);
    const t0 = Date.now();
    await seedDemoRegion(db, { families: FAMILIES, auditRowsPerFamily: 0 });
    say(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s; VACUUM ANALYZE`);
    await db.exec('VACUUM ANALYZE');
    say(`${await events(db)} events in ${await partitions(db)} partitions of timeline_events`);
  } finally {
    await db.close();
  }
}

/**
 * Copies the small region and adds events up to `target`: every event of the small region again,
 * `copies` times, at random times of the past five years — so every family's history grows alike.
 */
async function grow(target: number) {
  await cloneDatabase(SMALL, BIG);
  const db = await openPostgres(BIG, 2);
  try {
    const n0 = await events(db);
    const copies = Math.ceil((target - n0) / n0);
    // The small region's events, to copy from (a scan of a table that grows as it is copied into would cost ever more).
    await db.exec(`CREATE UNLOGGED TABLE tl_source AS SELECT * FROM timeline_events; CREATE INDEX ON tl_source (seq)`);
    const maxSeq = Number((await db.query<{ m: string }>(`SELECT max(seq)::text AS m FROM tl_source`))[0]!.m);
    const step = Math.ceil(1_000_000 / copies);
    say(`${n0.toLocaleString('en')} events; adding each ${copies} times (${Math.ceil(maxSeq / step)} batches)`);
    for (let from = 0; from < maxSeq; from += step) {
      const t0 = Date.now();
      await db.query(
        `INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind, params, actor_user_id, actor_organisation_id, data, occurred_at)
         SELECT e.region_id, gen_random_uuid(), e.family_id, e.case_id, e.type, e.kind, e.params, e.actor_user_id, e.actor_organisation_id, e.data,
                now() - random() * interval '${MONTHS * 30 - 2} days'
           FROM tl_source e CROSS JOIN generate_series(1, $3::int)
          WHERE e.seq > $1 AND e.seq <= $2`,
        [from, from + step, copies],
      );
      say(`batch to seq ${Math.min(maxSeq, from + step)} of ${maxSeq}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    await db.exec('DROP TABLE tl_source');
    say(`${(await events(db)).toLocaleString('en')} events; VACUUM ANALYZE`);
    await db.exec('VACUUM ANALYZE');
  } finally {
    await db.close();
  }
}

const events = async (db: Database) => Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM timeline_events`))[0]!.n);
const partitions = async (db: Database) =>
  Number(
    (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM pg_inherits WHERE inhparent = 'timeline_events'::regclass`))[0]!.n,
  );

interface Target {
  name: string;
  db: Database;
  actor: Actor;
  families: string[];
  /** Per family, cursors of random events: the pages behind them lie anywhere in its history. */
  deep: Map<string, string[]>;
  events: number;
}

/**
 * `only`: the families to read (the small region's choice, read in both). Chosen: the families of
 * regisseur's case teams with at least FULL events, so that every page read is a full page of 50
 * in both regions (a comparison of table size, not of how much a page holds).
 */
const FULL = 110;
async function target(name: string, url: string, only?: string[]): Promise<Target> {
  const db = await openPostgres(url, 4);
  const actor = await benchActor(db, 'regisseur');
  // The families on her case teams (read as the owner, past the policies), the same on every run.
  const families =
    only ??
    (
      await db.query<{ id: string }>(
        `SELECT ct.family_id AS id FROM case_team ct JOIN timeline_events e ON e.region_id = ct.region_id AND e.family_id = ct.family_id
          WHERE ct.region_id = $1 AND ct.user_id = $2 AND ct.ended_at IS NULL GROUP BY 1 HAVING count(*) >= $3 ORDER BY 1`,
        [actor.regionId, actor.userId, FULL],
      )
    ).map((r) => r.id);
  const deep = new Map<string, string[]>();
  for (const r of await db.query<{ family_id: string; sv: string; id: string }>(
    `SELECT family_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sv, id FROM (
       SELECT e.*, row_number() OVER (PARTITION BY family_id ORDER BY md5(id::text)) AS k FROM (
         -- Events with at least 50 older ones: the page behind each is full.
         SELECT e.*, row_number() OVER (PARTITION BY family_id ORDER BY occurred_at, seq) AS older FROM timeline_events e
          WHERE region_id = $1 AND family_id = ANY ($2::uuid[])) e WHERE older > 50) x WHERE k <= 5`,
    [actor.regionId, families],
  ))
    deep.set(r.family_id, [...(deep.get(r.family_id) ?? []), encodeCursor(r.sv, r.id)]);
  return { name, db, actor, families, deep, events: await events(db) };
}

async function measure(t: Target, n: number, kind: 'newest' | 'deep'): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const familyId = t.families[i % t.families.length]!;
    const cursors = t.deep.get(familyId) ?? [];
    const before = kind === 'deep' ? cursors[i % Math.max(1, cursors.length)] : undefined;
    const t0 = process.hrtime.bigint();
    await readTimeline(t.db, t.actor, familyId, { limit: 50, ...(before ? { before } : {}) });
    if (i >= 5) ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms;
}

async function probe(n: number, rounds = 3) {
  const small = await target('1.5 M', SMALL);
  const big = await target('25 M', BIG, small.families);
  const all: Record<string, number[]> = {};
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const t of r % 2 ? [big, small] : [small, big])
      for (const kind of ['newest', 'deep'] as const) {
        loads.push(loadavg()[0]!);
        (all[`${t.name} ${kind}`] ??= []).push(...(await measure(t, n, kind)));
      }
  console.log(
    `Machine: ${cpus().length} CPUs, 1-minute load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} during the run.`,
  );
  console.log(
    `Families read: ${small.families.length} (regisseur's case teams with ≥ ${FULL} events in the 1.5 M region, so every page is a full page of 50), ${rounds} rounds alternating, ${n} pages per kind and round.\n`,
  );
  console.log('| region | timeline events | page | p50 ms | p95 ms |');
  console.log('|---|---:|---|---:|---:|');
  for (const t of [small, big])
    for (const kind of ['newest', 'deep'] as const) {
      const { p50, p95 } = summarise(all[`${t.name} ${kind}`]!);
      console.log(`| ${t.name} | ${t.events.toLocaleString('en')} | ${kind} | ${p50.toFixed(2)} | ${p95.toFixed(2)} |`);
    }
  for (const kind of ['newest', 'deep'] as const)
    console.log(
      `\np95 ${kind}: 25 M / 1.5 M = **${(summarise(all[`25 M ${kind}`]!).p95 / summarise(all[`1.5 M ${kind}`]!).p95).toFixed(2)}×** (target ≤ 1.5×)`,
    );
  await small.db.close();
  await big.db.close();
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'seed') await seed();
else if (cmd === 'grow') await grow(Number(arg ?? 25_000_000));
else if (cmd === 'probe') await probe(Number(arg ?? 300));
else if (cmd === 'drop') {
  await dropDatabase(BIG);
  await dropDatabase(SMALL);
} else {
  console.error('usage: npx tsx bench/timeline-scale.ts seed | grow [N] | probe [N] | drop');
  process.exit(2);
}
