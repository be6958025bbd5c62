import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completeBsn, isValidBsn } from './bsn.js';

describe('BSN elfproef', () => {
  it('accepts known valid numbers and rejects known invalid ones', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('every completed number passes, and changing one digit breaks it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{7}$/),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (first8, pos, delta) => {
          const bsn = completeBsn(first8);
          if (bsn === null) return true;
          expect(isValidBsn(bsn)).toBe(true);
          const digits = bsn.split('');
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          expect(isValidBsn(digits.join(''))).toBe(false);
          return true;
        },
      ),
    );
  });

  it('agrees with the definition of the 11-test for random strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (s) => {
        const d = s.split('').map(Number);
        const sum = d.slice(0, 8).reduce((acc, x, i) => acc + (9 - i) * x, 0) - d[8]!;
        expect(isValidBsn(s)).toBe(sum % 11 === 0 && sum !== 0);
      }),
    );
  });
});
