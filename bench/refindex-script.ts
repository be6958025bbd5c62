// (e) The pgbench script of the raw-SQL baseline, built from the statements one registration
// really sent (captured from the server's database handle, see capture.ts): the same SQL texts in
// the same order, each parameter replaced by what it stands for in a registration —
//   * a value of the registering actor or of the registration (user, organisation, roles, BSN,
//     person, new registration id): a pgbench variable filled from a work-queue row;
//   * a value the service takes from the result of regie.refindex_match() (match id, the users and
//     organisations of a pair): a variable of that pair, set by \gset from the match call;
//   * an id the service made up on the spot (randomUUID()): gen_random_uuid();
//   * anything else (region, dates of today, contact details, texts): the captured value itself.
// Each parameter keeps the type PostgreSQL inferred for it (asked with PREPARE on the capture
// copy), so a replaced parameter means exactly what it meant. The service loops over the pairs the
// match call returned and over the new matches; pgbench cannot loop, so those statements are
// unrolled into \if blocks for as many pairs as the work plan can produce, and a registration with
// more pairs than that aborts the run instead of skipping statements.
//
// Which statements repeat per pair and per match is read off the captured sample, not assumed: the
// sample registration makes ≥ 2 pairs over ≥ 2 matches, with the actor on both sides of a pair, and
// a statement belongs to pair k (or match j) when its (scalar) parameters carry that pair's match id.
//
// A statement may also write many rows at once from array parameters, one element per row (the
// audit flush: asActor writes all audit rows of the transaction with one INSERT … SELECT FROM
// unnest($2::text[], …) just before COMMIT, see src/platform/audit/audit.ts). Such a "batch"
// statement is sent once, but its arrays grow with the number of new matches. Its rows are read
// off the sample too: rows that carry no match id (the registration's own row) come first, then,
// per new match in order, the same number of rows carrying that match's id and no other. In the
// script it becomes one variant per possible number of new matches (\if :nmatches = k), each with
// the arrays written out as ARRAY[…] of pgbench variables and captured literals, the rest of its
// SQL text unchanged.
//
// If the service changes shape so that none of this holds, building the script fails with the reason.
import { createRequire } from 'node:module';
import type { Statement } from './capture.js';

const prepareValue = createRequire(import.meta.url)('pg/lib/utils.js').prepareValue as (v: unknown) => unknown;

/** The text node-postgres sends for a parameter value (null stays null). */
export function wire(v: unknown): string | null {
  const w = prepareValue(v);
  return w === null || w === undefined ? null : Buffer.isBuffer(w) ? w.toString() : String(w);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

/** Values of the actor and the registration, by the name of the queue column / pgbench variable. */
export type Globals = Record<string, string>;
export interface Pair {
  match_id: string;
  kind: string;
  org_low: string;
  org_high: string;
  user_low: string;
  user_high: string;
}
/** Names of the per-pair values the script may use, without their suffix _k. */
const PAIR_FIELDS = { m: 'match_id', ul: 'user_low', uh: 'user_high', ol: 'org_low', oh: 'org_high' } as const;

type Token = { lit: string } | { v: string };
/** One way to write a parameter: null, the captured literal, a fresh uuid, or literal parts and variables. */
type Form = { kind: 'null' } | { kind: 'fresh' } | { kind: 'parts'; parts: Token[] };
const formKey = (f: Form) => JSON.stringify(f);

/** Every way to write value `s` with the variables of `dict` (value → names; uuid values may also occur inside a longer text). */
function formsOf(s: string | null, dict: Map<string, string[]>): Form[] {
  if (s === null) return [{ kind: 'null' }];
  const out: Form[] = [];
  const whole = dict.get(s);
  if (whole) for (const v of whole) out.push({ kind: 'parts', parts: [{ v }] });
  // uuids of the dictionary inside a longer text ('refindex-match:<match>:<org>', '{"<person>"}')
  const hits = [...s.matchAll(UUID)].filter((m) => dict.has(m[0]));
  if (!whole && hits.length) {
    let partial: Token[][] = [[]];
    let at = 0;
    for (const m of hits) {
      const lit = s.slice(at, m.index);
      partial = partial.flatMap((p) => dict.get(m[0])!.map((v) => [...p, ...(lit ? [{ lit }] : []), { v }]));
      at = m.index + m[0].length;
    }
    const rest = s.slice(at);
    for (const p of partial) out.push({ kind: 'parts', parts: rest ? [...p, { lit: rest }] : p });
  }
  if (!out.length) out.push(isUuid(s) ? { kind: 'fresh' } : { kind: 'parts', parts: [{ lit: s }] });
  return out;
}

function dictOf(globals: Globals, pair?: Pair, suffix = ''): Map<string, string[]> {
  const d = new Map<string, string[]>();
  const add = (value: string, name: string) => d.set(value, [...(d.get(value) ?? []), name]);
  for (const [name, value] of Object.entries(globals)) add(value, name);
  if (pair) for (const [short, field] of Object.entries(PAIR_FIELDS)) add(pair[field], `${short}${suffix}`);
  return d;
}

/**
 * The one form of parameter i that fits every sample of a repeated statement (the intersection
 * over the samples); fails when none or several do.
 */
function resolve(samples: { value: string | null; dict: Map<string, string[]> }[], what: string): Form {
  // A fresh uuid differs in every sample: it is its own form, never a literal.
  const each = samples.map((s) => new Map<string, Form>(formsOf(s.value, s.dict).map((f) => [formKey(f), f])));
  const [firstSample] = each;
  if (!firstSample) throw new Error(`${what}: no samples`);
  const left = [...firstSample.entries()].filter(([k]) => each.every((m) => m.has(k))).map(([, f]) => f);
  if (left.length === 1) return left[0]!;
  if (!left.length && samples.every((s) => s.value !== null && isUuid(s.value) && !s.dict.has(s.value))) return { kind: 'fresh' };
  throw new Error(
    `${what}: ${left.length ? `ambiguous (${left.map(formKey).join(' or ')})` : `no form fits all samples (${samples.map((s) => s.value).join(', ')})`}`,
  );
}

/** A string literal pgbench leaves alone: E'…' with backslashes doubled and every ':' as \x3a (pgbench reads :name as a variable anywhere). */
function literal(s: string): string {
  return `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/:/g, '\\x3a')}'`;
}

function expr(f: Form, type: string, suffix: (v: string) => string): string {
  if (f.kind === 'null') return `NULL::${type}`;
  if (f.kind === 'fresh') return `gen_random_uuid()::${type}`;
  if (f.parts.length === 1) {
    const p = f.parts[0]!;
    return 'v' in p ? `:${suffix(p.v)}::${type}` : `${literal(p.lit)}::${type}`;
  }
  return `(${f.parts.map((p) => ('v' in p ? `:${suffix(p.v)}::text` : `${literal(p.lit)}::text`)).join(' || ')})::${type}`;
}

/**
 * The SQL text with every $n replaced by `params[n-1]`, string literals made safe for pgbench and
 * comments dropped (a ':' in them would be read as a variable).
 */
export function substitute(text: string, params: string[]): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === "'" || ((c === 'E' || c === 'e') && text[i + 1] === "'" && !/[\w$]/.test(text[i - 1] ?? ''))) {
      const escapes = c !== "'";
      let j = escapes ? i + 2 : i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) throw new Error(`unterminated string in ${text.slice(0, 80)}`);
        if (escapes && text[j] === '\\') {
          const n = text[j + 1];
          if (n === undefined) throw new Error(`unterminated string in ${text.slice(0, 80)}`);
          value += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[n] ?? n;
          j += 2;
          continue;
        }
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      out += literal(value);
      i = j + 1;
    } else if (c === '"') {
      const j = text.indexOf('"', i + 1);
      if (j < 0) throw new Error('unterminated identifier');
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const j = text.indexOf('*/', i + 2);
      out += ' ';
      i = j < 0 ? text.length : j + 2;
    } else if (c === '$' && /\d/.test(text[i + 1] ?? '') && !/[\w]/.test(text[i - 1] ?? '')) {
      let j = i + 1;
      while (/\d/.test(text[j] ?? '')) j++;
      const n = Number(text.slice(i + 1, j));
      if (!(n >= 1 && n <= params.length)) throw new Error(`$${n} without a parameter`);
      out += `(${params[n - 1]})`;
      i = j;
    } else if (c === '$') {
      throw new Error(`dollar quoting is not supported here: ${text.slice(i, i + 20)}`);
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/;\s*$/, '').trim();
}

export interface ScriptInput {
  /** The statements of the sample registration, in order (inside and before its transaction). */
  statements: Statement[];
  /** Parameter types PostgreSQL inferred, per statement of the transaction (same order). */
  types: string[][];
  globals: Globals;
  /** Work-queue table and its sequence (one row per registration). */
  queue: { table: string; sequence: string };
  /** Unrolled blocks: at most this many pairs and new matches per registration. */
  maxPairs: number;
  maxMatches: number;
}

export interface Script {
  text: string;
  /** Statements per registration: once, per pair, per new match (BEGIN/COMMIT and the queue lookup not counted). */
  shape: {
    once: number;
    perPair: number;
    perMatch: number;
    beforeTx: number;
    samplePairs: number;
    sampleMatches: number;
    /** Statements among `once` that write rows from arrays (the audit flush): rows written always, and per new match. */
    batches: { statement: number; rowsOnce: number; rowsPerMatch: number }[];
  };
  variables: string[];
}

const matchCall = (s: Statement) => /regie\.refindex_match\s*\(/.test(s.text);

export function buildScript(o: ScriptInput): Script {
  const tx = o.statements.filter((s) => s.inTx);
  if (o.types.length !== tx.length) throw new Error('parameter types do not match the statements');
  const calls = tx.flatMap((s, i) => (matchCall(s) ? [i] : []));
  if (calls.length !== 1) throw new Error(`expected one call of regie.refindex_match() in the registration, found ${calls.length}`);
  const iM = calls[0]!;
  const pairs = (tx[iM]!.rows ?? []) as Pair[];
  const matchIds = [...new Set(pairs.map((p) => p.match_id))];
  if (pairs.length < 2 || matchIds.length < 2)
    throw new Error(`the sample registration must make ≥ 2 pairs over ≥ 2 matches (it made ${pairs.length} over ${matchIds.length})`);
  const values = tx.map((s) => s.params.map(wire));
  const refersTo = (i: number) => matchIds.filter((m) => values[i]!.some((v) => v?.includes(m)));
  // Through a scalar parameter (per-pair and per-match statements) or only inside the elements of array parameters (batch statements).
  const isArray = (i: number, p: number) => Array.isArray(tx[i]!.params[p]);
  const refersToScalar = (i: number) => matchIds.filter((m) => values[i]!.some((v, p) => !isArray(i, p) && v?.includes(m)));

  // After the match call: [per pair]* [once]* [per new match]* [once]*, told apart by the match ids in the scalar parameters;
  // a batch statement (match ids only inside its arrays) is sent once, so it counts as once here.
  const after = tx.slice(iM + 1).map((_, k) => iM + 1 + k);
  let at = 0;
  const run = (referring: boolean) => {
    const r: number[] = [];
    while (at < after.length && refersToScalar(after[at]!).length > 0 === referring) r.push(after[at++]!);
    return r;
  };
  const perPairRun = run(true),
    middle = run(false),
    perMatchRun = run(true),
    tail = run(false);
  if (at !== after.length)
    throw new Error('statements about matches come in more than two runs after the match call; the shape of registerInIndex changed');
  const perPair = perPairRun.length / pairs.length,
    perMatch = perMatchRun.length / matchIds.length;
  if (!Number.isInteger(perPair) || !Number.isInteger(perMatch))
    throw new Error(
      `${perPairRun.length} statements for ${pairs.length} pairs and ${perMatchRun.length} for ${matchIds.length} matches: not a whole number per pair/match`,
    );
  const blocks = (run: number[], size: number) =>
    Array.from({ length: size ? run.length / size : 0 }, (_, k) => run.slice(k * size, (k + 1) * size));
  const pairBlocks = blocks(perPairRun, perPair),
    matchBlocks = blocks(perMatchRun, perMatch);
  for (const [k, b] of pairBlocks.entries()) {
    if (b.some((i, j) => tx[i]!.text !== tx[pairBlocks[0]![j]!]!.text))
      throw new Error(`the statements of pair ${k + 1} differ from those of pair 1`);
    if (b.some((i) => !refersTo(i).includes(pairs[k]!.match_id)))
      throw new Error(`a statement of pair ${k + 1} does not carry its match id`);
  }
  for (const [k, b] of matchBlocks.entries()) {
    if (b.some((i, j) => tx[i]!.text !== tx[matchBlocks[0]![j]!]!.text))
      throw new Error(`the statements of new match ${k + 1} differ from those of match 1`);
    if (b.some((i) => !refersTo(i).includes(matchIds[k]!)))
      throw new Error(`a statement of new match ${k + 1} does not carry its match id`);
  }
  for (let i = 0; i < iM; i++)
    if (refersTo(i).length) throw new Error(`statement ${i + 1} before the match call carries a match id it cannot know yet`);
  const seen = new Map<string, string>();
  for (const [name, v] of Object.entries(o.globals)) {
    if (seen.has(v)) throw new Error(`sample values of ${seen.get(v)} and ${name} are equal (${v}); pick a sample actor where they differ`);
    seen.set(v, name);
  }

  const used = new Set<string>(Object.keys(o.globals));
  const pairVars = new Set<string>();
  const global = dictOf(o.globals);
  const statement = (i: number, forms: Form[], suffix: (v: string) => string) =>
    substitute(
      tx[i]!.text,
      forms.map((f, p) => expr(f, o.types[i]![p]!, suffix)),
    ) + ';';
  const once = (i: number) =>
    statement(
      i,
      values[i]!.map((v, p) => resolve([{ value: v, dict: global }], `statement ${i + 1} parameter $${p + 1}`)),
      (v) => v,
    );
  const matchDict = (k: number) => {
    const m = matchIds[k]!;
    const d = dictOf(o.globals);
    d.set(m, [...(d.get(m) ?? []), 'dm']);
    return d;
  };

  // A batch statement: its array parameters, one element per row; rows without a match id first, then per new match its rows.
  interface Batch {
    i: number;
    scalars: (Form | null)[];
    arrays: number[];
    onceRows: Form[][];
    matchRows: Form[][];
    elementTypes: string[];
  }
  const batchOf = (i: number): Batch => {
    const where = `statement ${i + 1} (${tx[i]!.text.replace(/\s+/g, ' ').trim().slice(0, 60)}…)`;
    const ps = tx[i]!.params;
    const arrays = ps.flatMap((v, p) => (Array.isArray(v) ? [p] : []));
    for (const [p, v] of values[i]!.entries())
      if (!isArray(i, p) && matchIds.some((m) => v?.includes(m)))
        throw new Error(`${where}: match ids both in scalar parameter $${p + 1} and inside array parameters; not understood`);
    const lengths = [...new Set(arrays.map((p) => (ps[p] as unknown[]).length))];
    if (lengths.length !== 1)
      throw new Error(
        `${where}: carries match ids inside array parameters of different lengths (${arrays.map((p) => `$${p + 1}: ${(ps[p] as unknown[]).length}`).join(', ')}); expected one element per row in every array`,
      );
    const n = lengths[0]!;
    const elementTypes = arrays.map((p) => {
      const t = o.types[i]![p];
      if (!t?.endsWith('[]')) throw new Error(`${where}: parameter $${p + 1} is an array but PostgreSQL inferred ${t} for it`);
      return t.slice(0, -2);
    });
    const cell = (r: number, p: number) => wire((ps[p] as unknown[])[r]);
    const rowRefers = (r: number) => matchIds.filter((m) => arrays.some((p) => cell(r, p)?.includes(m)));
    const rows = Array.from({ length: n }, (_, r) => rowRefers(r));
    const first = rows.findIndex((m) => m.length > 0);
    const perMatchRows = (n - first) / matchIds.length;
    const shape = `rows ${rows.map((m) => (m.length ? m.map((x) => `match ${matchIds.indexOf(x) + 1}`).join('+') : 'no match')).join(', ')}`;
    if (
      first < 0 ||
      !Number.isInteger(perMatchRows) ||
      perMatchRows < 1 ||
      rows.some((m, r) => (r < first ? m.length !== 0 : m.length !== 1 || m[0] !== matchIds[Math.floor((r - first) / perMatchRows)]))
    )
      throw new Error(
        `${where}: ${n} rows in its array parameters (${shape}); expected rows without a match id first, then the same number of rows for each of the ` +
          `${matchIds.length} new matches in order, each carrying its own match id only`,
      );
    const scalars = values[i]!.map((v, p) =>
      isArray(i, p) ? null : resolve([{ value: v, dict: global }], `${where} parameter $${p + 1}`),
    );
    const onceRows = Array.from({ length: first }, (_, r) =>
      arrays.map((p) => resolve([{ value: cell(r, p), dict: global }], `${where} row ${r + 1} of $${p + 1}`)),
    );
    const matchRows = Array.from({ length: perMatchRows }, (_, r) =>
      arrays.map((p) =>
        resolve(
          matchIds.map((__, k) => ({
            value: cell(first + k * perMatchRows + r, p),
            dict: matchDict(k),
          })),
          `${where} row ${first + r + 1} (per new match) of $${p + 1}`,
        ),
      ),
    );
    return { i, scalars, arrays, onceRows, matchRows, elementTypes };
  };
  const isBatch = (i: number) => refersTo(i).length > 0 && refersToScalar(i).length === 0;
  const batches = new Map([...middle, ...tail].filter(isBatch).map((i) => [i, batchOf(i)]));
  /** The batch statement once per possible number of new matches, its arrays written out; none when it would have no rows (flushAudit then sends nothing). */
  const batchStatement = (b: Batch): string[] => {
    const L: string[] = [
      `-- statement ${b.i + 1} writes ${b.onceRows.length} row(s) and ${b.matchRows.length} per new match from its array parameters, one variant per number of new matches`,
    ];
    for (let k = 0; k <= o.maxMatches; k++) {
      L.push(`\\${k ? 'elif' : 'if'} :nmatches = ${k}`);
      const rows = [
        ...b.onceRows.map((r) => ({ r, sfx: (v: string) => v })),
        ...Array.from({ length: k }, (_, j) => b.matchRows.map((r) => ({ r, sfx: sfx(j + 1) }))).flat(),
      ];
      if (!rows.length) continue;
      const params = b.scalars.map((f, p) => {
        if (f) return expr(f, o.types[b.i]![p]!, (v) => v);
        // No scalar form: parameter p is one of the arrays.
        const a = b.arrays.indexOf(p);
        return `ARRAY[${rows.map(({ r, sfx: x }) => expr(r[a]!, b.elementTypes[a]!, x)).join(', ')}]::${o.types[b.i]![p]}`;
      });
      const sql = substitute(tx[b.i]!.text, params) + ';';
      // pgbench turns every :name into a parameter of its own, at most MAX_ARGS - 1 = 255 per statement.
      const refs = [...sql.matchAll(/(?<!:):[A-Za-z0-9_]+/g)].length;
      if (refs > 255)
        throw new Error(
          `statement ${b.i + 1} with ${k} new matches refers to ${refs} pgbench variables; pgbench allows 255 per statement (lower --refindex-per-client or build its arrays differently)`,
        );
      L.push(sql);
    }
    L.push('\\endif');
    return L;
  };
  const onceOrBatch = (i: number) => (batches.has(i) ? batchStatement(batches.get(i)!) : [once(i)]);
  for (const b of batches.values())
    for (const rows of [...b.onceRows, ...b.matchRows])
      for (const f of rows) if (f.kind === 'parts') for (const t of f.parts) if ('v' in t && !(t.v in o.globals)) pairVars.add(t.v);

  const L: string[] = [];
  L.push(
    '-- Generated by bench/refindex-script.ts from the statements one POST /api/v1/refindex/registrations sent (captured).',
    '-- One transaction = one registration; the work queue holds one distinct (organisation, person) per row.',
    `SELECT ${Object.keys(o.globals).join(', ')} FROM ${o.queue.table} WHERE n = (SELECT nextval('${o.queue.sequence}')) \\gset`,
    'BEGIN;',
  );
  for (let i = 0; i < iM; i++) L.push(once(i));
  // The match call itself, verbatim inside a wrapper that hands its rows to pgbench: per pair k
  // (in the order returned) its match and parties, and the new matches in order of first appearance.
  const forms = values[iM]!.map((v, p) => resolve([{ value: v, dict: global }], `match call parameter $${p + 1}`));
  const call = substitute(
    tx[iM]!.text,
    forms.map((f, p) => expr(f, o.types[iM]![p]!, (v) => v)),
  );
  // Parameter p of the j-th statement of block b (every block has the same statements: checked above).
  const param = (b: number[], j: number, p: number): string | null => {
    const v = values[b[j]!]?.[p];
    if (v === undefined) throw new Error(`statement ${j + 1} of a block has no parameter $${p + 1}`);
    return v;
  };
  const pairForms =
    pairBlocks[0]?.map((first, j) =>
      values[first]!.map((__, p) =>
        resolve(
          pairBlocks.map((b, k) => ({
            value: param(b, j, p),
            dict: dictOf(o.globals, pairs[k], ''),
          })),
          `per-pair statement ${j + 1} parameter $${p + 1}`,
        ),
      ),
    ) ?? [];
  const matchForms =
    matchBlocks[0]?.map((first, j) =>
      values[first]!.map((__, p) =>
        resolve(
          matchBlocks.map((b, k) => ({
            value: param(b, j, p),
            dict: matchDict(k),
          })),
          `per-match statement ${j + 1} parameter $${p + 1}`,
        ),
      ),
    ) ?? [];
  for (const fs of [...pairForms, ...matchForms])
    for (const f of fs) if (f.kind === 'parts') for (const t of f.parts) if ('v' in t && !(t.v in o.globals)) pairVars.add(t.v);
  const cols: string[] = ['count(*) AS npairs', '(SELECT count(*) FROM d) AS nmatches'];
  for (let k = 1; k <= o.maxPairs; k++)
    for (const short of Object.keys(PAIR_FIELDS))
      if (pairVars.has(short))
        cols.push(
          `coalesce((array_agg(p.${PAIR_FIELDS[short as keyof typeof PAIR_FIELDS]}::text ORDER BY p.k))[${k}], '') AS ${short}_${k}`,
        );
  if (pairVars.has('dm'))
    for (let j = 1; j <= o.maxMatches; j++) cols.push(`coalesce((SELECT d.match_id::text FROM d WHERE d.j = ${j}), '') AS dm_${j}`);
  L.push(
    `WITH p AS MATERIALIZED (SELECT row_number() OVER () AS k, r.* FROM (${call}) r),`,
    '     d AS (SELECT match_id, row_number() OVER (ORDER BY min(k)) AS j FROM p GROUP BY match_id)',
    `SELECT ${cols.join(',\n       ')}`,
    '  FROM p \\gset',
  );
  L.push(
    `\\if :npairs > ${o.maxPairs}`,
    `SELECT 1/0 AS more_pairs_than_the_script_unrolls;`,
    '\\endif',
    `\\if :nmatches > ${o.maxMatches}`,
    `SELECT 1/0 AS more_matches_than_the_script_unrolls;`,
    '\\endif',
  );
  const sfx = (k: number) => (v: string) => (v in o.globals ? v : `${v}_${k}`);
  for (let k = 1; k <= o.maxPairs && pairBlocks.length; k++) {
    L.push(`\\if :npairs >= ${k}`);
    pairBlocks[0]!.forEach((i, j) => L.push(statement(i, pairForms[j]!, sfx(k))));
    L.push('\\endif');
  }
  for (const i of middle) L.push(...onceOrBatch(i));
  for (let k = 1; k <= o.maxMatches && matchBlocks.length; k++) {
    L.push(`\\if :nmatches >= ${k}`);
    matchBlocks[0]!.forEach((i, j) => L.push(statement(i, matchForms[j]!, sfx(k))));
    L.push('\\endif');
  }
  for (const i of tail) L.push(...onceOrBatch(i));
  L.push('COMMIT;', '');
  const text = L.join('\n');
  // Every :name pgbench will substitute must be a variable the script sets.
  const known = new Set([
    ...used,
    'npairs',
    'nmatches',
    ...[...pairVars].flatMap((v) => Array.from({ length: Math.max(o.maxPairs, o.maxMatches) }, (_, k) => `${v}_${k + 1}`)),
  ]);
  for (const m of text.matchAll(/(?<!:):([A-Za-z0-9_]+)/g))
    if (!known.has(m[1]!)) throw new Error(`the script refers to an unknown pgbench variable :${m[1]}`);
  return {
    text,
    variables: [...used],
    shape: {
      once: iM + 1 + middle.length + tail.length,
      perPair,
      perMatch,
      beforeTx: o.statements.filter((s) => !s.inTx).length,
      samplePairs: pairs.length,
      sampleMatches: matchIds.length,
      batches: [...batches.values()].map((b) => ({ statement: b.i + 1, rowsOnce: b.onceRows.length, rowsPerMatch: b.matchRows.length })),
    },
  };
}
