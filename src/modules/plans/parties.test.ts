// The age rules of agreement as properties over birth dates and proposal dates, the 12th and
// 16th birthday exactly included, and the outcome of a set of answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, childRequirement, familyParties, outcome } from './parties.js';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => iso(d));
/** The same month and day `years` later; 29 February becomes 1 March in a common year. */
function birthday(birth: string, years: number) {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return iso(t);
}
const before = (s: string) => iso(new Date(Date.parse(`${s}T00:00:00Z`) - 86_400_000));

describe('age on the proposal date', () => {
  it('is heard before the 12th birthday, agrees with parents from it, and agrees alone from the 16th', () => {
    fc.assert(
      fc.property(day, (birth) => {
        const b12 = birthday(birth, 12);
        const b16 = birthday(birth, 16);
        expect(childRequirement(birth, before(b12))).toBe('heard');
        expect(childRequirement(birth, b12)).toBe('agree_with_parents');
        expect(childRequirement(birth, before(b16))).toBe('agree_with_parents');
        expect(childRequirement(birth, b16)).toBe('agree_own_part');
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a date difference in whole years for any pair of days', () => {
    fc.assert(
      fc.property(day, day, (birth, on) => {
        fc.pre(birth <= on);
        const a = ageOn(birth, on);
        expect(birthday(birth, a) <= on).toBe(true);
        expect(birthday(birth, a + 1) > on).toBe(true);
        const r = childRequirement(birth, on);
        expect(r).toBe(a < 12 ? 'heard' : a < 16 ? 'agree_with_parents' : 'agree_own_part');
      }),
      { numRuns: 1000 },
    );
  });

  it('counts a leap-day child as a year older on 1 March', () => {
    expect(ageOn('2012-02-29', '2024-02-28')).toBe(11);
    expect(ageOn('2012-02-29', '2024-02-29')).toBe(12);
    expect(ageOn('2012-02-29', '2025-02-28')).toBe(12);
    expect(childRequirement('2013-02-28', '2025-02-28')).toBe('agree_with_parents');
    expect(childRequirement('2013-03-01', '2025-02-28')).toBe('heard');
  });
});

describe('parties and outcome', () => {
  it('makes parents and carers agree, children by age, and leaves partners and others out', () => {
    const ps = familyParties(
      [
        { personId: 'p', relation: 'parent', birthDate: '1980-01-01' },
        { personId: 'c', relation: 'carer', birthDate: null },
        { personId: 'k1', relation: 'child', birthDate: '2020-05-01' },
        { personId: 'k2', relation: 'child', birthDate: '2012-05-01' },
        { personId: 'k3', relation: 'child', birthDate: '2008-05-01' },
        { personId: 'x', relation: 'other', birthDate: null },
        { personId: 'y', relation: 'partner', birthDate: '1980-01-01' },
      ],
      '2026-06-01',
    );
    expect(ps).toEqual([
      { personId: 'p', requirement: 'agree' },
      { personId: 'c', requirement: 'agree' },
      { personId: 'k1', requirement: 'heard' },
      { personId: 'k2', requirement: 'agree_with_parents' },
      { personId: 'k3', requirement: 'agree_own_part' },
    ]);
  });

  it('is agreed only when every party gave its answer, and not agreed on one disagreement', () => {
    expect(
      outcome([
        { requirement: 'agree', answer: 'agreed' },
        { requirement: 'heard', answer: 'heard' },
      ]),
    ).toBe('agreed');
    expect(
      outcome([
        { requirement: 'agree', answer: 'agreed' },
        { requirement: 'heard', answer: null },
      ]),
    ).toBe('open');
    expect(
      outcome([
        { requirement: 'agree', answer: 'agreed' },
        { requirement: 'agree_own_part', answer: 'disagreed' },
      ]),
    ).toBe('not_agreed');
    expect(outcome([{ requirement: 'agree', answer: 'heard' }])).toBe('open');
  });
});
