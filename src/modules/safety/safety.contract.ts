// API schemas for safety (veiligheidstaxatie, review, veiligheidsplan) and the family network
// council (familienetwerkberaad) of a case.
import { z } from 'zod';
import { IsoDate, Uuid, Version, msg } from '../../shared/contract/primitives.js';

const text = (max: number, nl: string, en: string) => z.string().trim().min(1, msg(nl, en)).max(max);

export const SAFETY_DECISIONS = ['safe', 'conditionally_safe', 'unsafe'] as const;
export const SafetyDecision = z.enum(SAFETY_DECISIONS);
export const SAFETY_REQUIRED_REASONS = ['signal_safety_concern', 'veilig_thuis_on_team', 'child_safety_score_low'] as const;
export const SafetyRequiredReason = z.enum(SAFETY_REQUIRED_REASONS);
export const ReviewVerdict = z.enum(['agree', 'comment']);
export const CouncilAnswer = z.enum(['accepted', 'declined']);
export const OwnerKind = z.enum(['organisation', 'family_member', 'network_member']);

export const CaseParams = z.strictObject({ caseId: Uuid });
export const AgreementParams = z.strictObject({ caseId: Uuid, agreementId: Uuid });
/** Removing an agreement names the version it removes (409 when someone changed it meanwhile). */
export const RemoveAgreementBody = z.strictObject({ version: Version });

/** A 0–10 scaling by one party: a family member (personId) or an organisation (organisationId). */
export const Scaling = z.strictObject({
  partyKind: z.enum(['person', 'organisation']),
  partyId: Uuid,
  score: z
    .number()
    .int(msg('Een schaalscore is een heel getal van 0 tot en met 10.', 'A scaling score is a whole number from 0 to 10.'))
    .min(0, msg('Een schaalscore ligt tussen 0 en 10.', 'A scaling score is between 0 and 10.'))
    .max(10, msg('Een schaalscore ligt tussen 0 en 10.', 'A scaling score is between 0 and 10.')),
  note: z.string().trim().max(1000).optional(),
});

export const SaveAssessmentBody = z.strictObject({
  dangers: text(4000, 'Beschrijf de gevaren in gewone woorden.', 'Describe the dangers in plain words.'),
  goingWell: z.string().trim().max(4000),
  safetyGoals: z.string().trim().max(4000),
  scalings: z.array(Scaling).max(40),
  decision: SafetyDecision,
  /** The version read; absent when the first assessment of the case is recorded. */
  version: Version.optional(),
});

export const ReviewBody = z
  .strictObject({
    verdict: ReviewVerdict,
    comment: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .transform((v) => v || undefined),
    /** The version of the assessment the reviewer read. */
    version: Version,
  })
  .refine((b) => b.verdict === 'agree' || !!b.comment, {
    path: ['comment'],
    message: msg('Schrijf uw commentaar.', 'Write your comment.'),
  });

export const AgreementBody = z.strictObject({
  what: text(2000, 'Beschrijf wat er wordt afgesproken.', 'Describe what is agreed.'),
  ownerKind: OwnerKind,
  ownerId: Uuid,
  dueOn: IsoDate.optional(),
  checkHow: text(2000, 'Beschrijf hoe het wordt gecontroleerd.', 'Describe how it is checked.'),
  version: Version.optional(),
});

export const CouncilBody = z
  .strictObject({
    offeredOn: IsoDate.nullable(),
    answer: CouncilAnswer.nullable(),
    declinedReason: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .transform((v) => v || null),
    answeredOn: IsoDate.nullable(),
    metOn: IsoDate.nullable(),
    safetyReason: z
      .string()
      .trim()
      .max(2000)
      .nullable()
      .transform((v) => v || null),
    /** Absent for the first record of the case's council. */
    version: Version.optional(),
  })
  .refine((b) => b.answer !== 'declined' || !!b.declinedReason, {
    path: ['declinedReason'],
    message: msg('Geef de reden waarom het gezin het beraad afwijst.', 'Give the reason why the family declines the council.'),
  })
  .refine((b) => b.answer === null || b.offeredOn !== null, {
    path: ['offeredOn'],
    message: msg('Een antwoord kan pas nadat het beraad is aangeboden.', 'An answer needs the council to have been offered.'),
  })
  .refine((b) => (b.answer === null) === (b.answeredOn === null), {
    path: ['answeredOn'],
    message: msg('Geef de datum van het antwoord (alleen bij een antwoord).', 'Give the date of the answer (only with an answer).'),
  })
  .refine((b) => b.metOn === null || b.answer === 'accepted', {
    path: ['metOn'],
    message: msg(
      'Het beraad kan alleen zijn gehouden als het gezin het heeft aanvaard.',
      'The council can only have met when the family accepted it.',
    ),
  });

export const OutcomeBody = z.strictObject({
  goals: z.array(text(2000, 'Een doel mag niet leeg zijn.', 'A goal cannot be empty.')).max(40),
  actions: z
    .array(
      z.strictObject({
        what: text(2000, 'Beschrijf de actie.', 'Describe the action.'),
        networkMemberId: Uuid,
        dueOn: IsoDate,
      }),
    )
    .max(80),
  /** The council's version. */
  version: Version,
});

export const CouncilSettingsBody = z.strictObject({
  workingDays: z
    .number()
    .int()
    .min(1, msg('Minimaal 1 werkdag.', 'At least 1 working day.'))
    .max(60, msg('Maximaal 60 werkdagen.', 'At most 60 working days.')),
  version: Version,
});
export const CouncilSettings = z.object({ workingDays: z.number().int(), version: z.number().int() });

const Party = z.object({
  kind: z.enum(['person', 'organisation', 'network_member']),
  id: z.string(),
  name: z.string(),
  detail: z.string(),
});

export const Assessment = z.object({
  id: z.string(),
  dangers: z.string(),
  goingWell: z.string(),
  safetyGoals: z.string(),
  scalings: z.array(
    z.object({
      partyKind: z.enum(['person', 'organisation']),
      partyId: z.string(),
      partyName: z.string(),
      score: z.number().int(),
      note: z.string().optional(),
    }),
  ),
  decision: SafetyDecision,
  recordedBy: z.string(),
  recordedAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  reviews: z.array(
    z.object({
      id: z.string(),
      verdict: ReviewVerdict,
      comment: z.string().nullable(),
      reviewer: z.string(),
      reviewedAt: z.string(),
      assessmentVersion: z.number().int(),
      current: z.boolean(),
    }),
  ),
});

export const Agreement = z.object({
  id: z.string(),
  what: z.string(),
  ownerKind: OwnerKind,
  ownerId: z.string(),
  ownerName: z.string(),
  dueOn: z.string().nullable(),
  checkHow: z.string(),
  version: z.number().int(),
});

export const Council = z.object({
  dueOn: z.string(),
  workingDays: z.number().int(),
  overdue: z.boolean(),
  status: z.enum(['not_offered', 'offered', 'accepted', 'declined', 'met']),
  offeredOn: z.string().nullable(),
  answer: CouncilAnswer.nullable(),
  declinedReason: z.string().nullable(),
  answeredOn: z.string().nullable(),
  metOn: z.string().nullable(),
  safetyReason: z.string().nullable(),
  version: z.number().int().nullable(),
  outcome: z.object({
    goals: z.array(z.string()),
    actions: z.array(z.object({ what: z.string(), networkMemberId: z.string(), networkMemberName: z.string(), dueOn: z.string() })),
  }),
});

export const SafetyOverview = z.object({
  caseId: z.string(),
  familyId: z.string(),
  required: z.object({ required: z.boolean(), reasons: z.array(SafetyRequiredReason) }),
  assessment: Assessment.nullable(),
  plan: z.array(Agreement),
  council: Council,
  parties: z.array(Party),
  may: z.object({ write: z.boolean(), review: z.boolean(), council: z.boolean() }),
});
