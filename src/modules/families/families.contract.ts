// API schemas for families, persons and their network (shared with web/).
import { z } from 'zod';
import { BirthDate, Bsn, CaseStatus, LegalBasis, Uuid, msg } from '../../shared/contract/primitives.js';

/** The shared primitives moved to src/shared/contract; re-exported so that older imports keep working. */
export { BirthDate, Bsn, CaseStatus, LegalBasis, Uuid };

export const Relation = z.enum(['parent', 'child', 'partner', 'carer', 'other']);
export const NetworkRelation = z.enum(['grandparent', 'other_family', 'neighbour', 'friend', 'other']);

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

export const PersonInput = z.strictObject({
  bsn: Bsn.optional(),
  givenNames: text(100),
  familyNamePrefix: optText(20),
  familyName: text(100),
  birthDate: BirthDate.optional(),
  gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  street: optText(100),
  houseNumber: optText(20),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{4} ?[A-Za-z]{2}$/, msg('Een postcode is 4 cijfers en 2 letters.', 'A postcode is 4 digits and 2 letters.'))
    .optional(),
  city: optText(100),
  phone: optText(30),
});
export const MemberInput = PersonInput.extend({
  relation: Relation,
  /** Set when the professional confirmed "this is the same person" for a suggested match. */
  existingPersonId: Uuid.optional(),
});

export const NetworkMemberInput = z.strictObject({
  name: text(150),
  relation: NetworkRelation,
  phone: optText(30),
  note: optText(500),
});

export const RegisterFamilyBody = z.strictObject({
  name: optText(150),
  members: z.array(MemberInput).min(1, msg('Voeg minstens één gezinslid toe.', 'Add at least one member.')).max(20),
  network: z.array(NetworkMemberInput).max(30).optional(),
  case: z.strictObject({
    coordinatorUserId: Uuid,
    legalBasis: LegalBasis,
  }),
});

export const FamilyParams = z.strictObject({ familyId: Uuid });

export const FamilyListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  scope: z.enum(['mine', 'organisation']).optional(),
  sort: z.enum(['name', '-name', 'opened', '-opened', 'activity', '-activity']).optional(),
  /**
   * council_overdue: only families whose network council was not offered in time ("FNB te laat");
   * no_agreed_plan: open case older than six weeks without an agreed plan; actions_overdue: open
   * actions of the agreed plan past their due day.
   */
  filter: z.enum(['council_overdue', 'no_agreed_plan', 'actions_overdue']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const Member = z.object({
  personId: z.string(),
  relation: Relation,
  bsn: z.string().nullable(),
  givenNames: z.string(),
  familyNamePrefix: z.string().nullable(),
  familyName: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  gender: z.string().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number(),
});
export const NetworkMember = z.object({
  id: z.string(),
  name: z.string(),
  relation: NetworkRelation,
  phone: z.string().nullable(),
  note: z.string().nullable(),
});
export const TeamMember = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationType: z.string(),
  role: z.enum(['coordinator', 'member']),
  legalBasis: LegalBasis,
  startedOn: z.string(),
  /** Added for a future date: on the team, but opening nothing before `startedOn`. */
  notStarted: z.boolean(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
  version: z.number(),
  /** The handover by which the membership came (basis "overdracht"); null otherwise. */
  handoverId: z.string().nullable(),
});
export const CaseSummary = z.object({
  id: z.string(),
  status: CaseStatus,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  version: z.number(),
  coordinator: z.object({ userId: z.string(), name: z.string(), organisationName: z.string() }).nullable(),
  team: z.array(TeamMember),
});
/** A timeline event: a kind and its parameters (src/shared/events), rendered by the reader in their language. */
export const TimelineEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  /** The coarse category (case_opened, signal_linked, …). */
  type: z.string(),
  /** The sentence's key in the event catalogue, e.g. case_opened_after_triage; legacy_text for an old sentence kept as it was. */
  kind: z.string(),
  params: z.record(z.string(), z.unknown()),
  caseId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrganisation: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const FamilyPage = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number(),
  createdAt: z.string(),
  members: z.array(Member),
  network: z.array(NetworkMember),
  currentCase: CaseSummary.nullable(),
  pastCases: z.array(CaseSummary.omit({ team: true })),
  /** The latest 50 events, newest first; older ones through GET …/timeline?before=timelineCursor. */
  timeline: z.array(TimelineEvent),
  /** Null when the family has no older events than these. */
  timelineCursor: z.string().nullable(),
  access: z.object({
    legalBasis: z.string().nullable(),
    breakGlass: z.boolean(),
    breakGlassExpiresAt: z.string().nullable(),
    isCoordinator: z.boolean(),
  }),
});

export const FamilyListItem = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.object({ personId: z.string(), name: z.string(), relation: Relation, age: z.number().nullable() })),
  caseId: z.string().nullable(),
  caseStatus: CaseStatus.nullable(),
  openedAt: z.string().nullable(),
  coordinatorName: z.string().nullable(),
  isCoordinator: z.boolean(),
  lastActivityAt: z.string().nullable(),
  councilOverdue: z.boolean(),
  /** The open case is more than six weeks old and no plan was agreed. */
  noAgreedPlan: z.boolean(),
  /** Open actions of the agreed plan past their due day. */
  actionsOverdue: z.number(),
});
export const FamilyList = z.object({ items: z.array(FamilyListItem), nextCursor: z.string().nullable() });

export const Created = z.object({ id: z.string(), version: z.number().optional() });

export const DuplicateBsnVisible = 'duplicate_bsn';
