import { describe, expect, it } from 'vitest';
import { initialTriageDraft, plannedTriage, triageBody, type TriageContext, type TriageDraft } from './triage-body.js';

const signal = { subject: { persons: [], address: null }, version: 3 } as unknown as TriageContext['signal'] &
  Parameters<typeof initialTriageDraft>[0];
const draft = (over: Partial<TriageDraft>): TriageDraft => ({ ...initialTriageDraft(signal), ...over });
const target = { regionId: 'r-2', name: 'Jeugdteam Oost', regionName: 'Oost' };
const context = (over: Partial<TriageContext> = {}): TriageContext => ({
  signal,
  newFamily: false,
  members: [],
  target: undefined,
  elsewhere: false,
  ...over,
});

describe('triageBody', () => {
  it('sends only what the chosen decision takes, with the signal version', () => {
    const d = draft({
      safetyAssessment: 'concerns',
      safetyReasons: 'Zorgen thuis',
      decision: 'close',
      closeReason: ' verhuisd ',
      note: ' ',
    });
    expect(triageBody(d, context())).toEqual({
      safetyAssessment: 'concerns',
      safetyReasons: 'Zorgen thuis',
      decision: 'close',
      version: 3,
      closeReason: 'verhuisd',
    });
  });

  it('hands over with the target region; a named professional only within the own region', () => {
    const d = draft({ decision: 'handover', targetOrganisationId: 'o-2', targetUserId: 'u-9', coordinatorUserId: 'u-1' });
    expect(triageBody(d, context({ target: { ...target, regionId: 'r-1' } }))).toMatchObject({
      targetOrganisationId: 'o-2',
      targetRegionId: 'r-1',
      targetUserId: 'u-9',
    });
    const elsewhere = triageBody(d, context({ target, elsewhere: true }));
    expect(elsewhere).toMatchObject({ targetOrganisationId: 'o-2', targetRegionId: 'r-2', targetUserId: undefined });
    expect(elsewhere).not.toHaveProperty('coordinatorUserId');
  });

  it('opens a case with its coordinator, and registers the members of a new family', () => {
    const members = initialTriageDraft(signal).members!.map((m) => ({ ...m, givenNames: 'Sam ', familyName: 'de Vries' }));
    const d = draft({ decision: 'open_case', coordinatorUserId: 'u-1' });
    expect(triageBody(d, context())).not.toHaveProperty('newFamily');
    expect(triageBody(d, context({ newFamily: true, members })).newFamily?.members).toEqual([
      expect.objectContaining({ givenNames: 'Sam', familyName: 'de Vries', bsn: undefined }),
    ]);
  });
});

describe('plannedTriage', () => {
  const basics = { safetyAssessment: 'unsafe', safetyReasons: 'Ernstige zorgen' } as const;
  it('is null until assessment and reasons are given, and for a decision that needs no confirm step', () => {
    const me = { id: 'u-1', displayName: 'Ans' };
    expect(plannedTriage(draft({ decision: 'open_case', safetyReasons: 'ab' }), context(), me, 'u-1')).toBeNull();
    expect(plannedTriage(draft({ ...basics, decision: 'advice' }), context(), me, 'u-1')).toBeNull();
    expect(plannedTriage(draft({ ...basics, decision: 'open_case' }), context(), undefined, 'u-1')).toBeNull();
  });

  it('names the coordinator of a case to open, and the organisation (and other region) to hand over to', () => {
    const open = draft({ ...basics, decision: 'open_case' });
    expect(plannedTriage(open, context({ newFamily: true }), { id: 'u-2', displayName: 'Piet' }, 'u-1')).toEqual({
      decision: 'open_case',
      coordinator: 'Piet',
      coordinatorIsMe: false,
      newFamily: true,
    });
    const handover = draft({ ...basics, decision: 'handover' });
    expect(plannedTriage(handover, context({ target }), undefined, 'u-1')).toEqual({
      decision: 'handover',
      org: 'Jeugdteam Oost',
      region: null,
    });
    expect(plannedTriage(handover, context({ target, elsewhere: true }), undefined, 'u-1')).toMatchObject({ region: 'Oost' });
  });
});
