// The family access checks this module uses: the same as every module's (platform/access and the policy).
export { accessAudit, familyAccess, requireFamilyWrite } from '../../platform/access/family-access.js';
export { activeMembership } from '../cases/case-team.js';
export { mayWriteFamily as mayWriteFamilyOf } from '../../platform/access/policy.js';
