import type { App } from '../../platform/http/app.js';
import {
  AgreementBody,
  AgreementParams,
  CaseParams,
  RemoveAgreementBody,
  CouncilBody,
  CouncilSettings,
  CouncilSettingsBody,
  OutcomeBody,
  ReviewBody,
  SafetyOverview,
  SaveAssessmentBody,
} from './safety.contract.js';
import {
  addAgreement,
  changeAgreement,
  readCouncilSettings,
  removeAgreement,
  readSafety,
  reviewAssessment,
  saveAssessment,
  saveCouncil,
  saveCouncilOutcome,
  saveCouncilSettings,
} from './safety.service.js';

export function safetyRoutes(app: App) {
  const tags = ['Veiligheid en familienetwerkberaad'];
  app.get(
    '/api/v1/cases/:caseId/safety',
    {
      schema: {
        tags,
        summary: 'Veiligheid van een dossier: nodig en waarom, taxatie met beoordelingen, veiligheidsplan, familienetwerkberaad',
        params: CaseParams,
        response: { 200: SafetyOverview },
      },
      config: { permission: 'safety:read' },
    },
    (req) => readSafety(app.db, req.actor, req.params.caseId),
  );

  app.put(
    '/api/v1/cases/:caseId/safety/assessment',
    {
      schema: {
        tags,
        summary: 'De veiligheidstaxatie vastleggen of wijzigen (met versie)',
        params: CaseParams,
        body: SaveAssessmentBody,
        response: { 200: SafetyOverview },
      },
      config: { permission: 'safety:write' },
    },
    (req) => saveAssessment(app.db, req.actor, req.params.caseId, req.body),
  );

  app.post(
    '/api/v1/cases/:caseId/safety/reviews',
    {
      schema: {
        tags,
        summary: 'De veiligheidstaxatie beoordelen (gedragswetenschapper)',
        params: CaseParams,
        body: ReviewBody,
        response: { 201: SafetyOverview },
      },
      config: { permission: 'safety:review' },
    },
    async (req, reply) => reply.code(201).send(await reviewAssessment(app.db, req.actor, req.params.caseId, req.body)),
  );

  app.post(
    '/api/v1/cases/:caseId/safety/plan',
    {
      schema: {
        tags,
        summary: 'Een afspraak aan het veiligheidsplan toevoegen',
        params: CaseParams,
        body: AgreementBody,
        response: { 201: SafetyOverview },
      },
      config: { permission: 'safety:write' },
    },
    async (req, reply) => reply.code(201).send(await addAgreement(app.db, req.actor, req.params.caseId, req.body)),
  );

  app.put(
    '/api/v1/cases/:caseId/safety/plan/:agreementId',
    {
      schema: {
        tags,
        summary: 'Een afspraak van het veiligheidsplan wijzigen (met versie)',
        params: AgreementParams,
        body: AgreementBody,
        response: { 200: SafetyOverview },
      },
      config: { permission: 'safety:write' },
    },
    (req) => changeAgreement(app.db, req.actor, req.params.caseId, req.params.agreementId, req.body),
  );

  app.post(
    '/api/v1/cases/:caseId/safety/plan/:agreementId/remove',
    {
      schema: {
        tags,
        summary: 'Een afspraak uit het veiligheidsplan verwijderen (met versie)',
        params: AgreementParams,
        body: RemoveAgreementBody,
        response: { 200: SafetyOverview },
      },
      config: { permission: 'safety:write' },
    },
    (req) => removeAgreement(app.db, req.actor, req.params.caseId, req.params.agreementId, req.body),
  );

  app.put(
    '/api/v1/cases/:caseId/council',
    {
      schema: {
        tags,
        summary:
          'Het familienetwerkberaad vastleggen: aanbod, antwoord van het gezin, wanneer gehouden, of een veiligheidsreden (regisseur)',
        params: CaseParams,
        body: CouncilBody,
        response: { 200: SafetyOverview },
      },
      config: { permission: 'council:write' },
    },
    (req) => saveCouncil(app.db, req.actor, req.params.caseId, req.body),
  );

  app.put(
    '/api/v1/cases/:caseId/council/outcome',
    {
      schema: {
        tags,
        summary: 'Het plan van het familienetwerkberaad: de doelen van het gezin en de acties van het netwerk (regisseur)',
        params: CaseParams,
        body: OutcomeBody,
        response: { 200: SafetyOverview },
      },
      config: { permission: 'council:write' },
    },
    (req) => saveCouncilOutcome(app.db, req.actor, req.params.caseId, req.body),
  );

  app.get(
    '/api/v1/admin/council-settings',
    {
      schema: {
        tags,
        summary: 'Binnen hoeveel werkdagen na het openen van een dossier het familienetwerkberaad wordt aangeboden',
        response: { 200: CouncilSettings },
      },
      config: { permission: 'admin:settings' },
    },
    (req) => readCouncilSettings(app.db, req.actor),
  );

  app.put(
    '/api/v1/admin/council-settings',
    {
      schema: {
        tags,
        summary: 'De termijn voor het familienetwerkberaad in werkdagen wijzigen (met versie)',
        body: CouncilSettingsBody,
        response: { 200: CouncilSettings },
      },
      config: { permission: 'admin:settings' },
    },
    (req) => saveCouncilSettings(app.db, req.actor, req.body),
  );
}
