import type { App } from '../../platform/http/app.js';
import {
  CaseLeadTimes,
  CaseParams,
  OrganisationLeadTimes,
  OrganisationLeadTimesQuery,
  RecordedMoment,
  RecordMomentBody,
} from './leadtimes.contract.js';
import { organisationLeadTimes, readCaseLeadTimes, recordCaseMoment } from './leadtimes.service.js';

export function leadTimesRoutes(app: App) {
  const tags = ['Doorlooptijden'];
  app.get(
    '/api/v1/cases/:caseId/lead-times',
    {
      schema: {
        tags,
        summary: 'De momenten van de keten van een dossier en de tijd ertussen (dagen)',
        params: CaseParams,
        response: { 200: CaseLeadTimes },
      },
      config: { permission: 'leadtime:read' },
    },
    (req) => readCaseLeadTimes(app.db, req.actor, req.params.caseId),
  );

  app.post(
    '/api/v1/cases/:caseId/moments',
    {
      schema: {
        tags,
        summary: 'Eerste contact met het gezin of akkoord op het plan vastleggen (regisseur)',
        params: CaseParams,
        body: RecordMomentBody,
        response: { 201: RecordedMoment },
      },
      config: { permission: 'case:update' },
    },
    async (req, reply) => reply.code(201).send(await recordCaseMoment(app.db, req.actor, req.params.caseId, req.body)),
  );

  app.get(
    '/api/v1/lead-times',
    {
      schema: {
        tags,
        summary: 'Doorlooptijden van een organisatie over een periode: aantal, mediaan en 90e percentiel per interval',
        querystring: OrganisationLeadTimesQuery,
        response: { 200: OrganisationLeadTimes },
      },
      config: { permission: 'leadtime:read' },
    },
    (req) => organisationLeadTimes(app.db, req.actor, req.query),
  );
}
