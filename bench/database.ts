// Creates, reuses or drops the benchmark databases and seeds the demo region into them.
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { oneRow } from '../src/platform/db/rows.js';
import { DEMO_REGION, seedDemoRegion } from '../src/demo/generator.js';
import { say } from './options.js';
import type { Actor } from '../src/platform/access/actor.js';

export const REGION = DEMO_REGION.id;

export interface DataSizes {
  families: number;
  persons: number;
  timelineEvents: number;
  auditRows: number;
  caseTeam: number;
}

function split(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name in ${url}`);
  u.pathname = '/postgres';
  return { name, admin: u.toString() };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { name, admin } = split(url);
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    return await fn(c, name);
  } finally {
    await c.end();
  }
}

export function databaseExists(url: string): Promise<boolean> {
  return withAdmin(url, async (c, name) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export async function createDatabase(url: string, fresh: boolean): Promise<'created' | 'exists'> {
  return withAdmin(url, async (c, name) => {
    const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && !fresh) return 'exists';
    if (exists) {
      say(`--fresh: dropping database ${name}`);
      await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    say(`creating database ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
    return 'created';
  });
}

export function dropDatabase(url: string): Promise<void> {
  return withAdmin(url, async (c, name) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

export async function countData(db: Database): Promise<DataSizes> {
  const r = oneRow(
    await db.query<{ families: string; persons: string; events: string; team: string; audit: string }>(
      `SELECT (SELECT count(*) FROM families WHERE region_id = $1)::text AS families,
            (SELECT count(*) FROM persons WHERE region_id = $1)::text AS persons,
            (SELECT count(*) FROM timeline_events WHERE region_id = $1)::text AS events,
            (SELECT count(*) FROM case_team WHERE region_id = $1)::text AS team,
            (SELECT count(*) FROM audit_log WHERE region_id = $1)::text AS audit`,
      [REGION],
    ),
    'data count',
  );
  return { families: +r.families, persons: +r.persons, timelineEvents: +r.events, auditRows: +r.audit, caseTeam: +r.team };
}

function progress(label: string) {
  const started = Date.now();
  const stageStart: Record<string, number> = { families: started };
  let last = 0;
  return (stage: 'families' | 'audit', done: number, total: number) => {
    stageStart[stage] ??= Date.now();
    if (Date.now() - last < 5000 && done < total) return;
    last = Date.now();
    const el = (Date.now() - stageStart[stage]) / 1000;
    const eta = done > 0 && done < total ? `, ~${Math.round((el / done) * (total - done))} s left in this stage` : '';
    say(`${label}: ${stage} ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s${eta})`);
  };
}

export interface Prepared {
  db: Database;
  sizes: DataSizes;
  seeded: boolean;
  seedSeconds: number | null;
}

async function seedInto(db: Database, label: string, families: number, auditRowsPerFamily: number) {
  say(
    `${label}: seeding ${families} families with ${auditRowsPerFamily} historic audit rows each (≈ ${(families * auditRowsPerFamily).toLocaleString('en')} rows)`,
  );
  const t0 = Date.now();
  await seedDemoRegion(db, { families, auditRowsPerFamily, onProgress: progress(label) });
  return (Date.now() - t0) / 1000;
}

/**
 * A PostgreSQL database holding the demo region at the asked size: reused when it is already
 * there (families equal, audit rows at least families × K), seeded when the region is absent.
 */
export async function preparePostgres(url: string, o: { families: number; auditRowsPerFamily: number; fresh: boolean }): Promise<Prepared> {
  const label = split(url).name;
  const state = await createDatabase(url, o.fresh);
  const db = await openPostgres(url, 10);
  const applied = await migrate(db);
  if (applied.length) say(`${label}: migrations applied: ${applied.join(', ')}`);
  const region = await db.query('SELECT 1 FROM regions WHERE id = $1', [REGION]);
  let seeded = false;
  let seedSeconds: number | null = null;
  if (!region.length) {
    seedSeconds = await seedInto(db, label, o.families, o.auditRowsPerFamily);
    seeded = true;
    say(`${label}: seeded in ${seedSeconds.toFixed(0)} s; VACUUM ANALYZE (autovacuum may be off on this server)`);
    await db.exec('VACUUM ANALYZE');
  } else {
    say(`${label}: ${state === 'exists' ? 'database exists' : 'created'}, region ${REGION} present; checking its size`);
    await db.exec('ANALYZE');
  }
  const sizes = await countData(db);
  if (!seeded && (sizes.families !== o.families || sizes.auditRows < o.families * o.auditRowsPerFamily)) {
    await db.close();
    throw new Error(
      `${label} holds ${sizes.families} families and ${sizes.auditRows} audit rows, not ${o.families} families with ` +
        `≥ ${o.families * o.auditRowsPerFamily} audit rows (an interrupted seed?). Run again with --fresh to drop and re-seed it.`,
    );
  }
  if (!seeded) say(`${label}: reusing the seeded region (${sizes.families} families, ${sizes.auditRows.toLocaleString('en')} audit rows)`);
  return { db, sizes, seeded, seedSeconds };
}

/** An in-memory PGlite with the demo region. */
export async function preparePglite(o: { families: number; auditRowsPerFamily: number }): Promise<Prepared> {
  const db = await openPglite();
  await migrate(db);
  const seedSeconds = await seedInto(db, 'pglite', o.families, o.auditRowsPerFamily);
  await db.exec('VACUUM ANALYZE');
  return { db, sizes: await countData(db), seeded: true, seedSeconds };
}

/** The URL of a database next to `url` on the same server, named `name`. */
export function siblingUrl(url: string, name: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const databaseName = (url: string) => split(url).name;

/**
 * A fresh copy of the template database (CREATE DATABASE … TEMPLATE): the same data, byte for
 * byte, for each run that must start from the same state. Nobody may be connected to the template.
 */
export async function cloneDatabase(templateUrl: string, targetUrl: string): Promise<void> {
  const template = split(templateUrl).name;
  await withAdmin(targetUrl, async (c, name) => {
    if (name === template) throw new Error(`cannot copy ${template} onto itself`);
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
}

/**
 * The template of (e) and (f): a small region seeded once (no historic audit rows) and reused
 * while it holds the asked number of families; re-seeded when it does not (it is ours alone).
 */
export async function prepareTemplate(url: string, families: number, fresh: boolean): Promise<Prepared> {
  const label = split(url).name;
  if (!fresh && (await databaseExists(url))) {
    const probe = await openPostgres(url, 1);
    const ok = await probe.query<{ n: string }>(`SELECT count(*)::text AS n FROM families WHERE region_id = $1`, [REGION]).then(
      (r) => Number(r[0]?.n) === families,
      () => false,
    );
    await probe.close();
    if (!ok) {
      say(`${label}: not the asked ${families} families; seeding it again`);
      fresh = true;
    }
  }
  return preparePostgres(url, { families, auditRowsPerFamily: 0, fresh });
}

/** A demo account as the actor the probes read as (looked up as the owner; the demo region unless another is named). */
export async function benchActor(db: Database, username: string, regionId: string = REGION): Promise<Actor> {
  const [u] = await db.query<{
    region_id: string;
    id: string;
    organisation_id: string;
    roles: Actor['roles'];
    type: string;
    safety_task: boolean;
  }>(
    `SELECT u.region_id, u.id, u.organisation_id, u.roles, o.type, o.safety_task FROM users u
      JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id WHERE u.username = $1 AND u.region_id = $2`,
    [username, regionId],
  );
  if (!u) throw new Error(`no user '${username}' in region ${regionId}`);
  return {
    regionId: u.region_id,
    userId: u.id,
    organisationId: u.organisation_id,
    organisationType: u.type,
    safetyTask: u.safety_task,
    roles: u.roles,
    displayName: username,
  };
}
