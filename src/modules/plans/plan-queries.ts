// What other modules read of the plan as SQL conditions on a family row (`family`: the alias of a
// row with region_id and id), for "Mijn gezinnen": the plan's state at a glance and its filters.
// They run in the actor's transaction, so row-level security applies as everywhere.
import { ACTION_STAND } from './plans.repo.js';

/** Weeks after a case opens by which the family should have an agreed plan (the inspection's six weeks). */
export const PLAN_AGREED_WITHIN_DAYS = 42;

/** The family's open case is more than six weeks old and no version of its plan was agreed. */
export const noAgreedPlanCondition = (family: string) => `EXISTS (SELECT 1 FROM cases pc
   WHERE pc.region_id = ${family}.region_id AND pc.family_id = ${family}.id AND pc.status <> 'closed'
     AND pc.opened_at < now() - interval '${PLAN_AGREED_WITHIN_DAYS} days'
     AND NOT EXISTS (SELECT 1 FROM plan_versions pv WHERE pv.region_id = pc.region_id AND pv.case_id = pc.id AND pv.status = 'agreed'))`;

/** How many actions of the family's agreed plan still stand open (progress since, migration 0380) past their due day (Dutch calendar). */
export const overdueActionsCount = (family: string) => `(SELECT count(*)::int FROM plan_versions pv
    JOIN plan_actions pa ON pa.region_id = pv.region_id AND pa.plan_version_id = pv.id
   WHERE pv.region_id = ${family}.region_id AND pv.family_id = ${family}.id AND pv.status = 'agreed'
     AND pa.due_on < (now() AT TIME ZONE 'Europe/Amsterdam')::date
     AND (SELECT st.status FROM (${ACTION_STAND('pa')}) st) = 'open')`;
