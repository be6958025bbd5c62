import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import { FamilyParams } from '../families/families.contract.js';
import { TimelinePage, TimelineQuery } from './timeline.contract.js';
import { readTimeline } from './timeline.service.js';

export function timelineRoutes(app: App) {
  routesOf(app, 'Gezinnen').get(
    '/api/v1/families/:familyId/timeline',
    {
      summary: 'De tijdlijn van een gezin, nieuwste eerst, per pagina door de hele geschiedenis (before = cursor van de vorige pagina)',
      permission: 'family:read',
      params: FamilyParams,
      query: TimelineQuery,
      ok: TimelinePage,
    },
    (req) => readTimeline(app.db, req.actor, req.params.familyId, req.query),
  );
}
