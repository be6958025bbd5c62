// API schemas of the integral picture: assessments (dated sets of scores per person and life
// domain), a person's course over time, blind spots of a case and of an organisation, and the
// region's blind-spot rules.
import { z } from 'zod';
import { ASSESSMENT_VIEWS, DOMAINS } from '../../shared/contract/domains.js';
import { ORGANISATION_TYPES } from '../../shared/contract/enums.js';
import { IsoDate, Uuid, Version, msg } from '../../shared/contract/primitives.js';

export const Domain = z.enum(DOMAINS);
export const View = z.enum(ASSESSMENT_VIEWS);
export const OrganisationType = z.enum(ORGANISATION_TYPES);
export const BlindSpotRuleName = z.enum(['school_age_child', 'young_child', 'child_safety_concern', 'housing_low', 'mental_health_low']);

export const CaseParams = z.strictObject({ caseId: Uuid });
export const PersonCourseParams = z.strictObject({ caseId: Uuid, personId: Uuid });
export const RuleParams = z.strictObject({ rule: BlindSpotRuleName });

export const ScoreInput = z.strictObject({
  personId: Uuid,
  domain: Domain,
  score: z
    .number()
    .int(msg('Een score is een geheel getal van 1 tot en met 5.', 'A score is a whole number from 1 to 5.'))
    .min(1, msg('Een score is minstens 1.', 'A score is at least 1.'))
    .max(5, msg('Een score is hoogstens 5.', 'A score is at most 5.')),
  rationale: z
    .string()
    .trim()
    .min(3, msg('Geef een korte onderbouwing (minstens 3 tekens).', 'Give a short rationale (at least 3 characters).'))
    .max(1000),
  view: View,
});

export const RecordAssessmentBody = z.strictObject({
  assessedOn: IsoDate,
  scores: z.array(ScoreInput).min(1, msg('Geef minstens één score.', 'Give at least one score.')).max(400),
});
export const AssessmentCreated = z.object({ id: z.string(), scores: z.number().int() });

const Person = z.object({
  personId: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  validDomains: z.array(Domain),
});
const Score = z.object({
  personId: z.string(),
  domain: Domain,
  score: z.number().int(),
  rationale: z.string(),
  view: View,
  scoredBy: z.string(),
  organisation: z.string(),
  organisationType: z.string(),
  scoredAt: z.string(),
});
const LatestScore = z.object({
  personId: z.string(),
  domain: Domain,
  score: z.number().int(),
  view: View,
  assessedOn: z.string(),
  rationale: z.string(),
  organisation: z.string(),
});

export const CaseAssessments = z.object({
  caseId: z.string(),
  familyId: z.string(),
  persons: z.array(Person),
  /** Per person, domain and view the most recent score. */
  latest: z.array(LatestScore),
  /** Every set, newest first. */
  items: z.array(
    z.object({
      id: z.string(),
      assessedOn: z.string(),
      createdBy: z.string(),
      organisation: z.string(),
      createdAt: z.string(),
      scores: z.array(Score),
    }),
  ),
});

export const PersonCourse = z.object({
  caseId: z.string(),
  person: Person,
  domains: z.array(
    z.object({
      domain: Domain,
      points: z.array(
        z.object({ assessedOn: z.string(), view: View, score: z.number().int(), rationale: z.string(), organisation: z.string() }),
      ),
    }),
  ),
});

const PartnerNeed = z.object({
  partnerType: z.string(),
  rules: z.array(BlindSpotRuleName),
  personIds: z.array(z.string()),
  onTeam: z.boolean(),
  contributed: z.boolean(),
});
const Counts = z.object({
  unassessedDomains: z.number().int(),
  partnersNeeded: z.number().int(),
  onTeam: z.number().int(),
  contributed: z.number().int(),
  missing: z.number().int(),
});

export const CaseBlindSpots = z.object({
  caseId: z.string(),
  familyId: z.string(),
  unassessed: z.array(z.object({ personId: z.string(), name: z.string(), domains: z.array(Domain) })),
  partners: z.array(PartnerNeed),
  counts: Counts,
});

export const OrganisationBlindSpotsQuery = z.strictObject({
  cursor: z.string().max(800).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Only cases with a partner kind that is neither on the team nor contributed. */
  missingOnly: z.enum(['true', 'false']).optional(),
});
export const OrganisationBlindSpots = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      familyId: z.string(),
      familyName: z.string(),
      openedAt: z.string(),
      partners: z.array(PartnerNeed.omit({ personIds: true })),
      counts: Counts,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const BlindSpotRule = z.object({
  rule: BlindSpotRuleName,
  partnerType: z.string(),
  enabled: z.boolean(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  maxScore: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const BlindSpotRules = z.object({ items: z.array(BlindSpotRule) });
export const UpdateBlindSpotRuleBody = z.strictObject({
  version: Version,
  partnerType: OrganisationType,
  enabled: z.boolean(),
  minAge: z.number().int().min(0).max(17).nullable().optional(),
  maxAge: z.number().int().min(0).max(17).nullable().optional(),
  maxScore: z.number().int().min(1).max(4).nullable().optional(),
});
