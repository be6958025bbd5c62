// (a) The family page over HTTP against the same SQL over one connection.
// API: sequential GET /api/v1/families/:id over one keep-alive connection, to the real server.
// Raw: the statements that request sent (captured, see capture.ts) replayed as BEGIN, the
// transaction's statements, COMMIT over one pg.Client (on PGlite: through its one connection).
// "Raw + session" also replays what the request ran before its transaction (the guard's session
// lookup). "Raw without RLS" (diagnostic) replays as the superuser, so no policy runs.
import type { Database } from '../src/platform/db/db.js';
import type { HttpClient } from './http-client.js';
import {
  pgliteReplayer,
  pgReplayer,
  slowestOf,
  statementStats,
  switchesRole,
  type Recorder,
  type Statement,
  type Timings,
  type Variant,
} from './capture.js';
import { summarise, since, type Summary } from './stats.js';
import { say } from './options.js';

export interface FamilyPageResult {
  engine: string;
  requests: number;
  families: number;
  api: Summary;
  raw: Summary;
  rawWithSession: Summary;
  rawWithoutRls: Summary | null;
  ratio: number;
  ratioMean: number;
  /** Statements per request: in its transaction, and before it. */
  statementsInTx: number;
  statementsBefore: number;
  /** Time per statement of the raw variant, in the order sent. */
  statements: { name: string; p50: number; mean: number }[];
}

export interface FamilyPageRun {
  result: FamilyPageResult;
  captured: Map<string, Statement[]>;
  slowest: string | null;
}

export async function measureFamilyPage(o: {
  engine: 'postgres' | 'pglite';
  db: Database;
  url?: string;
  client: HttpClient;
  recorder: Recorder;
  familyIds: string[];
  requests: number;
}): Promise<FamilyPageRun> {
  const replay = o.engine === 'postgres' ? await pgReplayer(o.url!) : pgliteReplayer(o.db);
  const get = async (id: string) => {
    const r = await o.client.get(`/api/v1/families/${id}`);
    if (r.status !== 200) throw new Error(`GET family ${id}: ${r.status} ${r.body.toString().slice(0, 200)}`);
  };
  const api = async (id: string) => {
    const t0 = process.hrtime.bigint();
    await get(id);
    return since(t0);
  };
  const timings: Timings = new Map();
  const captured = new Map<string, Statement[]>();
  const direct = async (id: string, v: Variant) => {
    const t0 = process.hrtime.bigint();
    await replay.run(captured.get(id)!, v, v === 'tx' ? timings : undefined);
    return since(t0);
  };
  const ids = o.familyIds;
  try {
    say(`(a) ${o.engine}: capturing the SQL of one request per family (${ids.length} families)`);
    for (const id of ids) captured.set(id, (await o.recorder.capture(() => get(id))).statements);
    const [firstId] = ids;
    if (firstId === undefined) throw new Error(`(a) ${o.engine}: no families to measure`);
    const first = captured.get(firstId)!;
    const rls = switchesRole(first);
    const variants: Variant[] = rls ? ['tx', 'session', 'norls'] : ['tx', 'session'];
    const warm = Math.min(100, ids.length * 3);
    say(
      `(a) ${o.engine}: ${first.filter((s) => s.inTx).length} statements in the transaction, ${first.filter((s) => !s.inTx).length} before it; warming up (${warm} rounds)`,
    );
    for (let i = 0; i < warm; i++) {
      await api(ids[i % ids.length]!);
      await direct(ids[i % ids.length]!, variants[i % variants.length]!);
    }
    timings.clear();
    say(
      `(a) ${o.engine}: ${o.requests} family pages over HTTP and ${o.requests} of each raw variant, interleaved, across ${ids.length} families`,
    );
    const T: Record<'api' | Variant, number[]> = { api: [], tx: [], session: [], norls: [] };
    const all = ['api', ...variants] as const;
    for (let i = 0; i < o.requests; i++) {
      const id = ids[i % ids.length]!;
      // Rotate which one goes first so none of them always finds the pages warmed by another.
      for (let k = 0; k < all.length; k++) {
        const which = all[(k + i) % all.length]!;
        T[which].push(which === 'api' ? await api(id) : await direct(id, which));
      }
    }
    const [a, r] = [summarise(T.api), summarise(T.tx)];
    const statements = statementStats(timings);
    const slowest = slowestOf(statements);
    return {
      captured,
      slowest,
      result: {
        engine: o.engine,
        requests: o.requests,
        families: ids.length,
        api: a,
        raw: r,
        rawWithSession: summarise(T.session),
        rawWithoutRls: rls ? summarise(T.norls) : null,
        ratio: a.p50 / r.p50,
        ratioMean: a.mean / r.mean,
        statementsInTx: first.filter((s) => s.inTx).length,
        statementsBefore: first.filter((s) => !s.inTx).length,
        statements,
      },
    };
  } finally {
    await replay.close();
  }
}
