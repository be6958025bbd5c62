// Planner statistics. Without them PostgreSQL guesses row counts, and the row-level-security
// queries of the family page took 24–40 ms instead of ~2.4 ms (issue "Speed and scale"). A
// PostgreSQL server keeps them fresh with autovacuum (leave it on); PGlite has no autovacuum, so
// Regie runs ANALYZE itself: after migrations, after seeding, and on a schedule on PGlite.
import type { Database } from './db.js';
import type { Sweep } from '../jobs/sweep.js';

/** ANALYZE of the whole database: samples each table, cheap next to what wrong plans cost. */
export async function analyzeDatabase(db: Database): Promise<void> {
  await db.exec('ANALYZE');
}

/** PGlite only: refresh statistics every 15 minutes (a PostgreSQL server's autovacuum does this). */
export const analyzeSweep: Sweep = {
  name: 'analyze-statistics',
  everySeconds: 15 * 60,
  async run(db) {
    if (db.kind === 'pglite') await analyzeDatabase(db);
  },
};
