import type { App } from '../../platform/http/app.js';
import {
  EmptyBody,
  Match,
  MatchList,
  MatchListQuery,
  MatchParams,
  Registered,
  RegisterBody,
  Registration,
  RegistrationList,
  RegistrationListQuery,
  RegistrationParams,
} from './refindex.contract.js';
import { acceptMatchCoordinator, endRegistration, listMatches, listRegistrations, readMatch, registerInIndex } from './refindex.service.js';

export function refIndexRoutes(app: App) {
  const tags = ['Verwijsindex'];
  app.post(
    '/api/v1/refindex/registrations',
    {
      schema: {
        tags,
        summary: 'Betrokkenheid bij een persoon (BSN) registreren in de verwijsindex; geeft de nieuwe matches',
        body: RegisterBody,
        response: { 201: Registered },
      },
      config: { permission: 'refindex:register' },
    },
    async (req, reply) => {
      const r = await registerInIndex(app.db, req.actor, req.body);
      return reply.code(201).header('Location', `/api/v1/refindex/registrations/${r.id}`).send(r);
    },
  );

  app.get(
    '/api/v1/refindex/registrations',
    {
      schema: {
        tags,
        summary: 'De registraties van mijn organisatie in de verwijsindex, nieuwste eerst',
        querystring: RegistrationListQuery,
        response: { 200: RegistrationList },
      },
      config: { permission: 'refindex:read' },
    },
    (req) => listRegistrations(app.db, req.actor, req.query),
  );

  app.post(
    '/api/v1/refindex/registrations/:registrationId/end',
    {
      schema: {
        tags,
        summary: 'Een registratie van mijn organisatie beëindigen',
        params: RegistrationParams,
        body: EmptyBody,
        response: { 200: Registration },
      },
      config: { permission: 'refindex:register' },
    },
    (req) => endRegistration(app.db, req.actor, req.params.registrationId),
  );

  app.get(
    '/api/v1/refindex/matches',
    {
      schema: {
        tags,
        summary: 'Mijn matches: andere betrokken organisaties met contactgegevens, uiterste datum en matchcoördinator',
        querystring: MatchListQuery,
        response: { 200: MatchList },
      },
      config: { permission: 'refindex:read' },
    },
    (req) => listMatches(app.db, req.actor, req.query),
  );

  app.get(
    '/api/v1/refindex/matches/:matchId',
    {
      schema: { tags, summary: 'Eén match van mijn organisatie', params: MatchParams, response: { 200: Match } },
      config: { permission: 'refindex:read' },
    },
    (req) => readMatch(app.db, req.actor, req.params.matchId),
  );

  app.post(
    '/api/v1/refindex/matches/:matchId/coordinator',
    {
      schema: {
        tags,
        summary: 'Matchcoördinator worden (de eerste organisatie die accepteert)',
        params: MatchParams,
        body: EmptyBody,
        response: { 200: Match },
      },
      config: { permission: 'refindex:register' },
    },
    (req) => acceptMatchCoordinator(app.db, req.actor, req.params.matchId),
  );
}
