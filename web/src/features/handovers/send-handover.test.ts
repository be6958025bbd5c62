import { describe, expect, it } from 'vitest';
import { coordinatedCases, EMPTY_SEND, handoverBody, personsFor, toggled } from './send-handover.js';

type Families = Parameters<typeof coordinatedCases>[0];
type Receiver = NonNullable<Parameters<typeof handoverBody>[2]>;

describe('coordinatedCases', () => {
  it('keeps the open cases the user coordinates', () => {
    const families = [
      { id: 'f1', name: 'Jansen', caseId: 'c1', isCoordinator: true, caseStatus: 'open' },
      { id: 'f2', name: 'De Vries', caseId: 'c2', isCoordinator: false, caseStatus: 'open' },
      { id: 'f3', name: 'Bakker', caseId: 'c3', isCoordinator: true, caseStatus: 'closed' },
      { id: 'f4', name: 'Smit', caseId: null, isCoordinator: true, caseStatus: null },
    ] as unknown as Families;
    expect(coordinatedCases(families)).toEqual([{ familyId: 'f1', caseId: 'c1', name: 'Jansen' }]);
  });
});

describe('personsFor', () => {
  it('keeps the chosen persons when all are members of the family', () => {
    const chosen = ['p1'];
    expect(personsFor(chosen, ['p1', 'p2'])).toBe(chosen);
  });
  it('chooses all members when none are chosen or one belongs to another family', () => {
    expect(personsFor([], ['p1', 'p2'])).toEqual(['p1', 'p2']);
    expect(personsFor(['p1', 'x9'], ['p1', 'p2'])).toEqual(['p1', 'p2']);
  });
});

describe('toggled', () => {
  it('adds and removes one id', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('handoverBody', () => {
  const receiver = { id: 'o2', regionId: 'r2' } as Receiver;
  const d = { ...EMPTY_SEND, toOrganisationId: 'o2', toUserId: 'u1', reason: 'Verhuizing', knownInformation: 'Alles', personIds: ['p1'] };

  it('leaves empty choices out and names the receiver region', () => {
    expect(handoverBody(d, '', receiver, false)).toEqual({
      caseId: undefined,
      toOrganisationId: 'o2',
      toRegionId: 'r2',
      toUserId: 'u1',
      reason: 'Verhuizing',
      safetyAssessment: undefined,
      safetyNotes: undefined,
      knownInformation: 'Alles',
      personIds: ['p1'],
      legalBasis: undefined,
      senderAccess: 'ends',
    });
  });
  it('sends no receiving professional to another region', () => {
    expect(handoverBody({ ...d, safetyAssessment: 'safe' }, 'c1', receiver, true)).toMatchObject({
      caseId: 'c1',
      toUserId: undefined,
      safetyAssessment: 'safe',
    });
  });
});
