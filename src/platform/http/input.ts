// Input that no route may see, refused once at the edge instead of in every schema: NUL bytes
// and lone UTF-16 surrogates (PostgreSQL cannot store either, so they used to end as a 500),
// and JSON nested deeper than any form of ours. The shared zod primitives are in primitives.ts.
import type { FastifyRequest } from 'fastify';
import { Invalid } from './errors.js';

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
      if (UNSAFE.test(v))
        throw new Invalid('invalid_characters', where(context, path), {
          nl: 'Deze tekst bevat een teken dat niet kan worden opgeslagen (een nul-teken of een half emoji-teken). Typ de tekst opnieuw.',
          en: 'This text holds a character that cannot be stored (a NUL or half of an emoji). Type the text again.',
        });
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      if (depth >= MAX_JSON_DEPTH)
        throw new Invalid('too_deep', where(context, path), {
          nl: `De gegevens zijn dieper genest dan ${MAX_JSON_DEPTH} niveaus.`,
          en: `The data is nested deeper than ${MAX_JSON_DEPTH} levels.`,
        });
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
      for (const [k, x] of entries) {
        if (typeof k === 'string' && UNSAFE.test(k))
          throw new Invalid('invalid_characters', where(context, path), {
            nl: 'Een veldnaam bevat een teken dat niet kan worden opgeslagen.',
            en: 'A field name holds a character that cannot be stored.',
          });
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
