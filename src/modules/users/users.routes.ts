// Professionals and organisations of the region, to pick coordinators and team members.
import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { asActor } from '../../platform/db/actor-tx.js';

const UserQuery = z.strictObject({ qualified: z.enum(['true', 'false']).optional(), q: z.string().max(100).optional() });
const UserList = z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()),
  organisationId: z.string(), organisationName: z.string(), organisationType: z.string() })) });
const OrgList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), safetyTask: z.boolean() })) });

export function usersRoutes(app: App) {
  app.get('/api/v1/professionals', {
    schema: { tags: ['Organisaties'], summary: 'Professionals in de regio (voor regisseur en casusteam)', querystring: UserQuery, response: { 200: UserList } },
    config: { permission: 'user:list' },
  }, (req) => asActor(app.db, req.actor, async (tx) => {
    const rows = await tx.query<Record<string, any>>(
      `SELECT u.id, u.display_name, u.roles, u.organisation_id, o.name AS organisation_name, o.type AS organisation_type
         FROM users u JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
        WHERE u.region_id = $1 AND u.active AND ($2::boolean IS NOT TRUE OR 'coordinator' = ANY (u.roles))
          AND NOT ('privacy_officer' = ANY (u.roles) OR 'functional_admin' = ANY (u.roles) OR 'inspector' = ANY (u.roles))
          AND ($3::text IS NULL OR lower(u.display_name || ' ' || o.name) LIKE '%' || lower($3) || '%')
        ORDER BY o.name, u.display_name LIMIT 500`, [req.actor.regionId, req.query.qualified === 'true', req.query.q ?? null]);
    return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles, organisationId: r.organisation_id,
      organisationName: r.organisation_name, organisationType: r.organisation_type })) };
  }));

  app.get('/api/v1/organisations', {
    schema: { tags: ['Organisaties'], summary: 'Organisaties in de regio', response: { 200: OrgList } },
    config: { permission: 'user:list' },
  }, (req) => asActor(app.db, req.actor, async (tx) => {
    const rows = await tx.query<Record<string, any>>(`SELECT id, name, type, safety_task FROM organisations WHERE region_id = $1 ORDER BY name`, [req.actor.regionId]);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, type: r.type, safetyTask: r.safety_task })) };
  }));
}
