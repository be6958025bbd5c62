// Why a signal is back in its triage queue: the latest handover of it that was refused (with the
// receiver's reason) or not answered in time. Read by the signals module for its queue and
// detail (status handover_refused or handover_expired); inside the triaging actor's transaction,
// where row-level security shows the sending organisation its own handovers. The receiver's name
// comes through regie.handover_parties(), as the receiver may be in another region.
import type { Tx } from '../../platform/db/db.js';

export interface HandoverRefusal {
  handoverId: string;
  outcome: 'refused' | 'expired';
  reason: string | null;
  organisationName: string;
  refusedAt: string;
}

export async function handoverRefusals(tx: Tx, regionId: string, signalIds: string[]): Promise<Map<string, HandoverRefusal>> {
  if (!signalIds.length) return new Map();
  const rows = await tx.query<{
    signal_id: string;
    id: string;
    status: 'refused' | 'expired';
    refusal_reason: string | null;
    at: string | Date;
    to_name: string;
    to_region_name: string;
    cross: boolean;
  }>(
    `SELECT DISTINCT ON (h.signal_id) h.signal_id, h.id, h.status, h.refusal_reason, coalesce(h.responded_at, h.expired_at) AS at,
            p.to_name, p.to_region_name, h.to_region_id <> h.region_id AS cross
       FROM handovers h CROSS JOIN LATERAL regie.handover_parties(h.region_id, h.id) p
      WHERE h.region_id = $1 AND h.signal_id = ANY ($2::uuid[]) AND h.status IN ('refused', 'expired')
      ORDER BY h.signal_id, coalesce(h.responded_at, h.expired_at) DESC, h.id`,
    [regionId, signalIds],
  );
  return new Map(
    rows.map((r) => [
      r.signal_id,
      {
        handoverId: r.id,
        outcome: r.status,
        reason: r.status === 'refused' ? r.refusal_reason : null,
        refusedAt: new Date(r.at).toISOString(),
        organisationName: r.cross ? `${r.to_name} (regio ${r.to_region_name})` : r.to_name,
      },
    ]),
  );
}
