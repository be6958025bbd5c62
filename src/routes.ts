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

export const allRoutes: Array<(app: App) => void> = [authRoutes, oidcRoutes, familiesRoutes, casesRoutes, usersRoutes, breakGlassRoutes, auditRoutes, personsRoutes];
