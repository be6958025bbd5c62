// Login, sessions, the second factor and passwords reach the database through the named door
// `authentication` (src/platform/db/system-tx.ts): the role regie_authn (migrations/0190), the
// only one that can read password hashes and TOTP secrets or touch sessions. Never the server's
// own connection role, which in production holds no grant of its own.
import type { Database, QueryOptions, Tx } from '../db/db.js';
import { asSystem } from '../db/system-tx.js';

/** One transaction behind the authentication door. */
export const door = <T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> => asSystem(db, 'authentication', fn);

/**
 * One statement behind the authentication door, in one round trip: BEGIN, the door's settings,
 * the statement and its COMMIT are sent together (db.ts: Tx.send, { commit: true }).
 */
export const authQuery = <T = Record<string, unknown>>(db: Database, text: string, params?: unknown[], opts?: QueryOptions): Promise<T[]> =>
  door(db, (tx) => tx.query<T>(text, params, { ...opts, commit: true }));
