import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, matchScore, possibleSameReason, surnameParts } from './matching.js';

const p = (givenNames: string, familyName: string, birthDate: string, familyNamePrefix?: string, bsn?: string) => ({
  givenNames,
  familyName,
  birthDate,
  familyNamePrefix,
  bsn,
});

describe('possible same person', () => {
  it('matches on BSN, and never across two different BSNs', () => {
    expect(
      possibleSameReason(
        p('Jan', 'Jansen', '1980-01-01', undefined, '111222333'),
        p('Piet', 'Klaassen', '1999-09-09', undefined, '111222333'),
      ),
    ).toBe('bsn');
    expect(
      possibleSameReason(
        p('Jan', 'Jansen', '1980-01-01', undefined, '111222333'),
        p('Jan', 'Jansen', '1980-01-01', undefined, '123456782'),
      ),
    ).toBeNull();
  });

  it('tolerates accents, tussenvoegsels, double names, initials and one typo', () => {
    const d = '1985-03-12';
    expect(possibleSameReason(p('Zoë', 'Berg', d, 'van der'), p('Zoe', 'van der Berg', d))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('Fatima', 'El Amrani', d), p('Fatima', 'Amrani', d))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('Anna', 'de Vries-Bakker', d), p('Anna', 'Bakker', d))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('Mohammed', 'Yilmaz', d), p('Mohamed', 'Yılmaz', d))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('Pieter', 'Kasteleijn', d), p('Pieter', 'Kastelein', d))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('J.', 'Jansen', d), p('Johannes Petrus', 'Jansen', d))).toBe('name_and_birth_date');
  });

  it('does not match different people', () => {
    const d = '1985-03-12';
    expect(possibleSameReason(p('Anna', 'Jansen', d), p('Anna', 'Jansen', '1985-03-13'))).toBeNull();
    expect(possibleSameReason(p('Anna', 'Jansen', d), p('Hanna', 'Pietersen', d))).toBeNull();
    expect(possibleSameReason(p('Anna', 'Bos', d), p('Anna', 'Bot', d))).toBeNull(); // short names: exact only
    expect(possibleSameReason(p('Anna', 'Jansen', d), p('Bram', 'Jansen', d))).toBeNull(); // twins
  });

  it('is symmetric and reflexive', () => {
    const name = fc.stringMatching(/^[A-Za-zëéïö]{1,10}$/);
    const date = fc.constantFrom('1980-01-01', '1990-05-05', '2010-12-31');
    const person = fc.record({
      givenNames: name,
      familyName: name,
      birthDate: date,
      familyNamePrefix: fc.constantFrom(undefined, 'van', 'de', 'van der'),
    });
    fc.assert(
      fc.property(person, person, (a, b) => {
        expect(possibleSameReason(a, b)).toBe(possibleSameReason(b, a));
        expect(possibleSameReason(a, a)).toBe('name_and_birth_date');
      }),
    );
  });

  it('edit distance counts a swap as one', () => {
    expect(editDistance('jansen', 'jasnen')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(surnameParts('van der', 'Berg-de Vries')).toEqual(['berg', 'vries']);
  });

  it('proposes "Zoë van der Bergh" for "Zoë van der Berg": one added letter, a swap, a missing letter in a surname of four letters or more', () => {
    const d = '1987-06-15';
    expect(possibleSameReason(p('Zoë', 'Bergh', d, 'van der'), p('Zoë', 'Berg', d, 'van der'))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('Zoe', 'van der Bergh', d), p('ZOË', 'Berg', d, 'Van Der'))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('Anna', 'Jasnen', d), p('Anna', 'Jansen', d))).toBe('name_and_birth_date'); // transposition
    expect(possibleSameReason(p('Anna', 'Smit', d), p('Anna', 'Smith', d))).toBe('name_and_birth_date');
    expect(possibleSameReason(p('Anna', 'Smt', d), p('Anna', 'Smit', d))).toBeNull(); // three letters: exact only
    expect(possibleSameReason(p('Anna', 'Berg', d), p('Anne', 'Berg', d))).toBeNull(); // first names of four letters: exact
    expect(possibleSameReason(p('Zoë', 'Bergh', d, 'van der'), p('Zoë', 'Berg', d, 'van der', '111222333'))).toBe('name_and_birth_date');
  });

  it('ranks by a score: same BSN 1, the same name 1, one typo less, an initial lower still', () => {
    const d = '1987-06-15';
    const berg = p('Zoë', 'Berg', d, 'van der');
    expect(matchScore(berg, p('Zoë', 'Berg', d, 'van der'))).toBe(1);
    expect(matchScore(berg, p('Zoë', 'Bergh', d, 'van der'))).toBe(0.95);
    expect(
      matchScore(p('Jan', 'Jansen', '1980-01-01', undefined, '111222333'), p('Piet', 'Klaassen', '1999-09-09', undefined, '111222333')),
    ).toBe(1);
    expect(matchScore(berg, p('Zoë', 'Berg', '1987-06-16', 'van der'))).toBeNull();
    const initial = matchScore(p('Z.', 'Berg', d, 'van der'), berg)!;
    const typo = matchScore(p('Zoë', 'Bergh', d), berg)!;
    expect(initial).toBeLessThan(1);
    expect(typo).toBeLessThan(1);
    expect(initial).toBeLessThan(typo);
  });

  it('scores symmetrically, between 0.6 and 1, exactly when a reason exists', () => {
    const name = fc.stringMatching(/^[A-Za-zëé]{1,9}$/);
    const person = fc.record({
      givenNames: name,
      familyName: name,
      birthDate: fc.constantFrom('1980-01-01', '1990-05-05'),
      familyNamePrefix: fc.constantFrom(undefined, 'van', 'van der'),
    });
    fc.assert(
      fc.property(person, person, (a, b) => {
        const s = matchScore(a, b);
        expect(s).toBe(matchScore(b, a));
        expect(s === null).toBe(possibleSameReason(a, b) === null);
        if (s !== null) {
          expect(s).toBeGreaterThanOrEqual(0.6);
          expect(s).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
