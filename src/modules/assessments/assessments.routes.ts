import type { App } from '../../platform/http/app.js';
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
  const tags = ['Integraal beeld'];
  app.get(
    '/api/v1/cases/:caseId/assessments',
    {
      schema: {
        tags,
        summary: 'Het integraal beeld van een dossier: alle sets (nieuwste eerst) en de laatste score per persoon, domein en blik',
        params: CaseParams,
        response: { 200: CaseAssessments },
      },
      config: { permission: 'assessment:read' },
    },
    (req) => readCaseAssessments(app.db, req.actor, req.params.caseId),
  );

  app.post(
    '/api/v1/cases/:caseId/assessments',
    {
      schema: {
        tags,
        summary: 'Een integraal beeld vastleggen: scores 1–5 per persoon en levensdomein, met onderbouwing en blik',
        params: CaseParams,
        body: RecordAssessmentBody,
        response: { 201: AssessmentCreated },
      },
      config: { permission: 'assessment:record' },
    },
    async (req, reply) => reply.code(201).send(await recordAssessment(app.db, req.actor, req.params.caseId, req.body)),
  );

  app.get(
    '/api/v1/cases/:caseId/persons/:personId/assessment-course',
    {
      schema: {
        tags,
        summary: 'Het verloop per levensdomein van één persoon, beide blikken naast elkaar',
        params: PersonCourseParams,
        response: { 200: PersonCourse },
      },
      config: { permission: 'assessment:read' },
    },
    (req) => readPersonCourse(app.db, req.actor, req.params.caseId, req.params.personId),
  );

  app.get(
    '/api/v1/cases/:caseId/blind-spots',
    {
      schema: {
        tags,
        summary: 'Blinde vlekken van een dossier: niet-gescoorde domeinen per persoon en partners die de situatie vraagt',
        params: CaseParams,
        response: { 200: CaseBlindSpots },
      },
      config: { permission: 'assessment:read' },
    },
    (req) => readCaseBlindSpots(app.db, req.actor, req.params.caseId),
  );

  app.get(
    '/api/v1/blind-spots',
    {
      schema: {
        tags,
        summary: 'Blinde vlekken van alle open dossiers van de eigen organisatie (teamleider), per pagina',
        querystring: OrganisationBlindSpotsQuery,
        response: { 200: OrganisationBlindSpots },
      },
      config: { permission: 'blind-spot:organisation' },
    },
    (req) => organisationBlindSpots(app.db, req.actor, req.query),
  );

  app.get(
    '/api/v1/admin/blind-spot-rules',
    {
      schema: { tags, summary: 'De regels voor blinde vlekken van de regio', response: { 200: BlindSpotRules } },
      config: { permission: 'admin:blind-spot-rules' },
    },
    (req) => listBlindSpotRules(app.db, req.actor),
  );

  app.put(
    '/api/v1/admin/blind-spot-rules/:rule',
    {
      schema: {
        tags,
        summary: 'Een regel voor blinde vlekken wijzigen (met versie)',
        params: RuleParams,
        body: UpdateBlindSpotRuleBody,
        response: { 200: BlindSpotRule },
      },
      config: { permission: 'admin:blind-spot-rules' },
    },
    (req) => updateBlindSpotRule(app.db, req.actor, req.params.rule, req.body),
  );
}
