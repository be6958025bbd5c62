import { z } from 'zod';
import { IsoDate, Version, CaseStatus, LegalBasis, Uuid, msg } from '../../shared/contract/primitives.js';

export const CaseParams = z.strictObject({ caseId: Uuid });
export const MembershipParams = z.strictObject({ caseId: Uuid, membershipId: Uuid });
export const OpenCaseBody = z.strictObject({ coordinatorUserId: Uuid, legalBasis: LegalBasis });
export const UpdateCaseBody = z.strictObject({
  status: CaseStatus,
  version: Version,
  closedReason: z.string().trim().min(3).max(500).optional(),
});
/** `caseVersion`: the team as the adder saw it; an ending in the meantime answers 409, not a silent re-add. */
export const AddTeamMemberBody = z.strictObject({
  userId: Uuid,
  legalBasis: LegalBasis,
  caseVersion: Version,
  startsOn: IsoDate.optional(),
});
/** `version`: the membership's, so an ending of a membership someone just changed answers 409. */
export const EndTeamMemberBody = z.strictObject({
  reason: z.string().trim().min(3, msg('Geef een reden van minstens 3 tekens.', 'Give a reason of at least 3 characters.')).max(500),
  version: Version,
});
export const ChangeMembershipBody = z.strictObject({ legalBasis: LegalBasis, version: Version });
export const TransferCoordinatorBody = z.strictObject({
  toUserId: Uuid,
  caseVersion: Version,
  reason: z.string().trim().max(500).optional(),
});
export const CaseVersion = z.object({ id: z.string(), version: z.number() });
