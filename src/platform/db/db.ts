// One way to reach the database, for both engines: PGlite (embedded, one connection) and
// PostgreSQL via node-postgres. Services only see `Tx` inside `db.transaction`/`asActor`.
import pg from 'pg';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
      try { process.kill(pid, 0); } catch { alive = false; }
      if (alive) throw new Error(`the database in ${dataDir} is in use by process ${pid} (a running Regie?); stop it first or set DATA_DIR`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

export interface QueryOptions {
  /**
   * Keep this statement prepared on the server connection (PostgreSQL server only; PGlite
   * ignores it): parsed and planned once per connection instead of on every request. For hot
   * statements whose plan does not depend on the parameter values (no "optional filter"
   * parameters) — PostgreSQL may switch such a statement to one generic plan.
   */
  prepare?: boolean;
}

export interface Tx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[], opts?: QueryOptions): Promise<T[]>;
  /** Multi-statement SQL without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Tx {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  poolStats(): { total: number; idle: number; waiting: number };
}

/** Serialises work on PGlite's single connection: every transaction waits its turn. */
class Queue {
  private tail: Promise<unknown> = Promise.resolve();
  waiting = 0;
  run<T>(fn: () => Promise<T>): Promise<T> {
    this.waiting++;
    const next = this.tail.then(() => { this.waiting--; return fn(); }, () => { this.waiting--; return fn(); });
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const lite = await PGlite.create(dataDir ? { dataDir } : {}).catch((e) => { unlock(); throw e; });
  const queue = new Queue();
  const raw: Tx = {
    async query<T>(text: string, params: unknown[] = []) {
      const r = await lite.query<T>(text, params as unknown[]);
      return r.rows;
    },
    async exec(sql: string) { await lite.exec(sql); },
  };
  let inTx = false;
  return {
    kind: 'pglite',
    query: (text, params) => queue.run(() => raw.query(text, params)),
    transaction: (fn) => queue.run(async () => {
      inTx = true;
      await lite.exec('BEGIN');
      try {
        const out = await fn(raw);
        await lite.exec('COMMIT');
        return out;
      } catch (e) {
        await lite.exec('ROLLBACK').catch(() => undefined);
        throw e;
      } finally { inTx = false; }
    }),
    exec: (sql) => queue.run(async () => { await lite.exec(sql); }),
    close: () => queue.run(async () => { await lite.close(); unlock(); }),
    poolStats: () => ({ total: 1, idle: inTx ? 0 : 1, waiting: queue.waiting }),
  };
}

const statementNames = new Map<string, string>();
/** A stable name per statement text, so each connection prepares it once. */
export function statementName(text: string) {
  let name = statementNames.get(text);
  if (!name) { name = `regie_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`; statementNames.set(text, name); }
  return name;
}
const pgQuery = (text: string, params: unknown[], opts?: QueryOptions): pg.QueryConfig =>
  (opts?.prepare ? { name: statementName(text), text, values: params } : { text, values: params });

export async function openPostgres(url: string, max = 10): Promise<Database> {
  // Dates stay strings (YYYY-MM-DD) exactly as the API speaks them.
  pg.types.setTypeParser(1082, (v) => v);
  // No JIT: the row-level security subqueries make even a one-family read look expensive to the
  // planner (cost above jit_above_cost), and compiling it took ~100 ms for a query that runs in a
  // few — measured on the 12,000-family benchmark (bench/results).
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  pool.on('error', () => undefined);
  const viaPool: Tx = {
    async query<T>(text: string, params: unknown[] = [], opts?: QueryOptions) {
      const r = await pool.query(pgQuery(text, params, opts));
      return r.rows as T[];
    },
    async exec(sql: string) { await pool.query(sql); },
  };
  return {
    kind: 'postgres',
    query: viaPool.query,
    async transaction(fn) {
      const client = await pool.connect();
      // One connection runs one query at a time: queries of a transaction are queued, so a
      // service may still start several with Promise.all.
      const queue = new Queue();
      const tx: Tx = {
        query: <T>(text: string, params: unknown[] = [], opts?: QueryOptions) => queue.run(async () => (await client.query(pgQuery(text, params, opts))).rows as T[]),
        exec: (sql: string) => queue.run(async () => { await client.query(sql); }),
      };
      try {
        await client.query('BEGIN');
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally { client.release(); }
    },
    async exec(sql) { await pool.query(sql); },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

export interface DbConfig { databaseUrl?: string; dataDir?: string; memory?: boolean }

export function openDatabase(cfg: DbConfig): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  return openPglite(cfg.memory ? undefined : cfg.dataDir ?? './data');
}
