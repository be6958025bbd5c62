// Named prepared statements on PGlite. PGlite's own query() sends every statement unnamed: parsed,
// described and planned again each time, in five calls into the WebAssembly backend. For the
// statements the code marks `{ prepare: true }` (the hot ones: the family page, its access facts,
// the actor settings) this keeps one named statement per text, as node-postgres does on a
// PostgreSQL server: Parse and Describe once, then Bind, Describe, Execute and Sync in one call.
// PostgreSQL's plan cache then reuses a generic plan where it is as good as a custom one.
// Rows are parsed and parameters serialised by PGlite's own parsers and serializers, so an answer
// is the same as through query(). A transaction may have several statements under way at once
// (Promise.all): execProtocol, unlike query(), does not wait for the one before, so these wait
// for each other here, and query() (which waits only for itself) goes through the same lock.
import { Mutex, parse, protocol, type PGlite } from '@electric-sql/pglite';
import { StatementCache } from './statement-cache.js';
import { statementName } from './statement-name.js';

const joined = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export function pglitePrepared(lite: PGlite) {
  const s = protocol.serialize;
  /** Statement name → the types of its parameters, once prepared. */
  const prepared = new Map<string, number[]>();
  const lock = new Mutex();
  /** The statements marked { cache: true } (built per request), at most CACHED_STATEMENTS of them prepared. */
  const cache = new StatementCache();
  const prepare = async (name: string, text: string) => {
    const described = await lite.execProtocol(joined([s.parse({ name, text }), s.describe({ type: 'S', name }), s.sync()]));
    const types = parse.parseDescribeStatementResults(described.messages);
    prepared.set(name, types);
    return types;
  };
  const preparedQuery = async <T>(text: string, params: unknown[]): Promise<T[]> => {
    const name = statementName(text);
    const types = prepared.get(name) ?? (await prepare(name, text));
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serialize = lite.serializers[types[i]!];
      return serialize ? serialize(v) : String(v);
    });
    const run = await lite.execProtocol(joined([s.bind({ statement: name, values }), s.describe({ type: 'P' }), s.execute({}), s.sync()]));
    return (parse.parseResults(run.messages, lite.parsers)[0]?.rows ?? []) as T[];
  };
  const cachedQuery = async <T>(text: string, params: unknown[]): Promise<T[]> => {
    const name = statementName(text);
    for (const old of cache.use(name).evict) {
      prepared.delete(old);
      await lite.execProtocol(joined([s.close({ type: 'S', name: old }), s.sync()]));
    }
    try {
      return await preparedQuery<T>(text, params);
    } catch (e) {
      // A statement that did not parse is not prepared: nothing to close later.
      if (!prepared.has(name)) cache.forget(name);
      throw e;
    }
  };
  return {
    /** A statement marked { prepare: true }: named, prepared once. */
    prepared: <T>(text: string, params: unknown[]) => lock.runExclusive(() => preparedQuery<T>(text, params)),
    /** A statement marked { cache: true }: named, prepared while it is among the most recently used. */
    cached: <T>(text: string, params: unknown[]) => lock.runExclusive(() => cachedQuery<T>(text, params)),
    /** Any other: PGlite's query(), in turn with the prepared ones. */
    unnamed: <T>(text: string, params: unknown[]) => lock.runExclusive(async () => (await lite.query<T>(text, params)).rows),
  };
}
