import type { App } from '../../platform/http/app.js';
import { Created, FamilyParams } from '../families/families.contract.js';
import {
  AddTeamMemberBody,
  CaseParams,
  ChangeMembershipBody,
  CaseVersion,
  EndTeamMemberBody,
  MembershipParams,
  OpenCaseBody,
  TransferCoordinatorBody,
  UpdateCaseBody,
} from './cases.contract.js';
import { addTeamMember, changeMembershipBasis, endTeamMember, openCase, transferCoordinator, updateCaseStatus } from './cases.service.js';

export function casesRoutes(app: App) {
  const tags = ['Dossiers'];
  app.post(
    '/api/v1/families/:familyId/cases',
    {
      schema: {
        tags,
        summary: 'Een dossier openen en de regisseur aanwijzen',
        params: FamilyParams,
        body: OpenCaseBody,
        response: { 201: CaseVersion },
      },
      config: { permission: 'case:open' },
    },
    async (req, reply) => reply.code(201).send(await openCase(app.db, req.actor, req.params.familyId, req.body)),
  );

  app.patch(
    '/api/v1/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'De fase van een dossier wijzigen (met versie)',
        params: CaseParams,
        body: UpdateCaseBody,
        response: { 200: CaseVersion },
      },
      config: { permission: 'case:update' },
    },
    (req) => updateCaseStatus(app.db, req.actor, req.params.caseId, req.body),
  );

  app.post(
    '/api/v1/cases/:caseId/team-members',
    {
      schema: {
        tags,
        summary: 'Een professional aan het casusteam toevoegen, met grondslag',
        params: CaseParams,
        body: AddTeamMemberBody,
        response: { 201: Created },
      },
      config: { permission: 'case-team:manage' },
    },
    async (req, reply) => reply.code(201).send(await addTeamMember(app.db, req.actor, req.params.caseId, req.body)),
  );

  app.patch(
    '/api/v1/cases/:caseId/team-members/:membershipId',
    {
      schema: {
        tags,
        summary: 'De grondslag van een lidmaatschap van het casusteam wijzigen (met versie)',
        params: MembershipParams,
        body: ChangeMembershipBody,
        response: { 200: Created },
      },
      config: { permission: 'case-team:manage' },
    },
    (req) => changeMembershipBasis(app.db, req.actor, req.params.caseId, req.params.membershipId, req.body),
  );

  app.post(
    '/api/v1/cases/:caseId/team-members/:membershipId/end',
    {
      schema: {
        tags,
        summary: 'Een lidmaatschap van het casusteam beëindigen',
        params: MembershipParams,
        body: EndTeamMemberBody,
        response: { 200: Created },
      },
      config: { permission: 'case-team:manage' },
    },
    (req) => endTeamMember(app.db, req.actor, req.params.caseId, req.params.membershipId, req.body),
  );

  app.post(
    '/api/v1/cases/:caseId/coordinator-transfers',
    {
      schema: {
        tags,
        summary: 'De regie overdragen aan een andere gekwalificeerde professional',
        params: CaseParams,
        body: TransferCoordinatorBody,
        response: { 200: CaseVersion },
      },
      config: { permission: 'coordinator:transfer' },
    },
    (req) => transferCoordinator(app.db, req.actor, req.params.caseId, req.body),
  );
}
