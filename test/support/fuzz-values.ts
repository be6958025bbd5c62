// The values the fuzz test (test/int/fuzz.test.ts) sends: plausible ones generated from the OpenAPI
// document's schemas, hostile ones of the same type (NUL bytes, lone surrogates, impossible dates,
// forged ids and cursors, huge numbers, deep JSON), and the check every answer must pass.
import { expect } from 'vitest';
import fc from 'fast-check';

export type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  nullable?: boolean;
};
/** Ids that exist, so that some requests get past "not found" and reach the SQL behind it. */
export const known: string[] = [];

// ---- hostile values ------------------------------------------------------------------------

export const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
export const uuidLike = fc.uuid();
export const nastyString = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom('\uD800', 'a\uDC00b', 'Jan\uD83D', '\uDFFFx', 'e\u0301\uFEFF\u202E'),
  fc.constantFrom(
    '31-02-2020',
    '0000-01-01',
    '2020-13-45',
    '2020-02-30',
    '9999-12-31',
    '-0001-01-01',
    '1-1-1',
    '00-00-0000',
    '2020-02-29T25:61:00Z',
  ),
  fc.constantFrom(
    '-'.repeat(36),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    "'; DROP TABLE families; --",
    '%00',
    '..%2f..%2f',
  ),
  fc.constantFrom('2147483648', '-2147483649', '9223372036854775808', '1e309', 'NaN', '-0', '0x10', ' 1 '),
  fc.string({ minLength: 0, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('x'.repeat(5000), 'ä'.repeat(300)),
);
export const cursor = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a).toString('base64url')),
  fc.constant(b64(['x', '-'.repeat(36)])),
  fc
    .tuple(
      fc.constantFrom(
        '2026-01-01T00:00:00.000Z',
        '2026-01-01',
        'Jansen',
        '31-02-2020',
        '0000-01-01',
        '\u0000',
        '99999999999999999999',
        '1',
      ),
      uuidLike,
    )
    .map(([s, id]) => b64([s, id])),
  fc.tuple(nastyString, nastyString).map(([s, id]) => b64([s, id])),
  fc.constantFrom(b64([1, 2]), b64({}), b64('[]'), b64(['a']), b64(null), '!!!', '-'.repeat(36)),
);
export const nastyNumber = fc.oneof(
  fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, -1, 0, 1.5, 1e308, Number.MAX_SAFE_INTEGER),
  fc.integer(),
);
export const deep = fc.integer({ min: 20, max: 3000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)));
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  deep,
);

export function resolve(doc: any, s: Schema | undefined): Schema {
  let x = s ?? {};
  while (x.$ref)
    x = x.$ref
      .split('/')
      .slice(1)
      .reduce((o: any, k: string) => o[k], doc);
  return x;
}

/** A plausible value for the schema, so that the other fields pass and the hostile one is reached. */
export function plausible(doc: any, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => plausible(doc, a, depth)));
  if (s.allOf?.length) return plausible(doc, s.allOf[0], depth);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...known.filter((k) => /^[0-9a-f-]{36}$/.test(k))), uuidLike);
      if (s.format === 'date') return fc.constantFrom('2020-01-01', '2026-12-03', '1990-06-15');
      if (s.format === 'date-time') return fc.constantFrom('2026-12-03T10:00:00Z');
      return fc.oneof(
        fc.string({ minLength: 1, maxLength: Math.min(s.maxLength ?? 30, 30) }),
        fc.constantFrom('Jansen de Vries lorem ipsum', 'Een zorg over een gezin'),
      );
    case 'integer':
    case 'number':
      return fc.integer({ min: Math.max(s.minimum ?? 0, -5), max: Math.min(s.maximum ?? 10, 10) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(plausible(doc, s.items, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectOf(doc, s, depth + 1);
    default:
      return anyJson;
  }
}

/** The object with every required property and some optional ones; one of them may be hostile. */
export function objectOf(doc: any, s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of props) rec[k] = fuzzed(doc, v, depth);
  const required = (s.required ?? []).filter((k) => k in rec);
  return fc
    .tuple(fc.record(rec, { requiredKeys: required }), fc.option(fc.dictionary(nastyString, anyJson, { maxKeys: 2 }), { freq: 5 }))
    .map(([o, extra]) => ({ ...o, ...(extra ?? {}) }));
}

export const impossibleDate = fc.constantFrom('2020-02-30', '2021-02-29', '0000-01-01', '2020-13-45', '9999-12-31', '31-02-2020', '1-1-1');
export const forgedId = fc.constantFrom(
  '-'.repeat(36),
  '00000000-0000-0000-0000-00000000000g',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0'.repeat(36),
);

/** Hostile values of the schema's own type: they pass a careless check and reach the SQL behind it. */
export function hostile(doc: any, raw: Schema | undefined): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'integer' || type === 'number') return nastyNumber;
  if (type === 'string' && s.format === 'date') return impossibleDate;
  if (type === 'string' && s.format === 'uuid') return forgedId;
  if (type === 'string') return nastyString;
  return anyJson;
}

/** Mostly plausible, sometimes hostile: the mix that reaches deep and still breaks things. */
export function fuzzed(doc: any, s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: plausible(doc, s, depth), weight: 4 },
    { arbitrary: hostile(doc, s), weight: 2 },
    { arbitrary: anyJson, weight: 1 },
  );
}

export function queryValue(doc: any, name: string, s: Schema): fc.Arbitrary<string | undefined> {
  const base =
    name === 'cursor'
      ? cursor
      : fc.oneof(
          plausible(doc, s).map((v) => (v === undefined ? undefined : String(v))),
          hostile(doc, s).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
          nastyString,
        );
  return fc.option(base, { freq: 3, nil: undefined });
}

/** Never a 5xx; a refusal is problem+json in Dutch and English; a 400 names the field. */
export function expectWellFormed(r: { statusCode: number; headers: Record<string, unknown>; body: string }, sent: string) {
  if (process.env.FUZZ_DEBUG) console.log(sent.slice(0, 80), '→', r.statusCode, r.statusCode >= 400 ? JSON.parse(r.body).code : '');
  const where = `${sent}\n→ ${r.statusCode} ${r.body.slice(0, 300)}`;
  expect(r.statusCode, where).toBeLessThan(500);
  if (r.statusCode >= 400) {
    expect(String(r.headers['content-type']), where).toMatch(/^application\/problem\+json/);
    const p = JSON.parse(r.body);
    for (const k of ['title', 'titleEn', 'detail', 'detailEn', 'code']) expect(typeof p[k], `${where} ${k}`).toBe('string');
    if (r.statusCode === 400) expect(p.field, `${where}: names the field`).toEqual(expect.any(String));
  }
}

/** Percent-encoding that also sends a lone surrogate (as the bytes a careless client would send). */
export const encode = (s: string) =>
  s
    .replace(/[\uD800-\uDFFF]/g, '\uFFFD')
    .split('\uFFFD')
    .map(encodeURIComponent)
    .join('%ED%A0%80');
