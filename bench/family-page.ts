// (a) The family page over HTTP against the same SQL over one connection.
// API: sequential GET /api/v1/families/:id over one keep-alive connection, to the real server.
// Raw: BEGIN, the statements readFamilyPage sends, COMMIT, over one pg.Client (or, on PGlite,
// through the one PGlite connection). "Raw + session" adds the guard's session lookup that
// every API request also pays before its transaction. "Raw without RLS" (diagnostic) runs the
// same statements as the superuser, so the row-level-security policies do not run.
import pg from 'pg';
import type { Database } from '../src/platform/db/db.js';
import type { HttpClient } from './http-client.js';
import { ACTOR_WITHOUT_ROLE, familyPageWork, sessionParams, SQL, type RawActor, type Run } from './raw-sql.js';
import { summarise, since, type Summary } from './stats.js';
import { say } from './options.js';

export interface FamilyPageResult {
  engine: string; requests: number; families: number; api: Summary; raw: Summary; rawWithSession: Summary; rawWithoutRls: Summary;
  ratio: number; ratioMean: number;
  /** Median time per statement of the raw variant, in the order sent. */
  statements: { name: string; p50: number; mean: number }[];
}

type Variant = 'rls' | 'session' | 'norls';
interface RawConnection { page(familyId: string, v: Variant): Promise<void>; close(): Promise<void> }

const NAMES = new Map<string, string>([...Object.entries(SQL).map(([k, v]) => [v, k] as [string, string]), [ACTOR_WITHOUT_ROLE, 'actor'],
  ['BEGIN', 'BEGIN'], ['COMMIT', 'COMMIT']]);

/** Wraps a connection's query to time each statement of the raw (RLS) variant. */
function timed(run: Run, log: Map<string, number[]>, on: () => boolean): Run {
  return async (text, params) => {
    if (!on()) return run(text, params);
    const t0 = process.hrtime.bigint();
    const rows = await run(text, params);
    const name = NAMES.get(text) ?? 'other';
    if (!log.has(name)) log.set(name, []);
    log.get(name)!.push(since(t0));
    return rows;
  };
}

async function rawPostgres(url: string, a: RawActor, cookie: string, log: Map<string, number[]>): Promise<RawConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let recording = false;
  const q = timed(async (text, params) => (await client.query(text, params)).rows, log, () => recording);
  const session = sessionParams(cookie);
  return {
    async page(familyId, v) {
      recording = v === 'rls';
      if (v === 'session') await q(SQL.session, session);
      await q('BEGIN');
      try {
        await familyPageWork(q, a, familyId, v !== 'norls');
        await q('COMMIT');
      } catch (e) { await client.query('ROLLBACK'); throw e; } finally { recording = false; }
    },
    close: () => client.end(),
  };
}

function rawPglite(db: Database, a: RawActor, cookie: string, log: Map<string, number[]>): RawConnection {
  const session = sessionParams(cookie);
  let recording = false;
  return {
    async page(familyId, v) {
      recording = v === 'rls';
      if (v === 'session') await db.query(SQL.session, session);
      try {
        await db.transaction((tx) => familyPageWork(timed((t, p) => tx.query(t, p), log, () => recording), a, familyId, v !== 'norls'));
      } finally { recording = false; }
    },
    close: async () => undefined,
  };
}

export async function measureFamilyPage(o: {
  engine: 'postgres' | 'pglite'; db: Database; url?: string; client: HttpClient; actor: RawActor; familyIds: string[]; requests: number;
}): Promise<FamilyPageResult> {
  const log = new Map<string, number[]>();
  const raw = o.engine === 'postgres' ? await rawPostgres(o.url!, o.actor, o.client.cookie, log) : rawPglite(o.db, o.actor, o.client.cookie, log);
  const api = async (id: string) => {
    const t0 = process.hrtime.bigint();
    const r = await o.client.get(`/api/v1/families/${id}`);
    const t = since(t0);
    if (r.status !== 200) throw new Error(`GET family ${id}: ${r.status} ${r.body.toString().slice(0, 200)}`);
    return t;
  };
  const direct = async (id: string, v: Variant) => {
    const t0 = process.hrtime.bigint();
    await raw.page(id, v);
    return since(t0);
  };
  const ids = o.familyIds;
  const variants: Variant[] = ['rls', 'session', 'norls'];
  try {
    const warm = Math.min(100, ids.length * 2);
    say(`(a) ${o.engine}: warming up (${warm} rounds)`);
    for (let i = 0; i < warm; i++) {
      await api(ids[i % ids.length]);
      await direct(ids[i % ids.length], variants[i % 3]);
    }
    log.clear();
    say(`(a) ${o.engine}: ${o.requests} family pages over HTTP and ${o.requests} of each raw variant, interleaved, across ${ids.length} families`);
    const T: Record<'api' | Variant, number[]> = { api: [], rls: [], session: [], norls: [] };
    for (let i = 0; i < o.requests; i++) {
      const id = ids[i % ids.length];
      // Rotate which one goes first so none of them always finds the pages warmed by another.
      for (let k = 0; k < 4; k++) {
        const which = (['api', ...variants] as const)[(k + i) % 4];
        T[which].push(which === 'api' ? await api(id) : await direct(id, which));
      }
    }
    const [a, r] = [summarise(T.api), summarise(T.rls)];
    const statements = [...log.entries()].map(([name, xs]) => { const s = summarise(xs); return { name, p50: s.p50, mean: s.mean }; });
    return { engine: o.engine, requests: o.requests, families: ids.length, api: a, raw: r, rawWithSession: summarise(T.session),
      rawWithoutRls: summarise(T.norls), ratio: a.p50 / r.p50, ratioMean: a.mean / r.mean, statements };
  } finally {
    await raw.close();
  }
}
