// What other modules may use of the cases module: the access facts of a family, the write check,
// the case lock and memberships. Other modules import this file (or platform/access for the access
// decision itself), never the module's internals.
export { accessAudit, familyAccess, requireFamilyWrite, type FamilyAccessFacts } from '../../platform/access/family-access.js';
export { activeMembership, currentCoordinator, lockCase } from './case-team.js';
export { addTeamMember, addTeamMemberIn } from './cases.service.js';
