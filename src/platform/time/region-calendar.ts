// The region's holiday rules, read inside the actor's transaction (row-level security keeps it to
// the actor's region). A region without saved settings runs on the default (working-days.ts).
import type { Tx } from '../db/db.js';
import { DEFAULT_HOLIDAY_RULES, LIBERATION_DAY_RULES, type HolidayRules, type LiberationDayRule } from './working-days.js';

export async function holidayRulesOf(tx: Tx, regionId: string): Promise<HolidayRules> {
  const rows = await tx.query<{ liberation_day: string }>(`SELECT liberation_day FROM signal_settings WHERE region_id = $1`, [regionId]);
  const rule = rows[0]?.liberation_day;
  return rule && (LIBERATION_DAY_RULES as readonly string[]).includes(rule)
    ? { liberationDay: rule as LiberationDayRule }
    : DEFAULT_HOLIDAY_RULES;
}
