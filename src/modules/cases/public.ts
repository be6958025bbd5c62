// What other modules may use of the cases module: the access facts of a family, the write check,
// the case lock and memberships. Other modules import this file, never cases.repo.ts.
export { accessAudit, activeMembership, familyAccess, lockCase, requireFamilyWrite, type FamilyAccessFacts } from './cases.repo.js';
export { addTeamMember } from './cases.service.js';
