import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import { SkippedHolidays, SkippedHolidaysQuery } from './calendar.contract.js';
import { readSkippedHolidays } from './calendar.service.js';

export function calendarRoutes(app: App) {
  routesOf(app, 'Meldingen').get(
    '/api/v1/skipped-holidays',
    {
      summary: 'De feestdagen die een termijn in werkdagen oversloeg tussen twee datums (volgens de regels van uw regio, ook voor 5 mei)',
      permission: 'signal:read',
      query: SkippedHolidaysQuery,
      ok: SkippedHolidays,
    },
    (req) => readSkippedHolidays(app.db, req.actor, req.query),
  );
}
