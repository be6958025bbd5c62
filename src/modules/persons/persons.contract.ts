import { z } from 'zod';
import { IsoDate, Version, Uuid } from '../../shared/contract/primitives.js';
import { PersonInput } from '../families/families.contract.js';

export const PersonParams = z.strictObject({ personId: Uuid });
/** The whole editable record plus the version it was based on: a stale version is refused. */
export const UpdatePersonBody = PersonInput.extend({ version: Version });
export const PersonVersion = z.object({ id: z.string(), version: z.number() });

export const MatchQuery = z.strictObject({
  bsn: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  givenNames: z.string().trim().min(1).max(100),
  familyNamePrefix: z.string().trim().max(20).optional(),
  familyName: z.string().trim().min(1).max(100),
  birthDate: IsoDate.optional(),
});
/** A person the actor may see who is possibly the one described, and why (the same BSN, or name and birth date). */
export const MatchCandidate = z.object({
  personId: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  reason: z.enum(['bsn', 'name_and_birth_date']),
  familyId: z.string().nullable(),
  familyName: z.string().nullable(),
});
export const PossibleMatches = z.object({
  items: z.array(
    MatchCandidate.extend({
      /** 0..1, how alike; the items are sorted on it. */
      score: z.number(),
      /** Already confirmed as this person by a professional. */
      confirmed: z.boolean().optional(),
    }),
  ),
  /** A possible match exists that the actor may not see: say so neutrally, never who. */
  possibleElsewhere: z.boolean(),
});
export const MergeBody = z.strictObject({ survivingPersonId: Uuid, mergedPersonId: Uuid, reason: z.string().trim().min(5).max(500) });
export const MergeParams = z.strictObject({ mergeId: Uuid });
export const MergeResult = z.object({ id: z.string(), survivingPersonId: z.string(), mergedPersonId: z.string(), undone: z.boolean() });

/** Confirming or rejecting one proposal: the described person (as asked) and the record proposed. */
export const MatchDecisionBody = z.strictObject({
  subject: MatchQuery,
  candidatePersonId: Uuid,
  reason: z.string().trim().max(500).optional(),
});
export const MatchDecision = z.object({
  id: z.string(),
  decision: z.enum(['confirmed', 'rejected']),
  candidatePersonId: z.string(),
  score: z.number(),
  version: z.number(),
});
