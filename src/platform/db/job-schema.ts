// pg-boss's own schema (`pgboss`: its tables and functions) is installed and upgraded by the
// schema's owner, as part of the migrations (migrate.ts), not by the server at start. The server
// then runs pg-boss behind the named door `jobs` (regie_system: read and write the job tables,
// no DDL), and creates a queue — which is DDL: a partition of pgboss.job — only through the
// owner's function regie.ensure_job_queue (migrations/0193). So the server's login role owns
// nothing, also for background jobs (issue 8; ADR 0004).
import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import type { Database } from './db.js';
import { asSystem } from './system-tx.js';

export const JOB_SCHEMA = 'pgboss';

/** The pg-boss schema version this build of pg-boss needs. */
const NEEDED_VERSION: number = (createRequire(import.meta.url)('pg-boss/version.json') as { schema: number }).schema;

/** Installed pg-boss schema version (null: none), read through the `migrations` door. */
export async function jobSchemaVersion(db: Database): Promise<number | null> {
  return asSystem(db, 'migrations', async (tx) => {
    const [t] = await tx.query<{ name: string | null }>(`SELECT to_regclass('${JOB_SCHEMA}.version')::text AS name`);
    if (!t?.name) return null;
    const [v] = await tx.query<{ version: string }>(`SELECT version FROM ${JOB_SCHEMA}.version`);
    return v ? Number(v.version) : null;
  }).catch(() => null);
}

export async function jobSchemaPending(db: Database): Promise<boolean> {
  const v = await jobSchemaVersion(db);
  return v === null || v < NEEDED_VERSION;
}

/**
 * Installs or upgrades pg-boss's schema with pg-boss's own plans (they bring their own BEGIN …
 * COMMIT and advisory lock, so two nodes migrating at once do not race), then grants the door's
 * role what running jobs needs. Must run as the owner (migrate.ts calls it).
 */
export async function installJobSchema(db: Database): Promise<void> {
  const [t] = await db.query<{ name: string | null }>(`SELECT to_regclass('${JOB_SCHEMA}.version')::text AS name`);
  const version = t?.name
    ? Number((await db.query<{ version: string }>(`SELECT version FROM ${JOB_SCHEMA}.version`))[0]?.version ?? 0)
    : null;
  if (version === null) await runScript(db, PgBoss.getConstructionPlans(JOB_SCHEMA));
  else if (version < NEEDED_VERSION) await runScript(db, PgBoss.getMigrationPlans(JOB_SCHEMA, String(version)));
  await db.exec(`
    GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO regie_system;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO regie_system;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO regie_system;
    ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO regie_system;
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} FROM PUBLIC;`);
}

/** A pg-boss plan (BEGIN … COMMIT inside), rolled back on the same connection when it fails. */
async function runScript(db: Database, sql: string) {
  try {
    await db.transaction((tx) => tx.exec(sql));
  } catch (err) {
    // Another node installed it at the same moment: pg-boss's plans say so, and that is fine.
    if (!/already exists|duplicate key|could not serialize/i.test((err as Error).message)) throw err;
  }
}
