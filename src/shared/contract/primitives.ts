// Shared zod primitives of the API, used by every module's contract and by the web app (through
// the @contract path alias): ids, dates, versions, the BSN, the legal basis. Request schemas carry
// the ranges PostgreSQL holds: a date is a real calendar day in a sane range (no 31 February, no
// year 0 reaching a ::date cast), a version is an int4. Responses keep plain schemas: what the
// database returns is not checked twice. Only zod and other files of this folder may be imported
// here: the web bundle includes them.
import { z } from 'zod';
import { isValidBsn } from './bsn.js';
import { LEGAL_BASES } from './enums.js';

/**
 * A validation message in both languages, as zod carries it ("nl:<Dutch>|<English>"); the server's
 * problem details split it again (src/platform/http/validation-text.ts). Every contract writes its
 * own messages through this one function.
 */
export const msg = (nl: string, en: string) => `nl:${nl}|${en}`;

/** The two languages of a message written by `msg`, or null for zod's own message. */
export function msgParts(message: string | undefined): { nl: string; en: string } | null {
  if (!message?.startsWith('nl:')) return null;
  const [nl = '', en] = message.slice(3).split('|');
  return { nl, en: en ?? nl };
}

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
export const IsoDate = z.iso
  .date(msg('Vul een bestaande datum in (dag, maand en jaar).', 'Enter an existing date (day, month and year).'))
  .refine(
    isCalendarDate,
    msg(`Geen bestaande datum tussen ${MIN_YEAR} en ${MAX_YEAR}.`, `Not an existing date between ${MIN_YEAR} and ${MAX_YEAR}.`),
  );

/** The largest value of PostgreSQL's integer (int4), which version columns are. */
export const INT4_MAX = 2_147_483_647;

/** An optimistic-lock version as the client last saw it. */
export const Version = z.number().int().min(1).max(INT4_MAX, msg('Onbekende versie.', 'Unknown version.'));

/** An instant with an offset, on a real calendar day in the same range. */
export const IsoDateTime = z.iso
  .datetime({ offset: true, message: msg('Geen geldig tijdstip.', 'Not a valid date-time.') })
  .refine(
    (v) => isCalendarDate(v.slice(0, 10)),
    msg(`Geen bestaand tijdstip tussen ${MIN_YEAR} en ${MAX_YEAR}.`, `Not an existing date-time between ${MIN_YEAR} and ${MAX_YEAR}.`),
  );

/** A record id. */
export const Uuid = z.uuid();

const today = () => new Date().toISOString().slice(0, 10);

/** A burgerservicenummer: nine digits passing the 11-test. */
export const Bsn = z
  .string()
  .regex(/^\d{9}$/, msg('Een BSN heeft 9 cijfers.', 'A BSN has 9 digits.'))
  .refine(isValidBsn, msg('Dit BSN klopt niet (elfproef).', 'This BSN fails the 11-test.'));

/** A birth date: a real day, not in the future, not before 1900. */
export const BirthDate = IsoDate.refine(
  (d) => d <= today(),
  msg('Een geboortedatum kan niet in de toekomst liggen.', 'A birth date cannot be in the future.'),
).refine((d) => d >= '1900-01-01', msg('Een geboortedatum ligt na 1900.', 'A birth date is after 1900.'));

/** The legal basis on which a professional processes a family's data. */
export const LegalBasis = z.enum(LEGAL_BASES);

/** The phases of a case. */
export const CaseStatus = z.enum(['registered', 'exploring', 'plan', 'executing', 'evaluating', 'closed', 'monitoring']);
