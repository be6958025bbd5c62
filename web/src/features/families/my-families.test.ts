import { describe, expect, it } from 'vitest';
import { asFilter, membersLine, quietTooLong, TEXTS } from './my-families.js';

describe('Mijn gezinnen', () => {
  it('takes only a known filter from the address', () => {
    expect(asFilter('council_overdue')).toBe('council_overdue');
    expect(asFilter('actions_overdue')).toBe('actions_overdue');
    expect(asFilter('everything')).toBe('');
    expect(asFilter(null)).toBe('');
  });
  it('names the members with their age where known', () => {
    expect(
      membersLine([
        { name: 'Anna', age: 8 },
        { name: 'Piet', age: null },
      ]),
    ).toBe('Anna (8), Piet');
    expect(membersLine([])).toBe('');
  });
  it('calls a case too quiet after six weeks without activity', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    const daysAgo = (n: number) => new Date(now - n * 86_400_000).toISOString();
    expect(quietTooLong(daysAgo(42), now)).toBe(false);
    expect(quietTooLong(daysAgo(43), now)).toBe(true);
    expect(quietTooLong(null, now)).toBe(false);
  });
  it('has every word in both languages', () => {
    expect(Object.keys(TEXTS.en)).toEqual(Object.keys(TEXTS.nl));
  });
});
