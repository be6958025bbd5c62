// Regions of the installation: an installation administrator creates one (with its first
// organisation and functional administrator) from the web app; see regions.service.ts.
import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import { CreateRegionBody, RegionCreated, RegionList } from './regions.contract.js';
import { createRegion, listRegions } from './regions.service.js';

export function regionsRoutes(app: App) {
  const r = routesOf(app, 'Installatie');
  r.get(
    '/api/v1/regions',
    {
      summary: "De regio's van de installatie (code, naam, aangemaakt); alleen voor een beheerder van de installatie",
      permission: 'region:create',
      ok: RegionList,
    },
    (req) => listRegions(app.db, req.actor),
  );

  r.post(
    '/api/v1/regions',
    {
      summary:
        'Een regio aanmaken met haar eerste organisatie en functioneel beheerder (eenmalig wachtwoord, eenmaal getoond); alleen voor een beheerder van de installatie',
      permission: 'region:create',
      body: CreateRegionBody,
      created: RegionCreated,
      headers: { 'Cache-Control': 'no-store' },
    },
    (req) => createRegion(app.db, { kind: 'web', actor: req.actor }, req.body),
  );
}
