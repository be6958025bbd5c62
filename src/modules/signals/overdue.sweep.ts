// The overdue-triage sweep: a signal still open after its deadline day is reported once to the
// team leads of the receiving organisation. Idempotent twice over: the signal is marked when its
// leads were told, and notify()'s dedupe key refuses a second notification for the same signal.
import type { Database } from '../../platform/db/db.js';
import { asSystem } from '../../platform/db/system-tx.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { notify, teamLeadsOf } from '../notifications/notify.js';

const BATCH = 500;

/**
 * Runs through the `triage-overdue` system door (no actor: it works across regions; migration 0161). Titles carry only the
 * reference, never who the signal is about. Returns the number of notifications written.
 */
export async function notifyOverdueTriage(db: Database, now = new Date()): Promise<number> {
  const today = dutchToday(now);
  return asSystem(db, 'triage-overdue', async (tx) => {
    // SKIP LOCKED: a signal being triaged right now is not reported as overdue in the same breath.
    const due = await tx.query<{ region_id: string; id: string; reference: string; receiving_organisation_id: string }>(
      `SELECT region_id, id, reference, receiving_organisation_id FROM signals
        WHERE status = 'open' AND overdue_notified_at IS NULL AND triage_due_on < $1::date
        ORDER BY triage_due_on, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      [today],
    );
    let sent = 0;
    for (const s of due) {
      const leads = await teamLeadsOf(tx, s.region_id, s.receiving_organisation_id);
      // No team lead (yet): stay unmarked, so the next run tells the first one appointed.
      if (!leads.length) continue;
      sent += await notify(tx, {
        regionId: s.region_id,
        userIds: leads,
        kind: 'triage_overdue',
        params: { reference: s.reference },
        link: `/meldingen/${s.id}`,
        dedupeKey: `triage-overdue:${s.id}`,
      });
      await tx.query(`UPDATE signals SET overdue_notified_at = now() WHERE region_id = $1 AND id = $2`, [s.region_id, s.id]);
    }
    return sent;
  });
}

/** Registered in src/jobs.ts; every 15 minutes is soon enough for a deadline counted in days. */
export const triageOverdueSweep = {
  name: 'signals.triage-overdue',
  everySeconds: 15 * 60,
  run: async (db: Database, now: Date) => {
    await notifyOverdueTriage(db, now);
  },
};
