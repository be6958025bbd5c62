import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import {
  MatchDecision,
  MatchDecisionBody,
  MatchQuery,
  MergeBody,
  MergeParams,
  MergeResult,
  PersonParams,
  PersonVersion,
  PossibleMatches,
  UpdatePersonBody,
} from './persons.contract.js';
import { updatePerson } from './persons.service.js';
import { decidePossibleMatch, findPossibleMatches, mergePersons, undoMerge } from './matching.service.js';

export function personsRoutes(app: App) {
  const r = routesOf(app, 'Gezinnen');
  const create = 'family:create' as const;
  const update = 'family:update' as const;

  r.put(
    '/api/v1/persons/:personId',
    {
      summary: 'De gegevens van een gezinslid wijzigen (met versie; een verouderde versie geeft 409)',
      permission: update,
      params: PersonParams,
      body: UpdatePersonBody,
      ok: PersonVersion,
    },
    (req) => updatePerson(app.db, req.actor, req.params.personId, req.body),
  );
  r.post(
    '/api/v1/persons/possible-matches',
    {
      summary: 'Mogelijk dezelfde persoon: op BSN, of op naam en geboortedatum (tolerant); alleen wat u mag zien',
      permission: create,
      body: MatchQuery,
      ok: PossibleMatches,
    },
    (req) => findPossibleMatches(app.db, req.actor, req.body),
  );
  r.post(
    '/api/v1/person-match-confirmations',
    {
      summary: 'Een voorstel "mogelijk dezelfde persoon" bevestigen (vastgelegd en gelogd; koppelen gebeurt bij het registreren)',
      permission: create,
      body: MatchDecisionBody,
      created: MatchDecision,
    },
    (req) => decidePossibleMatch(app.db, req.actor, req.body, 'confirmed'),
  );
  r.post(
    '/api/v1/person-match-rejections',
    {
      summary: 'Een voorstel "mogelijk dezelfde persoon" afwijzen: het wordt niet opnieuw gedaan (gelogd)',
      permission: create,
      body: MatchDecisionBody,
      created: MatchDecision,
    },
    (req) => decidePossibleMatch(app.db, req.actor, req.body, 'rejected'),
  );
  r.post(
    '/api/v1/person-merges',
    {
      summary: 'Twee registraties van dezelfde persoon samenvoegen (omkeerbaar)',
      permission: update,
      body: MergeBody,
      created: MergeResult,
    },
    (req) => mergePersons(app.db, req.actor, req.body),
  );
  r.post(
    '/api/v1/person-merges/:mergeId/undo',
    { summary: 'Een samenvoeging ongedaan maken', permission: update, params: MergeParams, ok: MergeResult },
    (req) => undoMerge(app.db, req.actor, req.params.mergeId),
  );
}
