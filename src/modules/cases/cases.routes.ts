import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Dossiers');
  const team = 'case-team:manage' as const;

  r.post(
    '/api/v1/families/:familyId/cases',
    {
      summary: 'Een dossier openen en de regisseur aanwijzen',
      permission: 'case:open',
      params: FamilyParams,
      body: OpenCaseBody,
      created: CaseVersion,
    },
    (req) => openCase(app.db, req.actor, req.params.familyId, req.body),
  );
  r.patch(
    '/api/v1/cases/:caseId',
    {
      summary: 'De fase van een dossier wijzigen (met versie)',
      permission: 'case:update',
      params: CaseParams,
      body: UpdateCaseBody,
      ok: CaseVersion,
    },
    (req) => updateCaseStatus(app.db, req.actor, req.params.caseId, req.body),
  );
  r.post(
    '/api/v1/cases/:caseId/team-members',
    {
      summary: 'Een professional aan het casusteam toevoegen, met grondslag',
      permission: team,
      params: CaseParams,
      body: AddTeamMemberBody,
      created: Created,
    },
    (req) => addTeamMember(app.db, req.actor, req.params.caseId, req.body),
  );
  r.patch(
    '/api/v1/cases/:caseId/team-members/:membershipId',
    {
      summary: 'De grondslag van een lidmaatschap van het casusteam wijzigen (met versie)',
      permission: team,
      params: MembershipParams,
      body: ChangeMembershipBody,
      ok: Created,
    },
    (req) => changeMembershipBasis(app.db, req.actor, req.params.caseId, req.params.membershipId, req.body),
  );
  r.post(
    '/api/v1/cases/:caseId/team-members/:membershipId/end',
    {
      summary: 'Een lidmaatschap van het casusteam beëindigen',
      permission: team,
      params: MembershipParams,
      body: EndTeamMemberBody,
      ok: Created,
    },
    (req) => endTeamMember(app.db, req.actor, req.params.caseId, req.params.membershipId, req.body),
  );
  r.post(
    '/api/v1/cases/:caseId/coordinator-transfers',
    {
      summary: 'De regie overdragen aan een andere gekwalificeerde professional',
      permission: 'coordinator:transfer',
      params: CaseParams,
      body: TransferCoordinatorBody,
      ok: CaseVersion,
    },
    (req) => transferCoordinator(app.db, req.actor, req.params.caseId, req.body),
  );
}
