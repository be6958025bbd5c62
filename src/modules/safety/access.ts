// The family access checks this module uses: the same as every module's (cases.repo.ts and the policy).
export { accessAudit, activeMembership, familyAccess, requireFamilyWrite } from '../cases/cases.repo.js';
export { mayWriteFamily as mayWriteFamilyOf } from '../../platform/access/policy.js';
