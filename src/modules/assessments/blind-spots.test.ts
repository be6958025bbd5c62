import { describe, expect, it } from 'vitest';
import { evaluateBlindSpots, type BlindSpotRule, type CaseFacts } from './blind-spots.js';
import { LIFE_DOMAINS } from '../../shared/contract/domains.js';

const DEFAULTS: BlindSpotRule[] = [
  { rule: 'school_age_child', partnerType: 'school', enabled: true, minAge: 4, maxAge: 17, maxScore: null },
  { rule: 'young_child', partnerType: 'youth_health_care', enabled: true, minAge: 0, maxAge: 4, maxScore: null },
  { rule: 'child_safety_concern', partnerType: 'youth_protection_team', enabled: true, minAge: null, maxAge: null, maxScore: 2 },
  { rule: 'housing_low', partnerType: 'housing_corporation', enabled: true, minAge: null, maxAge: null, maxScore: 2 },
  { rule: 'mental_health_low', partnerType: 'mental_health', enabled: true, minAge: null, maxAge: null, maxScore: 2 },
];
const TODAY = '2026-06-01';
const facts = (o: Partial<CaseFacts> = {}): CaseFacts => ({
  persons: [{ personId: 'mother', birthDate: '1990-01-01' }],
  latest: [],
  assessed: [],
  teamTypes: ['municipal_team'],
  contributedTypes: [],
  signalSafetyConcern: false,
  ...o,
});
const kinds = (f: CaseFacts, rules = DEFAULTS) =>
  evaluateBlindSpots(f, rules, TODAY)
    .partners.map((p) => p.partnerType)
    .sort();

describe('blind spots: partner kinds by the region rules', () => {
  it('an adult alone with nothing low calls for no partner', () => {
    expect(kinds(facts())).toEqual([]);
  });
  it('a school-age child (4 to 17) calls for the school; the 18th birthday ends it; a 4-year-old also calls for JGZ', () => {
    expect(kinds(facts({ persons: [{ personId: 'c', birthDate: '2018-01-01' }] }))).toEqual(['school']);
    expect(kinds(facts({ persons: [{ personId: 'c', birthDate: '2008-06-01' }] }))).toEqual([]);
    expect(kinds(facts({ persons: [{ personId: 'c', birthDate: '2008-06-02' }] }))).toEqual(['school']);
    expect(kinds(facts({ persons: [{ personId: 'c', birthDate: '2022-03-01' }] }))).toEqual(['school', 'youth_health_care']);
    expect(kinds(facts({ persons: [{ personId: 'c', birthDate: '2024-03-01' }] }))).toEqual(['youth_health_care']);
  });
  it("a child's safety ≤ 2 (in either view), or a signal with safety concerns, calls for the youth-protection team; an adult's does not", () => {
    const child = { personId: 'c', birthDate: '2016-01-01' };
    expect(kinds(facts({ persons: [child], latest: [{ personId: 'c', domain: 'safety', score: 2 }] }))).toEqual([
      'school',
      'youth_protection_team',
    ]);
    expect(kinds(facts({ persons: [child], latest: [{ personId: 'c', domain: 'safety', score: 3 }] }))).toEqual(['school']);
    expect(kinds(facts({ persons: [child], signalSafetyConcern: true }))).toEqual(['school', 'youth_protection_team']);
    expect(kinds(facts({ signalSafetyConcern: true }))).toEqual([]);
  });
  it('housing ≤ 2 → housing corporation; mental health ≤ 2 → GGZ; 3 is not enough', () => {
    expect(
      kinds(
        facts({
          latest: [
            { personId: 'mother', domain: 'housing', score: 2 },
            { personId: 'mother', domain: 'mental_health', score: 1 },
          ],
        }),
      ),
    ).toEqual(['housing_corporation', 'mental_health']);
    expect(kinds(facts({ latest: [{ personId: 'mother', domain: 'housing', score: 3 }] }))).toEqual([]);
  });
  it('a rule the region turned off, or changed, counts as changed', () => {
    const f = facts({ latest: [{ personId: 'mother', domain: 'housing', score: 3 }] });
    expect(
      kinds(
        f,
        DEFAULTS.map((r) => (r.rule === 'housing_low' ? { ...r, maxScore: 3 } : r)),
      ),
    ).toEqual(['housing_corporation']);
    const g = facts({ latest: [{ personId: 'mother', domain: 'housing', score: 1 }] });
    expect(
      kinds(
        g,
        DEFAULTS.map((r) => (r.rule === 'housing_low' ? { ...r, enabled: false } : r)),
      ),
    ).toEqual([]);
  });
  it('"on the team" and "contributed" are counted separately', () => {
    const f = facts({
      persons: [{ personId: 'c', birthDate: '2016-01-01' }],
      latest: [{ personId: 'c', domain: 'housing', score: 1 }],
      teamTypes: ['municipal_team', 'school'],
      contributedTypes: ['municipal_team'],
    });
    const r = evaluateBlindSpots(f, DEFAULTS, TODAY);
    expect(r.partners).toEqual([
      { partnerType: 'school', rules: ['school_age_child'], personIds: ['c'], onTeam: true, contributed: false },
      { partnerType: 'housing_corporation', rules: ['housing_low'], personIds: ['c'], onTeam: false, contributed: false },
    ]);
    expect(r.counts).toMatchObject({ partnersNeeded: 2, onTeam: 1, contributed: 0, missing: 1 });
    const later = evaluateBlindSpots({ ...f, contributedTypes: ['school'] }, DEFAULTS, TODAY);
    expect(later.counts).toMatchObject({ onTeam: 1, contributed: 1, missing: 1 });
  });
});

describe('blind spots: domains nobody assessed', () => {
  it('every valid domain of each person until someone scores it', () => {
    const none = evaluateBlindSpots(facts(), DEFAULTS, TODAY);
    expect(none.unassessed).toEqual([{ personId: 'mother', domains: [...LIFE_DOMAINS] }]);
    const some = evaluateBlindSpots(
      facts({
        assessed: [
          { personId: 'mother', domain: 'housing' },
          { personId: 'mother', domain: 'finances' },
        ],
      }),
      DEFAULTS,
      TODAY,
    );
    expect(some.unassessed[0]?.domains).toEqual(LIFE_DOMAINS.filter((d) => d !== 'housing' && d !== 'finances'));
    expect(some.counts.unassessedDomains).toBe(LIFE_DOMAINS.length - 2);
    const all = evaluateBlindSpots(facts({ assessed: LIFE_DOMAINS.map((domain) => ({ personId: 'mother', domain })) }), DEFAULTS, TODAY);
    expect(all.unassessed).toEqual([]);
  });
});
