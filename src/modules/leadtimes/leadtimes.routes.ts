import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Doorlooptijden');

  r.get(
    '/api/v1/cases/:caseId/lead-times',
    {
      summary: 'De momenten van de keten van een dossier en de tijd ertussen (dagen)',
      permission: 'leadtime:read',
      params: CaseParams,
      ok: CaseLeadTimes,
    },
    (req) => readCaseLeadTimes(app.db, req.actor, req.params.caseId),
  );
  r.post(
    '/api/v1/cases/:caseId/moments',
    {
      summary: 'Eerste contact met het gezin of akkoord op het plan vastleggen (regisseur)',
      permission: 'case:update',
      params: CaseParams,
      body: RecordMomentBody,
      created: RecordedMoment,
    },
    (req) => recordCaseMoment(app.db, req.actor, req.params.caseId, req.body),
  );
  r.get(
    '/api/v1/lead-times',
    {
      summary: 'Doorlooptijden van een organisatie over een periode: aantal, mediaan en 90e percentiel per interval',
      permission: 'leadtime:read',
      query: OrganisationLeadTimesQuery,
      ok: OrganisationLeadTimes,
    },
    (req) => organisationLeadTimes(app.db, req.actor, req.query),
  );
}
