// API schemas of the timeline: a family's whole history, a page at a time.
import { z } from 'zod';
import { TimelineEvent } from '../families/families.contract.js';

export const TimelineQuery = z.strictObject({
  /** The cursor of the last event read (the family page's timelineCursor, or a page's nextCursor). */
  before: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const TimelinePage = z.object({ items: z.array(TimelineEvent), nextCursor: z.string().nullable() });
