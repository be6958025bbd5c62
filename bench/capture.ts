// The raw-SQL baseline is exactly the SQL the service sends: the server's database handle is
// wrapped so that, while capturing, every statement of a request (text and parameters, in
// order, inside or outside its transaction) is recorded. The baseline then replays those
// statements over one connection: BEGIN, the transaction's statements, COMMIT. No copy of the
// SQL to keep in step with the code; whatever the service does today is what is compared.
import pg from 'pg';
import { statementName, type Database, type QueryOptions, type Tx } from '../src/platform/db/db.js';
import { since } from './stats.js';

export interface Statement {
  text: string;
  params: unknown[];
  inTx: boolean;
  /** Sent as a prepared (named) statement by the service; the replay does the same. */
  prepare?: boolean;
  /** The rows it returned (recorded while capturing; (e) builds its pgbench script from them). */
  rows?: unknown[];
}

export class Recorder {
  private on = false;
  private log: Statement[] = [];

  /** A handle that behaves like `db` and records while capturing. */
  wrap(db: Database): Database {
    const rec = (inTx: boolean, text: string, params?: unknown[], opts?: QueryOptions): Statement | null => {
      if (!this.on) return null;
      const s: Statement = { text, params: params ?? [], inTx, ...(opts?.prepare ? { prepare: true } : {}) };
      this.log.push(s);
      return s;
    };
    const keep = <T>(s: Statement | null, p: Promise<T[]>): Promise<T[]> =>
      s
        ? p.then((rows) => {
            s.rows = rows;
            return rows;
          })
        : p;
    const w = Object.create(db) as Database & Record<string, unknown>;
    w.query = <T>(text: string, params?: unknown[], opts?: QueryOptions) =>
      keep(rec(false, text, params, opts), db.query<T>(text, params, opts));
    w.exec = (sql: string) => {
      rec(false, sql);
      return db.exec(sql);
    };
    w.transaction = <T>(fn: (tx: Tx) => Promise<T>) =>
      db.transaction((tx) =>
        fn({
          query: <R>(text: string, params?: unknown[], opts?: QueryOptions) =>
            keep(rec(true, text, params, opts), tx.query<R>(text, params, opts)),
          exec: (sql: string) => {
            rec(true, sql);
            return tx.exec(sql);
          },
          send: (text: string, params?: unknown[], opts?: QueryOptions) => {
            rec(true, text, params, opts);
            tx.send(text, params, opts);
          },
        }),
      );
    return w;
  }

  async capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
    this.log = [];
    this.on = true;
    try {
      const result = await fn();
      return { result, statements: this.log };
    } finally {
      this.on = false;
      this.log = [];
    }
  }
}

const ROLE = /set_config\('role',\s*'regie_app',\s*true\),\s*/;

/** Diagnostic variant: the same statements without switching to regie_app, so no row-level security. */
const DOOR_ROLE = /set_config\('role',\s*(\$\d+),\s*true\)/;

export function withoutRls(s: Statement): Statement {
  // A door's settings (the session lookup behind the authentication door) name the role as a parameter: kept, unused.
  if (DOOR_ROLE.test(s.text)) return { ...s, text: s.text.replace(DOOR_ROLE, '$1::text') };
  return ROLE.test(s.text)
    ? { ...s, text: s.text.replace(ROLE, '') }
    : /^\s*SET LOCAL ROLE regie_app\s*;?\s*$/i.test(s.text)
      ? { ...s, text: 'SELECT 1', params: [] }
      : s;
}
export const switchesRole = (ss: Statement[]) => ss.some((s) => ROLE.test(s.text) || /SET LOCAL ROLE regie_app/i.test(s.text));

/** A short name for a statement: its first words, whitespace squashed. */
export function label(s: Statement, i: number): string {
  const t = s.text.replace(/\s+/g, ' ').trim();
  return `${String(i + 1).padStart(2, '0')} ${t.length > 70 ? `${t.slice(0, 70)}…` : t}`;
}

export type Variant = 'tx' | 'session' | 'norls';
export type Timings = Map<string, number[]>;

/** Replays captured requests over one connection: a pg.Client, or PGlite's one connection. */
export interface Replayer {
  run(ss: Statement[], v: Variant, timings?: Timings): Promise<void>;
  close(): Promise<void>;
}

async function each(ss: Statement[], v: Variant, q: (s: Statement) => Promise<unknown>, timings?: Timings) {
  for (const [i, s0] of ss.filter((s) => s.inTx).entries()) {
    const s = v === 'norls' ? withoutRls(s0) : s0;
    if (!timings) {
      await q(s);
      continue;
    }
    const t0 = process.hrtime.bigint();
    await q(s);
    const k = label(s0, i);
    if (!timings.has(k)) timings.set(k, []);
    timings.get(k)!.push(since(t0));
  }
}

export async function pgReplayer(url: string): Promise<Replayer> {
  // The same session settings as the server's own connections (src/platform/db/db.ts: no JIT),
  // so the baseline is the same SQL on the same terms. The diagnostic variant without row-level
  // security gets a connection of its own: it runs the same prepared statements as another role,
  // and PostgreSQL re-plans a cached statement whenever the role it runs as changes — sharing
  // one connection made every variant pay re-planning in turn.
  const open = async () => {
    const c = new pg.Client({ connectionString: url, options: '-c jit=off' });
    await c.connect();
    return c;
  };
  const [main, plain] = [await open(), await open()];
  const q = (c: pg.Client) => (s: Statement) =>
    c.query(s.prepare ? { name: statementName(s.text), text: s.text, values: s.params } : { text: s.text, values: s.params });
  return {
    async run(ss, v, timings) {
      const c = v === 'norls' ? plain : main;
      if (v === 'session') for (const s of ss.filter((x) => !x.inTx)) await q(c)(s);
      await c.query('BEGIN');
      try {
        await each(ss, v, q(c), timings);
        const t0 = process.hrtime.bigint();
        await c.query('COMMIT');
        if (timings) {
          if (!timings.has('99 COMMIT')) timings.set('99 COMMIT', []);
          timings.get('99 COMMIT')!.push(since(t0));
        }
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    close: async () => {
      await main.end();
      await plain.end();
    },
  };
}

export function pgliteReplayer(db: Database): Replayer {
  return {
    async run(ss, v, timings) {
      if (v === 'session') for (const s of ss.filter((x) => !x.inTx)) await db.query(s.text, s.params, { prepare: s.prepare });
      await db.transaction((tx) => each(ss, v, (s) => tx.query(s.text, s.params, { prepare: s.prepare }), timings));
    },
    close: async () => undefined,
  };
}

/** Median and mean per statement label, in the order sent. */
export function statementStats(t: Timings): { name: string; p50: number; mean: number }[] {
  return [...t.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([name, xs]) => {
      const s = [...xs].sort((a, b) => a - b);
      // Every label holds at least one timing: each() creates the list on its first push.
      return { name, p50: s[Math.ceil(s.length / 2) - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
    });
}

/** The label of the slowest query (by median), leaving out settings, inserts and COMMIT. */
export function slowestOf(stats: { name: string; p50: number }[]): string | null {
  return (
    stats.filter((s) => !/^\d+ (COMMIT|BEGIN|SELECT set_config|INSERT|UPDATE)/.test(s.name)).sort((x, y) => y.p50 - x.p50)[0]?.name ?? null
  );
}
