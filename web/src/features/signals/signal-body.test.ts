import { describe, expect, it } from 'vitest';
import { draftPerson, initialSignalDraft, nameDescription, signalBody, type SignalDraft } from './signal-body.js';

const draft = (over: Partial<SignalDraft>): SignalDraft => ({
  ...initialSignalDraft(null),
  receivingOrganisationId: 'o-1',
  whatSeen: 'Kind komt zonder jas naar school.',
  ...over,
});
const sam = { givenNames: ' Sam ', familyNamePrefix: 'de', familyName: 'Vries', birthDate: '2015-03-01', rejected: [] };

describe('initialSignalDraft', () => {
  it('is about the family it was started from, else by BSN', () => {
    expect(initialSignalDraft('f-1').about).toBe('family');
    expect(initialSignalDraft(null).about).toBe('bsn');
  });

  it('gives drafts saved before the person field existed an empty person', () => {
    expect(draftPerson({ ...initialSignalDraft(null), person: undefined } as unknown as SignalDraft)).toEqual(
      initialSignalDraft(null).person,
    );
  });
});

describe('nameDescription', () => {
  it('joins name, birth date and description, leaving out what is empty', () => {
    expect(nameDescription(sam, ' oudste kind ', 'geboren op')).toBe('Sam de Vries, geboren op 2015-03-01, oudste kind');
    expect(nameDescription({ ...sam, birthDate: '' }, '', 'geboren op')).toBe('Sam de Vries');
  });
});

describe('signalBody', () => {
  it('sends a BSN only when the signal is about one, and the ticked concerns and Meldcode steps only', () => {
    const body = signalBody(
      draft({
        bsn: ' 123456782 ',
        concerns: { housing: { on: true, text: ' vocht ' }, income: { on: false, text: 'schulden' } },
        steps: { '1': { done: true, notes: ' ' } },
        urgency: 'high',
      }),
      null,
      'geboren op',
    );
    expect(body).toEqual({
      receivingOrganisationId: 'o-1',
      source: 'professional',
      urgency: 'high',
      whatSeen: 'Kind komt zonder jas naar school.',
      safetyAtStake: false,
      bsn: '123456782',
      concerns: { housing: 'vocht' },
    });
    expect(signalBody(draft({ safetyAtStake: true, steps: { '1': { done: true, notes: ' gesprek ' } } }), null, 'x').meldcodeSteps).toEqual(
      {
        '1': { done: true, notes: 'gesprek' },
      },
    );
  });

  it('describes an unlinked person by name and sends them in structure; a linked person by id only', () => {
    const unlinked = signalBody(draft({ about: 'name', person: sam }), null, 'geboren op');
    expect(unlinked).toMatchObject({
      subjectDescription: 'Sam de Vries, geboren op 2015-03-01',
      subjectPersons: [{ givenNames: 'Sam', familyNamePrefix: 'de', familyName: 'Vries', birthDate: '2015-03-01' }],
    });
    expect(unlinked).not.toHaveProperty('personId');
    const linked = signalBody(draft({ about: 'name', person: { ...sam, personId: 'p-1' } }), null, 'geboren op');
    expect(linked).toMatchObject({ personId: 'p-1' });
    expect(linked).not.toHaveProperty('subjectDescription');
    expect(linked).not.toHaveProperty('subjectPersons');
  });

  it('about the family: its id, and no persons or address in structure', () => {
    const body = signalBody(
      draft({ about: 'family', others: [sam], address: { street: 'Neude', houseNumber: '11', postcode: '', city: '' } }),
      'f-1',
      'geboren op',
    );
    expect(body).toMatchObject({ familyId: 'f-1' });
    expect(body).not.toHaveProperty('subjectPersons');
    expect(body).not.toHaveProperty('subjectAddress');
  });
});
