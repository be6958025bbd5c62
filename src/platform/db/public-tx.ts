// The public door: a citizen without an account (the public concern form). The transaction runs
// as regie_app with only the region set — no user, no organisation — so row-level security allows
// exactly what the form does (insert a signal without a reporter, its attachment, the chain moment
// and an audit row with an empty user). The statement time-out of a user's transaction applies.
import type { Database, Tx } from './db.js';

export function asPublic<T>(db: Database, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    tx.send(
      `SELECT set_config('role', 'regie_app', true), set_config('regie.region', $1, true), set_config('statement_timeout', $2, true)`,
      [regionId, String(db.statementTimeoutMs)],
      { prepare: true },
    );
    return fn(tx);
  });
}
