import { describe, expect, it } from 'vitest';
import { attachmentErrors, concernBody, emptyConcern } from './public-concern.js';
import { emptyAddress } from './drafts.js';

describe('concernBody', () => {
  it('sends the concern with its token; whom, where and who reports only when given', () => {
    const f = { ...emptyConcern(), regionId: 'r-1', about: 'Buurjongen', whatSeen: 'Huilt vaak.', worried: true, name: ' ' };
    expect(concernBody(f, 'tok', [], emptyAddress())).toEqual({
      regionId: 'r-1',
      formToken: 'tok',
      about: 'Buurjongen',
      whatSeen: 'Huilt vaak.',
      worriedAboutSafety: true,
    });
    const full = concernBody(
      { ...f, place: ' Utrecht ', name: ' Ans ', contact: ' 06 ', website: 'x' },
      'tok',
      [{ givenNames: 'Sam', familyNamePrefix: '', familyName: '', birthDate: '' }],
      { ...emptyAddress(), houseNumber: '11' },
    );
    expect(full).toMatchObject({
      place: 'Utrecht',
      reporterName: 'Ans',
      reporterContact: '06',
      website: 'x',
      subjectPersons: [{ givenNames: 'Sam' }],
      subjectAddress: { houseNumber: '11' },
    });
  });
});

describe('attachmentErrors', () => {
  it('names a refused file by its name where it is still chosen, and leaves other fields alone', () => {
    const errors = { 'attachments[1]': 'Dit bestand is te groot.', attachments: 'Te veel bestanden.', about: 'Vul in.' };
    expect(attachmentErrors(errors, ['a.jpg', 'b.pdf'])).toEqual(['b.pdf: Dit bestand is te groot.', 'Te veel bestanden.']);
    expect(attachmentErrors(errors, ['a.jpg'])).toEqual(['Dit bestand is te groot.', 'Te veel bestanden.']);
  });
});
