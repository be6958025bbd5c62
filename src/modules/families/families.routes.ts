import type { App } from '../../platform/http/app.js';
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
  const tags = ['Gezinnen'];
  app.get(
    '/api/v1/families',
    {
      schema: {
        tags,
        summary: 'Mijn gezinnen: zoeken op naam, BSN of geboortedatum, sorteren, pagineren',
        querystring: FamilyListQuery,
        response: { 200: FamilyList },
      },
      config: { permission: 'family:list' },
    },
    (req) => searchFamilies(app.db, req.actor, req.query),
  );

  app.post(
    '/api/v1/families',
    {
      schema: {
        tags,
        summary: 'Een gezin registreren met gezinsleden en een dossier openen',
        body: RegisterFamilyBody,
        response: { 201: Created },
      },
      config: { permission: 'family:create' },
    },
    async (req, reply) => {
      const r = await registerFamily(app.db, req.actor, req.body);
      return reply.code(201).header('Location', `/api/v1/families/${r.id}`).send({ id: r.id });
    },
  );

  app.get(
    '/api/v1/families/:familyId',
    {
      schema: {
        tags,
        summary: 'De gezinspagina: leden, netwerk, dossier, casusteam, tijdlijn',
        params: FamilyParams,
        response: { 200: FamilyPage },
      },
      config: { permission: 'family:read' },
    },
    (req) => readFamilyPage(app.db, req.actor, req.params.familyId),
  );

  app.post(
    '/api/v1/families/:familyId/members',
    {
      schema: { tags, summary: 'Een gezinslid toevoegen', params: FamilyParams, body: MemberInput, response: { 201: Created } },
      config: { permission: 'family:update' },
    },
    async (req, reply) => reply.code(201).send(await addMember(app.db, req.actor, req.params.familyId, req.body)),
  );

  app.post(
    '/api/v1/families/:familyId/network-members',
    {
      schema: {
        tags,
        summary: 'Iemand uit het informele netwerk toevoegen',
        params: FamilyParams,
        body: NetworkMemberInput,
        response: { 201: Created },
      },
      config: { permission: 'family:update' },
    },
    async (req, reply) => reply.code(201).send(await addNetworkMember(app.db, req.actor, req.params.familyId, req.body)),
  );
}
