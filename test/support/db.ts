// A fresh, migrated database per test file: in-memory PGlite by default, or a throw-away
// database on the PostgreSQL server when TEST_DATABASE_URL is set (npm test does both).
//
// On PostgreSQL the roles of a production set-up are used (docs/deploy/roles.sql, created once
// per cluster): the database belongs to regie_owner, which runs the migrations; `db` is that
// owner's connection (fixtures insert rows directly), `server` is the ordinary login role
// regie_server (NOSUPERUSER NOBYPASSRLS, member of regie_app and regie_system) that DATABASE_URL
// uses in production. On PGlite both are the built-in superuser; the doors (asActor, asPublic,
// asSystem) still switch roles, so the same code paths run.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dumpPglite, openPglite, openPostgres, type Database } from '../../src/platform/db/db.js';
import { migrate, migrationFiles, migrationsDir } from '../../src/platform/db/migrate.js';

export const onPostgres = !!process.env.TEST_DATABASE_URL;

export interface TestDb {
  /** The owner's connection: migrations and fixtures. */
  db: Database;
  /** The server's connection (regie_server on PostgreSQL): what the application runs as. */
  server: Database;
  /** The cluster's superuser on this database (PostgreSQL; on PGlite the same as db): for tests that play the attacker who has it. */
  superuser: Database;
  name: string;
  drop(): Promise<void>;
}

const rolesSql = fileURLToPath(new URL('../../docs/deploy/roles.sql', import.meta.url));

/** The URL of `name` on the test server, logged in as `role` (the test cluster trusts local logins). */
export function testDatabaseUrl(name: string, role?: 'regie_owner' | 'regie_server'): string {
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${name}`;
  if (role) {
    u.username = role;
    u.password = '';
  }
  return u.toString();
}

async function asAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A migrated embedded database as one tar in the temporary folder, named by a hash of everything
 * that makes it (the migrations, the migration runner, the PGlite version): a new PGlite spends
 * 3–4 s on initdb and the migrations, one loaded from this copy about 1 s. Made once per suite by
 * the integration tests' global set-up (test/support/global-setup.ts); a test file that finds none
 * migrates from scratch.
 */
export function pgliteSnapshotPath(): string {
  const h = createHash('sha256');
  for (const f of migrationFiles()) h.update(f).update(readFileSync(join(migrationsDir, f)));
  h.update(readFileSync(fileURLToPath(new URL('../../src/platform/db/migrate.ts', import.meta.url))));
  h.update(readFileSync(fileURLToPath(new URL('../../src/platform/db/job-schema.ts', import.meta.url))));
  h.update(readFileSync(fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url))));
  return join(tmpdir(), `regie-test-pglite-${h.digest('hex').slice(0, 16)}.tar`);
}

/** Makes the snapshot when it is missing (written aside, then renamed: a reader never sees half a file); drops day-old ones. */
export async function ensurePgliteSnapshot(): Promise<string> {
  const file = pgliteSnapshotPath();
  for (const old of readdirSync(tmpdir()).filter((f) => /^regie-test-pglite-[0-9a-f]{16}\.tar$/.test(f))) {
    const path = join(tmpdir(), old);
    if (path !== file && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { force: true });
  }
  if (existsSync(file)) return file;
  const db = await openPglite();
  try {
    await migrate(db);
    const tar = Buffer.from(await (await dumpPglite(db)).arrayBuffer());
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, tar);
    renameSync(part, file);
  } finally {
    await db.close();
  }
  return file;
}

export async function createTestDatabase(): Promise<TestDb> {
  if (!onPostgres) {
    const snapshot = pgliteSnapshotPath();
    const db = existsSync(snapshot) ? await openPglite(undefined, new Blob([readFileSync(snapshot)])) : await openPglite();
    await migrate(db);
    return { db, server: db, superuser: db, name: 'pglite', drop: () => db.close() };
  }
  // A run's own tag (REGIE_TEST_RUN, set by .ci/run) lets its clean-up drop its own databases only,
  // never those of another run on the same server.
  const tag = /^[a-z0-9]{1,16}$/.test(process.env.REGIE_TEST_RUN ?? '') ? `${process.env.REGIE_TEST_RUN}_` : '';
  const name = `regie_t_${tag}${randomBytes(6).toString('hex')}`;
  await asAdmin(async (admin) => {
    // Roles are cluster-wide and test files start in parallel: one at a time sets them up.
    await admin.query('SELECT pg_advisory_lock(4242160)');
    try {
      await admin.query(readFileSync(rolesSql, 'utf8'));
    } finally {
      await admin.query('SELECT pg_advisory_unlock(4242160)');
    }
    await admin.query(`CREATE DATABASE ${name} OWNER regie_owner`);
  });
  const db = await openPostgres(testDatabaseUrl(name, 'regie_owner'), { max: 20, waitMs: 60_000 });
  await migrate(db);
  const server = await openPostgres(testDatabaseUrl(name, 'regie_server'), { max: 10, waitMs: 60_000 });
  const superuser = await openPostgres(testDatabaseUrl(name), 2);
  return {
    db,
    server,
    superuser,
    name,
    async drop() {
      await superuser.close();
      await server.close();
      await db.close();
      await asAdmin((a) => a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
