// SQL of the timeline: pages of a family's events, newest first, keyset-paged on
// (occurred_at, seq) — the order they happened and were written in (migration 0182). The cursor
// names an event by its time and id; its seq is looked up, so a cursor never needs a number the
// client could not have seen. Row-level security shows only families the actor may see. The
// plain `occurred_at <= cursor` says what the row comparison implies, so that the months after
// the cursor's are pruned from the partitioned table (migrations/0400).
import type { Tx } from '../../platform/db/db.js';
import { EVENT_COLUMNS, EVENT_JOINS, toEvent } from './event-rows.js';

/** Up to `limit` events older than the cursor's (all the newest when there is none), plus one to tell whether more follow. */
export async function timelinePage(tx: Tx, regionId: string, familyId: string, o: { before?: [string, string]; limit: number }) {
  const rows = await tx.query<Record<string, any>>(
    `SELECT ${EVENT_COLUMNS}
       FROM timeline_events t ${EVENT_JOINS}
      WHERE t.region_id = $1 AND t.family_id = $2
        AND ($3::timestamptz IS NULL OR t.occurred_at <= $3::timestamptz)
        AND ($3::timestamptz IS NULL OR (t.occurred_at, t.seq) < ($3::timestamptz,
              (SELECT c.seq FROM timeline_events c WHERE c.region_id = $1 AND c.family_id = $2 AND c.id = $4::uuid AND c.occurred_at = $3::timestamptz)))
      ORDER BY t.occurred_at DESC, t.seq DESC
      LIMIT $5`,
    [regionId, familyId, o.before?.[0] ?? null, o.before?.[1] ?? null, o.limit + 1],
    { prepare: true },
  );
  return { rows: rows.map(toEvent), sortValues: rows.map((r) => String(r.sort_value)) };
}
