// Every periodic background sweep, in one list. src/platform/jobs runs each on its schedule
// with pg-boss (one run at a time across all nodes). A sweep must be idempotent: it may run
// again after a crash, and must never notify twice (use notify()'s dedupeKey).
import type { Database } from './platform/db/db.js';
import { refIndexSweeps } from './modules/refindex/refindex.sweeps.js';
import { triageOverdueSweep } from './modules/signals/overdue.sweep.js';
import { handoverDeadlineSweep } from './modules/handovers/deadline.sweep.js';

export interface Sweep {
  name: string;
  everySeconds: number;
  run(db: Database, now: Date): Promise<void>;
}

export const sweeps: Sweep[] = [...refIndexSweeps, triageOverdueSweep, handoverDeadlineSweep];
