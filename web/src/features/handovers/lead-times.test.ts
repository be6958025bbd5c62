import { describe, expect, it } from 'vitest';
import { barScale, barWidth, fmtDays } from './lead-times.js';

describe('fmtDays', () => {
  it('writes days with one decimal in the language, a dash without a figure', () => {
    expect(fmtDays(2.25, 'nl')).toBe('2,3');
    expect(fmtDays(2.25, 'en')).toBe('2.3');
    expect(fmtDays(3, 'nl')).toBe('3');
    expect(fmtDays(null, 'nl')).toBe('—');
  });
});

describe('bars', () => {
  it('scales to the largest 90th percentile, at least one day', () => {
    expect(barScale([{ p90Days: 4 }, { p90Days: null }, { p90Days: 8 }])).toBe(8);
    expect(barScale([])).toBe(1);
    expect(barScale([{ p90Days: 0.5 }])).toBe(1);
  });
  it('gives a width relative to the scale', () => {
    expect(barWidth(2, 8)).toBe('25%');
    expect(barWidth(null, 8)).toBe('0%');
  });
});
