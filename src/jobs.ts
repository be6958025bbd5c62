// Every periodic background sweep, in one list. src/platform/jobs runs each on its schedule
// with pg-boss (one run at a time across all nodes). A sweep must be idempotent: it may run
// again after a crash, and must never notify twice (use notify()'s dedupeKey).
import type { Config } from './config.js';
import { auditCheckpointSweep, checkpointSettings, type CheckpointLog } from './platform/audit/checkpoints.js';
import { refIndexSweeps } from './modules/refindex/refindex.sweeps.js';
import { triageOverdueSweep } from './modules/signals/overdue.sweep.js';
import { handoverDeadlineSweep } from './modules/handovers/deadline.sweep.js';
import { councilOverdueSweep } from './modules/safety/council-overdue.sweep.js';

export type { Sweep } from './platform/jobs/sweep.js';
import type { Sweep } from './platform/jobs/sweep.js';

export const sweeps: Sweep[] = [...refIndexSweeps, triageOverdueSweep, handoverDeadlineSweep, councilOverdueSweep];

/**
 * Sweeps that need the configuration or the log: the signed audit checkpoints (docs/adr/0007),
 * whose key is created in the data folder on the first start when none is configured.
 */
export function configuredSweeps(config: Config, log: CheckpointLog): Sweep[] {
  try {
    return [auditCheckpointSweep(checkpointSettings(config, true), log)];
  } catch (err) {
    // Serving goes on; the missing anchor is an error in the log until the key is configured.
    log.error(
      { err: { message: (err as Error).message } },
      'audit-controlepunten staan uit: stel AUDIT_CHECKPOINT_KEY en AUDIT_CHECKPOINT_FILE in',
    );
    return [];
  }
}
