import { describe, expect, it } from 'vitest';
import { datePartProblem, formatDutchDate, isoOf, parseDutchDate, partsOf, valueOfParts } from './dates.js';

describe('Dutch dates', () => {
  it('reads day-month-year in the ways people type it, and ISO', () => {
    for (const s of ['12-3-2025', '12-03-2025', '12/03/2025', '12.03.2025', '12 03 2025', '12032025', ' 2025-03-12 '])
      expect(parseDutchDate(s), s).toBe('2025-03-12');
  });
  it('refuses what is no real date', () => {
    for (const s of ['31-02-2025', '29-02-2023', '00-01-2020', '12-13-2020', '2025-3', '', 'morgen', '03/12/25'])
      expect(parseDutchDate(s), s).toBeNull();
    expect(parseDutchDate('29-02-2024')).toBe('2024-02-29');
    expect(isoOf(2024, 2, 30)).toBeNull();
  });
  it('shows ISO as day-month-year and leaves a half-typed value alone', () => {
    expect(formatDutchDate('2025-03-12')).toBe('12-03-2025');
    expect(formatDutchDate('12-3')).toBe('12-3');
  });
  it('turns three fields into the value sent, and back', () => {
    expect(valueOfParts({ day: '5', month: '9', year: '2016' })).toBe('2016-09-05');
    expect(valueOfParts({ day: '', month: '', year: '' })).toBe('');
    expect(valueOfParts({ day: '31', month: '2', year: '2016' })).toBe('2016-2-31');
    expect(partsOf('2016-09-05')).toEqual({ day: '5', month: '9', year: '2016' });
    expect(partsOf('')).toEqual({ day: '', month: '', year: '' });
  });
  it('names the first wrong part, one at a time', () => {
    expect(datePartProblem({ day: '', month: '', year: '' })).toBeNull();
    expect(datePartProblem({ day: '', month: '3', year: '2020' })).toBe('day');
    expect(datePartProblem({ day: '32', month: '13', year: '20' })).toBe('day');
    expect(datePartProblem({ day: '3', month: '13', year: '20' })).toBe('month');
    expect(datePartProblem({ day: '3', month: '12', year: '20' })).toBe('year');
    expect(datePartProblem({ day: '31', month: '4', year: '2020' })).toBe('date');
    expect(datePartProblem({ day: '30', month: '4', year: '2020' })).toBeNull();
  });
});
