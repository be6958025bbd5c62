// SQL for lead times. Moments hold no content (only when, which stage, which organisation) and
// are readable region-wide; the per-case list is only reached through a case the actor may see.
import type { Tx } from '../../platform/db/db.js';
import type { Moment } from './moments.js';

/** The moments of a case's chain: its own, and those of the signals and handovers that led to it. */
export async function chainMoments(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{ moment: Moment; occurred_at: string; organisation_id: string; organisation_name: string }>(
    `WITH direct AS (SELECT signal_id, handover_id FROM lead_time_moments WHERE region_id = $1 AND case_id = $2)
     SELECT m.moment, m.occurred_at, m.organisation_id, o.name AS organisation_name
       FROM lead_time_moments m JOIN organisations o ON o.region_id = m.region_id AND o.id = m.organisation_id
      WHERE m.region_id = $1 AND (m.case_id = $2
         OR m.handover_id IN (SELECT handover_id FROM direct WHERE handover_id IS NOT NULL)
         OR m.signal_id IN (SELECT signal_id FROM direct WHERE signal_id IS NOT NULL))
      ORDER BY m.occurred_at,
               array_position(ARRAY['received','triaged','handed_over','accepted','first_contact','plan_agreed'], m.moment)`,
    [regionId, caseId],
  );
  return rows.map((r) => ({
    moment: r.moment,
    occurredAt: new Date(r.occurred_at).toISOString(),
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
  }));
}

const PREVIOUS = `CASE e.moment WHEN 'triaged' THEN 'received' WHEN 'handed_over' THEN 'triaged' WHEN 'accepted' THEN 'handed_over'
                               WHEN 'first_contact' THEN 'accepted' WHEN 'plan_agreed' THEN 'first_contact' END`;

/** The latest moment of the previous stage in the same chain, found by signal, handover or case. */
const startVia = (key: string) => `(SELECT max(s.occurred_at) FROM lead_time_moments s
    WHERE s.region_id = e.region_id AND s.${key} = e.${key} AND s.moment = e.previous AND s.occurred_at <= e.occurred_at)`;

/**
 * Count, median and 90th percentile in days of each interval whose end the organisation recorded
 * in [start, end]; computed in the database with percentile_cont.
 */
export async function organisationFigures(tx: Tx, regionId: string, organisationId: string, start: Date, end: Date) {
  return tx.query<{ from_moment: Moment; to_moment: Moment; n: number; median: number | null; p90: number | null }>(
    `WITH e AS (
       SELECT e.region_id, e.moment, e.occurred_at, e.signal_id, e.handover_id, e.case_id, ${PREVIOUS} AS previous
         FROM lead_time_moments e
        WHERE e.region_id = $1 AND e.organisation_id = $2 AND e.moment <> 'received' AND e.occurred_at BETWEEN $3 AND $4
     ), pairs AS (
       SELECT e.previous, e.moment, e.occurred_at AS end_at,
              greatest(${startVia('signal_id')}, ${startVia('handover_id')}, ${startVia('case_id')}) AS start_at
         FROM e
     )
     SELECT previous AS from_moment, moment AS to_moment, count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM end_at - start_at) / 86400)::float8) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY (extract(epoch FROM end_at - start_at) / 86400)::float8) AS p90
       FROM pairs WHERE start_at IS NOT NULL
      GROUP BY previous, moment`,
    [regionId, organisationId, start.toISOString(), end.toISOString()],
  );
}

/** Has this case's own moment (first contact, plan agreed) been recorded? The first one counts. */
export async function caseMomentAt(tx: Tx, regionId: string, caseId: string, moment: Moment): Promise<string | null> {
  const rows = await tx.query<{ occurred_at: string }>(
    `SELECT occurred_at FROM lead_time_moments WHERE region_id = $1 AND case_id = $2 AND moment = $3
        AND signal_id IS NULL AND handover_id IS NULL`,
    [regionId, caseId, moment],
  );
  return rows[0] ? new Date(rows[0].occurred_at).toISOString() : null;
}
