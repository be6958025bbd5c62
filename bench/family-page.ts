// (a) The family page over HTTP against the same SQL over one connection.
// API: sequential GET /api/v1/families/:id over one keep-alive connection, to the real server.
// Raw: BEGIN, the statements readFamilyPage sends, COMMIT, over one pg.Client (or, on PGlite,
// through the one PGlite connection). "Raw + session" adds the guard's session lookup that
// every API request also pays before its transaction.
import pg from 'pg';
import type { Database } from '../src/platform/db/db.js';
import type { HttpClient } from './http-client.js';
import { familyPageWork, sessionParams, SQL, type RawActor, type Run } from './raw-sql.js';
import { summarise, since, type Summary } from './stats.js';
import { say } from './options.js';

export interface FamilyPageResult { engine: string; requests: number; families: number; api: Summary; raw: Summary; rawWithSession: Summary; ratio: number; ratioMean: number }

interface RawConnection { page(familyId: string, withSession: boolean): Promise<void>; close(): Promise<void> }

async function rawPostgres(url: string, a: RawActor, cookie: string): Promise<RawConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q: Run = async (text, params) => (await client.query(text, params)).rows;
  const session = sessionParams(cookie);
  return {
    async page(familyId, withSession) {
      if (withSession) await q(SQL.session, session);
      await client.query('BEGIN');
      try {
        await familyPageWork(q, a, familyId);
        await client.query('COMMIT');
      } catch (e) { await client.query('ROLLBACK'); throw e; }
    },
    close: () => client.end(),
  };
}

function rawPglite(db: Database, a: RawActor, cookie: string): RawConnection {
  const session = sessionParams(cookie);
  return {
    async page(familyId, withSession) {
      if (withSession) await db.query(SQL.session, session);
      await db.transaction((tx) => familyPageWork((t, p) => tx.query(t, p), a, familyId));
    },
    close: async () => undefined,
  };
}

export async function measureFamilyPage(o: {
  engine: 'postgres' | 'pglite'; db: Database; url?: string; client: HttpClient; actor: RawActor; familyIds: string[]; requests: number;
}): Promise<FamilyPageResult> {
  const raw = o.engine === 'postgres' ? await rawPostgres(o.url!, o.actor, o.client.cookie) : rawPglite(o.db, o.actor, o.client.cookie);
  const api = async (id: string) => {
    const t0 = process.hrtime.bigint();
    const r = await o.client.get(`/api/v1/families/${id}`);
    const t = since(t0);
    if (r.status !== 200) throw new Error(`GET family ${id}: ${r.status} ${r.body.toString().slice(0, 200)}`);
    return t;
  };
  const direct = async (id: string, withSession: boolean) => {
    const t0 = process.hrtime.bigint();
    await raw.page(id, withSession);
    return since(t0);
  };
  const ids = o.familyIds;
  try {
    say(`(a) ${o.engine}: warming up (${Math.min(100, ids.length * 2)} rounds)`);
    for (let i = 0; i < Math.min(100, ids.length * 2); i++) {
      await api(ids[i % ids.length]);
      await direct(ids[i % ids.length], i % 2 === 0);
    }
    say(`(a) ${o.engine}: ${o.requests} family pages over HTTP and ${o.requests} + ${o.requests} as raw SQL, interleaved, across ${ids.length} families`);
    const A: number[] = [], R: number[] = [], S: number[] = [];
    for (let i = 0; i < o.requests; i++) {
      const id = ids[i % ids.length];
      // Rotate which one goes first so none of them always finds the other's pages in cache.
      const order = [0, 1, 2].map((k) => (k + i) % 3);
      for (const k of order) {
        if (k === 0) A.push(await api(id));
        else if (k === 1) R.push(await direct(id, false));
        else S.push(await direct(id, true));
      }
    }
    const [api_, raw_, rs] = [summarise(A), summarise(R), summarise(S)];
    return { engine: o.engine, requests: o.requests, families: ids.length, api: api_, raw: raw_, rawWithSession: rs,
      ratio: api_.p50 / raw_.p50, ratioMean: api_.mean / raw_.mean };
  } finally {
    await raw.close();
  }
}
