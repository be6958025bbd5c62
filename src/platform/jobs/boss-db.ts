// pg-boss reaches the database through this adapter, on both engines, instead of opening its
// own pool. On PGlite there is no other way: the one connection is shared, so pg-boss must wait
// its turn in the same queue as every request (Database.query/transaction do that). On
// PostgreSQL we use the same adapter on purpose: one code path tested on both engines, one pool
// to size and watch (regie_db_pool_connections), no second set of credentials — and pg-boss's
// scripts are rolled back cleanly on the connection they ran on (see below). pg-boss holds a
// connection only for single short statements, so it does not starve the API. Every statement
// runs behind the named door `jobs` (regie_system; migrations/0193): the job tables, no DDL.
import type PgBoss from 'pg-boss';
import type { Database } from '../db/db.js';
import { asSystem } from '../db/system-tx.js';

/** More than one statement: a `;` followed by more text (pg-boss's scripts have no parameters). */
const SEVERAL_STATEMENTS = /;\s*\S/;

export interface BossDb extends PgBoss.Db {
  /** Statements issued and not yet answered: a clean stop waits for these before the database closes. */
  inFlight(): number;
}

export function bossDb(db: Database): BossDb {
  let running = 0;
  const run = async (text: string, values?: unknown[]) => {
    if ((!values || values.length === 0) && SEVERAL_STATEMENTS.test(text.trim())) {
      // pg-boss's scripts (schema install, maintenance) bring their own BEGIN … COMMIT. Run as
      // one of our transactions, a failing script is rolled back on the same connection and,
      // on PGlite, in the same turn of the queue; otherwise the next request would find the
      // connection in an aborted transaction. The nested BEGIN/COMMIT only raise warnings.
      await asSystem(db, 'jobs', (tx) => tx.exec(text));
      return { rows: [] };
    }
    return { rows: await asSystem(db, 'jobs', (tx) => tx.query(text, values ?? [])) };
  };
  return {
    async executeSql(text: string, values?: unknown[]) {
      running++;
      try {
        return await run(text, values);
      } finally {
        running--;
      }
    },
    inFlight: () => running,
  };
}
