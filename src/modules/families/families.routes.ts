import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import {
  Created,
  FamilyList,
  FamilyListQuery,
  FamilyPage,
  FamilyParams,
  MemberInput,
  NetworkMemberInput,
  RegisterFamilyBody,
} from './families.contract.js';
import { addMember, addNetworkMember, readFamilyPage, registerFamily, searchFamilies } from './families.service.js';

export function familiesRoutes(app: App) {
  const r = routesOf(app, 'Gezinnen');
  const update = 'family:update' as const;

  r.get(
    '/api/v1/families',
    {
      summary: 'Mijn gezinnen: zoeken op naam, BSN of geboortedatum, sorteren, pagineren',
      permission: 'family:list',
      query: FamilyListQuery,
      ok: FamilyList,
    },
    (req) => searchFamilies(app.db, req.actor, req.query),
  );
  r.post(
    '/api/v1/families',
    {
      summary: 'Een gezin registreren met gezinsleden en een dossier openen',
      permission: 'family:create',
      body: RegisterFamilyBody,
      created: Created,
      location: (f) => `/api/v1/families/${f.id}`,
    },
    async (req) => {
      const { id } = await registerFamily(app.db, req.actor, req.body);
      return { id };
    },
  );
  r.get(
    '/api/v1/families/:familyId',
    {
      summary: 'De gezinspagina: leden, netwerk, dossier, casusteam, tijdlijn',
      permission: 'family:read',
      params: FamilyParams,
      ok: FamilyPage,
    },
    (req) => readFamilyPage(app.db, req.actor, req.params.familyId),
  );
  r.post(
    '/api/v1/families/:familyId/members',
    { summary: 'Een gezinslid toevoegen', permission: update, params: FamilyParams, body: MemberInput, created: Created },
    (req) => addMember(app.db, req.actor, req.params.familyId, req.body),
  );
  r.post(
    '/api/v1/families/:familyId/network-members',
    {
      summary: 'Iemand uit het informele netwerk toevoegen',
      permission: update,
      params: FamilyParams,
      body: NetworkMemberInput,
      created: Created,
    },
    (req) => addNetworkMember(app.db, req.actor, req.params.familyId, req.body),
  );
}
