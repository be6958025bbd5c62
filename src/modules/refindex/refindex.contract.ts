// API schemas of the reference index (verwijsindex): registrations and matches (shared with web/).
import { z } from 'zod';
import { IsoDate, Bsn, Uuid, msg } from '../../shared/contract/primitives.js';

const optText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || undefined);

/** A registration says that, never why: no content of care. */
export const RefIndexLegalBasis = z.enum(['statutory_task', 'consent']);

export const RegisterBody = z
  .strictObject({
    bsn: Bsn,
    /** The birth date as the registrant knows it: the 23-year rule is checked against it, never against Regie's record. */
    birthDate: IsoDate,
    contactName: z
      .string()
      .trim()
      .min(1, msg('Vul de naam van de contactpersoon in.', 'Enter the name of the contact person.'))
      .max(150, msg('De naam is te lang (maximaal 150 tekens).', 'The name is too long (at most 150 characters).')),
    contactPhone: optText(
      30,
      msg('Het telefoonnummer is te lang (maximaal 30 tekens).', 'The phone number is too long (at most 30 characters).'),
    ),
    contactEmail: z.email(msg('Geen geldig e-mailadres.', 'Not a valid e-mail address.')).max(254).optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    legalBasis: RefIndexLegalBasis,
  })
  .refine((b) => b.contactPhone !== undefined || b.contactEmail !== undefined, {
    path: ['contactPhone'],
    message: msg(
      'Vul een telefoonnummer of e-mailadres in, zodat andere organisaties u kunnen bereiken.',
      'Give a phone number or e-mail address, so that other organisations can reach you.',
    ),
  });

export const RegistrationParams = z.strictObject({ registrationId: Uuid });
export const MatchParams = z.strictObject({ matchId: Uuid });
export const EmptyBody = z.strictObject({});

export const RegistrationListQuery = z.strictObject({
  status: z.enum(['running', 'all']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const MatchListQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

const Ref = z.object({ id: z.string(), name: z.string().nullable() });
/** The BSN the organisation sent itself: the index never answers with a name or an age. */
const PersonLabel = z.object({ bsn: z.string().nullable() });

export const Registration = z.object({
  id: z.string(),
  person: PersonLabel,
  organisation: Ref,
  registeredBy: Ref,
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  legalBasis: RefIndexLegalBasis,
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  /** active: counts for matching today; expired: end date passed; ended: removed (see endedReason). */
  status: z.enum(['active', 'expired', 'ended']),
  endedAt: z.string().nullable(),
  endedReason: z.enum(['ended', 'expired', 'age_23']).nullable(),
  createdAt: z.string(),
  openMatches: z.number().int(),
});
export const RegistrationList = z.object({ items: z.array(Registration), nextCursor: z.string().nullable() });
export const Registered = Registration.extend({
  newMatches: z.array(z.object({ matchId: z.string(), kind: z.enum(['client', 'family']) })),
});

export const MatchParty = z.object({
  organisation: Ref,
  /** The actor's own organisation. */
  own: z.boolean(),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  active: z.boolean(),
});

export const Match = z.object({
  id: z.string(),
  /** client: the same person; family: members of one household. */
  kind: z.enum(['client', 'family']),
  /** The persons of the match that the actor's own organisation registered (never the others'). */
  persons: z.array(PersonLabel),
  matchedOn: z.iso.date(),
  /** A match coordinator must be accepted by this date (10 working days). */
  dueOn: z.iso.date(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  coordinator: z.object({ organisation: Ref, user: Ref, acceptedAt: z.string() }).nullable(),
  canAccept: z.boolean(),
  parties: z.array(MatchParty),
});
export const MatchList = z.object({ items: z.array(Match), nextCursor: z.string().nullable() });
