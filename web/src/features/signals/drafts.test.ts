import { describe, expect, it } from 'vitest';
import {
  emptyAddress,
  formatAddress,
  fullName,
  MAX_FILE_BYTES,
  nameWithOrganisation,
  subjectAddressPayload,
  subjectPersonsPayload,
  tooLargeFile,
} from './drafts.js';

describe('signal drafts', () => {
  it('sends only persons with a name, and an address only when anything of it is given', () => {
    expect(
      subjectPersonsPayload([
        { givenNames: ' ', familyNamePrefix: '', familyName: '', birthDate: '2015-01-01' },
        { givenNames: '', familyNamePrefix: ' van ', familyName: 'Dijk ', birthDate: '' },
      ]),
    ).toEqual([{ familyName: 'Dijk', familyNamePrefix: 'van' }]);
    expect(subjectAddressPayload(emptyAddress())).toBeUndefined();
    expect(subjectAddressPayload({ ...emptyAddress(), city: ' Utrecht ' })).toEqual({ houseNumber: '', city: 'Utrecht' });
  });

  it('writes names and addresses as people read them', () => {
    expect(fullName({ givenNames: 'Sam ', familyNamePrefix: null, familyName: 'Vries' })).toBe('Sam Vries');
    expect(fullName({ givenNames: ' ', familyNamePrefix: '', familyName: '' })).toBe('');
    expect(nameWithOrganisation({ name: 'Ans', organisationName: 'Wijkteam' })).toBe('Ans (Wijkteam)');
    expect(nameWithOrganisation({ name: null, organisationName: null })).toBe('—');
    expect(formatAddress({ street: 'Neude', houseNumber: '11', postcode: null, city: 'Utrecht' })).toBe('Neude 11, Utrecht');
  });

  it('finds the first file over 10 MB', () => {
    expect(tooLargeFile([{ size: 1 }, { size: MAX_FILE_BYTES + 1 }])).toEqual({ size: MAX_FILE_BYTES + 1 });
    expect(tooLargeFile([{ size: MAX_FILE_BYTES }])).toBeUndefined();
  });
});
