// The named system door: work that has no actor (background jobs; later login, sessions and the
// public form) runs in a transaction as the database role regie_system (migrations/0132), which
// has only the grants its named jobs need — not as the connection's own role. Each door names
// itself, so that a test can list every caller and the database sees which job is asking
// (current_setting('regie.system')).
import type { Database, Tx } from './db.js';

/** Every job that may open the system door; a new one is added here on purpose, with its grants. */
export const SYSTEM_DOORS = ['audit-checkpoints', 'handover-deadlines', 'idempotency', 'mail-outbox', 'migrations', 'public-form', 'refindex-sweeps', 'triage-overdue'] as const;
export type SystemDoor = (typeof SYSTEM_DOORS)[number];

export function asSystem<T>(db: Database, door: SystemDoor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!SYSTEM_DOORS.includes(door)) return Promise.reject(new Error(`unknown system door "${door}"`));
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('role', 'regie_system', true), set_config('regie.system', $1, true)`, [door], { prepare: true });
    return fn(tx);
  });
}
