// Why a signal is back in its triage queue: the latest refused handover of it (reason, who
// refused, when). Read by the signals module for its queue and detail (a signal with status
// handover_refused); inside the triaging actor's transaction, where row-level security shows the
// sending organisation its own handovers. The receiver's name comes through
// regie.handover_parties(), as the receiver may be in another region.
import type { Tx } from '../../platform/db/db.js';

export interface HandoverRefusal { handoverId: string; reason: string; organisationName: string; refusedAt: string }

export async function handoverRefusals(tx: Tx, regionId: string, signalIds: string[]): Promise<Map<string, HandoverRefusal>> {
  if (!signalIds.length) return new Map();
  const rows = await tx.query<{ signal_id: string; id: string; refusal_reason: string; responded_at: string | Date; to_name: string; to_region_name: string;
    cross: boolean }>(
    `SELECT DISTINCT ON (h.signal_id) h.signal_id, h.id, h.refusal_reason, h.responded_at, p.to_name, p.to_region_name, h.to_region_id <> h.region_id AS cross
       FROM handovers h CROSS JOIN LATERAL regie.handover_parties(h.region_id, h.id) p
      WHERE h.region_id = $1 AND h.signal_id = ANY ($2::uuid[]) AND h.status = 'refused'
      ORDER BY h.signal_id, h.responded_at DESC, h.id`, [regionId, signalIds]);
  return new Map(rows.map((r) => [r.signal_id, {
    handoverId: r.id, reason: r.refusal_reason, refusedAt: new Date(r.responded_at).toISOString(),
    organisationName: r.cross ? `${r.to_name} (regio ${r.to_region_name})` : r.to_name,
  }]));
}
