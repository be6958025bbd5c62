// API schemas of the plan (gezinsplan): versions, goals, actions, parties and answers, the
// comparison of two versions and the family page's summary. Shared with the web app.
import { z } from 'zod';
import { IsoDate, LegalBasis, Uuid, Version, msg } from '../../shared/contract/primitives.js';
import { DOMAINS } from '../../shared/contract/domains.js';

export const PLAN_STATUSES = ['draft', 'proposed', 'agreed', 'not_agreed', 'superseded'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export const ACTION_STATUSES = ['open', 'done', 'not_done'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export const REQUIREMENTS = ['agree', 'heard', 'agree_with_parents', 'agree_own_part'] as const;
export const Requirement = z.enum(REQUIREMENTS);
export const ANSWERS = ['agreed', 'disagreed', 'heard'] as const;
export const AnswerKind = z.enum(ANSWERS);
/** How a family member's answer reached the coordinator; own_account for an organisation's own answer. */
export const ANSWER_VIA = ['conversation', 'phone', 'in_writing', 'video', 'own_account'] as const;
export const AnswerVia = z.enum(ANSWER_VIA);
export const Domain = z.enum(DOMAINS);

const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, msg('Vul dit veld in.', 'Fill in this field.'))
    .max(max, msg(`Hooguit ${max} tekens.`, `At most ${max} characters.`));

export const CaseParams = z.strictObject({ caseId: Uuid });
export const FamilyParams = z.strictObject({ familyId: Uuid });
export const VersionParams = z.strictObject({ versionId: Uuid });
export const GoalParams = z.strictObject({ versionId: Uuid, goalId: Uuid });
export const ActionParams = z.strictObject({ versionId: Uuid, actionId: Uuid });

export const StartDraftBody = z.strictObject({ planDate: IsoDate.optional() });
export const DraftVersionBody = z.strictObject({ version: Version });
export const UpdateDraftBody = z.strictObject({ version: Version, planDate: IsoDate });

export const GoalInput = z.strictObject({
  domain: Domain,
  personId: Uuid.nullable().optional(),
  description: Text(2000),
  targetScore: z
    .number()
    .int()
    .min(1, msg('Een score is 1 tot en met 5.', 'A score is 1 to 5.'))
    .max(5, msg('Een score is 1 tot en met 5.', 'A score is 1 to 5.'))
    .nullable()
    .optional(),
  targetDate: IsoDate.nullable().optional(),
  /** The family's own goal, in their own words: stored as given. */
  familyOwn: z.boolean().optional(),
});
export const GoalBody = GoalInput.extend({ version: Version });

export const ActionOwnerInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('organisation'), organisationId: Uuid, userId: Uuid.nullable().optional() }),
  z.strictObject({ kind: z.literal('family_member'), personId: Uuid }),
  z.strictObject({ kind: z.literal('network_member'), networkMemberId: Uuid }),
]);
export const ActionInput = z.strictObject({
  goalId: Uuid.nullable().optional(),
  description: Text(2000),
  owner: ActionOwnerInput,
  dueOn: IsoDate,
  status: ActionStatus.optional(),
  notDoneReason: Text(1000).nullable().optional(),
});
export const ActionBody = ActionInput.extend({ version: Version });
/** Add the owning organisation's professional to the case team (with a legal basis), then save the action. */
export const ActionWithTeamMemberBody = z.strictObject({
  version: Version,
  action: ActionInput,
  teamMember: z.strictObject({ userId: Uuid, legalBasis: LegalBasis, caseVersion: Version }),
});

export const AnswerBody = z.strictObject({
  partyId: Uuid,
  answer: AnswerKind,
  reason: Text(2000).optional(),
  view: Text(2000).optional(),
  via: AnswerVia.optional(),
  answeredOn: IsoDate.optional(),
});

/**
 * How an action of the agreed plan goes: its stand now (the agreed version itself does not
 * change). `version` is the action's progress version as read (1 before any progress).
 */
export const ProgressBody = z
  .strictObject({ status: ActionStatus, notDoneReason: Text(1000).optional(), version: Version })
  .refine((b) => b.status !== 'not_done' || !!b.notDoneReason?.trim(), {
    path: ['notDoneReason'],
    message: msg('Schrijf op waarom de actie niet is gedaan.', 'Say why the action was not done.'),
  });
export const ProgressParams = z.strictObject({ actionId: Uuid });
export const ProgressRecorded = z.object({ actionId: z.string(), status: ActionStatus, version: z.number() });

export const CompareQuery = z.strictObject({ from: Uuid, to: Uuid });
export const PlanSettingsBody = z.strictObject({ teamLeadApproval: z.boolean(), version: Version.optional() });

// Answers
export const Goal = z.object({
  id: z.string(),
  lineageId: z.string(),
  domain: Domain,
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  description: z.string(),
  targetScore: z.number().nullable(),
  targetDate: z.string().nullable(),
  familyOwn: z.boolean(),
  position: z.number(),
});
export const ActionOwner = z.object({
  kind: z.enum(['organisation', 'family_member', 'network_member']),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  networkMemberId: z.string().nullable(),
  networkMemberName: z.string().nullable(),
});
export const Action = z.object({
  id: z.string(),
  lineageId: z.string(),
  goalId: z.string().nullable(),
  goalLineageId: z.string().nullable(),
  description: z.string(),
  owner: ActionOwner,
  dueOn: z.string(),
  status: ActionStatus,
  notDoneReason: z.string().nullable(),
  position: z.number(),
  /** On an agreed version: its stand since (null: as agreed); `version` is what a progress change sends back. */
  progress: z.object({
    status: ActionStatus,
    notDoneReason: z.string().nullable(),
    recordedAt: z.string().nullable(),
    recordedByName: z.string().nullable(),
    version: z.number(),
  }),
});
export const PartyAnswer = z.object({
  answer: AnswerKind,
  reason: z.string().nullable(),
  view: z.string().nullable(),
  via: AnswerVia.nullable(),
  answeredOn: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export const Party = z.object({
  id: z.string(),
  kind: z.enum(['person', 'organisation']),
  personId: z.string().nullable(),
  organisationId: z.string().nullable(),
  name: z.string(),
  requirement: Requirement,
  answer: PartyAnswer.nullable(),
});
export const VersionSummary = z.object({
  id: z.string(),
  number: z.number(),
  status: PlanStatus,
  planDate: z.string(),
  proposedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
/** One safety-plan agreement as the version keeps it (a copy made when it was proposed). */
export const SafetyPlanItem = z.object({ what: z.string(), who: z.string(), when: z.string().nullable(), check: z.string().nullable() });
export const PlanVersion = VersionSummary.extend({
  caseId: z.string(),
  familyId: z.string(),
  basedOn: z.string().nullable(),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  version: z.number(),
  goals: z.array(Goal),
  actions: z.array(Action),
  parties: z.array(Party),
  /** The safety plan as proposed with this version; null for a draft (and a version proposed before it was kept). */
  safetyPlan: z.array(SafetyPlanItem).nullable(),
});
export const Disagreement = z.object({
  versionId: z.string(),
  number: z.number(),
  partyName: z.string(),
  reason: z.string(),
  answeredOn: z.string(),
});
/** What the council agreed, for the draft editor to offer (null: no outcome recorded). */
export const CouncilOutcome = z
  .object({
    goals: z.array(z.string()),
    actions: z.array(z.object({ what: z.string(), networkMemberId: z.string(), networkMemberName: z.string(), dueOn: z.string() })),
  })
  .nullable();
export const PlanOverview = z.object({
  caseId: z.string(),
  familyId: z.string(),
  caseVersion: z.number(),
  caseClosed: z.boolean(),
  teamLeadApproval: z.boolean(),
  isCoordinator: z.boolean(),
  versions: z.array(VersionSummary),
  current: PlanVersion.nullable(),
  draft: PlanVersion.nullable(),
  agreedVersionId: z.string().nullable(),
  openDisagreements: z.array(Disagreement),
  councilOutcome: CouncilOutcome,
  options: z.object({
    team: z.array(
      z.object({
        organisationId: z.string(),
        organisationName: z.string(),
        users: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    ),
    familyMembers: z.array(z.object({ personId: z.string(), name: z.string(), relation: z.string(), birthDate: z.string().nullable() })),
    network: z.array(z.object({ id: z.string(), name: z.string(), relation: z.string() })),
  }),
});
export const Saved = z.object({ id: z.string(), version: z.number() });

/** The network council's plan, copied into a draft: the life domain of each of the family's goals (in the council's order). */
export const CouncilCopyBody = z.strictObject({
  version: Version,
  domains: z.array(Domain).max(50),
});
export const CouncilCopied = z.object({ version: z.number(), goals: z.number(), actions: z.number() });
export const AnswerResult = z.object({ id: z.string(), status: PlanStatus });

const ItemChange = <T extends z.ZodType>(item: T) =>
  z.object({
    change: z.enum(['added', 'removed', 'changed', 'unchanged']),
    before: item.nullable(),
    after: item.nullable(),
    fields: z.array(z.string()),
  });
export const GoalChange = ItemChange(Goal);
export const ActionChange = ItemChange(Action);
export const Comparison = z.object({
  from: VersionSummary,
  to: VersionSummary,
  goals: z.array(GoalChange),
  actions: z.array(ActionChange),
  counts: z.object({
    goals: z.object({ added: z.number(), removed: z.number(), changed: z.number(), unchanged: z.number() }),
    actions: z.object({ added: z.number(), removed: z.number(), changed: z.number(), unchanged: z.number() }),
  }),
});

const ActionBrief = z.object({ id: z.string(), description: z.string(), dueOn: z.string(), ownerName: z.string() });
export const PlanSummary = z.object({
  caseId: z.string().nullable(),
  current: VersionSummary.nullable(),
  agreed: z
    .object({
      id: z.string(),
      number: z.number(),
      decidedAt: z.string().nullable(),
      by: z.array(z.object({ name: z.string(), answeredOn: z.string() })),
    })
    .nullable(),
  draft: z.object({ id: z.string(), number: z.number() }).nullable(),
  openDisagreements: z.array(Disagreement),
  dueThisWeek: z.array(ActionBrief),
  overdue: z.array(ActionBrief),
});
export const PlanSettings = z.object({ teamLeadApproval: z.boolean(), version: z.number() });
