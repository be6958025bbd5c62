// Fault injection for "nothing half-written" tests.
import { expect } from 'vitest';
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

/**
 * Runs a use case with its 1st, 2nd, … statement failing (failingAt) until a run gets past the
 * last statement and completes, at most `most` runs. Every failed run must fail with the injected
 * error, and `unchanged` then checks that nothing was half-written. Answers how many runs failed.
 */
export async function failEveryStatement(
  db: Database,
  most: number,
  use: (db: Database) => Promise<unknown>,
  unchanged: () => Promise<void>,
): Promise<number> {
  let failures = 0;
  for (let n = 1; n <= most; n++) {
    const r = await use(failingAt(db, n)).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    if (r === 'ok') return failures;
    failures++;
    expect(r).toContain('injected');
    await unchanged();
  }
  expect.fail(`the use case did not complete within ${most} statements`);
}
