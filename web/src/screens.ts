// The screens that are not on the way in (log in, Mijn gezinnen, a family page) load when first
// opened: each is its own chunk, so the first screen does not wait for the charts, the admin and
// privacy screens or the plan editor. main.tsx renders them inside a <Suspense> that says "Laden…";
// the page frame focuses their heading when it appears (ui/page-hooks.ts).
import { lazy, type ComponentType } from 'react';

/** A named export of a module, loaded when first rendered. */
function screen<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const SignalForm = screen(() => import('./features/signals/SignalForm.js'), 'SignalForm');
export const TriageQueue = screen(() => import('./features/signals/TriageQueue.js'), 'TriageQueue');
export const SignalDetail = screen(() => import('./features/signals/SignalDetail.js'), 'SignalDetail');
export const PublicConcernForm = screen(() => import('./features/signals/PublicConcernForm.js'), 'PublicConcernForm');
export const RefIndex = screen(() => import('./features/refindex/index.js'), 'RefIndex');
export const Handovers = screen(() => import('./features/handovers/index.js'), 'Handovers');
export const HandoverDetail = screen(() => import('./features/handovers/index.js'), 'HandoverDetail');
export const LeadTimes = screen(() => import('./features/handovers/index.js'), 'LeadTimes');
export const Inbox = screen(() => import('./features/notifications/Inbox.js'), 'Inbox');
export const MailDeliveries = screen(() => import('./features/notifications/MailDeliveries.js'), 'MailDeliveries');
export const AdminHome = screen(() => import('./features/admin/AdminHome.js'), 'AdminHome');
export const RegionSettings = screen(() => import('./features/admin/RegionSettings.js'), 'RegionSettings');
export const Organisations = screen(() => import('./features/admin/Organisations.js'), 'Organisations');
export const Accounts = screen(() => import('./features/admin/Accounts.js'), 'Accounts');
export const AccessRules = screen(() => import('./features/admin/AccessRules.js'), 'AccessRules');
export const PlanRules = screen(() => import('./features/admin/PlanRules.js'), 'PlanRules');
export const Regions = screen(() => import('./features/regions/Regions.js'), 'Regions');
export const RecordAssessment = screen(() => import('./features/assessments/RecordAssessment.js'), 'RecordAssessment');
export const PersonCourse = screen(() => import('./features/assessments/PersonCourse.js'), 'PersonCourse');
export const BlindSpotRules = screen(() => import('./features/assessments/BlindSpotRules.js'), 'BlindSpotRules');
export const Plan = screen(() => import('./features/plans/PlanPage.js'), 'PlanScreen');
export const PlanCompare = screen(() => import('./features/plans/Compare.js'), 'CompareScreen');
export const AuditLog = screen(() => import('./features/privacy/AuditLog.js'), 'AuditLog');
export const Reviews = screen(() => import('./features/privacy/Reviews.js'), 'Reviews');
export const AccessLog = screen(() => import('./features/privacy/AccessLog.js'), 'AccessLog');
