// Runs the committed plain-SQL migrations in order, each in its own transaction, once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPostgres, type Database } from './db.js';
import { asSystem } from './system-tx.js';
import { installJobSchema, jobSchemaPending } from './job-schema.js';
import { analyzeDatabase } from './analyze.js';
import { ensureMonthPartitions } from './partitions.js';
import { migrationsDir } from '../paths.js';

export { migrationsDir };

export function migrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/**
 * Applies the pending migrations. They must run as the schema's owner: with a server role
 * (regie_server, docs/deploy/roles.sql) that is MIGRATION_DATABASE_URL — see migrateAsOwner.
 * When nothing is pending the database is only asked, through the `migrations` door, so the
 * server role may call this on every start.
 */
export async function migrate(db: Database): Promise<string[]> {
  if ((await pendingMigrations(db)).length === 0) return [];
  const applied = await migrateSql(db);
  // pg-boss's schema, after ours (0193 made the function that creates its queues).
  if (await jobSchemaPending(db)) {
    await installJobSchema(db);
    applied.push(JOB_SCHEMA_STEP);
  }
  return applied;
}

/** The step that installs or upgrades pg-boss's schema (job-schema.ts), listed with the migrations. */
export const JOB_SCHEMA_STEP = 'pg-boss schema';

/**
 * The migrations before `name` only (the schema as it was then): for tests that write rows as the
 * code of that time did and then migrate the rest with migrate().
 */
export function migrateBefore(db: Database, name: string): Promise<string[]> {
  return migrateSql(db, (file) => file < name);
}

async function migrateSql(db: Database, include: (file: string) => boolean = () => true): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  // A transaction-level advisory lock so that two servers starting at once do not race.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(4242001)');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const file of migrationFiles()) {
      if (done.has(file) || !include(file)) continue;
      const sql = readFileSync(join(migrationsDir, file), 'utf8');
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
  });
  return applied;
}

/** The migrations not yet applied; all of them before the first (no schema_migrations yet). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const rows = await asSystem(db, 'migrations', (tx) => tx.query<{ name: string }>(`SELECT name FROM schema_migrations`)).catch(
    () => [] as { name: string }[],
  );
  const done = new Set(rows.map((r) => r.name));
  const pending = migrationFiles().filter((f) => !done.has(f));
  if (await jobSchemaPending(db)) pending.push(JOB_SCHEMA_STEP);
  return pending;
}

/**
 * Migrates over the owner's connection (MIGRATION_DATABASE_URL) when one is configured, and
 * closes it again: the server itself then runs as an ordinary login role that owns nothing.
 * Without it the server's own connection migrates (PGlite, or an installation that connects as
 * the owner).
 */
export async function migrateAsOwner(db: Database, ownerUrl?: string): Promise<string[]> {
  if (!ownerUrl) return migrateAndAnalyze(db);
  if ((await pendingMigrations(db)).length === 0) return [];
  const owner = await openPostgres(ownerUrl, 1);
  try {
    return await migrateAndAnalyze(owner);
  } finally {
    await owner.close();
  }
}

/**
 * After migrations, the months ahead of the audit log and the timeline (partitions.ts) and fresh
 * planner statistics (analyze.ts); ANALYZE needs the tables' owner.
 */
async function migrateAndAnalyze(db: Database): Promise<string[]> {
  const applied = await migrate(db);
  if (applied.length) {
    await ensureMonthPartitions(db);
    await analyzeDatabase(db);
  }
  return applied;
}
