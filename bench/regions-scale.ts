// 25 regions of a national installation on one server (issue "Speed and scale"): the family page
// of one region, read through the service (session facts aside: access check, the page, its audit
// rows, COMMIT), in a database that holds that region alone and in one that holds it beside 24
// others of the same size. Every key starts with region_id (ADR 0001), so the other regions only
// make the tables and indexes 25 times larger; the page should not notice. Not part of
// `npm run bench`; run step by step:
//
//   npx tsx bench/regions-scale.ts seed 5000    # regie_rs_one: one region of 5,000 families (≈ 3–5 min)
//   npx tsx bench/regions-scale.ts grow 25      # regie_rs_many: a copy with 24 more regions, copied row by row in SQL (≈ 10–20 min)
//   npx tsx bench/regions-scale.ts probe 300    # both, alternating
//   npx tsx bench/regions-scale.ts drop
//
// The other regions are copies of the first under other region ids (every id in a key is paired
// with region_id, so the copies collide nowhere but in users.username, which gets a suffix). They
// are copied with session_replication_role = replica (no triggers, no foreign-key checks): their
// audit chains are not valid chains, which no measurement here reads.
import { cpus, loadavg } from 'node:os';
import { openPostgres, type Database } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { seedDemoRegion, DEMO_REGION } from '../src/demo/generator.js';
import { readFamilyPage } from '../src/modules/families/families.service.js';
import type { Actor } from '../src/platform/access/actor.js';
import { benchActor, cloneDatabase, createDatabase, dropDatabase, siblingUrl } from './database.js';
import { say } from './options.js';
import { summarise } from './stats.js';

const server = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ONE = siblingUrl(server, 'regie_rs_one');
const MANY = siblingUrl(server, 'regie_rs_many');
const REGION = DEMO_REGION.id;

async function seed(families: number) {
  await createDatabase(ONE, true);
  const db = await openPostgres(ONE, 10);
  try {
    await migrate(db);
    const t0 = Date.now();
    await seedDemoRegion(db, { families, auditRowsPerFamily: 20 });
    say(`seeded ${families} families in ${((Date.now() - t0) / 1000).toFixed(0)} s; VACUUM ANALYZE`);
    await db.exec('VACUUM ANALYZE');
  } finally {
    await db.close();
  }
}

/** The tables with a region_id column (partitions through their parent), and the columns a copy writes. */
async function regionTables(db: Database) {
  return db.query<{ name: string; cols: string[]; identity: boolean }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attgenerated = '') AS cols,
            bool_or(a.attidentity = 'a') AS identity
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND EXISTS (SELECT 1 FROM pg_attribute r WHERE r.attrelid = c.oid AND r.attname = 'region_id' AND NOT r.attisdropped)
      GROUP BY c.relname ORDER BY c.relname`,
  );
}

async function grow(regions: number) {
  await cloneDatabase(ONE, MANY);
  const db = await openPostgres(MANY, 1);
  try {
    const tables = await regionTables(db);
    for (let k = 2; k <= regions; k++) {
      const id = `${REGION}${String(k).padStart(2, '0')}`;
      const t0 = Date.now();
      await db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL session_replication_role = replica`);
        await tx.query(`INSERT INTO regions (id, name) SELECT $1, name || ' ' || $2 FROM regions WHERE id = $3`, [id, k, REGION]);
        for (const t of tables) {
          const select = t.cols.map((c) =>
            c === 'region_id' ? '$1' : c === 'username' && t.name === 'users' ? `username || '_' || $1` : `"${c}"`,
          );
          // Columns that name a region besides region_id (a handover's other side) stay pointing at the first region.
          await tx.query(
            `INSERT INTO "${t.name}" (${t.cols.map((c) => `"${c}"`).join(', ')}) ${t.identity ? 'OVERRIDING SYSTEM VALUE' : ''}
             SELECT ${select.join(', ')} FROM "${t.name}" WHERE region_id = $2`,
            [id, REGION],
          );
        }
      });
      say(`region ${id}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    say('VACUUM ANALYZE');
    await db.exec('VACUUM ANALYZE');
  } finally {
    await db.close();
  }
}

interface Target {
  name: string;
  db: Database;
  actor: Actor;
  families: string[];
  regions: number;
  familiesTotal: number;
}

async function target(name: string, url: string): Promise<Target> {
  const db = await openPostgres(url, 4);
  const actor = await benchActor(db, 'regisseur');
  const families = (
    await db.query<{ id: string }>(
      `SELECT DISTINCT family_id AS id FROM case_team WHERE region_id = $1 AND user_id = $2 AND ended_at IS NULL ORDER BY 1`,
      [actor.regionId, actor.userId],
    )
  ).map((r) => r.id);
  const [c] = await db.query<{ regions: number; families: string }>(
    `SELECT (SELECT count(*)::int FROM regions) AS regions, (SELECT count(*)::text FROM families) AS families`,
  );
  return { name, db, actor, families, regions: c!.regions, familiesTotal: Number(c!.families) };
}

async function measure(t: Target, n: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = process.hrtime.bigint();
    await readFamilyPage(t.db, t.actor, t.families[i % t.families.length]!);
    if (i >= 5) ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms;
}

async function probe(n: number, rounds = 4) {
  const one = await target('one region', ONE);
  const many = await target('25 regions', MANY);
  const all = new Map<Target, number[]>([
    [one, []],
    [many, []],
  ]);
  const loads: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const t of r % 2 ? [many, one] : [one, many]) {
      loads.push(loadavg()[0]!);
      all.get(t)!.push(...(await measure(t, n)));
    }
  console.log(
    `Machine: ${cpus().length} CPUs, 1-minute load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} during the run.`,
  );
  console.log(
    `The family page of ${one.families.length} families (regisseur's case teams), ${rounds} rounds alternating, ${n} pages per round.\n`,
  );
  console.log('| database | regions | families | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const t of [one, many]) {
    const { p50, p95 } = summarise(all.get(t)!);
    console.log(`| ${t.name} | ${t.regions} | ${t.familiesTotal.toLocaleString('en')} | ${p50.toFixed(2)} | ${p95.toFixed(2)} |`);
  }
  console.log(`\np95 with 25 regions / with one: **${(summarise(all.get(many)!).p95 / summarise(all.get(one)!).p95).toFixed(2)}×**`);
  await one.db.close();
  await many.db.close();
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'seed') await seed(Number(arg ?? 5000));
else if (cmd === 'grow') await grow(Number(arg ?? 25));
else if (cmd === 'probe') await probe(Number(arg ?? 300));
else if (cmd === 'drop') {
  await dropDatabase(MANY);
  await dropDatabase(ONE);
} else {
  console.error('usage: npx tsx bench/regions-scale.ts seed [families] | grow [regions] | probe [N] | drop');
  process.exit(2);
}
