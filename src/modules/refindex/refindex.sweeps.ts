// Background work of the reference index (listed in src/jobs.ts). Both sweeps are idempotent:
// every removal and every escalation happens once, in its own short transaction, so a crash
// halfway leaves the rest for the next run and a repeated run changes nothing. Both run through
// the `refindex-sweeps` system door (migration 0163).
import type { Database } from '../../platform/db/db.js';
import { asSystem } from '../../platform/db/system-tx.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { notify, teamLeadsOf } from '../notifications/notify.js';
import {
  closeStaleMatches,
  dueForEscalation,
  dueForRemoval,
  endRegistrationRow,
  lockAroundPerson,
  markEscalated,
  recordSystemRemoval,
} from './refindex.repo.js';
import { LINK } from './refindex.service.js';

/**
 * Ends every running registration whose end date has passed ('expired') or whose person turned
 * 23 ('age_23'), closes the matches that are left with fewer than two organisations, and logs
 * each removal in the audit log. Returns how many registrations it removed.
 */
export async function removeFromIndex(db: Database, now = new Date()): Promise<number> {
  const today = dutchToday(now);
  let removed = 0;
  for (const r of await asSystem(db, 'refindex-sweeps', (tx) => dueForRemoval(tx, today))) {
    const done = await asSystem(db, 'refindex-sweeps', async (tx) => {
      // The same locks as a registration takes, so that a match is never closed under a new party.
      await lockAroundPerson(tx, r.regionId, r.personId);
      if (!(await endRegistrationRow(tx, r.regionId, r.id, r.reason, null))) return false;
      await closeStaleMatches(tx, r.regionId, r.personId, today);
      await recordSystemRemoval(tx, r);
      return true;
    });
    if (done) removed++;
  }
  return removed;
}

/**
 * A match without an accepted coordinator after its due date (10 working days) goes to the team
 * leads of every organisation in it, once; a team lead hears of one day's escalations once.
 */
export async function escalateOverdueMatches(db: Database, now = new Date()): Promise<number> {
  let escalated = 0;
  const today = dutchToday(now);
  for (const m of await asSystem(db, 'refindex-sweeps', (tx) => dueForEscalation(tx, today))) {
    const done = await asSystem(db, 'refindex-sweeps', async (tx) => {
      const organisations = await markEscalated(tx, m.regionId, m.id);
      if (!organisations) return false;
      const leads = (await Promise.all(organisations.map((o) => teamLeadsOf(tx, m.regionId, o)))).flat();
      await notify(tx, {
        regionId: m.regionId,
        userIds: leads,
        kind: 'refindex_escalation',
        params: { workingDays: 10 },
        // The matches that escalate together (a registration's client and family match fall due on the same day)
        // are one event for a team lead: one notice per day, pointing to the overview where they all show.
        link: LINK,
        dedupeKey: `refindex-escalation:${m.regionId}:${today}`,
      });
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}

/** Structurally a Sweep of src/jobs.ts (not imported from there, so that there is no import cycle). */
export const refIndexSweeps = [
  {
    name: 'refindex-removals',
    everySeconds: 3600,
    run: async (db: Database, now: Date) => {
      await removeFromIndex(db, now);
    },
  },
  {
    name: 'refindex-escalations',
    everySeconds: 900,
    run: async (db: Database, now: Date) => {
      await escalateOverdueMatches(db, now);
    },
  },
];
