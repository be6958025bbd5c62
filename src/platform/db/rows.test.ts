import { describe, expect, it } from 'vitest';
import { oneRow } from './rows.js';

describe('oneRow', () => {
  it('answers the first row, and throws naming what was missing when there is none', () => {
    expect(oneRow([{ n: 1 }, { n: 2 }])).toEqual({ n: 1 });
    expect(oneRow([0])).toBe(0);
    expect(() => oneRow([], 'case')).toThrow('expected one case, the statement answered none');
  });
});
