import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Veiligheid en familienetwerkberaad');
  const write = 'safety:write' as const;
  const council = 'council:write' as const;

  r.get(
    '/api/v1/cases/:caseId/safety',
    {
      summary: 'Veiligheid van een dossier: nodig en waarom, taxatie met beoordelingen, veiligheidsplan, familienetwerkberaad',
      permission: 'safety:read',
      params: CaseParams,
      ok: SafetyOverview,
    },
    (req) => readSafety(app.db, req.actor, req.params.caseId),
  );
  r.put(
    '/api/v1/cases/:caseId/safety/assessment',
    {
      summary: 'De veiligheidstaxatie vastleggen of wijzigen (met versie)',
      permission: write,
      params: CaseParams,
      body: SaveAssessmentBody,
      ok: SafetyOverview,
    },
    (req) => saveAssessment(app.db, req.actor, req.params.caseId, req.body),
  );
  r.post(
    '/api/v1/cases/:caseId/safety/reviews',
    {
      summary: 'De veiligheidstaxatie beoordelen (gedragswetenschapper)',
      permission: 'safety:review',
      params: CaseParams,
      body: ReviewBody,
      created: SafetyOverview,
    },
    (req) => reviewAssessment(app.db, req.actor, req.params.caseId, req.body),
  );
  r.post(
    '/api/v1/cases/:caseId/safety/plan',
    {
      summary: 'Een afspraak aan het veiligheidsplan toevoegen',
      permission: write,
      params: CaseParams,
      body: AgreementBody,
      created: SafetyOverview,
    },
    (req) => addAgreement(app.db, req.actor, req.params.caseId, req.body),
  );
  r.put(
    '/api/v1/cases/:caseId/safety/plan/:agreementId',
    {
      summary: 'Een afspraak van het veiligheidsplan wijzigen (met versie)',
      permission: write,
      params: AgreementParams,
      body: AgreementBody,
      ok: SafetyOverview,
    },
    (req) => changeAgreement(app.db, req.actor, req.params.caseId, req.params.agreementId, req.body),
  );
  r.post(
    '/api/v1/cases/:caseId/safety/plan/:agreementId/remove',
    {
      summary: 'Een afspraak uit het veiligheidsplan verwijderen (met versie)',
      permission: write,
      params: AgreementParams,
      body: RemoveAgreementBody,
      ok: SafetyOverview,
    },
    (req) => removeAgreement(app.db, req.actor, req.params.caseId, req.params.agreementId, req.body),
  );
  r.put(
    '/api/v1/cases/:caseId/council',
    {
      summary: 'Het familienetwerkberaad vastleggen: aanbod, antwoord van het gezin, wanneer gehouden, of een veiligheidsreden (regisseur)',
      permission: council,
      params: CaseParams,
      body: CouncilBody,
      ok: SafetyOverview,
    },
    (req) => saveCouncil(app.db, req.actor, req.params.caseId, req.body),
  );
  r.put(
    '/api/v1/cases/:caseId/council/outcome',
    {
      summary: 'Het plan van het familienetwerkberaad: de doelen van het gezin en de acties van het netwerk (regisseur)',
      permission: council,
      params: CaseParams,
      body: OutcomeBody,
      ok: SafetyOverview,
    },
    (req) => saveCouncilOutcome(app.db, req.actor, req.params.caseId, req.body),
  );
  r.get(
    '/api/v1/admin/council-settings',
    {
      summary: 'Binnen hoeveel werkdagen na het openen van een dossier het familienetwerkberaad wordt aangeboden',
      permission: 'admin:settings',
      ok: CouncilSettings,
    },
    (req) => readCouncilSettings(app.db, req.actor),
  );
  r.put(
    '/api/v1/admin/council-settings',
    {
      summary: 'De termijn voor het familienetwerkberaad in werkdagen wijzigen (met versie)',
      permission: 'admin:settings',
      body: CouncilSettingsBody,
      ok: CouncilSettings,
    },
    (req) => saveCouncilSettings(app.db, req.actor, req.body),
  );
}
