// Notifications for the browser journeys' inboxes, written in a transaction of the journey's set-up.
import type { Tx } from '../../src/platform/db/db.js';
import { notify } from '../../src/modules/notifications/notify.js';

interface Recipient {
  regionId: string;
  userId: string;
  /** The event the notice is about, so that it is sent once. */
  dedupeKey: string;
}

/** Tells `userId` of a new handover from the organisation `from`, linking to the family's page. */
export function notifyHandoverReceived(tx: Tx, to: Recipient & { from: string; familyId: string }) {
  return notify(tx, {
    regionId: to.regionId,
    userIds: [to.userId],
    kind: 'handover_received',
    params: { from: { name: to.from } },
    link: `/gezinnen/${to.familyId}`,
    dedupeKey: to.dedupeKey,
  });
}

/** Tells `userId` that the signal `reference` was not triaged in time, linking to the triage queue. */
export function notifyTriageOverdue(tx: Tx, to: Recipient & { reference: string }) {
  return notify(tx, {
    regionId: to.regionId,
    userIds: [to.userId],
    kind: 'triage_overdue',
    params: { reference: to.reference },
    link: '/triage',
    dedupeKey: to.dedupeKey,
  });
}
