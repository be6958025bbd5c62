// SQL of the timeline: pages of a family's events, newest first, keyset-paged on
// (occurred_at, seq) — the order they happened and were written in (migration 0182). The cursor
// names an event by its time and id; its seq is looked up, so a cursor never needs a number the
// client could not have seen. Row-level security shows only families the actor may see.
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
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
  return { id: t.id, occurredAt: iso(t.occurred_at), type: t.type, kind: t.kind, params: json(t.params), caseId: t.case_id ?? null,
    actorName: t.display_name ?? null, actorOrganisation: t.organisation_name ?? null, data: json(t.data) };
}

/** Up to `limit` events older than the cursor's (all the newest when there is none), plus one to tell whether more follow. */
export async function timelinePage(tx: Tx, regionId: string, familyId: string, o: { before?: [string, string]; limit: number }) {
  const rows = await tx.query<Record<string, any>>(
    `SELECT ${EVENT_COLUMNS}
       FROM timeline_events t ${EVENT_JOINS}
      WHERE t.region_id = $1 AND t.family_id = $2
        AND ($3::timestamptz IS NULL OR (t.occurred_at, t.seq) < ($3::timestamptz,
              (SELECT c.seq FROM timeline_events c WHERE c.region_id = $1 AND c.family_id = $2 AND c.id = $4::uuid AND c.occurred_at = $3::timestamptz)))
      ORDER BY t.occurred_at DESC, t.seq DESC
      LIMIT $5`,
    [regionId, familyId, o.before?.[0] ?? null, o.before?.[1] ?? null, o.limit + 1], { prepare: true });
  return { rows: rows.map(toEvent), sortValues: rows.map((r) => String(r.sort_value)) };
}
