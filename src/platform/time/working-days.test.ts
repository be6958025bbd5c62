import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  easterSunday,
  endOfDutchDay,
  isWorkingDay,
  liberationDayOff,
  publicHolidays,
  skippedHolidays,
  workingDaysBetween,
  type HolidayRules,
} from './working-days.js';

const ALWAYS: HolidayRules = { liberationDay: 'always' };
const NEVER: HolidayRules = { liberationDay: 'never' };

describe('Dutch working days', () => {
  it('knows Easter and the holidays that hang on it', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2024)).toBe('2024-03-31');
    const h = publicHolidays(2026);
    expect(h.get('2026-04-06')).toBe('Tweede Paasdag');
    expect(h.get('2026-05-14')).toBe('Hemelvaartsdag');
    expect(h.get('2026-05-25')).toBe('Tweede Pinksterdag');
    expect(h.get('2026-04-27')).toBe('Koningsdag');
    expect(publicHolidays(2025).get('2025-04-26')).toBe('Koningsdag'); // 27 April 2025 is a Sunday
  });

  it('skips weekends and holidays', () => {
    expect(isWorkingDay('2026-11-25')).toBe(true); // Wednesday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(addWorkingDays('2026-11-25', 5)).toBe('2026-12-02');
    expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-28'); // over Christmas and a weekend
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-30'); // a Saturday report is due Monday
    expect(addWorkingDays('2026-04-30', 10, ALWAYS)).toBe('2026-05-18'); // over 5 May and Ascension Day
    expect(addWorkingDays('2026-04-30', 10)).toBe('2026-05-15'); // 2026 is no lustrum year: 5 May is a working day by default
  });

  it('addWorkingDays and workingDaysBetween agree, and the result is a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 30 }), (offset, n) => {
        const start = new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
        const due = addWorkingDays(start, n);
        expect(isWorkingDay(due)).toBe(true);
        const base = addWorkingDays(start, 0);
        expect(workingDaysBetween(base, due)).toBe(n);
      }),
    );
  });

  it('counts working days between any two dates exactly as walking them day by day would', () => {
    const walk = (a: string, b: string): number => {
      if (b < a) return -walk(b, a);
      let n = 0;
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
      return n;
    };
    const day = fc.integer({ min: 0, max: 4000 }).map((o) => new Date(Date.UTC(2023, 0, 1 + o)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(workingDaysBetween(a, b)).toBe(walk(a, b));
      }),
      { numRuns: 500 },
    );
    expect(workingDaysBetween('2026-04-30', '2026-05-18', ALWAYS)).toBe(10); // Koningsdag is before, 5 May and Ascension inside
    expect(workingDaysBetween('2026-04-30', '2026-05-18')).toBe(11); // only Ascension inside
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5); // 28–31 Dec and 4 Jan: 25 Dec and 1 Jan are Fridays off
    expect(workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
  });

  it('ends a deadline at midnight Dutch time, summer and winter', () => {
    expect(endOfDutchDay('2026-11-25').toISOString()).toBe('2026-11-25T22:59:59.999Z');
    expect(endOfDutchDay('2026-07-01').toISOString()).toBe('2026-07-01T21:59:59.999Z');
  });

  it('has exactly the national holidays of a year, from a table checked against the calendar', () => {
    // Rijksoverheid's list for 2026 and 2027 (Goede Vrijdag is not a national day off).
    expect([...publicHolidays(2026, ALWAYS)].sort()).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag'],
      ['2026-04-05', 'Eerste Paasdag'],
      ['2026-04-06', 'Tweede Paasdag'],
      ['2026-04-27', 'Koningsdag'],
      ['2026-05-05', 'Bevrijdingsdag'],
      ['2026-05-14', 'Hemelvaartsdag'],
      ['2026-05-24', 'Eerste Pinksterdag'],
      ['2026-05-25', 'Tweede Pinksterdag'],
      ['2026-12-25', 'Eerste Kerstdag'],
      ['2026-12-26', 'Tweede Kerstdag'],
    ]);
    expect([...publicHolidays(2027, NEVER).keys()].sort()).toEqual([
      '2027-01-01',
      '2027-03-28',
      '2027-03-29',
      '2027-04-27',
      '2027-05-06',
      '2027-05-16',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ]);
    // Koningsdag moves to Saturday 26 April when the 27th is a Sunday (2025, 2031), never to Monday.
    expect(publicHolidays(2031).get('2031-04-26')).toBe('Koningsdag');
    expect(publicHolidays(2031).has('2031-04-28')).toBe(false);
    // Easter in known years (computus), and Ascension falling on 5 May in 2016.
    expect(['2019', '2020', '2021', '2022', '2023', '2025', '2028', '2030'].map((y) => easterSunday(Number(y)))).toEqual([
      '2019-04-21',
      '2020-04-12',
      '2021-04-04',
      '2022-04-17',
      '2023-04-09',
      '2025-04-20',
      '2028-04-16',
      '2030-04-21',
    ]);
    expect(publicHolidays(2016, ALWAYS).get('2016-05-05')).toBe('Bevrijdingsdag en Hemelvaartsdag');
    expect(publicHolidays(2016, NEVER).get('2016-05-05')).toBe('Hemelvaartsdag');
  });

  it('lets the region decide about 5 May: lustrum years (the default), every year or never', () => {
    expect([2025, 2030, 2026, 2029].map((y) => liberationDayOff(y, 'lustrum'))).toEqual([true, true, false, false]);
    expect(isWorkingDay('2025-05-05')).toBe(false); // Monday, lustrum year
    expect(isWorkingDay('2025-05-05', NEVER)).toBe(true);
    expect(isWorkingDay('2026-05-05')).toBe(true); // Tuesday, no lustrum
    expect(isWorkingDay('2026-05-05', ALWAYS)).toBe(false);
    // Friday 24 April 2026, normal urgency (10 working days): 11 May, or 12 May when 5 May is off.
    expect(addWorkingDays('2026-04-24', 10)).toBe('2026-05-11');
    expect(addWorkingDays('2026-04-24', 10, NEVER)).toBe('2026-05-11');
    expect(addWorkingDays('2026-04-24', 10, ALWAYS)).toBe('2026-05-12');
  });

  it('names the holidays a deadline skipped, weekdays only', () => {
    expect(skippedHolidays('2026-04-24', '2026-05-11')).toEqual([{ date: '2026-04-27', name: 'Koningsdag' }]);
    expect(skippedHolidays('2026-04-24', '2026-05-12', ALWAYS)).toEqual([
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
    ]);
    // Easter Sunday and Whit Sunday are Sundays: nothing skipped for them; over the new year both Christmas days and New Year.
    expect(skippedHolidays('2026-04-01', '2026-05-31').map((h) => h.name)).toEqual([
      'Tweede Paasdag',
      'Koningsdag',
      'Hemelvaartsdag',
      'Tweede Pinksterdag',
    ]);
    expect(skippedHolidays('2026-12-20', '2027-01-05').map((h) => h.date)).toEqual(['2026-12-25', '2027-01-01']); // 26 Dec 2026 is a Saturday
    expect(skippedHolidays('2026-05-12', '2026-05-11')).toEqual([]);
  });

  it('skips exactly the listed holidays: working days + weekend days + skipped holidays fill the span', () => {
    const rules = fc.constantFrom<HolidayRules>(ALWAYS, NEVER, { liberationDay: 'lustrum' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 40 }), rules, (offset, n, r) => {
        const start = addWorkingDays(new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10), 0, r);
        const due = addWorkingDays(start, n, r);
        let weekend = 0,
          total = 0;
        for (let d = start; d <= due; d = addDays(d, 1)) {
          total++;
          const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
          if (wd === 0 || wd === 6) weekend++;
        }
        expect(n + 1 + weekend + skippedHolidays(start, due, r).length).toBe(total);
      }),
    );
  });
});
