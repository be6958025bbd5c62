// Dates as a Dutch user types and reads them — day-month-year, whatever the browser's language —
// stored and sent as ISO (YYYY-MM-DD). Pure functions, used by the date fields in date-fields.tsx.
import { isCalendarDate } from '@contract/shared/primitives.js';

/** A real calendar date as ISO, or null: the server's own rule (isCalendarDate), so both agree. */
export function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * What a user typed as a date: "12-3-2025", "12/03/2025", "12.03.2025", "12 03 2025", "12032025"
 * or ISO "2025-03-12". Returns the ISO date, or null when it is no real date.
 */
export function parseDutchDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** ISO → "12-03-2025"; anything else is returned as it is (a half-typed value stays visible). */
export function formatDutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** ISO → the three fields of a birth date ("", "", "" when empty or unreadable). */
export function partsOf(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}

/**
 * The three fields → the value the form sends: "" when all are empty, the ISO date when they make
 * a real date, otherwise the fields as typed in ISO order, so that the server names the field
 * ("no real date") instead of the form silently dropping it.
 */
export function valueOfParts(p: DateParts): string {
  const [day, month, year] = [p.day.trim(), p.month.trim(), p.year.trim()];
  if (!day && !month && !year) return '';
  const iso = /^\d+$/.test(day) && /^\d+$/.test(month) && /^\d{4}$/.test(year) ? isoOf(Number(year), Number(month), Number(day)) : null;
  return iso ?? `${year}-${month}-${day}`;
}

/** Which part of a date is missing or wrong, for one message per field (day, then month, then year). */
export function datePartProblem(p: DateParts): 'day' | 'month' | 'year' | 'date' | null {
  const [day, month, year] = [p.day.trim(), p.month.trim(), p.year.trim()];
  if (!day && !month && !year) return null;
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31) return 'day';
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return 'month';
  if (!/^\d{4}$/.test(year)) return 'year';
  return isoOf(Number(year), Number(month), Number(day)) ? null : 'date';
}
