// The numbers of the lead-time screen: days as the user's language writes them, and the bars'
// lengths (the 90th percentile of the slowest step is the full width).

/** Days with at most one decimal, in the user's language; "—" where there is no figure. */
export const fmtDays = (d: number | null, lang: string) =>
  d === null ? '—' : d.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });

/** The longest bar's days: the largest 90th percentile, at least 1 (so an empty chart divides by 1). */
export const barScale = (intervals: ReadonlyArray<{ p90Days: number | null }>) => Math.max(1, ...intervals.map((i) => i.p90Days ?? 0));

/** A bar's CSS width for `days` on a scale of `max` days. */
export const barWidth = (days: number | null, max: number) => `${((days ?? 0) / max) * 100}%`;
