// Fault injection for "nothing half-written" tests.
import type { Database, Tx } from '../../src/platform/db/db.js';

/** The same database, but the n-th statement inside a transaction fails like a lost connection. */
export function failingAt(db: Database, n: number): Database {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction(async (tx) => {
        let count = 0;
        const faulty: Tx = {
          query: async (text, params) => {
            if (++count === n) throw Object.assign(new Error('connection lost (injected)'), { code: '08006' });
            return tx.query(text, params);
          },
          exec: (sql) => tx.exec(sql),
          send: (text, params, opts) => {
            if (++count === n) throw Object.assign(new Error('connection lost (injected)'), { code: '08006' });
            tx.send(text, params, opts);
          },
        };
        return fn(faulty);
      }),
  };
}
