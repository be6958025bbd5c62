// The council-overdue sweep: an open case whose family network council was not offered within
// the region's working days after it opened is marked once (council_overdue_notices, which the
// family list filters on) and its coordinator and the team leads of the coordinator's
// organisation are told, once. Idempotent twice over: a marked case is never picked again, and
// notify()'s dedupe key refuses a second notice about the same case.
import type { Database } from '../../platform/db/db.js';
import { asSystem } from '../../platform/db/system-tx.js';
import {
  DEFAULT_HOLIDAY_RULES,
  dutchToday,
  LIBERATION_DAY_RULES,
  type HolidayRules,
  type LiberationDayRule,
} from '../../platform/time/working-days.js';
import { notify, teamLeadsOf } from '../notifications/notify.js';
import { councilDueOn } from './rules.js';

const BATCH = 500;

/** Runs through the `council-overdue` system door (migration 0341). Returns the number of notifications written. */
export async function notifyOverdueCouncils(db: Database, now = new Date()): Promise<number> {
  const today = dutchToday(now);
  return asSystem(db, 'council-overdue', async (tx) => {
    const candidates = await tx.query<{
      region_id: string;
      case_id: string;
      family_id: string;
      opened_on: string;
      working_days: number;
      liberation_day: string;
      coordinator_user_id: string | null;
      coordinator_organisation_id: string | null;
    }>(
      `SELECT region_id, case_id, family_id, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, working_days, liberation_day, coordinator_user_id, coordinator_organisation_id
         FROM regie.council_overdue_candidates($1::date, ${BATCH})`,
      [today],
    );
    let sent = 0;
    for (const c of candidates) {
      const rules: HolidayRules = (LIBERATION_DAY_RULES as readonly string[]).includes(c.liberation_day)
        ? { liberationDay: c.liberation_day as LiberationDayRule }
        : DEFAULT_HOLIDAY_RULES;
      const workingDays = c.working_days;
      const dueOn = councilDueOn(c.opened_on, workingDays, rules);
      if (today <= dueOn) continue;
      const marked = await tx.query(
        `INSERT INTO council_overdue_notices (region_id, case_id, family_id, due_on) VALUES ($1, $2, $3, $4)
        ON CONFLICT DO NOTHING RETURNING case_id`,
        [c.region_id, c.case_id, c.family_id, dueOn],
      );
      if (!marked.length) continue;
      const recipients =
        c.coordinator_user_id && c.coordinator_organisation_id
          ? [c.coordinator_user_id, ...(await teamLeadsOf(tx, c.region_id, c.coordinator_organisation_id))]
          : [];
      sent += await notify(tx, {
        regionId: c.region_id,
        userIds: recipients,
        kind: 'council_overdue',
        params: { workingDays },
        link: `/gezinnen/${c.family_id}`,
        dedupeKey: `council-overdue:${c.case_id}`,
      });
    }
    return sent;
  });
}

/** Registered in src/jobs.ts; a deadline counted in days needs no more than an hourly look. */
export const councilOverdueSweep = {
  name: 'safety.council-overdue',
  everySeconds: 60 * 60,
  run: async (db: Database, now: Date) => {
    await notifyOverdueCouncils(db, now);
  },
};
