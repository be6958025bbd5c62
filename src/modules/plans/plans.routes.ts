import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Plan');
  const read = 'plan:read' as const;
  const write = 'plan:write' as const;

  r.get(
    '/api/v1/cases/:caseId/plan',
    {
      summary: 'Het plan van een dossier: versies, de huidige versie, het concept, open bezwaren',
      permission: read,
      params: CaseParams,
      ok: PlanOverview,
    },
    (req) => readPlan(app.db, req.actor, req.params.caseId),
  );
  r.post(
    '/api/v1/cases/:caseId/plan/drafts',
    {
      summary: 'Een nieuw concept van het plan starten (kopie van de laatste versie)',
      permission: write,
      params: CaseParams,
      body: StartDraftBody,
      created: Saved,
    },
    (req) => startDraft(app.db, req.actor, req.params.caseId, req.body),
  );
  r.get(
    '/api/v1/plan-versions/compare',
    {
      summary: 'Twee versies van een plan vergelijken: doelen en acties toegevoegd, gewijzigd, verwijderd',
      permission: read,
      query: CompareQuery,
      ok: Comparison,
    },
    (req) => compareVersions(app.db, req.actor, req.query),
  );
  r.get(
    '/api/v1/plan-versions/:versionId',
    { summary: 'Eén versie van een plan met doelen, acties en partijen', permission: read, params: VersionParams, ok: PlanVersion },
    (req) => readVersion(app.db, req.actor, req.params.versionId),
  );
  r.patch(
    '/api/v1/plan-versions/:versionId',
    {
      summary: 'De datum van een concept wijzigen (met versie)',
      permission: write,
      params: VersionParams,
      body: UpdateDraftBody,
      ok: Saved,
    },
    (req) => updateDraft(app.db, req.actor, req.params.versionId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/goals',
    { summary: 'Een doel aan een concept toevoegen', permission: write, params: VersionParams, body: GoalBody, created: Saved },
    (req) => addGoal(app.db, req.actor, req.params.versionId, req.body),
  );
  r.put(
    '/api/v1/plan-versions/:versionId/goals/:goalId',
    { summary: 'Een doel van een concept wijzigen', permission: write, params: GoalParams, body: GoalBody, ok: Saved },
    (req) => updateGoal(app.db, req.actor, req.params.versionId, req.params.goalId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/goals/:goalId/remove',
    { summary: 'Een doel uit een concept verwijderen', permission: write, params: GoalParams, body: DraftVersionBody, ok: Saved },
    (req) => removeGoal(app.db, req.actor, req.params.versionId, req.params.goalId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/council-outcome',
    {
      summary:
        'Het plan van het familienetwerkberaad overnemen in een concept: de doelen van het gezin (met levensgebied) en de acties van het netwerk',
      permission: write,
      params: VersionParams,
      body: CouncilCopyBody,
      ok: CouncilCopied,
    },
    (req) => copyCouncilOutcome(app.db, req.actor, req.params.versionId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/actions',
    {
      summary: 'Een actie aan een concept toevoegen (eigenaar in het casusteam, gezin of netwerk)',
      permission: write,
      params: VersionParams,
      body: ActionBody,
      created: Saved,
    },
    (req) => addAction(app.db, req.actor, req.params.versionId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/actions/with-team-member',
    {
      summary: 'Een professional van de organisatie van een actie aan het casusteam toevoegen (met grondslag) en de actie opslaan',
      permission: 'case-team:manage',
      params: VersionParams,
      body: ActionWithTeamMemberBody,
      created: Saved,
    },
    (req) => addActionWithTeamMember(app.db, req.actor, req.params.versionId, req.body),
  );
  r.put(
    '/api/v1/plan-versions/:versionId/actions/:actionId',
    { summary: 'Een actie van een concept wijzigen', permission: write, params: ActionParams, body: ActionBody, ok: Saved },
    (req) => updateAction(app.db, req.actor, req.params.versionId, req.params.actionId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/actions/:actionId/remove',
    { summary: 'Een actie uit een concept verwijderen', permission: write, params: ActionParams, body: DraftVersionBody, ok: Saved },
    (req) => removeAction(app.db, req.actor, req.params.versionId, req.params.actionId, req.body),
  );
  r.post(
    '/api/v1/plan-actions/:actionId/progress',
    {
      summary: 'De voortgang van een actie van het plan waarop akkoord is gegeven vastleggen (met versie)',
      permission: write,
      params: ProgressParams,
      body: ProgressBody,
      ok: ProgressRecorded,
    },
    (req) => recordProgress(app.db, req.actor, req.params.actionId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/approve',
    {
      summary: 'Een concept goedkeuren vóór het voorleggen (teamleider, als de regio dat vraagt)',
      permission: 'plan:approve',
      params: VersionParams,
      body: DraftVersionBody,
      ok: Saved,
    },
    (req) => approveDraft(app.db, req.actor, req.params.versionId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/propose',
    {
      summary: 'Een concept voorleggen aan het gezin en de betrokken organisaties (regisseur)',
      permission: write,
      params: VersionParams,
      body: DraftVersionBody,
      ok: Saved,
    },
    (req) => proposeDraft(app.db, req.actor, req.params.versionId, req.body),
  );
  r.post(
    '/api/v1/plan-versions/:versionId/answers',
    {
      summary: 'Akkoord, niet akkoord of gehoord: het antwoord van een partij op de voorgelegde versie',
      permission: write,
      params: VersionParams,
      body: AnswerBody,
      created: AnswerResult,
    },
    (req) => answerVersion(app.db, req.actor, req.params.versionId, req.body),
  );

  app.get(
    '/api/v1/plan-versions/:versionId/pdf',
    {
      schema: { tags: ['Plan'], summary: 'Het akkoord bevonden plan als toegankelijke PDF', params: VersionParams },
      config: { permission: read },
    },
    async (req, reply) => {
      const pdf = await planPdf(app.db, req.actor, req.params.versionId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.fileName}"`).send(pdf.bytes);
    },
  );

  r.get(
    '/api/v1/families/:familyId/plan-summary',
    { summary: 'Het plan in één oogopslag voor de gezinspagina', permission: read, params: FamilyParams, ok: PlanSummary },
    (req) => familyPlanSummary(app.db, req.actor, req.params.familyId),
  );
  r.get(
    '/api/v1/plan-settings',
    { summary: 'Planregels van de regio: keurt een teamleider plannen vooraf goed', permission: 'admin:settings', ok: PlanSettings },
    (req) => readPlanSettings(app.db, req.actor),
  );
  r.put(
    '/api/v1/plan-settings',
    {
      summary: 'Planregels van de regio wijzigen (functioneel beheerder)',
      permission: 'admin:settings',
      body: PlanSettingsBody,
      ok: PlanSettings,
    },
    (req) => updatePlanSettings(app.db, req.actor, req.body),
  );
}
