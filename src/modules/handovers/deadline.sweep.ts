// The acceptance-deadline sweep: a handover still unanswered the day after its due date expires
// once, and the team leads of both organisations (and the sender, who stays responsible) are
// told. Idempotent: an expired handover is never picked again, and the dedupe key refuses a
// second notification.
import type { Database } from '../../platform/db/db.js';
import { expireOverdueHandovers } from './handovers.service.js';

export const handoverDeadlineSweep = {
  name: 'handover-deadlines',
  everySeconds: 15 * 60,
  async run(db: Database, now: Date) {
    await expireOverdueHandovers(db, now);
  },
};
