import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Verwijsindex');
  const read = 'refindex:read' as const;
  const register = 'refindex:register' as const;

  r.post(
    '/api/v1/refindex/registrations',
    {
      summary: 'Betrokkenheid bij een persoon (BSN) registreren in de verwijsindex; geeft de nieuwe matches',
      permission: register,
      body: RegisterBody,
      created: Registered,
      location: (registered) => `/api/v1/refindex/registrations/${registered.id}`,
    },
    (req) => registerInIndex(app.db, req.actor, req.body),
  );
  r.get(
    '/api/v1/refindex/registrations',
    {
      summary: 'De registraties van mijn organisatie in de verwijsindex, nieuwste eerst',
      permission: read,
      query: RegistrationListQuery,
      ok: RegistrationList,
    },
    (req) => listRegistrations(app.db, req.actor, req.query),
  );
  r.post(
    '/api/v1/refindex/registrations/:registrationId/end',
    {
      summary: 'Een registratie van mijn organisatie beëindigen',
      permission: register,
      params: RegistrationParams,
      body: EmptyBody,
      ok: Registration,
    },
    (req) => endRegistration(app.db, req.actor, req.params.registrationId),
  );
  r.get(
    '/api/v1/refindex/matches',
    {
      summary: 'Mijn matches: andere betrokken organisaties met contactgegevens, uiterste datum en matchcoördinator',
      permission: read,
      query: MatchListQuery,
      ok: MatchList,
    },
    (req) => listMatches(app.db, req.actor, req.query),
  );
  r.get(
    '/api/v1/refindex/matches/:matchId',
    { summary: 'Eén match van mijn organisatie', permission: read, params: MatchParams, ok: Match },
    (req) => readMatch(app.db, req.actor, req.params.matchId),
  );
  r.post(
    '/api/v1/refindex/matches/:matchId/coordinator',
    {
      summary: 'Matchcoördinator worden (de eerste organisatie die accepteert)',
      permission: register,
      params: MatchParams,
      body: EmptyBody,
      ok: Match,
    },
    (req) => acceptMatchCoordinator(app.db, req.actor, req.params.matchId),
  );
}
