// Input that no route may see, refused once at the edge instead of in every schema: NUL bytes
// and lone UTF-16 surrogates (PostgreSQL cannot store either, so they used to end as a 500),
// and JSON nested deeper than any form of ours. Plus the shared zod primitives whose ranges the
// database also holds: calendar dates within a sane range and int4 version numbers.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from './errors.js';

const msg = (nl: string, en: string) => `nl:${nl}|${en}`;

/** Deeper than any of Regie's bodies (a family with members with addresses is 4). */
export const MAX_JSON_DEPTH = 16;
// A NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const where = (context: string, path: string) => (context === 'body' ? path || 'body' : path ? `${context}.${path}` : context);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** Walks a parsed body, query or params without recursion; throws 400 naming the first bad field. */
export function checkInput(value: unknown, context: 'body' | 'querystring' | 'params') {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSAFE.test(v)) throw new Invalid('invalid_characters', where(context, path), {
        nl: 'Deze tekst bevat een teken dat niet kan worden opgeslagen (een nul-teken of een half emoji-teken). Typ de tekst opnieuw.',
        en: 'This text holds a character that cannot be stored (a NUL or half of an emoji). Type the text again.' });
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      if (depth >= MAX_JSON_DEPTH) throw new Invalid('too_deep', where(context, path), {
        nl: `De gegevens zijn dieper genest dan ${MAX_JSON_DEPTH} niveaus.`, en: `The data is nested deeper than ${MAX_JSON_DEPTH} levels.` });
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
      for (const [k, x] of entries) {
        if (typeof k === 'string' && UNSAFE.test(k)) throw new Invalid('invalid_characters', where(context, path), {
          nl: 'Een veldnaam bevat een teken dat niet kan worden opgeslagen.', en: 'A field name holds a character that cannot be stored.' });
        stack.push({ v: x, path: join(path, k), depth: depth + 1 });
      }
    }
  }
}

/** preValidation hook: before zod sees the input, so every route gets the same answer. */
export async function refuseUnsafeInput(req: FastifyRequest) {
  checkInput(req.params, 'params');
  checkInput(req.query, 'querystring');
  checkInput(req.body, 'body');
}

// ---- shared zod primitives -----------------------------------------------------------------

/** The years a date in Regie can have: births since 1900, deadlines and filters up to 2200. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A real calendar day (no 31 February) as YYYY-MM-DD, within MIN_YEAR..MAX_YEAR. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A date field: format: date in the OpenAPI document, a real day in a sane range in practice. */
export const IsoDate = z.iso.date(msg('Geen geldige datum (JJJJ-MM-DD).', 'Not a valid date (YYYY-MM-DD).'))
  .refine(isCalendarDate, msg(`Geen bestaande datum tussen ${MIN_YEAR} en ${MAX_YEAR}.`, `Not an existing date between ${MIN_YEAR} and ${MAX_YEAR}.`));

/** The largest value of PostgreSQL's integer (int4), which version columns are. */
export const INT4_MAX = 2_147_483_647;

/** An optimistic-lock version as the client last saw it. */
export const Version = z.number().int().min(1).max(INT4_MAX, msg('Onbekende versie.', 'Unknown version.'));
