// Records a chain moment (received, triaged, handed over, accepted, first contact, plan agreed, case opened)
// in the transaction of the event. The first occurrence per subject counts; repeats are ignored.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';

export type Moment = 'received' | 'triaged' | 'handed_over' | 'accepted' | 'first_contact' | 'plan_agreed' | 'case_opened';

export async function recordMoment(
  tx: Tx,
  m: {
    regionId: string;
    organisationId: string;
    moment: Moment;
    userId?: string | null;
    signalId?: string | null;
    handoverId?: string | null;
    caseId?: string | null;
    familyId?: string | null;
    at?: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO lead_time_moments (region_id, id, organisation_id, signal_id, handover_id, case_id, family_id, moment, occurred_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, now()), $10)
     ON CONFLICT (region_id, moment, coalesce(signal_id, handover_id, case_id)) DO NOTHING`,
    [
      m.regionId,
      randomUUID(),
      m.organisationId,
      m.signalId ?? null,
      m.handoverId ?? null,
      m.caseId ?? null,
      m.familyId ?? null,
      m.moment,
      m.at ?? null,
      m.userId ?? null,
    ],
  );
}
