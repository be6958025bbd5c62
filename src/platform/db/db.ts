// One way to reach the database, for both engines: PGlite (embedded, one connection) and
// PostgreSQL via node-postgres. Services only see `Tx` inside `db.transaction`/`asActor`.
import pg from 'pg';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Unavailable } from '../http/errors.js';
import { pglitePrepared } from './pglite-prepared.js';
import { cachedStatement, writeBatcher } from './pg-connection.js';
import { statementName } from './statement-name.js';

export { statementName };
/** Experiment switch: REGIE_PGLITE_PREPARE=0 sends PGlite every statement unnamed, as before. */
const PGLITE_PREPARE = process.env.REGIE_PGLITE_PREPARE !== '0';

/**
 * PGlite is one process's database: a second process on the same folder would corrupt it.
 * A lock file with the owner's pid turns that mistake into a clear error.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'regie.lock');
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid) {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive)
        throw new Error(`the database in ${dataDir} is in use by process ${pid} (a running Regie?); stop it first or set DATA_DIR`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

export interface QueryOptions {
  /**
   * Keep this statement prepared on the connection (node-postgres on a PostgreSQL server,
   * pglite-prepared.ts on PGlite): parsed and planned once per connection instead of on every request. For hot
   * statements whose plan does not depend on the parameter values (no "optional filter"
   * parameters) — PostgreSQL may switch such a statement to one generic plan.
   */
  prepare?: boolean;
  /**
   * Keep this statement prepared while it is among the connection's most recently used
   * (statement-cache.ts): for a statement whose text is built per request (a list with its sort,
   * filter and search words), so a user cannot make a connection keep a plan per variant. Inside
   * a transaction; outside one it is sent unnamed.
   */
  cache?: boolean;
  /**
   * The transaction's last statement: its COMMIT (with Work.beforeCommit) is sent right behind it,
   * so both take one round trip to a PostgreSQL server. The transaction takes no statement after
   * it. Outside a transaction, and on PGlite, the transaction simply commits when its function returns.
   */
  commit?: boolean;
}

export interface Tx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
  /** Multi-statement SQL without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * A statement whose answer nobody reads (the actor settings, the audit INSERT), sent without
   * waiting for it: to a PostgreSQL server it travels in the same round trip as the next query or
   * the COMMIT (the connections are pipelined). When it fails, that next query or the COMMIT fails
   * with its error, and the transaction is rolled back. Outside a transaction it simply runs.
   */
  send(text: string, params?: unknown[], opts?: QueryOptions): void;
}

/** A view of tx whose queries are sent without waiting (Tx.send) and answer no rows: for writes whose answer nobody reads. */
export function sending(tx: Tx): Tx {
  return {
    query: async (text, params, opts) => {
      tx.send(text, params, opts);
      return [];
    },
    exec: (sql) => tx.exec(sql),
    send: (text, params, opts) => tx.send(text, params, opts),
  };
}

/** Outside a transaction there is nothing to send a statement along with: no `send`. */
export interface Database extends Omit<Tx, 'send'> {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One statement without parameters on a connection of its own (not the pool), answered or
   * failed within timeoutMs, behind the `migrations` door (role regie_system; the server's login
   * role itself may read nothing): for /readyz, which must answer while the pool is full or a
   * table is locked.
   */
  probe<T = Record<string, unknown>>(text: string, timeoutMs: number): Promise<T[]>;
  /** Longest statement of a user's transaction in ms (0: none); asActor sets it per transaction. */
  readonly statementTimeoutMs: number;
  close(): Promise<void>;
  poolStats(): { total: number; idle: number; waiting: number };
}

/**
 * What the request that started this work knows (set per request by src/platform/http/overload.ts,
 * read here through AsyncLocalStorage, so services need not pass it along).
 */
export interface Work {
  /** Set when the client has gone, the request timed out or the server is stopping: nothing more is started, nothing committed. */
  abandoned?: 'client_gone' | 'timeout' | 'shutting_down';
  /** True while a COMMIT is under way: a time-out then waits for its outcome instead of answering 503 over it. */
  committing: boolean;
  /** Runs inside every transaction of the request just before COMMIT (the idempotency key's "written" mark). */
  beforeCommit?: (tx: Tx) => Promise<void>;
}
export const currentWork = new AsyncLocalStorage<Work>();

/** Throws when the request this work belongs to is no longer wanted: its answer would reach nobody. */
function checkWork(work: Work | undefined) {
  if (work?.abandoned) throw new Unavailable(work.abandoned === 'shutting_down' ? 'shutting_down' : 'timeout', 2);
}

async function commitWork(tx: Tx, commit: () => Promise<unknown>) {
  const work = currentWork.getStore();
  // The idempotency key's mark reads no answer: it goes with the COMMIT.
  if (work?.beforeCommit) await work.beforeCommit(sending(tx));
  checkWork(work);
  if (!work) return commit();
  work.committing = true;
  try {
    return await commit();
  } finally {
    work.committing = false;
  }
}

const LOST_CONNECTION = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const LOST_MESSAGE = /Connection terminated|not queryable|Connection closed|connection timeout/i;

/**
 * Which errors mean "the database cannot serve now" rather than "this request is wrong":
 * 'database' for a lost or refused connection (admin/crash shutdown, starting up, class 08,
 * network errors), 'busy' for a statement or lock time-out and a full pool.
 */
export function unavailableReason(err: unknown): 'database' | 'busy' | null {
  const code = String((err as { code?: unknown })?.code ?? '');
  const message = String((err as { message?: unknown })?.message ?? '');
  if (code === '57014' || code === '55P03' || /timeout exceeded when trying to connect/i.test(message)) return 'busy';
  if (LOST_CONNECTION.has(code) || code.startsWith('08') || LOST_MESSAGE.test(message)) return 'database';
  return null;
}

/** A database error as the rest of Regie should see it: connection trouble becomes Unavailable (503). */
export function translateError(err: unknown): unknown {
  if (err instanceof Unavailable) return err;
  const reason = unavailableReason(err);
  return reason ? new Unavailable(reason, reason === 'busy' ? 2 : 5, { cause: err }) : err;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Unavailable('busy', 1)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });

/** Serialises work on PGlite's single connection: every transaction waits its turn. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  waiting = 0;
  run<T>(fn: () => Promise<T>): Promise<T> {
    this.waiting++;
    const next = this.tail.then(
      () => {
        this.waiting--;
        return fn();
      },
      () => {
        this.waiting--;
        return fn();
      },
    );
    this.tail = next.catch(() => undefined);
    return next;
  }
}

const pgliteOf = new WeakMap<Database, { dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob> }>();

/**
 * The whole data directory of an embedded database as one tar (the test suite migrates once and
 * starts every test file's database from this copy; see test/support/db.ts).
 */
export async function dumpPglite(db: Database): Promise<Blob> {
  const lite = pgliteOf.get(db);
  if (!lite) throw new Error('dumpPglite: not an embedded (PGlite) database');
  return lite.dumpDataDir('none');
}

/** The embedded database in dataDir (in memory without one), or in memory from a dumpPglite copy. */
export async function openPglite(dataDir?: string, from?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  // pg_trgm: typo-tolerant person matching (migrations/0221); PostgreSQL has it as a contrib extension.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const lite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(from ? { loadDataDir: from } : {}),
    extensions: { pg_trgm },
  }).catch((e) => {
    unlock();
    throw e;
  });
  const queue = new Queue();
  const statements = pglitePrepared(lite);
  const rawQuery = <T>(text: string, params: unknown[] = [], opts?: QueryOptions) =>
    !PGLITE_PREPARE
      ? statements.unnamed<T>(text, params)
      : opts?.prepare
        ? statements.prepared<T>(text, params)
        : opts?.cache
          ? statements.cached<T>(text, params)
          : statements.unnamed<T>(text, params);
  let inTx = false;
  /**
   * PGlite runs in this process: there is no round trip to save, so a statement sent without
   * waiting (Tx.send) simply runs before the transaction's next statement or its COMMIT, and
   * fails that one when it failed.
   */
  const liteTx = () => {
    const sent: Array<[string, unknown[], QueryOptions | undefined]> = [];
    const flush = async () => {
      while (sent.length) {
        const [text, params, opts] = sent.shift()!;
        await rawQuery(text, params, opts);
      }
    };
    const tx: Tx = {
      async query<T>(text: string, params: unknown[] = [], opts?: QueryOptions) {
        await flush();
        return rawQuery<T>(text, params, opts);
      },
      async exec(sql: string) {
        await flush();
        await lite.exec(sql);
      },
      send(text: string, params: unknown[] = [], opts?: QueryOptions) {
        sent.push([text, params, opts]);
      },
    };
    return { tx, flush };
  };
  const database: Database = {
    kind: 'pglite',
    query: async (text, params, opts) => {
      checkWork(currentWork.getStore());
      return queue.run(() => rawQuery(text, params, opts));
    },
    transaction: (fn) =>
      queue.run(async () => {
        checkWork(currentWork.getStore());
        inTx = true;
        await lite.exec('BEGIN');
        try {
          const { tx, flush } = liteTx();
          const out = await fn(tx);
          await flush();
          await commitWork(tx, async () => {
            await flush();
            await lite.exec('COMMIT');
          });
          return out;
        } catch (e) {
          await lite.exec('ROLLBACK').catch(() => undefined);
          throw e;
        } finally {
          inTx = false;
        }
      }),
    exec: (sql) =>
      queue.run(async () => {
        await lite.exec(sql);
      }),
    probe: (text, timeoutMs) =>
      withTimeout(
        queue.run(async () => {
          const results = await lite.exec(probeScript(text));
          return probeResult(results).rows as never[];
        }),
        timeoutMs,
      ),
    close: () =>
      queue.run(async () => {
        await lite.close();
        unlock();
      }),
    // PGlite runs in this process: a runaway statement is bounded by the request time-out instead.
    statementTimeoutMs: 0,
    poolStats: () => ({ total: 1, idle: inTx ? 0 : 1, waiting: queue.waiting }),
  };
  pgliteOf.set(database, lite);
  return database;
}

/**
 * The probe's statement in a transaction of the `migrations` door (system-tx.ts), as one simple
 * query. The leading ROLLBACK ends whatever an earlier probe that timed out may have left open on
 * the probe's connection (a warning when there is none).
 */
function probeScript(text: string) {
  return `ROLLBACK; BEGIN; SELECT set_config('role', 'regie_system', true), set_config('regie.system', 'migrations', true); ${text}; COMMIT`;
}
/** The result of the probed statement: the fourth of probeScript's five. */
function probeResult<R>(results: readonly R[]): R {
  const r = results[3];
  if (r === undefined) throw new Error('probe: the script answered no result for its statement');
  return r;
}

const pgQuery = (text: string, params: unknown[], opts?: QueryOptions): pg.QueryConfig =>
  opts?.prepare ? { name: statementName(text), text, values: params } : { text, values: params };

export interface PoolSettings {
  /** Connections in the pool (10). */
  max?: number;
  /** How long a caller waits for a free connection, and a new connection may take to open (2 s). */
  waitMs?: number;
  /** Longest statement of a user's transaction (none unless set; the server sets STATEMENT_TIMEOUT_MS; see actor-tx.ts). */
  statementTimeoutMs?: number;
  /** Told about every connection the pool lost (the process carries on: the next caller gets a fresh one). */
  onError?: (err: Error) => void;
}

export async function openPostgres(url: string, settings: PoolSettings | number = {}): Promise<Database> {
  const o = typeof settings === 'number' ? { max: settings } : settings;
  // Dates stay strings (YYYY-MM-DD) exactly as the API speaks them.
  pg.types.setTypeParser(1082, (v) => v);
  // No JIT: the row-level security subqueries make even a one-family read look expensive to the
  // planner (cost above jit_above_cost), and compiling it took ~100 ms for a query that runs in a
  // few — measured on the 12,000-family benchmark (bench/results). A connection left idle inside
  // a transaction (a hung caller) gives up its locks after a minute.
  const options = '-c jit=off -c idle_in_transaction_session_timeout=60000';
  const pool = new pg.Pool({
    connectionString: url,
    max: o.max ?? 10,
    options,
    pipeline: true,
    connectionTimeoutMillis: o.waitMs ?? 2_000,
    keepAlive: true,
  });
  // A connection that dies while idle in the pool emits 'error' on the pool: without this
  // listener that would end the process. pg-pool drops the connection; the next caller gets a new one.
  pool.on('error', (err) => o.onError?.(err));
  // /readyz's own connection: never waits behind the pool's queue.
  const probePool = new pg.Pool({
    connectionString: url,
    max: 1,
    options: '-c jit=off',
    connectionTimeoutMillis: 1_000,
    idleTimeoutMillis: 60_000,
    keepAlive: true,
  });
  probePool.on('error', () => undefined);
  const viaPool: Omit<Tx, 'send'> = {
    async query<T>(text: string, params: unknown[] = [], opts?: QueryOptions) {
      checkWork(currentWork.getStore());
      try {
        const r = await pool.query(pgQuery(text, params, opts));
        return r.rows as T[];
      } catch (e) {
        throw translateError(e);
      }
    },
    async exec(sql: string) {
      try {
        await pool.query(sql);
      } catch (e) {
        throw translateError(e);
      }
    },
  };
  return {
    kind: 'postgres',
    query: viaPool.query,
    async transaction(fn) {
      const work = currentWork.getStore();
      checkWork(work);
      const client = await pool.connect().catch((e) => {
        throw translateError(e);
      });
      // A checked-out client has no listener of the pool's: a backend terminated between two
      // statements would emit an unhandled 'error' and end the process. Remember it instead,
      // and destroy the connection on release rather than give it to the next caller.
      let lost: Error | undefined;
      const onLost = (err: Error) => {
        lost = err;
      };
      /** Set when the connection's prepared statements and pg's record of them may differ: it is closed on release. */
      let outOfStep: Error | undefined;
      client.on('error', onLost);
      const batch = writeBatcher(client);
      const run = async (text: string | pg.QueryConfig) => {
        try {
          batch();
          return await client.query(text);
        } catch (e) {
          if (unavailableReason(e) === 'database') lost ??= e as Error;
          throw translateError(e);
        }
      };
      // The connection is pipelined (pg's `pipeline` mode): a statement is written at once, without
      // waiting for the answers to those before it, and answers come back in order. So BEGIN and the
      // statements sent with Tx.send travel with the next query, several queries started with
      // Promise.all share one round trip, and the last statement ({ commit: true }) takes its COMMIT
      // along. A family page is then three round trips: the session, the page with its access facts
      // (BEGIN and the actor settings in front), and the audit rows with the COMMIT.
      let failure: Error | undefined; // pg rejects with an Error (a DatabaseError or a connection error)
      const sent = (p: Promise<unknown>) => {
        p.catch((e: Error) => {
          failure ??= e;
        });
      };
      /** The first failure of a statement sent without waiting explains what came after it (25P02, or a COMMIT that rolled back). */
      const answer = async <R>(p: Promise<R>): Promise<R> => {
        let r: R;
        try {
          r = await p;
        } catch (e) {
          throw failure ?? e;
        }
        if (failure) throw failure;
        return r;
      };
      let ended: Promise<unknown> | undefined;
      const notEnded = () => {
        if (ended) throw new Error('the transaction has ended (its last statement was sent with { commit: true })');
      };
      const commit = async () => {
        await commitWork(tx, async () => {
          const r = await answer(run('COMMIT'));
          // A COMMIT in a failed transaction rolls back and says so instead of failing.
          if (r.command === 'ROLLBACK') throw new Error('the transaction was rolled back at COMMIT');
        });
      };
      const tx: Tx = {
        query: async <T>(text: string, params: unknown[] = [], opts?: QueryOptions) => {
          checkWork(work);
          notEnded();
          let p: ReturnType<typeof run>;
          if (opts?.cache) {
            batch();
            const c = cachedStatement(client, text, params, (e) => (outOfStep ??= e));
            p = run(c.query);
            p.catch(c.failed);
          } else p = run(pgQuery(text, params, opts));
          if (opts?.commit) {
            p.catch(() => undefined);
            ended = commit();
            ended.catch(() => undefined);
          }
          return (await answer(p)).rows as T[];
        },
        exec: async (sql: string) => {
          checkWork(work);
          notEnded();
          await answer(run(sql));
        },
        send: (text: string, params: unknown[] = [], opts?: QueryOptions) => {
          checkWork(work);
          notEnded();
          sent(run(pgQuery(text, params, opts)));
        },
      };
      try {
        checkWork(work);
        sent(run('BEGIN'));
        const out = await fn(tx);
        await (ended ?? commit());
        return out;
      } catch (e) {
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw translateError(e);
      } finally {
        client.off('error', onLost);
        client.release(lost ?? outOfStep);
      }
    },
    exec: viaPool.exec,
    async probe<T>(text: string, timeoutMs: number) {
      // The client side bounds the wait too: a server that does not answer at all (network gone) never hangs the probe.
      const r = await withTimeout(
        probePool.query({ text: probeScript(text), query_timeout: timeoutMs } as pg.QueryConfig),
        timeoutMs,
      ).catch((e) => {
        throw translateError(e);
      });
      return probeResult(r as unknown as pg.QueryResult[]).rows as T[];
    },
    close: async () => {
      await Promise.all([pool.end(), probePool.end()]);
    },
    statementTimeoutMs: o.statementTimeoutMs ?? 0,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

export interface DbConfig {
  databaseUrl?: string;
  dataDir?: string;
  memory?: boolean;
  pool?: PoolSettings;
}

export function openDatabase(cfg: DbConfig): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, cfg.pool);
  return openPglite(cfg.memory ? undefined : (cfg.dataDir ?? './data'));
}
