import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/http/errors.js';
import { addYears, registrationPeriod } from './refindex.service.js';

const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return { status: e.status, code: e.code, field: e.field };
    throw e;
  }
  return null;
};

describe('registration period', () => {
  it('adds years to a calendar date the way PostgreSQL does (29 February becomes 28 February)', () => {
    expect(addYears('2025-06-11', 2)).toBe('2027-06-11');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('starts today and runs two years by default', () => {
    expect(registrationPeriod({}, '2025-06-11')).toEqual({ startDate: '2025-06-11', endDate: '2027-06-11' });
    expect(registrationPeriod({ startDate: '2025-01-01', endDate: '2025-12-31' }, '2025-06-11')).toEqual({
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    expect(registrationPeriod({ endDate: '2027-06-11' }, '2025-06-11').endDate).toBe('2027-06-11');
  });

  it('refuses an end more than two years after the start, before the start or in the past, and a start in the future', () => {
    expect(problem(() => registrationPeriod({ endDate: '2027-06-12' }, '2025-06-11'))).toEqual({
      status: 400,
      code: 'end_too_far',
      field: 'endDate',
    });
    expect(problem(() => registrationPeriod({ endDate: '2025-06-10' }, '2025-06-11'))).toEqual({
      status: 400,
      code: 'end_before_start',
      field: 'endDate',
    });
    expect(problem(() => registrationPeriod({ startDate: '2025-01-01', endDate: '2025-06-10' }, '2025-06-11'))).toEqual({
      status: 400,
      code: 'end_in_past',
      field: 'endDate',
    });
    expect(problem(() => registrationPeriod({ startDate: '2025-06-12' }, '2025-06-11'))).toEqual({
      status: 400,
      code: 'start_in_future',
      field: 'startDate',
    });
  });
});
