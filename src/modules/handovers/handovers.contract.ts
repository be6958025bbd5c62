// API schemas for handovers (overdrachten) of a case or a signal between organisations.
import { z } from 'zod';
import { Version, LegalBasis, Uuid, msg } from '../../shared/contract/primitives.js';
import { MatchCandidate } from '../persons/persons.contract.js';

export const SafetyAssessment = z.enum(['unsafe', 'concerns', 'safe']);
export const SenderAccess = z.enum(['ends', 'continues']);
export const HandoverStatus = z.enum(['pending', 'accepted', 'refused', 'expired']);

export const SendHandoverBody = z
  .strictObject({
    caseId: Uuid.optional(),
    signalId: Uuid.optional(),
    toOrganisationId: Uuid,
    /** The receiving organisation's region when it is another than the sender's (found by id when left out). */
    toRegionId: z.string().trim().min(1).max(64).optional(),
    /** The receiving professional, when the sender knows who will take it on (a professional of the receiving organisation, same region). */
    toUserId: Uuid.optional(),
    reason: z
      .string()
      .trim()
      .min(5, msg('Geef de reden van de overdracht (minstens 5 tekens).', 'Give the reason for the handover (at least 5 characters).'))
      .max(2000),
    safetyAssessment: SafetyAssessment,
    safetyNotes: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .transform((v) => v || undefined),
    knownInformation: z
      .string()
      .trim()
      .min(5, msg('Beschrijf wat er bekend is (minstens 5 tekens).', 'Describe what is known (at least 5 characters).'))
      .max(8000),
    personIds: z.array(Uuid).max(30),
    legalBasis: LegalBasis,
    senderAccess: SenderAccess,
  })
  .refine((b) => (b.caseId === undefined) !== (b.signalId === undefined), {
    path: ['caseId'],
    message: msg('Kies een dossier óf een melding (precies één van beide).', 'Choose either a case or a signal (exactly one of them).'),
  })
  .refine((b) => b.safetyAssessment === 'safe' || !!b.safetyNotes, {
    path: ['safetyNotes'],
    message: msg('Licht de veiligheidsinschatting toe.', 'Explain the safety assessment.'),
  });
export type SendHandoverInput = z.input<typeof SendHandoverBody>;

export const HandoverParams = z.strictObject({ handoverId: Uuid });

export const AcceptHandoverBody = z.strictObject({
  nomineeUserId: Uuid,
  version: Version,
  /**
   * Only for a handover from another region: an existing family of the receiver's region to open
   * the case for, instead of registering the family anew.
   */
  familyId: Uuid.optional(),
  /**
   * Only for a handover from another region: persons of the package that the receiver confirms
   * to be a person already registered in its region (a possible match on name and birth date).
   * A person whose BSN is known in the region is linked by BSN; nobody is matched on name unasked.
   */
  persons: z
    .array(z.strictObject({ personId: Uuid, existingPersonId: Uuid }))
    .max(30)
    .optional(),
});

export const RefuseHandoverBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, msg('Geef de reden van weigeren (minstens 10 tekens).', 'Give the reason for refusing (at least 10 characters).'))
    .max(2000),
  /** Optional: when given, a refusal of a handover changed in the meantime is refused (409 stale_version). */
  version: Version.optional(),
});

export const HandoverListQuery = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: HandoverStatus.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const ReceiversQuery = z.strictObject({ subjectType: z.enum(['case', 'signal']) });

const Organisation = z.object({ id: z.string(), name: z.string(), type: z.string(), regionId: z.string(), regionName: z.string() });

export const HandoverSummary = z.object({
  id: z.string(),
  subjectType: z.enum(['case', 'signal']),
  caseId: z.string().nullable(),
  signalId: z.string().nullable(),
  familyId: z.string().nullable(),
  subjectLabel: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  /** Sender and receiver are in different regions (a family that moves to another region). */
  crossRegion: z.boolean(),
  fromOrganisation: Organisation,
  toOrganisation: Organisation,
  senderName: z.string(),
  /** The receiving professional the sender named, when known. */
  toUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  sentAt: z.string(),
  acceptDueOn: z.iso.date(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  status: HandoverStatus,
  safetyAssessment: SafetyAssessment,
  version: z.number(),
});

export const HandoverList = z.object({ items: z.array(HandoverSummary), nextCursor: z.string().nullable() });

export const HandoverPerson = z.object({
  personId: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  relation: z.string().nullable(),
  bsn: z.string().nullable(),
});

/** For the receiver of a handover from another region: how each person of the package arrives in its region. */
export const ArrivingPerson = z.object({
  personId: z.string(),
  /** The BSN is registered in the receiver's region: that registration is linked on acceptance. */
  bsnKnown: z.boolean(),
  /** Persons the receiver may see who are possibly the same (name and birth date); linked only when confirmed. */
  candidates: z.array(MatchCandidate),
  /** There are possible matches the receiver may not see. */
  possibleElsewhere: z.boolean(),
});

export const HandoverDetail = HandoverSummary.extend({
  reason: z.string(),
  safetyNotes: z.string().nullable(),
  knownInformation: z.string(),
  persons: z.array(HandoverPerson),
  legalBasis: LegalBasis,
  senderAccess: SenderAccess,
  respondedAt: z.string().nullable(),
  respondedByName: z.string().nullable(),
  nomineeName: z.string().nullable(),
  refusalReason: z.string().nullable(),
  resultCaseId: z.string().nullable(),
  /** The family the accepted handover's case belongs to, as the viewer may open it (the receiver's own for a handover between regions). */
  resultFamilyId: z.string().nullable(),
  mayRespond: z.boolean(),
  /** Only for the receiver of a pending handover from another region. */
  arrival: z.object({ persons: z.array(ArrivingPerson) }).nullable(),
});

export const HandoverState = z.object({
  id: z.string(),
  version: z.number(),
  status: HandoverStatus,
  acceptDueOn: z.iso.date(),
  caseId: z.string().nullable(),
  familyId: z.string().nullable().optional(),
});

export const ReceiverList = z.object({ items: z.array(Organisation) });
