// Professionals of the region, to pick coordinators and team members. The organisations of the
// region (list, create, change) are in src/modules/admin/admin.routes.ts.
import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import { ProfessionalList, ProfessionalListQuery } from '../admin/admin.contract.js';
import { listProfessionals } from '../admin/admin.service.js';

export function usersRoutes(app: App) {
  routesOf(app, 'Organisaties').get(
    '/api/v1/professionals',
    {
      summary: 'Professionals in de regio (voor regisseur en casusteam), per organisatie; per pagina, standaard 500',
      permission: 'user:list',
      query: ProfessionalListQuery,
      ok: ProfessionalList,
    },
    (req) => listProfessionals(app.db, req.actor, req.query),
  );
}
