import { describe, expect, it } from 'vitest';
import { domainLabel, ownerName } from './plan-labels.js';

const none = {
  organisationId: null,
  organisationName: null,
  userId: null,
  userName: null,
  personId: null,
  personName: null,
  networkMemberId: null,
  networkMemberName: null,
};

describe("a plan version's words", () => {
  it("names a life domain in the reader's language, and an unknown one as it is", () => {
    expect(domainLabel('nl', 'housing')).toBe('Huisvesting');
    expect(domainLabel('en', 'housing')).toBe('Housing');
    expect(domainLabel('nl', 'no_such_domain')).toBe('no_such_domain');
  });
  it("names an action's owner", () => {
    expect(ownerName({ ...none, kind: 'organisation', organisationName: 'Wijkteam', userName: 'Sanne' })).toBe('Wijkteam — Sanne');
    expect(ownerName({ ...none, kind: 'organisation', organisationName: 'Wijkteam' })).toBe('Wijkteam');
    expect(ownerName({ ...none, kind: 'family_member', personName: 'Anna' })).toBe('Anna');
    expect(ownerName({ ...none, kind: 'network_member', networkMemberName: 'Oma' })).toBe('Oma');
    expect(ownerName({ ...none, kind: 'network_member' })).toBe('—');
  });
});
