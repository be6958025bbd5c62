import { describe, expect, it } from 'vitest';
import { emptyNetwork, emptyPerson, memberDraft, networkPayload, personPayload } from './person-draft.js';

describe('a family member as a form holds it', () => {
  it('starts empty, with the relation given', () => {
    expect(emptyPerson('child')).toMatchObject({ givenNames: '', familyName: '', relation: 'child', city: '' });
    expect(emptyPerson().relation).toBe('');
  });
  it('sends only what was filled in, trimmed', () => {
    const p = { ...emptyPerson('parent'), givenNames: ' Anna ', familyName: 'Jansen', city: '  ' };
    expect(personPayload(p)).toEqual({
      givenNames: 'Anna',
      familyName: 'Jansen',
      relation: 'parent',
      familyNamePrefix: undefined,
      birthDate: undefined,
      bsn: undefined,
      gender: undefined,
      street: undefined,
      houseNumber: undefined,
      postcode: undefined,
      city: undefined,
    });
    expect(personPayload(emptyPerson()).givenNames).toBeUndefined();
  });
  it('edits a recorded member with an unknown field as an empty one, in the order of a new draft', () => {
    const recorded = {
      givenNames: 'Piet',
      familyNamePrefix: 'de',
      familyName: 'Vries',
      birthDate: null,
      bsn: null,
      relation: 'parent' as const,
      gender: null,
      street: 'Dorpsstraat',
      houseNumber: '1',
      postcode: null,
      city: 'Utrecht',
    };
    const draft = memberDraft(recorded);
    expect(draft).toEqual({
      ...emptyPerson('parent'),
      givenNames: 'Piet',
      familyNamePrefix: 'de',
      familyName: 'Vries',
      street: 'Dorpsstraat',
      houseNumber: '1',
      city: 'Utrecht',
    });
    expect(Object.keys(draft)).toEqual(Object.keys(emptyPerson()));
  });
});

describe('a network member as the API is sent it', () => {
  it('leaves out what was left empty', () => {
    expect(networkPayload(emptyNetwork)).toEqual({ name: undefined, relation: undefined, phone: undefined, note: undefined });
    expect(networkPayload({ name: ' Oma ', relation: 'grandparent', phone: '06 1234', note: '' })).toEqual({
      name: 'Oma',
      relation: 'grandparent',
      phone: '06 1234',
      note: undefined,
    });
  });
});
