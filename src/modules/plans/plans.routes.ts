import type { App } from '../../platform/http/app.js';
import {
  ActionBody,
  ActionParams,
  ActionWithTeamMemberBody,
  AnswerBody,
  AnswerResult,
  CaseParams,
  Comparison,
  CompareQuery,
  CouncilCopied,
  CouncilCopyBody,
  DraftVersionBody,
  FamilyParams,
  GoalBody,
  GoalParams,
  PlanOverview,
  PlanSettings,
  PlanSettingsBody,
  PlanSummary,
  PlanVersion,
  ProgressBody,
  ProgressParams,
  ProgressRecorded,
  Saved,
  StartDraftBody,
  UpdateDraftBody,
  VersionParams,
} from './plans.contract.js';
import {
  addAction,
  addActionWithTeamMember,
  addGoal,
  copyCouncilOutcome,
  removeAction,
  removeGoal,
  startDraft,
  updateAction,
  updateDraft,
  updateGoal,
} from './drafts.service.js';
import { answerVersion, approveDraft, proposeDraft } from './agreement.service.js';
import { compareVersions, familyPlanSummary, readPlan, readPlanSettings, readVersion, updatePlanSettings } from './reading.service.js';
import { planPdf } from './plan-pdf.js';
import { recordProgress } from './progress.service.js';

export function plansRoutes(app: App) {
  const tags = ['Plan'];
  const write = { permission: 'plan:write' as const };
  app.get(
    '/api/v1/cases/:caseId/plan',
    {
      schema: {
        tags,
        summary: 'Het plan van een dossier: versies, de huidige versie, het concept, open bezwaren',
        params: CaseParams,
        response: { 200: PlanOverview },
      },
      config: { permission: 'plan:read' },
    },
    (req) => readPlan(app.db, req.actor, req.params.caseId),
  );

  app.post(
    '/api/v1/cases/:caseId/plan/drafts',
    {
      schema: {
        tags,
        summary: 'Een nieuw concept van het plan starten (kopie van de laatste versie)',
        params: CaseParams,
        body: StartDraftBody,
        response: { 201: Saved },
      },
      config: write,
    },
    async (req, reply) => reply.code(201).send(await startDraft(app.db, req.actor, req.params.caseId, req.body)),
  );

  app.get(
    '/api/v1/plan-versions/compare',
    {
      schema: {
        tags,
        summary: 'Twee versies van een plan vergelijken: doelen en acties toegevoegd, gewijzigd, verwijderd',
        querystring: CompareQuery,
        response: { 200: Comparison },
      },
      config: { permission: 'plan:read' },
    },
    (req) => compareVersions(app.db, req.actor, req.query),
  );

  app.get(
    '/api/v1/plan-versions/:versionId',
    {
      schema: {
        tags,
        summary: 'Eén versie van een plan met doelen, acties en partijen',
        params: VersionParams,
        response: { 200: PlanVersion },
      },
      config: { permission: 'plan:read' },
    },
    (req) => readVersion(app.db, req.actor, req.params.versionId),
  );

  app.patch(
    '/api/v1/plan-versions/:versionId',
    {
      schema: {
        tags,
        summary: 'De datum van een concept wijzigen (met versie)',
        params: VersionParams,
        body: UpdateDraftBody,
        response: { 200: Saved },
      },
      config: write,
    },
    (req) => updateDraft(app.db, req.actor, req.params.versionId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/goals',
    {
      schema: { tags, summary: 'Een doel aan een concept toevoegen', params: VersionParams, body: GoalBody, response: { 201: Saved } },
      config: write,
    },
    async (req, reply) => reply.code(201).send(await addGoal(app.db, req.actor, req.params.versionId, req.body)),
  );

  app.put(
    '/api/v1/plan-versions/:versionId/goals/:goalId',
    {
      schema: { tags, summary: 'Een doel van een concept wijzigen', params: GoalParams, body: GoalBody, response: { 200: Saved } },
      config: write,
    },
    (req) => updateGoal(app.db, req.actor, req.params.versionId, req.params.goalId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/goals/:goalId/remove',
    {
      schema: {
        tags,
        summary: 'Een doel uit een concept verwijderen',
        params: GoalParams,
        body: DraftVersionBody,
        response: { 200: Saved },
      },
      config: write,
    },
    (req) => removeGoal(app.db, req.actor, req.params.versionId, req.params.goalId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/council-outcome',
    {
      schema: {
        tags,
        summary:
          'Het plan van het familienetwerkberaad overnemen in een concept: de doelen van het gezin (met levensgebied) en de acties van het netwerk',
        params: VersionParams,
        body: CouncilCopyBody,
        response: { 200: CouncilCopied },
      },
      config: write,
    },
    (req) => copyCouncilOutcome(app.db, req.actor, req.params.versionId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/actions',
    {
      schema: {
        tags,
        summary: 'Een actie aan een concept toevoegen (eigenaar in het casusteam, gezin of netwerk)',
        params: VersionParams,
        body: ActionBody,
        response: { 201: Saved },
      },
      config: write,
    },
    async (req, reply) => reply.code(201).send(await addAction(app.db, req.actor, req.params.versionId, req.body)),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/actions/with-team-member',
    {
      schema: {
        tags,
        summary: 'Een professional van de organisatie van een actie aan het casusteam toevoegen (met grondslag) en de actie opslaan',
        params: VersionParams,
        body: ActionWithTeamMemberBody,
        response: { 201: Saved },
      },
      config: { permission: 'case-team:manage' },
    },
    async (req, reply) => reply.code(201).send(await addActionWithTeamMember(app.db, req.actor, req.params.versionId, req.body)),
  );

  app.put(
    '/api/v1/plan-versions/:versionId/actions/:actionId',
    {
      schema: { tags, summary: 'Een actie van een concept wijzigen', params: ActionParams, body: ActionBody, response: { 200: Saved } },
      config: write,
    },
    (req) => updateAction(app.db, req.actor, req.params.versionId, req.params.actionId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/actions/:actionId/remove',
    {
      schema: {
        tags,
        summary: 'Een actie uit een concept verwijderen',
        params: ActionParams,
        body: DraftVersionBody,
        response: { 200: Saved },
      },
      config: write,
    },
    (req) => removeAction(app.db, req.actor, req.params.versionId, req.params.actionId, req.body),
  );

  app.post(
    '/api/v1/plan-actions/:actionId/progress',
    {
      schema: {
        tags,
        summary: 'De voortgang van een actie van het plan waarop akkoord is gegeven vastleggen (met versie)',
        params: ProgressParams,
        body: ProgressBody,
        response: { 200: ProgressRecorded },
      },
      config: write,
    },
    (req) => recordProgress(app.db, req.actor, req.params.actionId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/approve',
    {
      schema: {
        tags,
        summary: 'Een concept goedkeuren vóór het voorleggen (teamleider, als de regio dat vraagt)',
        params: VersionParams,
        body: DraftVersionBody,
        response: { 200: Saved },
      },
      config: { permission: 'plan:approve' },
    },
    (req) => approveDraft(app.db, req.actor, req.params.versionId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/propose',
    {
      schema: {
        tags,
        summary: 'Een concept voorleggen aan het gezin en de betrokken organisaties (regisseur)',
        params: VersionParams,
        body: DraftVersionBody,
        response: { 200: Saved },
      },
      config: write,
    },
    (req) => proposeDraft(app.db, req.actor, req.params.versionId, req.body),
  );

  app.post(
    '/api/v1/plan-versions/:versionId/answers',
    {
      schema: {
        tags,
        summary: 'Akkoord, niet akkoord of gehoord: het antwoord van een partij op de voorgelegde versie',
        params: VersionParams,
        body: AnswerBody,
        response: { 201: AnswerResult },
      },
      config: write,
    },
    async (req, reply) => reply.code(201).send(await answerVersion(app.db, req.actor, req.params.versionId, req.body)),
  );

  app.get(
    '/api/v1/plan-versions/:versionId/pdf',
    {
      schema: { tags, summary: 'Het akkoord bevonden plan als toegankelijke PDF', params: VersionParams },
      config: { permission: 'plan:read' },
    },
    async (req, reply) => {
      const pdf = await planPdf(app.db, req.actor, req.params.versionId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.fileName}"`).send(pdf.bytes);
    },
  );

  app.get(
    '/api/v1/families/:familyId/plan-summary',
    {
      schema: { tags, summary: 'Het plan in één oogopslag voor de gezinspagina', params: FamilyParams, response: { 200: PlanSummary } },
      config: { permission: 'plan:read' },
    },
    (req) => familyPlanSummary(app.db, req.actor, req.params.familyId),
  );

  app.get(
    '/api/v1/plan-settings',
    {
      schema: { tags, summary: 'Planregels van de regio: keurt een teamleider plannen vooraf goed', response: { 200: PlanSettings } },
      config: { permission: 'admin:settings' },
    },
    (req) => readPlanSettings(app.db, req.actor),
  );

  app.put(
    '/api/v1/plan-settings',
    {
      schema: {
        tags,
        summary: 'Planregels van de regio wijzigen (functioneel beheerder)',
        body: PlanSettingsBody,
        response: { 200: PlanSettings },
      },
      config: { permission: 'admin:settings' },
    },
    (req) => updatePlanSettings(app.db, req.actor, req.body),
  );
}
