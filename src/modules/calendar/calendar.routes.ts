import type { App } from '../../platform/http/app.js';
import { SkippedHolidays, SkippedHolidaysQuery } from './calendar.contract.js';
import { readSkippedHolidays } from './calendar.service.js';

export function calendarRoutes(app: App) {
  app.get(
    '/api/v1/skipped-holidays',
    {
      schema: {
        tags: ['Meldingen'],
        summary: 'De feestdagen die een termijn in werkdagen oversloeg tussen twee datums (volgens de regels van uw regio, ook voor 5 mei)',
        querystring: SkippedHolidaysQuery,
        response: { 200: SkippedHolidays },
      },
      config: { permission: 'signal:read' },
    },
    (req) => readSkippedHolidays(app.db, req.actor, req.query),
  );
}
