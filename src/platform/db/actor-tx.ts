// Every actor's transaction runs as regie_app (no BYPASSRLS) with the actor in settings that
// the row-level security policies read. SET LOCAL semantics: gone at COMMIT/ROLLBACK.
//
// The statement time-out is set here too, per transaction, in the same statement: a role default
// (ALTER ROLE regie_app SET statement_timeout) would not apply, because Regie logs in as another
// role and only switches to regie_app inside the transaction. So every user's statement is bounded
// (STATEMENT_TIMEOUT_MS), while migrations and background maintenance, which run as the
// connecting role outside asActor, are not cut off.
import { sending, type Database, type Tx } from './db.js';
import type { Actor } from '../access/actor.js';
import { deferAudit, discardAudit, flushAudit } from '../audit/audit.js';

export function asActor<T>(db: Database, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Sent, not awaited: the settings travel with the use case's first query (db.ts, Tx.send).
    tx.send(
      `SELECT set_config('role', 'regie_app', true), set_config('regie.region', $1, true),
              set_config('regie.user', $2, true), set_config('regie.org', $3, true), set_config('regie.roles', $4, true),
              set_config('statement_timeout', $5, true)`,
      [actor.regionId, actor.userId, actor.organisationId, actor.roles.join(','), String(db.statementTimeoutMs)],
      { prepare: true },
    );
    // The use case sees a view of tx; for the audit flush the view's queries are only sent, so the
    // audit INSERT travels with the COMMIT: one round trip (its answer is not read).
    let flushing = false;
    const view: Tx = {
      query: (text, params, opts) => (flushing ? sending(tx).query(text, params, opts) : tx.query(text, params, opts)) as never,
      exec: (sql) => tx.exec(sql),
      send: (text, params, opts) => tx.send(text, params, opts),
    };
    // Audit rows are written last, by one statement, just before COMMIT (see audit.ts).
    deferAudit(view, actor.regionId);
    try {
      const out = await fn(view);
      flushing = true;
      await flushAudit(view);
      return out;
    } finally {
      discardAudit(view);
    }
  });
}
