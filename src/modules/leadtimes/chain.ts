// The chain of moments and the intervals between them, as shown per case and per organisation.
// An interval ends with a moment and starts at the latest moment of the previous stage in the
// same chain (same signal, handover or case) at or before it; per organisation, an interval
// counts for the organisation that recorded its end (the one whose step it measures).
import type { Moment } from './moments.js';

export const MOMENTS: readonly Moment[] = ['received', 'triaged', 'handed_over', 'accepted', 'first_contact', 'plan_agreed'];

export const INTERVALS: ReadonlyArray<{ from: Moment; to: Moment }> = MOMENTS.flatMap((from, i) => {
  const to = MOMENTS[i + 1];
  return to === undefined ? [] : [{ from, to }];
});

export const DAY_MS = 86_400_000;

/** Days with two decimals, as the API reports them. */
export const roundDays = (d: number | null | undefined) => (d == null ? null : Math.round(d * 100) / 100);

/** Per case: the first end moment of each interval and the latest start before it. */
export function caseIntervals(moments: Array<{ moment: Moment; occurredAt: string }>) {
  return INTERVALS.map(({ from, to }) => {
    const ends = moments
      .filter((m) => m.moment === to)
      .map((m) => Date.parse(m.occurredAt))
      .sort((a, b) => a - b);
    const end = ends[0];
    const starts =
      end === undefined
        ? []
        : moments.filter((m) => m.moment === from && Date.parse(m.occurredAt) <= end).map((m) => Date.parse(m.occurredAt));
    const start = starts.length ? Math.max(...starts) : undefined;
    return { from, to, days: end !== undefined && start !== undefined ? roundDays((end - start) / DAY_MS) : null };
  });
}
