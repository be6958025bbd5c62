// API schemas for break the glass (noodtoegang) and its review by the privacy officer.
import { z } from 'zod';
import { Bsn, Uuid, msg } from '../../shared/contract/primitives.js';

export const OpenBreakGlassBody = z
  .strictObject({
    bsn: Bsn.optional(),
    familyId: Uuid.optional(),
    reason: z
      .string()
      .trim()
      .min(
        20,
        msg(
          'Beschrijf in minstens 20 tekens waarom u nu toegang nodig heeft.',
          'Describe in at least 20 characters why you need access now.',
        ),
      )
      .max(1000, msg('De reden is te lang (maximaal 1000 tekens).', 'The reason is too long (at most 1000 characters).')),
    totpCode: z
      .string()
      .regex(/^\d{6}$/, msg('Vul de 6 cijfers uit uw authenticator-app in.', 'Enter the 6 digits from your authenticator app.')),
  })
  .refine((b) => (b.bsn === undefined) !== (b.familyId === undefined), {
    path: ['bsn'],
    message: msg('Vul een BSN óf een gezin in (precies één van beide).', 'Give either a BSN or a family (exactly one of them).'),
  });

export const BreakGlassOpened = z.object({ id: z.string(), familyId: z.string(), expiresAt: z.string() });

export const Review = z.object({
  outcome: z.enum(['justified', 'unjustified']),
  note: z.string().nullable(),
  reviewedAt: z.string(),
  reviewedBy: z.object({ id: z.string(), name: z.string().nullable() }),
});

export const OwnGrant = z.object({
  id: z.string(),
  familyId: z.string(),
  /** Only while the grant is active; afterwards the family is out of sight again. */
  familyName: z.string().nullable(),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  review: Review.nullable(),
});
export const OwnGrantList = z.object({ items: z.array(OwnGrant) });

export const ReviewListQuery = z.strictObject({
  status: z.enum(['open', 'reviewed']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const ReviewItem = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string().nullable() }),
  organisation: z.object({ id: z.string(), name: z.string().nullable() }),
  family: z.object({ id: z.string(), name: z.string().nullable() }),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  review: Review.nullable(),
});
export const ReviewList = z.object({ items: z.array(ReviewItem), nextCursor: z.string().nullable() });

export const ReviewParams = z.strictObject({ breakGlassId: Uuid });
export const ReviewBody = z.strictObject({
  outcome: z.enum(['justified', 'unjustified']),
  note: z
    .string()
    .trim()
    .max(2000, msg('De toelichting is te lang (maximaal 2000 tekens).', 'The note is too long (at most 2000 characters).'))
    .optional()
    .transform((v) => v || undefined),
});
