// The timeline's shared SQL for reading events: the columns and joins of one event with its
// actor's names, and the row → event shape. The timeline's own pages use it, and so does the
// family page (families.repo.ts), which reads its last events in the same round trip.
import type { z } from 'zod';
import type { TimelineEvent } from '../families/families.contract.js';

type Event = z.infer<typeof TimelineEvent>;
const iso = (v: unknown) => new Date(v as string).toISOString();
const json = (v: unknown) => ((typeof v === 'string' ? JSON.parse(v) : v) ?? {}) as Record<string, unknown>;
/** Full-precision UTC text of a timestamp, so that a cursor loses no microseconds. */
export const UTC_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** The columns of one event with its actor's names, for a query on `timeline_events t`. */
export const EVENT_COLUMNS = `t.id, t.seq, t.occurred_at, to_char(t.occurred_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS sort_value, t.type, t.kind, t.params,
  t.case_id, u.display_name, o.name AS organisation_name, t.data`;
export const EVENT_JOINS = `LEFT JOIN users u ON u.region_id = t.region_id AND u.id = t.actor_user_id
  LEFT JOIN organisations o ON o.region_id = t.region_id AND o.id = t.actor_organisation_id`;

export function toEvent(t: Record<string, any>): Event {
  return {
    id: t.id,
    occurredAt: iso(t.occurred_at),
    type: t.type,
    kind: t.kind,
    params: json(t.params),
    caseId: t.case_id ?? null,
    actorName: t.display_name ?? null,
    actorOrganisation: t.organisation_name ?? null,
    data: json(t.data),
  };
}
