// What Regie does with node-postgres' own connection (`client.connection`, not a public API, so
// each use checks it is there and otherwise leaves the client as it is): one socket write per tick,
// and the bounded set of prepared statements of `{ cache: true }` (statement-cache.ts).
import type pg from 'pg';
import { StatementCache } from './statement-cache.js';
import { statementName } from './statement-name.js';

/**
 * Statements started in the same tick leave in one write. pg corks its socket around each extended
 * query, so a pipelined BEGIN, the actor settings, the page and its access facts were four
 * write(v) system calls, each a loopback TCP send that wakes the backend; corked once per tick they
 * are one (≈ 20 % of the server's CPU on a family page went to those calls, bench/cpu-per-page.ts).
 * The socket is pg's own (`client.connection.stream`); a client without one is left as it is.
 */
export function writeBatcher(client: pg.PoolClient): () => void {
  const stream = (client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream;
  let corked = false;
  return () => {
    if (corked || !stream?.cork || !stream.uncork) return;
    corked = true;
    stream.cork();
    process.nextTick(() => {
      corked = false;
      stream.uncork!();
    });
  };
}

/** pg's own record of what a connection has prepared (`client.connection`), by statement name. */
interface PreparedOnConnection {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
}
const statementCaches = new WeakMap<pg.PoolClient, StatementCache>();

/**
 * A `{ cache: true }` statement on client: named while it is among the connection's most recently
 * used. The one it pushes out is deallocated in the same write as the statement (DEALLOCATE is not
 * transactional) and forgotten by pg, so pg parses it again when it comes back; when that
 * DEALLOCATE fails (the transaction failed before it), onOutOfStep hears of it and the connection
 * must not be used again. Without pg's record (another driver) the statement goes unnamed.
 */
export function cachedStatement(
  client: pg.PoolClient,
  text: string,
  values: unknown[],
  onOutOfStep: (e: Error) => void,
): { query: pg.QueryConfig; failed: () => void } {
  const conn = (client as unknown as { connection?: Partial<PreparedOnConnection> }).connection;
  const { parsedStatements, submittedNamedStatements } = conn ?? {};
  if (!parsedStatements || !submittedNamedStatements) return { query: { text, values }, failed: () => undefined };
  let cache = statementCaches.get(client);
  if (!cache) statementCaches.set(client, (cache = new StatementCache()));
  const name = statementName(text);
  for (const old of cache.use(name).evict) {
    delete parsedStatements[old];
    delete submittedNamedStatements[old];
    client.query(`DEALLOCATE ${old}`).catch(onOutOfStep);
  }
  return {
    query: { name, text, values },
    // A statement that did not parse is not prepared: nothing to deallocate later.
    failed: () => {
      if (parsedStatements[name] === undefined) cache.forget(name);
    },
  };
}
