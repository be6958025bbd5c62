import { describe, expect, it } from 'vitest';
import { guessRelation, membersFromSignal, withNewMember } from './triage-members.js';

describe('triage members', () => {
  it('guesses a child under eighteen, a parent otherwise, nothing without a birth date', () => {
    const today = new Date('2026-06-01T12:00:00Z');
    expect(guessRelation('2015-03-01', today)).toBe('child');
    expect(guessRelation('1990-03-01', today)).toBe('parent');
    expect(guessRelation(null, today)).toBe('');
  });

  it('drafts one empty member at the signal address when no persons were named', () => {
    const address = { street: 'Neude', houseNumber: '11', postcode: '3512 AE', city: 'Utrecht' };
    const members = membersFromSignal({ subject: { persons: [], address } } as never);
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ givenNames: '', familyName: '', relation: '', ...address });
  });

  it('adds a member at the first member address', () => {
    const [first] = membersFromSignal({
      subject: { persons: [], address: { street: 'Neude', houseNumber: '11', postcode: null, city: 'Utrecht' } },
    } as never);
    const next = withNewMember([{ ...first!, givenNames: 'Sam' }]);
    expect(next).toHaveLength(2);
    expect(next[1]).toMatchObject({ givenNames: '', street: 'Neude', houseNumber: '11', postcode: '', city: 'Utrecht' });
    expect(withNewMember([])[0]).toMatchObject({ street: '', city: '' });
  });
});
