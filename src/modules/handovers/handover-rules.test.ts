import { describe, expect, it } from 'vitest';
import {
  acceptDueOn,
  HANDOVER_RECEIVERS,
  isOverdue,
  mayReadHandover,
  mayReceive,
  mayRespond,
  ORGANISATION_TYPES,
  workingDaysLeft,
} from './handover-rules.js';

describe('who may receive a handover', () => {
  // The whole table, written out: changing who has the task must change this test on purpose.
  const expected: Record<string, { case: boolean; signal: boolean }> = {
    municipal_team: { case: true, signal: true },
    veilig_thuis: { case: true, signal: true },
    youth_care: { case: true, signal: true },
    certified_institution: { case: true, signal: false },
    gp_practice: { case: false, signal: false },
    school: { case: false, signal: false },
    housing_corporation: { case: false, signal: false },
    mental_health: { case: false, signal: false },
    probation: { case: false, signal: false },
    police: { case: false, signal: false },
    child_protection_board: { case: false, signal: false },
    safety_house: { case: false, signal: false },
    youth_protection_team: { case: false, signal: false },
    youth_health_care: { case: false, signal: false },
  };
  it.each(ORGANISATION_TYPES.map((t) => [t]))('%s', (type) => {
    expect({ case: mayReceive('case', type), signal: mayReceive('signal', type) }).toEqual(expected[type]);
  });
  it('names only known organisation types and refuses unknown ones', () => {
    for (const types of Object.values(HANDOVER_RECEIVERS)) for (const t of types) expect(ORGANISATION_TYPES).toContain(t);
    expect(mayReceive('case', 'toString')).toBe(false);
    expect(mayReceive('case', 'unknown')).toBe(false);
  });
});

describe('the acceptance deadline', () => {
  it('is five working days, skipping weekends and Dutch public holidays', () => {
    expect(acceptDueOn('2026-03-02')).toBe('2026-03-09'); // Monday → next Monday
    expect(acceptDueOn('2026-03-06')).toBe('2026-03-13'); // Friday → next Friday
    expect(acceptDueOn('2026-04-01')).toBe('2026-04-09'); // Good Friday is no holiday, Easter Monday (6 April) is
    expect(acceptDueOn('2026-12-24')).toBe('2027-01-04'); // Christmas and New Year's Day
    expect(acceptDueOn('2026-03-07')).toBe('2026-03-16'); // sent on a Saturday: five working days after Monday
  });
  it('is overdue from the day after the due date, and counts working days left', () => {
    expect(isOverdue('2026-03-09', '2026-03-09')).toBe(false);
    expect(isOverdue('2026-03-09', '2026-03-10')).toBe(true);
    expect(workingDaysLeft('2026-03-09', '2026-03-02')).toBe(5);
    expect(workingDaysLeft('2026-03-09', '2026-03-09')).toBe(0);
    expect(workingDaysLeft('2026-03-09', '2026-03-11')).toBe(-2);
    // Counted in the region's calendar: 5 May 2026 is a working day unless the region says otherwise.
    expect(workingDaysLeft('2026-05-06', '2026-05-04')).toBe(2);
    expect(workingDaysLeft('2026-05-06', '2026-05-04', { liberationDay: 'always' })).toBe(1);
  });
});

describe('who sees and answers a handover', () => {
  const h = { regionId: 'r1', toRegionId: 'r1', fromOrganisationId: 'a', toOrganisationId: 'b' };
  it('is the sending and the receiving organisation, in the same region', () => {
    expect(mayReadHandover({ regionId: 'r1', organisationId: 'a' }, h)).toBe(true);
    expect(mayReadHandover({ regionId: 'r1', organisationId: 'b' }, h)).toBe(true);
    expect(mayReadHandover({ regionId: 'r1', organisationId: 'c' }, h)).toBe(false);
    expect(mayReadHandover({ regionId: 'r2', organisationId: 'a' }, h)).toBe(false);
    expect(mayRespond({ regionId: 'r1', organisationId: 'b' }, h)).toBe(true);
    expect(mayRespond({ regionId: 'r1', organisationId: 'a' }, h)).toBe(false);
  });

  it('is the sender in its region and the receiver in the other region, for a handover between regions', () => {
    const x = { regionId: 'r1', toRegionId: 'r2', fromOrganisationId: 'a', toOrganisationId: 'b' };
    expect(mayReadHandover({ regionId: 'r1', organisationId: 'a' }, x)).toBe(true);
    expect(mayReadHandover({ regionId: 'r2', organisationId: 'b' }, x)).toBe(true);
    // the same organisation id in the wrong region is somebody else
    expect(mayReadHandover({ regionId: 'r1', organisationId: 'b' }, x)).toBe(false);
    expect(mayReadHandover({ regionId: 'r2', organisationId: 'a' }, x)).toBe(false);
    expect(mayReadHandover({ regionId: 'r3', organisationId: 'b' }, x)).toBe(false);
    expect(mayRespond({ regionId: 'r2', organisationId: 'b' }, x)).toBe(true);
    expect(mayRespond({ regionId: 'r1', organisationId: 'b' }, x)).toBe(false);
    expect(mayRespond({ regionId: 'r1', organisationId: 'a' }, x)).toBe(false);
  });
});
