import type { App } from '../../platform/http/app.js';
import { FamilyParams } from '../families/families.contract.js';
import { TimelinePage, TimelineQuery } from './timeline.contract.js';
import { readTimeline } from './timeline.service.js';

export function timelineRoutes(app: App) {
  app.get(
    '/api/v1/families/:familyId/timeline',
    {
      schema: {
        tags: ['Gezinnen'],
        summary: 'De tijdlijn van een gezin, nieuwste eerst, per pagina door de hele geschiedenis (before = cursor van de vorige pagina)',
        params: FamilyParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage },
      },
      config: { permission: 'family:read' },
    },
    (req) => readTimeline(app.db, req.actor, req.params.familyId, req.query),
  );
}
