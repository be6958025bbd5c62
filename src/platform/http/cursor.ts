// Opaque cursors for keyset pagination: base64url of [sortValue, id].
import { Invalid } from './errors.js';

export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string, string] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) return v as [string, string];
  } catch { /* fall through */ }
  throw new Invalid('invalid_cursor', 'cursor', { nl: 'Ongeldige paginacursor.', en: 'Invalid page cursor.' });
}

/** Takes limit+1 rows and turns the extra one into the next cursor. */
export function page<T extends { id: string }>(rows: T[], sortValues: string[], limit: number) {
  const items = rows.slice(0, limit);
  const next = rows.length > limit ? encodeCursor(sortValues[limit - 1], items[limit - 1].id) : null;
  return { items, nextCursor: next };
}
