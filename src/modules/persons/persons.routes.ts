import type { App } from '../../platform/http/app.js';
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
  const tags = ['Gezinnen'];
  app.put(
    '/api/v1/persons/:personId',
    {
      schema: {
        tags,
        summary: 'De gegevens van een gezinslid wijzigen (met versie; een verouderde versie geeft 409)',
        params: PersonParams,
        body: UpdatePersonBody,
        response: { 200: PersonVersion },
      },
      config: { permission: 'family:update' },
    },
    (req) => updatePerson(app.db, req.actor, req.params.personId, req.body),
  );

  app.post(
    '/api/v1/persons/possible-matches',
    {
      schema: {
        tags,
        summary: 'Mogelijk dezelfde persoon: op BSN, of op naam en geboortedatum (tolerant); alleen wat u mag zien',
        body: MatchQuery,
        response: { 200: PossibleMatches },
      },
      config: { permission: 'family:create' },
    },
    (req) => findPossibleMatches(app.db, req.actor, req.body),
  );

  app.post(
    '/api/v1/person-match-confirmations',
    {
      schema: {
        tags,
        summary: 'Een voorstel "mogelijk dezelfde persoon" bevestigen (vastgelegd en gelogd; koppelen gebeurt bij het registreren)',
        body: MatchDecisionBody,
        response: { 201: MatchDecision },
      },
      config: { permission: 'family:create' },
    },
    async (req, reply) => reply.code(201).send(await decidePossibleMatch(app.db, req.actor, req.body, 'confirmed')),
  );

  app.post(
    '/api/v1/person-match-rejections',
    {
      schema: {
        tags,
        summary: 'Een voorstel "mogelijk dezelfde persoon" afwijzen: het wordt niet opnieuw gedaan (gelogd)',
        body: MatchDecisionBody,
        response: { 201: MatchDecision },
      },
      config: { permission: 'family:create' },
    },
    async (req, reply) => reply.code(201).send(await decidePossibleMatch(app.db, req.actor, req.body, 'rejected')),
  );

  app.post(
    '/api/v1/person-merges',
    {
      schema: {
        tags,
        summary: 'Twee registraties van dezelfde persoon samenvoegen (omkeerbaar)',
        body: MergeBody,
        response: { 201: MergeResult },
      },
      config: { permission: 'family:update' },
    },
    async (req, reply) => reply.code(201).send(await mergePersons(app.db, req.actor, req.body)),
  );

  app.post(
    '/api/v1/person-merges/:mergeId/undo',
    {
      schema: { tags, summary: 'Een samenvoeging ongedaan maken', params: MergeParams, response: { 200: MergeResult } },
      config: { permission: 'family:update' },
    },
    (req) => undoMerge(app.db, req.actor, req.params.mergeId),
  );
}
