// Every module's routes, in one list (the route-permission snapshot test reads the result).
import type { App } from './platform/http/app.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { oidcRoutes } from './platform/auth/oidc.routes.js';
import { familiesRoutes } from './modules/families/families.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { breakGlassRoutes } from './modules/breakglass/breakglass.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { personsRoutes } from './modules/persons/persons.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { refIndexRoutes } from './modules/refindex/refindex.routes.js';
import { signalsRoutes } from './modules/signals/signals.routes.js';
import { handoversRoutes } from './modules/handovers/handovers.routes.js';
import { leadTimesRoutes } from './modules/leadtimes/leadtimes.routes.js';
import { adminRoutes } from './modules/admin/admin.routes.js';
import { regionsRoutes } from './modules/regions/regions.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { timelineRoutes } from './modules/timeline/timeline.routes.js';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.js';
import { safetyRoutes } from './modules/safety/safety.routes.js';
import { plansRoutes } from './modules/plans/plans.routes.js';

export const allRoutes: Array<(app: App) => void> = [
  authRoutes,
  oidcRoutes,
  familiesRoutes,
  casesRoutes,
  usersRoutes,
  breakGlassRoutes,
  auditRoutes,
  personsRoutes,
  notificationsRoutes,
  refIndexRoutes,
  signalsRoutes,
  handoversRoutes,
  leadTimesRoutes,
  adminRoutes,
  regionsRoutes,
  calendarRoutes,
  timelineRoutes,
  assessmentsRoutes,
  safetyRoutes,
  plansRoutes,
];
