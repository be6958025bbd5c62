// Which holidays a deadline skipped, by the rules of the actor's region. No personal data: not audited.
import type { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { skippedHolidays } from '../../platform/time/working-days.js';
import { holidayRulesOf } from '../../platform/time/region-calendar.js';
import type { SkippedHolidaysQuery } from './calendar.contract.js';

export async function readSkippedHolidays(db: Database, actor: Actor, q: z.infer<typeof SkippedHolidaysQuery>) {
  const rules = await asActor(db, actor, (tx) => holidayRulesOf(tx, actor.regionId));
  return { items: skippedHolidays(q.from, q.to, rules), liberationDay: rules.liberationDay };
}
