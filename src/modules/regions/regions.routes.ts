// Regions of the installation: an installation administrator creates one (with its first
// organisation and functional administrator) from the web app; see regions.service.ts.
import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import { CreateRegionBody, RegionCreated, RegionList } from './regions.contract.js';
import { createRegion, listRegions } from './regions.service.js';

export function regionsRoutes(app: App) {
  routesOf(app, 'Installatie').get(
    '/api/v1/regions',
    {
      summary: "De regio's van de installatie (code, naam, aangemaakt); alleen voor een beheerder van de installatie",
      permission: 'region:create',
      ok: RegionList,
    },
    (req) => listRegions(app.db, req.actor),
  );

  app.post(
    '/api/v1/regions',
    {
      schema: {
        tags: ['Installatie'],
        summary:
          'Een regio aanmaken met haar eerste organisatie en functioneel beheerder (eenmalig wachtwoord, eenmaal getoond); alleen voor een beheerder van de installatie',
        body: CreateRegionBody,
        response: { 201: RegionCreated },
      },
      config: { permission: 'region:create' },
    },
    async (req, reply) => {
      const created = await createRegion(app.db, { kind: 'web', actor: req.actor }, req.body);
      return reply.code(201).header('Cache-Control', 'no-store').send(created);
    },
  );
}
