// Working days in the Netherlands: Monday to Friday, minus the national public holidays:
// Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or Saturday 26 April when the
// 27th is a Sunday), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
// Goede Vrijdag is not a national day off and is not counted.
//
// Bevrijdingsdag (5 May) differs between employers and collective agreements: for some a day off
// every year, for many only every fifth year (2025, 2030, ...), for others never. The REGION
// decides (signal_settings.liberation_day, set in Beheer → Regio-instellingen): 'lustrum' (the
// default: a day off in lustrum years only), 'always' or 'never'. Every function here takes the
// region's rules (region-calendar.ts reads them); without them the default applies.
// See docs/adr/0012-holidays-and-possible-same-person.md.
// Dates are calendar dates (YYYY-MM-DD) in Dutch local time; deadlines end at the end of that day.

import type { LiberationDayRule } from '../../shared/contract/enums.js';
export { LIBERATION_DAY_RULES, type LiberationDayRule } from '../../shared/contract/enums.js';
export interface HolidayRules {
  liberationDay: LiberationDayRule;
}
export const DEFAULT_HOLIDAY_RULES: HolidayRules = Object.freeze({ liberationDay: 'lustrum' });

/** Whether 5 May of a year is a day off under a rule; lustrum years are those divisible by five (1945 + 5k). */
export function liberationDayOff(year: number, rule: LiberationDayRule): boolean {
  return rule === 'always' || (rule === 'lustrum' && year % 5 === 0);
}

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday

const cache = new Map<string, Map<string, string>>();
/** The public holidays of a year under a region's rules, date → Dutch name. */
export function publicHolidays(year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): Map<string, string> {
  const key = `${year}:${rules.liberationDay}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const easter = easterSunday(year);
  const kingsDay = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  const m = new Map<string, string>([
    [`${year}-01-01`, 'Nieuwjaarsdag'],
    [easter, 'Eerste Paasdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    ...(liberationDayOff(year, rules.liberationDay) ? [[`${year}-05-05`, 'Bevrijdingsdag'] as [string, string]] : []),
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 49), 'Eerste Pinksterdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [`${year}-12-25`, 'Eerste Kerstdag'],
    [`${year}-12-26`, 'Tweede Kerstdag'],
  ]);
  // Ascension can fall on 5 May (2016, 2067): one day off with both names.
  if (liberationDayOff(year, rules.liberationDay) && addDays(easter, 39) === `${year}-05-05`)
    m.set(`${year}-05-05`, 'Bevrijdingsdag en Hemelvaartsdag');
  cache.set(key, m);
  return m;
}

export function isWorkingDay(date: string, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !publicHolidays(Number(date.slice(0, 4)), rules).has(date);
}

/** The date n working days after `date` (n = 0: the same day, or the next working day if it is not one). */
export function addWorkingDays(date: string, n: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): string {
  let d = date;
  while (!isWorkingDay(d, rules)) d = addDays(d, 1);
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, rules)) left--;
  }
  return d;
}

export interface SkippedDay {
  date: string;
  name: string;
}
/**
 * The public holidays on weekdays from `from` to `to` (both inclusive): the days a deadline
 * counted from `from` skipped to land on `to`. Weekends are not listed; a holiday on a Saturday
 * or Sunday skips nothing.
 */
export function skippedHolidays(from: string, to: string, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): SkippedDay[] {
  if (to < from) return [];
  const out: SkippedDay[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const [date, name] of publicHolidays(y, rules)) {
      const wd = weekday(date);
      if (date >= from && date <= to && wd !== 0 && wd !== 6) out.push({ date, name });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 (a Thursday) of a calendar date. */
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const isWeekdayNumber = (n: number) => {
  const wd = (((n + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6;
};
// Weekdays from a Monday long before any date we see (day 4 = 1970-01-05 minus 10,000 weeks) up to day n.
const weekdaysUpTo = (n: number) => {
  const k = n - 4 + 70_000 + 1;
  return Math.floor(k / 7) * 5 + Math.min(k % 7, 5);
};

/**
 * Working days from a (exclusive) to b (inclusive); negative when b is before a. Counted, not
 * walked: weekdays by arithmetic, minus the public holidays on weekdays in between — a list of
 * signals months overdue asks this for every row.
 */
export function workingDaysBetween(a: string, b: string, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): number {
  if (b < a) return -workingDaysBetween(b, a, rules);
  const start = dayNumber(a) + 1,
    end = dayNumber(b);
  if (end < start) return 0;
  let n = weekdaysUpTo(end) - weekdaysUpTo(start - 1);
  for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y++) {
    for (const h of publicHolidays(y, rules).keys()) {
      const d = dayNumber(h);
      if (d >= start && d <= end && isWeekdayNumber(d)) n--;
    }
  }
  return n;
}

/** Today's date in the Netherlands. */
const amsterdamDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });
export function dutchToday(now = new Date()): string {
  return amsterdamDate.format(now);
}

/** The moment a deadline date ends: 23:59:59.999 Dutch time. */
export function endOfDutchDay(date: string): Date {
  // Amsterdam is UTC+1 or UTC+2; find the offset on that date.
  const noon = new Date(`${date}T12:00:00Z`);
  const local = new Date(noon.toLocaleString('en-US', { timeZone: 'Europe/Amsterdam' }));
  const offsetMs = local.getTime() - new Date(noon.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(new Date(`${date}T23:59:59.999Z`).getTime() - offsetMs);
}
