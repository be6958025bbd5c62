import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import { actionBody, emptyAction, teamOffer } from './action-draft.js';

const problem = (code: string, extra = {}) =>
  new ApiError({ type: 'about:blank', code, status: 409, title: 'x', detail: 'x', titleEn: 'x', detailEn: 'x', ...extra });

describe('a new action of a plan draft', () => {
  it('sends the owner of the kind chosen, and a professional and goal only when chosen', () => {
    const a = { ...emptyAction, description: 'Bellen', dueOn: '2025-05-01', organisationId: 'o1', personId: 'p1' };
    expect(actionBody(a)).toEqual({
      description: 'Bellen',
      dueOn: '2025-05-01',
      owner: { kind: 'organisation', organisationId: 'o1' },
    });
    expect(actionBody({ ...a, userId: 'u1', goalId: 'g1' })).toEqual({
      description: 'Bellen',
      dueOn: '2025-05-01',
      goalId: 'g1',
      owner: { kind: 'organisation', organisationId: 'o1', userId: 'u1' },
    });
    expect(actionBody({ ...a, kind: 'family_member' }).owner).toEqual({ kind: 'family_member', personId: 'p1' });
    expect(actionBody({ ...a, kind: 'network_member', networkMemberId: 'n1' }).owner).toEqual({
      kind: 'network_member',
      networkMemberId: 'n1',
    });
  });
  it("reads the offer to add the owner's organisation from the server's answer, and nothing else", () => {
    const offer = { organisationId: 'o1', organisationName: 'Wijkteam', users: [{ id: 'u1', name: 'Sanne' }] };
    expect(teamOffer(problem('owner_not_on_team', { offer }))).toEqual(offer);
    expect(teamOffer(problem('stale_version'))).toBeNull();
    expect(teamOffer(new Error('owner_not_on_team'))).toBeNull();
  });
});
