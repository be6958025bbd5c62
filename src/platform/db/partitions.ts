// The audit log and the timeline are partitioned by month (migrations/0400,
// docs/adr/0015-month-partitions.md). Each month's partition is made ahead of time by
// regie.ensure_month_partitions(): after migrations and by this daily sweep, so a month never
// starts without one (rows would otherwise wait in the default partition).
import type { Database } from './db.js';
import type { Sweep } from '../jobs/sweep.js';
import { asSystem } from './system-tx.js';

/** How many months beyond the current one have their partitions ready. */
export const MONTHS_AHEAD = 3;

/** Makes the missing month partitions; returns the names of those it made. */
export async function ensureMonthPartitions(db: Database): Promise<string[]> {
  const [row] = await asSystem(db, 'partitions', (tx) =>
    tx.query<{ made: string[] }>('SELECT regie.ensure_month_partitions($1) AS made', [MONTHS_AHEAD]),
  );
  return row?.made ?? [];
}

export const monthPartitionsSweep: Sweep = {
  name: 'month-partitions',
  everySeconds: 24 * 60 * 60,
  async run(db) {
    await ensureMonthPartitions(db);
  },
};
