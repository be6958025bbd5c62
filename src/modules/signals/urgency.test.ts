import { describe, expect, it } from 'vitest';
import { meldcodeFilled, raisedUrgency } from './signals.service.js';
import { formatPostcode } from './signals.repo.js';

describe('urgency raised by safety concerns or the Meldcode', () => {
  it('raises "normal" to "high" and keeps what the reporter chose', () => {
    expect(raisedUrgency('normal', true)).toEqual({ urgency: 'high', reported: 'normal' });
    expect(raisedUrgency('normal', false, { 1: { done: true } })).toEqual({ urgency: 'high', reported: 'normal' });
    expect(raisedUrgency('normal', false, { 2: { done: false, notes: 'Overlegd met IB' } })).toEqual({
      urgency: 'high',
      reported: 'normal',
    });
  });
  it('never lowers: "high" and "acute" stay, and without concerns the choice stands', () => {
    expect(raisedUrgency('high', true)).toEqual({ urgency: 'high', reported: null });
    expect(raisedUrgency('acute', true, { 1: { done: true } })).toEqual({ urgency: 'acute', reported: null });
    expect(raisedUrgency('normal', false)).toEqual({ urgency: 'normal', reported: null });
    expect(raisedUrgency('normal', false, { 1: { done: false }, 3: { done: false, notes: '  ' } })).toEqual({
      urgency: 'normal',
      reported: null,
    });
  });
  it('a Meldcode counts as filled by a step done or a note', () => {
    expect(meldcodeFilled(undefined)).toBe(false);
    expect(meldcodeFilled({})).toBe(false);
    expect(meldcodeFilled({ 5: { done: true } })).toBe(true);
  });
});

describe('postcodes', () => {
  it('are stored as "1234 AB" however they were typed', () => {
    expect(formatPostcode('1234ab')).toBe('1234 AB');
    expect(formatPostcode('1234 ab')).toBe('1234 AB');
    expect(formatPostcode('1234  AB')).toBe('1234 AB');
    expect(formatPostcode(undefined)).toBeNull();
  });
});
