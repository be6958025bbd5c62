import { describe, expect, it } from 'vitest';
import { caseIntervals, INTERVALS } from './chain.js';

describe('lead-time chain', () => {
  it('has five intervals from received to plan agreed', () => {
    expect(INTERVALS.map((i) => `${i.from}>${i.to}`)).toEqual([
      'received>triaged',
      'triaged>handed_over',
      'handed_over>accepted',
      'accepted>first_contact',
      'first_contact>plan_agreed',
    ]);
  });

  it('measures each interval from the latest start before the first end, and leaves missing ones empty', () => {
    const d = (day: number, hour = 0) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
    const r = caseIntervals([
      { moment: 'handed_over', occurredAt: d(2) },
      { moment: 'handed_over', occurredAt: d(4) }, // a second handover after a refusal: the latest before acceptance counts
      { moment: 'accepted', occurredAt: d(5, 12) },
      { moment: 'first_contact', occurredAt: d(8) },
      { moment: 'plan_agreed', occurredAt: d(1) }, // before first contact: no interval
    ]);
    expect(r).toEqual([
      { from: 'received', to: 'triaged', days: null },
      { from: 'triaged', to: 'handed_over', days: null },
      { from: 'handed_over', to: 'accepted', days: 1.5 },
      { from: 'accepted', to: 'first_contact', days: 2.5 },
      { from: 'first_contact', to: 'plan_agreed', days: null },
    ]);
  });
});
