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

/**
 * A PostgreSQL server without autovacuum: its statistics go stale and the tables written on every
 * request (the audit chain heads, sessions, the families' activity) keep their dead rows, so Regie
 * slows down by the day. Regie's login role may not ANALYZE or VACUUM tables it does not own: it
 * says so at start instead (the README says what the server needs). True when autovacuum is off.
 */
export async function warnWithoutAutovacuum(db: Database, warn: (fields: object, message: string) => void): Promise<boolean> {
  if (db.kind !== 'postgres') return false;
  const [row] = await db.probe<{ autovacuum: string }>(`SELECT current_setting('autovacuum') AS autovacuum`, 2_000);
  if (row?.autovacuum !== 'off') return false;
  warn(
    { autovacuum: 'off' },
    'autovacuum staat uit op deze PostgreSQL-server: statistieken verouderen en Regie wordt trager; zet autovacuum aan (README)',
  );
  return true;
}
