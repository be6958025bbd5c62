// A fresh, migrated database per test file: in-memory PGlite by default, or a throw-away
// database on the PostgreSQL server when TEST_DATABASE_URL is set (npm test does both).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/db.js';
import { migrate } from '../../src/platform/db/migrate.js';

export const onPostgres = !!process.env.TEST_DATABASE_URL;

export interface TestDb { db: Database; name: string; drop(): Promise<void> }

export async function createTestDatabase(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openPglite();
    await migrate(db);
    return { db, name: 'pglite', drop: () => db.close() };
  }
  const name = `regie_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), { max: 20, waitMs: 60_000 }) // tests wait for a connection; the server's 503 limit is tested on its own;
  await migrate(db);
  return {
    db, name,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
