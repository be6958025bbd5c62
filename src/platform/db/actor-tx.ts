// Every actor's transaction runs as regie_app (no BYPASSRLS) with the actor in settings that
// the row-level security policies read. SET LOCAL semantics: gone at COMMIT/ROLLBACK.
//
// The statement time-out is set here too, per transaction, in the same statement: a role default
// (ALTER ROLE regie_app SET statement_timeout) would not apply, because Regie logs in as another
// role and only switches to regie_app inside the transaction. So every user's statement is bounded
// (STATEMENT_TIMEOUT_MS), while migrations and background maintenance, which run as the
// connecting role outside asActor, are not cut off.
import type { Database, Tx } from './db.js';
import type { Actor } from '../access/actor.js';
import { deferAudit, discardAudit, flushAudit } from '../audit/audit.js';

export function asActor<T>(db: Database, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(
      `SELECT set_config('role', 'regie_app', true), set_config('regie.region', $1, true),
              set_config('regie.user', $2, true), set_config('regie.org', $3, true), set_config('regie.roles', $4, true),
              set_config('statement_timeout', $5, true)`,
      [actor.regionId, actor.userId, actor.organisationId, actor.roles.join(','), String(db.statementTimeoutMs)], { prepare: true },
    );
    // Audit rows are written last, by one statement, just before COMMIT (see audit.ts).
    deferAudit(tx, actor.regionId);
    try {
      const out = await fn(tx);
      await flushAudit(tx);
      return out;
    } finally { discardAudit(tx); }
  });
}
