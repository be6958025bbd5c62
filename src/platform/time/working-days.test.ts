import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addWorkingDays, easterSunday, endOfDutchDay, isWorkingDay, publicHolidays, workingDaysBetween } from './working-days.js';

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
    expect(addWorkingDays('2026-04-30', 10)).toBe('2026-05-18'); // over 5 May and Ascension Day
  });

  it('addWorkingDays and workingDaysBetween agree, and the result is a working day', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 30 }), (offset, n) => {
      const start = new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
      const due = addWorkingDays(start, n);
      expect(isWorkingDay(due)).toBe(true);
      const base = addWorkingDays(start, 0);
      expect(workingDaysBetween(base, due)).toBe(n);
    }));
  });

  it('counts working days between any two dates exactly as walking them day by day would', () => {
    const walk = (a: string, b: string): number => {
      if (b < a) return -walk(b, a);
      let n = 0;
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
      return n;
    };
    const day = fc.integer({ min: 0, max: 4000 }).map((o) => new Date(Date.UTC(2023, 0, 1 + o)).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => { expect(workingDaysBetween(a, b)).toBe(walk(a, b)); }), { numRuns: 500 });
    expect(workingDaysBetween('2026-04-30', '2026-05-18')).toBe(10); // Koningsdag is before, 5 May and Ascension inside
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5); // 28–31 Dec and 4 Jan: 25 Dec and 1 Jan are Fridays off
    expect(workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
  });

  it('ends a deadline at midnight Dutch time, summer and winter', () => {
    expect(endOfDutchDay('2026-11-25').toISOString()).toBe('2026-11-25T22:59:59.999Z');
    expect(endOfDutchDay('2026-07-01').toISOString()).toBe('2026-07-01T21:59:59.999Z');
  });
});
