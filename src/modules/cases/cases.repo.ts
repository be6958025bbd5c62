// The case SQL other modules used to import from here now has two homes: the family-access
// decision in src/platform/access/family-access.ts and the case team's shared writes in
// case-team.ts. These re-exports keep branches that still import them here compiling; ESLint
// refuses the import from another module (eslint.config.js), so new code uses the new homes.
export { familyAccess, familyAccesses, accessAudit, breakGlassReadOnly, requireFamilyWrite, requirePersonWrite, type FamilyAccessFacts } from '../../platform/access/family-access.js';
export { findUser, requireActiveUser, requireQualifiedCoordinator, AMSTERDAM_TODAY, insertMembership, lockCase, activeMembership, currentCoordinator, type CaseRow } from './case-team.js';
