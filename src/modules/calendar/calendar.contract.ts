// The region's calendar as far as deadlines need it: which public holidays a deadline in working
// days skipped between two dates (shown beside every deadline: "overgeslagen: Koningsdag 27 april").
import { z } from 'zod';
import { IsoDate, msg } from '../../shared/contract/primitives.js';
import { LIBERATION_DAY_RULES } from '../../shared/contract/enums.js';

/** At most about a year and a half: a deadline is never further away. */
export const MAX_SPAN_DAYS = 550;

export const SkippedHolidaysQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.to >= q.from, {
    path: ['to'],
    message: msg('De einddatum ligt voor de begindatum.', 'The end date is before the start date.'),
  })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= MAX_SPAN_DAYS, {
    path: ['to'],
    message: msg(`Hoogstens ${MAX_SPAN_DAYS} dagen na de begindatum.`, `At most ${MAX_SPAN_DAYS} days after the start date.`),
  });

export const SkippedHolidays = z.object({
  /** Public holidays on weekdays from `from` to `to`, both inclusive, by the actor's region's rules. */
  items: z.array(z.object({ date: z.iso.date(), name: z.string() })),
  /** The region's rule for 5 May. */
  liberationDay: z.enum(LIBERATION_DAY_RULES),
});
