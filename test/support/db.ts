// A fresh, migrated database per test file: in-memory PGlite by default, or a throw-away
// database on the PostgreSQL server when TEST_DATABASE_URL is set (npm test does both).
//
// On PostgreSQL the roles of a production set-up are used (docs/deploy/roles.sql, created once
// per cluster): the database belongs to regie_owner, which runs the migrations; `db` is that
// owner's connection (fixtures insert rows directly), `server` is the ordinary login role
// regie_server (NOSUPERUSER NOBYPASSRLS, member of regie_app and regie_system) that DATABASE_URL
// uses in production. On PGlite both are the built-in superuser; the doors (asActor, asPublic,
// asSystem) still switch roles, so the same code paths run.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/db.js';
import { migrate } from '../../src/platform/db/migrate.js';

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
  if (role) { u.username = role; u.password = ''; }
  return u.toString();
}

async function asAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try { return await fn(admin); } finally { await admin.end(); }
}

export async function createTestDatabase(): Promise<TestDb> {
  if (!onPostgres) {
    const db = await openPglite();
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
    try { await admin.query(readFileSync(rolesSql, 'utf8')); } finally { await admin.query('SELECT pg_advisory_unlock(4242160)'); }
    await admin.query(`CREATE DATABASE ${name} OWNER regie_owner`);
  });
  const db = await openPostgres(testDatabaseUrl(name, 'regie_owner'), { max: 20, waitMs: 60_000 });
  await migrate(db);
  const server = await openPostgres(testDatabaseUrl(name, 'regie_server'), { max: 10, waitMs: 60_000 });
  const superuser = await openPostgres(testDatabaseUrl(name), 2);
  return {
    db, server, superuser, name,
    async drop() {
      await superuser.close();
      await server.close();
      await db.close();
      await asAdmin((a) => a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
