// The named system door: work that has no actor (background jobs; later login, sessions and the
// public form) runs in a transaction as the database role regie_system (migrations/0132), which
// has only the grants its named jobs need — not as the connection's own role. Each door names
// itself, so that a test can list every caller and the database sees which job is asking
// (current_setting('regie.system')).
import type { Database, Tx } from './db.js';

/**
 * Every door and the role it becomes; a new one is added here on purpose, with its grants.
 * `authentication` (login, sessions, second factor, passwords) has a role of its own,
 * regie_authn (migrations/0190): only it can read password hashes and TOTP secrets.
 */
const DOOR_ROLES = {
  'audit-checkpoints': 'regie_system',
  'audit-verify': 'regie_system',
  authentication: 'regie_authn',
  'council-overdue': 'regie_system',
  'handover-deadlines': 'regie_system',
  idempotency: 'regie_system',
  installation: 'regie_system',
  jobs: 'regie_system',
  'mail-outbox': 'regie_system',
  migrations: 'regie_system',
  partitions: 'regie_system',
  'public-form': 'regie_system',
  'refindex-sweeps': 'regie_system',
  'triage-overdue': 'regie_system',
} as const;
export type SystemDoor = keyof typeof DOOR_ROLES;
export const SYSTEM_DOORS = Object.keys(DOOR_ROLES) as SystemDoor[];

export function asSystem<T>(db: Database, door: SystemDoor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const role = Object.hasOwn(DOOR_ROLES, door) ? DOOR_ROLES[door] : undefined;
  if (!role) return Promise.reject(new Error(`unknown system door "${door}"`));
  return db.transaction(async (tx) => {
    // Sent, not awaited: travels with the door's first query (db.ts, Tx.send).
    tx.send(`SELECT set_config('role', $2, true), set_config('regie.system', $1, true)`, [door, role], { prepare: true });
    return fn(tx);
  });
}
