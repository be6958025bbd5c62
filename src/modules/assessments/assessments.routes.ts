import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import {
  AssessmentCreated,
  BlindSpotRule,
  BlindSpotRules,
  CaseAssessments,
  CaseBlindSpots,
  CaseParams,
  OrganisationBlindSpots,
  OrganisationBlindSpotsQuery,
  PersonCourse,
  PersonCourseParams,
  RecordAssessmentBody,
  RuleParams,
  UpdateBlindSpotRuleBody,
} from './assessments.contract.js';
import {
  listBlindSpotRules,
  organisationBlindSpots,
  readCaseAssessments,
  readCaseBlindSpots,
  readPersonCourse,
  recordAssessment,
  updateBlindSpotRule,
} from './assessments.service.js';

export function assessmentsRoutes(app: App) {
  const r = routesOf(app, 'Integraal beeld');
  const read = 'assessment:read' as const;

  r.get(
    '/api/v1/cases/:caseId/assessments',
    {
      summary: 'Het integraal beeld van een dossier: alle sets (nieuwste eerst) en de laatste score per persoon, domein en blik',
      permission: read,
      params: CaseParams,
      ok: CaseAssessments,
    },
    (req) => readCaseAssessments(app.db, req.actor, req.params.caseId),
  );
  r.post(
    '/api/v1/cases/:caseId/assessments',
    {
      summary: 'Een integraal beeld vastleggen: scores 1–5 per persoon en levensdomein, met onderbouwing en blik',
      permission: 'assessment:record',
      params: CaseParams,
      body: RecordAssessmentBody,
      created: AssessmentCreated,
    },
    (req) => recordAssessment(app.db, req.actor, req.params.caseId, req.body),
  );
  r.get(
    '/api/v1/cases/:caseId/persons/:personId/assessment-course',
    {
      summary: 'Het verloop per levensdomein van één persoon, beide blikken naast elkaar',
      permission: read,
      params: PersonCourseParams,
      ok: PersonCourse,
    },
    (req) => readPersonCourse(app.db, req.actor, req.params.caseId, req.params.personId),
  );
  r.get(
    '/api/v1/cases/:caseId/blind-spots',
    {
      summary: 'Blinde vlekken van een dossier: niet-gescoorde domeinen per persoon en partners die de situatie vraagt',
      permission: read,
      params: CaseParams,
      ok: CaseBlindSpots,
    },
    (req) => readCaseBlindSpots(app.db, req.actor, req.params.caseId),
  );
  r.get(
    '/api/v1/blind-spots',
    {
      summary: 'Blinde vlekken van alle open dossiers van de eigen organisatie (teamleider), per pagina',
      permission: 'blind-spot:organisation',
      query: OrganisationBlindSpotsQuery,
      ok: OrganisationBlindSpots,
    },
    (req) => organisationBlindSpots(app.db, req.actor, req.query),
  );
  r.get(
    '/api/v1/admin/blind-spot-rules',
    { summary: 'De regels voor blinde vlekken van de regio', permission: 'admin:blind-spot-rules', ok: BlindSpotRules },
    (req) => listBlindSpotRules(app.db, req.actor),
  );
  r.put(
    '/api/v1/admin/blind-spot-rules/:rule',
    {
      summary: 'Een regel voor blinde vlekken wijzigen (met versie)',
      permission: 'admin:blind-spot-rules',
      params: RuleParams,
      body: UpdateBlindSpotRuleBody,
      ok: BlindSpotRule,
    },
    (req) => updateBlindSpotRule(app.db, req.actor, req.params.rule, req.body),
  );
}
