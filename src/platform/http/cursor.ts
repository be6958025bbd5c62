// Opaque cursors for keyset pagination: base64url of [sortValue, id]. A cursor comes back from
// the client, so it is input: what it decodes to is checked here, once, before it reaches SQL
// (a forged id or timestamp used to end as a failed cast, i.e. a 500).
import { Invalid } from './errors.js';
import { checkInput } from './input.js';
import { isCalendarDate } from './primitives.js';

/** What the sort value is: plain text, a timestamp (ISO 8601, UTC) or a Dutch calendar day. */
export type SortKind = 'text' | 'timestamp' | 'date';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?Z$/;
// A text sort value may itself be JSON (the professionals list): no escaped NUL or surrogate either.
const ESCAPED_UNSAFE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;
const MAX_SORT_VALUE = 600;

export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

function validSortValue(v: string, kind: SortKind): boolean {
  if (v.length > MAX_SORT_VALUE || ESCAPED_UNSAFE.test(v)) return false;
  try {
    checkInput(v, 'querystring');
  } catch {
    return false;
  }
  if (kind === 'timestamp') {
    const day = TIMESTAMP.exec(v)?.[1];
    return day !== undefined && isCalendarDate(day);
  }
  if (kind === 'date') return isCalendarDate(v);
  // Text that starts like a day is one (a date or timestamp sort value cast in SQL): a real day.
  const day = /^(\d{4}-\d{2}-\d{2})(T?)/.exec(v);
  if (day) return day[1] !== undefined && isCalendarDate(day[1]) && (!day[2] || TIMESTAMP.test(v));
  return true;
}

/** The [sortValue, id] a cursor of ours holds; anything else is a 400 naming `cursor`. */
export function decodeCursor(cursor: string | undefined, kind: SortKind = 'text'): [string, string] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      UUID.test(v[1]) &&
      validSortValue(v[0], kind)
    )
      return v as [string, string];
  } catch {
    /* fall through */
  }
  throw new Invalid('invalid_cursor', 'cursor', {
    nl: 'Ongeldige paginacursor. Begin opnieuw bij de eerste pagina.',
    en: 'Invalid page cursor. Start again at the first page.',
  });
}

/** Takes limit+1 rows and turns the extra one into the next cursor. */
export function page<T extends { id: string }>(rows: T[], sortValues: string[], limit: number) {
  const items = rows.slice(0, limit);
  let next: string | null = null;
  if (rows.length > limit) {
    const last = items[limit - 1];
    const sortValue = sortValues[limit - 1];
    if (!last || sortValue === undefined) throw new Error(`page: no last row or sort value at limit ${limit}`);
    next = encodeCursor(sortValue, last.id);
  }
  return { items, nextCursor: next };
}
