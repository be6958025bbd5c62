import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHILD_DOMAINS, LIFE_DOMAINS } from '../../shared/contract/domains.js';
import { ageOn, isValidDomain, validDomains } from './domain-rules.js';

describe('age on a day', () => {
  it('counts whole years; the birthday itself adds the year', () => {
    expect(ageOn('2008-03-10', '2026-03-09')).toBe(17);
    expect(ageOn('2008-03-10', '2026-03-10')).toBe(18);
    expect(ageOn('2014-12-31', '2026-01-01')).toBe(11);
    expect(ageOn(null, '2026-01-01')).toBeNull();
  });
  it('someone born on 29 February is a year older on 1 March of a non-leap year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('agrees with a count of birthdays for any birth date and day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40_000 }),
        (birth, days) => {
          const b = birth.toISOString().slice(0, 10);
          const d = new Date(birth.getTime() + days * 86_400_000).toISOString().slice(0, 10);
          let years = 0;
          while (true) {
            const next = `${String(Number(b.slice(0, 4)) + years + 1).padStart(4, '0')}${b.slice(4)}`;
            if (next > d) break;
            years++;
          }
          expect(ageOn(b, d)).toBe(years);
        },
      ),
    );
  });
});

describe('domains valid for an age', () => {
  it('an adult (from the 18th birthday exactly) gets the life domains only', () => {
    const age = ageOn('2008-03-10', '2026-03-10');
    for (const d of CHILD_DOMAINS) expect(isValidDomain(d, age), d).toBe(false);
    for (const d of LIFE_DOMAINS) expect(isValidDomain(d, age), d).toBe(true);
  });
  it('the day before, the same person is a child with every domain', () => {
    const age = ageOn('2008-03-10', '2026-03-09');
    expect(validDomains(age)).toEqual([...LIFE_DOMAINS, ...CHILD_DOMAINS]);
  });
  it('a child under 12 has the child domains but not finances, work, substance use or justice', () => {
    expect(isValidDomain('safety', 11)).toBe(true);
    expect(isValidDomain('housing', 11)).toBe(true);
    for (const d of ['finances', 'daytime_activity', 'addiction', 'justice'] as const) {
      expect(isValidDomain(d, 11), d).toBe(false);
      expect(isValidDomain(d, 12), d).toBe(true);
    }
  });
  it('an unknown age is treated as an adult', () => {
    expect(validDomains(null)).toEqual(LIFE_DOMAINS);
  });
});
