// Shared zod primitives for request schemas, with the ranges PostgreSQL holds: a date is a real
// calendar day in a sane range (no 31 February, no year 0 reaching a ::date cast), a version is
// an int4. Responses keep plain schemas: what the database returns is not checked twice.
import { z } from 'zod';

const msg = (nl: string, en: string) => `nl:${nl}|${en}`;

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

/** An instant with an offset, on a real calendar day in the same range. */
export const IsoDateTime = z.iso.datetime({ offset: true, message: msg('Geen geldig tijdstip.', 'Not a valid date-time.') })
  .refine((v) => isCalendarDate(v.slice(0, 10)), msg(`Geen bestaand tijdstip tussen ${MIN_YEAR} en ${MAX_YEAR}.`, `Not an existing date-time between ${MIN_YEAR} and ${MAX_YEAR}.`));
