import { describe, expect, it } from 'vitest';
import { councilDueOn, councilOverdue, councilStatus, safetyRequiredReasons } from './rules.js';

describe('safety required', () => {
  const none = { signalSafetyConcern: false, veiligThuisOnTeam: false, childSafetyScores: [] };
  it('is not required without a reason', () => {
    expect(safetyRequiredReasons(none)).toEqual([]);
    expect(safetyRequiredReasons({ ...none, childSafetyScores: [3, 5] })).toEqual([]);
  });
  it('names every reason: a signal with safety concerns, Veilig Thuis on the team, a child scored 2 or lower on safety', () => {
    expect(safetyRequiredReasons({ ...none, signalSafetyConcern: true })).toEqual(['signal_safety_concern']);
    expect(safetyRequiredReasons({ ...none, veiligThuisOnTeam: true })).toEqual(['veilig_thuis_on_team']);
    expect(safetyRequiredReasons({ ...none, childSafetyScores: [4, 2] })).toEqual(['child_safety_score_low']);
    expect(safetyRequiredReasons({ signalSafetyConcern: true, veiligThuisOnTeam: true, childSafetyScores: [1] })).toEqual([
      'signal_safety_concern',
      'veilig_thuis_on_team',
      'child_safety_score_low',
    ]);
  });
});

describe('council due date in working days', () => {
  it('counts 10 working days, skipping weekends', () => {
    // Monday 2 March 2026 → Monday 16 March 2026
    expect(councilDueOn('2026-03-02', 10)).toBe('2026-03-16');
  });
  it("skips public holidays: Easter Monday and King's Day 2026", () => {
    // Thursday 2 April 2026: Good Friday 3 April counts, Easter Monday 6 April does not → Friday 17 April
    expect(councilDueOn('2026-04-02', 10)).toBe('2026-04-17');
    // Monday 20 April 2026: King's Day Monday 27 April is skipped → Tuesday 5 May (not a lustrum year: 5 May counts)
    expect(councilDueOn('2026-04-20', 10)).toBe('2026-05-05');
  });
  it("follows the region's rule for Liberation Day", () => {
    // Tuesday 28 April 2026, 5 working days: 29, 30 Apr, 1, 4, 5 May; with 5 May off → 6 May
    expect(councilDueOn('2026-04-28', 5, { liberationDay: 'never' })).toBe('2026-05-05');
    expect(councilDueOn('2026-04-28', 5, { liberationDay: 'always' })).toBe('2026-05-06');
  });
  it('counts from the next working day when the case opened in a weekend or on a holiday', () => {
    // Saturday 26 December 2026 → from Monday 28 December; 1 Jan 2027 is a holiday
    expect(councilDueOn('2026-12-26', 5)).toBe('2027-01-05');
  });
});

describe('council status and overdue', () => {
  it('is overdue only when not offered after the due day', () => {
    expect(councilOverdue(null, '2026-03-16', '2026-03-16')).toBe(false);
    expect(councilOverdue(null, '2026-03-16', '2026-03-17')).toBe(true);
    expect(councilOverdue({ offeredOn: null }, '2026-03-16', '2026-03-17')).toBe(true);
    expect(councilOverdue({ offeredOn: '2026-03-17' }, '2026-03-16', '2026-03-20')).toBe(false);
    expect(councilOverdue(null, '2026-03-16', '2026-03-17', false)).toBe(false);
  });
  it('follows offer, answer and meeting', () => {
    expect(councilStatus(null)).toBe('not_offered');
    expect(councilStatus({ offeredOn: '2026-03-02', answer: null, metOn: null })).toBe('offered');
    expect(councilStatus({ offeredOn: '2026-03-02', answer: 'declined', metOn: null })).toBe('declined');
    expect(councilStatus({ offeredOn: '2026-03-02', answer: 'accepted', metOn: null })).toBe('accepted');
    expect(councilStatus({ offeredOn: '2026-03-02', answer: 'accepted', metOn: '2026-03-10' })).toBe('met');
  });
});
