// API schemas for signals (meldingen), triage, attachments and the public concern form.
import { z } from 'zod';
import { Version, BirthDate, Bsn, LegalBasis, Uuid, msg } from '../../shared/contract/primitives.js';
import { MemberInput } from '../families/families.contract.js';

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, msg(`Maximaal ${max} tekens.`, `At most ${max} characters.`))
    .optional()
    .transform((v) => v || undefined);

export const SOURCES = ['citizen', 'professional', 'school', 'gp', 'police', 'veilig_thuis', 'anonymous'] as const;
export const Source = z.enum(SOURCES);
export const Urgency = z.enum(['acute', 'high', 'normal']);
/** handover_refused / handover_expired: a handover of it was refused or not answered in time; it is back in the queue for a new decision. */
export const SignalStatus = z.enum(['open', 'triaged', 'handed_over', 'handover_refused', 'handover_expired', 'closed']);

/** Life domains (DESIGN.md); the last three only for children. */
export const LIFE_DOMAINS = [
  'finances',
  'housing',
  'work',
  'domestic_relations',
  'mental_health',
  'physical_health',
  'addiction',
  'daily_living',
  'social_network',
  'participation',
  'justice',
  'development_parenting',
  'education',
  'safety',
] as const;
export const LifeDomain = z.enum(LIFE_DOMAINS);

export const MeldcodeStep = z.strictObject({ done: z.boolean(), notes: optText(2000) });
/** The Meldcode's five steps (huiselijk geweld en kindermishandeling), as a checklist. */
export const MeldcodeSteps = z.strictObject({
  '1': MeldcodeStep.optional(),
  '2': MeldcodeStep.optional(),
  '3': MeldcodeStep.optional(),
  '4': MeldcodeStep.optional(),
  '5': MeldcodeStep.optional(),
});

/** A person the signal is about, as the reporter knows them: names (a neighbour may know only one), and a birth date when known. */
export const SubjectPerson = z
  .strictObject({
    givenNames: optText(100),
    familyNamePrefix: optText(20),
    familyName: optText(100),
    birthDate: BirthDate.optional(),
  })
  .refine((p) => p.givenNames || p.familyName, {
    path: ['familyName'],
    message: msg('Vul een voornaam of een achternaam in.', 'Fill in a given name or a family name.'),
  });
/** The address the signal is about; a number is needed to recognise a second signal about the same house. */
export const SubjectAddress = z
  .strictObject({
    street: optText(100),
    houseNumber: z.string().trim().min(1, msg('Vul het huisnummer in.', 'Fill in the house number.')).max(20),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{4} ?[A-Za-z]{2}$/, msg('Een postcode is 4 cijfers en 2 letters.', 'A postcode is 4 digits and 2 letters.'))
      .optional()
      .or(z.literal('').transform(() => undefined)),
    city: optText(100),
  })
  .refine((a) => a.street || a.postcode, {
    path: ['street'],
    message: msg('Vul de straat of de postcode in.', 'Fill in the street or the postcode.'),
  });

export const CreateSignalBody = z
  .strictObject({
    receivingOrganisationId: Uuid,
    source: Source,
    personId: Uuid.optional(),
    familyId: Uuid.optional(),
    bsn: Bsn.optional(),
    subjectDescription: optText(500),
    subjectPlace: optText(200),
    subjectPersons: z.array(SubjectPerson).max(12).optional(),
    subjectAddress: SubjectAddress.optional(),
    whatSeen: z
      .string()
      .trim()
      .min(10, msg('Beschrijf in minstens 10 tekens wat u zag of hoorde.', 'Describe in at least 10 characters what you saw or heard.'))
      .max(10000, msg('Maximaal 10.000 tekens.', 'At most 10,000 characters.')),
    concerns: z
      .partialRecord(
        LifeDomain,
        z.string().trim().min(1, msg('Beschrijf de zorg op dit leefgebied.', 'Describe the concern in this life domain.')).max(2000),
      )
      .optional(),
    safetyAtStake: z.boolean(),
    meldcodeSteps: MeldcodeSteps.optional(),
    urgency: Urgency,
  })
  .refine((b) => [b.personId, b.familyId, b.bsn].filter((x) => x !== undefined).length <= 1, {
    path: ['personId'],
    message: msg(
      'Kies één manier om aan te geven om wie het gaat: persoon, gezin óf BSN.',
      'Choose one way to say whom it is about: person, family or BSN.',
    ),
  })
  .refine((b) => b.personId || b.familyId || b.bsn || b.subjectDescription || b.subjectPersons?.length || b.subjectAddress, {
    path: ['subjectDescription'],
    message: msg(
      'Geef aan om wie het gaat: een BSN, namen, een adres of een omschrijving.',
      'Say whom it is about: a BSN, names, an address or a description.',
    ),
  });

export const SignalCreated = z.object({ id: z.string(), reference: z.string(), triageDueOn: z.iso.date(), status: SignalStatus });

export const SignalParams = z.strictObject({ signalId: Uuid });
export const AttachmentParams = z.strictObject({ signalId: Uuid, attachmentId: Uuid });

export const SignalListQuery = z.strictObject({
  organisationId: Uuid.optional(),
  scope: z.enum(['queue', 'reported']).optional(),
  /** open: everything waiting for a triage decision, including signals whose handover was refused or not answered in time. */
  status: z.enum(['open', 'triaged', 'handed_over', 'handover_refused', 'handover_expired', 'closed', 'all']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only re-reports (true) or only first reports (false): a signal about a family whose case closed in the past 12 months. */
  reReport: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** The handover that sent a signal back to its queue: refused (with the reason) or not answered in time ("new decision needed"). */
export const HandoverRefusal = z.object({
  handoverId: z.string(),
  outcome: z.enum(['refused', 'expired']),
  reason: z.string().nullable(),
  organisationName: z.string(),
  refusedAt: z.string(),
});

export const SignalListItem = z.object({
  id: z.string(),
  reference: z.string(),
  receivedAt: z.string(),
  source: Source,
  urgency: Urgency,
  triageDueOn: z.iso.date(),
  /** Working days until the deadline; negative when it has passed. */
  daysLeft: z.number(),
  overdue: z.boolean(),
  status: SignalStatus,
  safetyAtStake: z.boolean(),
  reReport: z.boolean(),
  linkedToCase: z.boolean(),
  subject: z.string().nullable(),
  receivingOrganisationName: z.string(),
  /** An open signal or open case at the same address waits for the triage team's answer (never shown to a reporter). */
  possiblySameFamily: z.boolean(),
  /** Why it is back in the queue (status handover_refused or handover_expired; triage view only). */
  handoverRefusal: HandoverRefusal.nullable().optional(),
});
export const SignalList = z.object({ items: z.array(SignalListItem), nextCursor: z.string().nullable(), today: z.iso.date() });

export const SafetyAssessment = z.enum(['unsafe', 'concerns', 'safe']);
export const Decision = z.enum(['advice', 'open_case', 'join_case', 'handover', 'close']);

export const TriageDecision = z.object({
  id: z.string(),
  safetyAssessment: SafetyAssessment,
  safetyReasons: z.string(),
  decision: Decision,
  note: z.string().nullable(),
  closeReason: z.string().nullable(),
  targetOrganisationId: z.string().nullable(),
  targetOrganisationName: z.string().nullable(),
  /** The target's region (the signal's own for a target within the region); null without a target. */
  targetRegionId: z.string().nullable(),
  targetRegionName: z.string().nullable(),
  caseId: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), name: z.string().nullable(), organisationName: z.string().nullable() }),
  decidedAt: z.string(),
});

export const AttachmentMeta = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  fromPublic: z.boolean(),
});

export const SubjectPersonOut = z.object({
  givenNames: z.string().nullable(),
  familyNamePrefix: z.string().nullable(),
  familyName: z.string().nullable(),
  birthDate: z.string().nullable(),
});
export const SubjectAddressOut = z.object({
  street: z.string().nullable(),
  houseNumber: z.string(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
});

/** "Possibly the same family": an open signal or an open case at the same address; linked only once confirmed. */
export const FamilyProposal = z.object({
  kind: z.enum(['signal', 'case']),
  signalId: z.string().nullable(),
  reference: z.string().nullable(),
  caseId: z.string().nullable(),
  familyId: z.string().nullable(),
  label: z.string().nullable(),
  coordinatorName: z.string().nullable(),
  status: z.enum(['proposed', 'confirmed']),
});

export const SignalDetail = z.object({
  id: z.string(),
  reference: z.string(),
  status: SignalStatus,
  version: z.number(),
  source: Source,
  receivingOrganisation: z.object({ id: z.string(), name: z.string() }),
  reporter: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    organisationName: z.string().nullable(),
    contact: z.string().nullable(),
  }),
  subject: z.object({
    label: z.string().nullable(),
    personId: z.string().nullable(),
    familyId: z.string().nullable(),
    bsn: z.string().nullable(),
    description: z.string().nullable(),
    place: z.string().nullable(),
    persons: z.array(SubjectPersonOut),
    address: SubjectAddressOut.nullable(),
  }),
  whatSeen: z.string(),
  concerns: z.record(z.string(), z.string()),
  safetyAtStake: z.boolean(),
  meldcodeSteps: z.record(z.string(), z.object({ done: z.boolean(), notes: z.string().optional() })),
  urgency: Urgency,
  receivedAt: z.string(),
  triageDueOn: z.iso.date(),
  daysLeft: z.number(),
  overdue: z.boolean(),
  /** Null for a reporter outside the triage and case teams: whether a family has a case is not theirs to know. */
  caseId: z.string().nullable(),
  reReport: z.boolean().nullable(),
  /** The closed case a re-report re-opens (null when it is none, or for a reporter). */
  reReportCase: z.object({ caseId: z.string(), familyId: z.string(), familyName: z.string(), closedAt: z.string().nullable() }).nullable(),
  /** Raised by Regie (safety concerns or the Meldcode) from what the reporter chose; lowered again only with a reason. */
  urgencyChange: z
    .object({
      reported: Urgency,
      raised: z.boolean(),
      lowered: z.object({ reason: z.string(), byName: z.string().nullable(), at: z.string() }).nullable(),
    })
    .nullable(),
  proposals: z.array(FamilyProposal),
  triage: TriageDecision.nullable(),
  attachments: z.array(AttachmentMeta),
  /** Why it is back in the queue (status handover_refused; triage view only). */
  handoverRefusal: HandoverRefusal.nullable().optional(),
  access: z.object({
    mayTriage: z.boolean(),
    mayAddAttachment: z.boolean(),
    mayLowerUrgency: z.boolean(),
    mayOpenFamily: z.boolean(),
    view: z.enum(['triage', 'case_team', 'reporter']),
  }),
});

export const TriageBody = z.strictObject({
  safetyAssessment: SafetyAssessment,
  safetyReasons: z.string().trim().min(3, msg('Licht de veiligheidsinschatting toe.', 'Explain the safety assessment.')).max(4000),
  decision: Decision,
  note: optText(4000),
  closeReason: optText(1000),
  targetOrganisationId: Uuid.optional(),
  /** The target organisation's region when it is another than the triaging organisation's (found by id when left out). */
  targetRegionId: z.string().trim().min(1).max(64).optional(),
  /** With decision handover: the receiving professional, when known (of the target organisation, same region). */
  targetUserId: Uuid.optional(),
  caseId: Uuid.optional(),
  coordinatorUserId: Uuid.optional(),
  legalBasis: LegalBasis.optional(),
  /** Open a case for a family Regie does not know yet: its members, from the signal's subject, completed by the triaging professional. */
  newFamily: z
    .strictObject({
      name: optText(150),
      members: z.array(MemberInput).min(1, msg('Voeg minstens één gezinslid toe.', 'Add at least one member.')).max(20),
    })
    .optional(),
  version: Version,
});
export const TriageResult = z.object({ id: z.string(), status: SignalStatus, version: z.number(), caseId: z.string().nullable() });

/** Room for a 10 MB file in base64 (about 13.4 million characters), with line breaks. */
export const ATTACHMENT_BASE64_MAX = 14_500_000;
/** Files with one concern from the public form. */
export const MAX_PUBLIC_ATTACHMENTS = 3;

export const FamilyProposalBody = z
  .strictObject({
    otherSignalId: Uuid.optional(),
    caseId: Uuid.optional(),
    decision: z.enum(['confirmed', 'rejected']),
    /** The signal's version as shown: a proposal answered on a stale screen is refused (409). */
    version: Version,
  })
  .refine((b) => (b.otherSignalId === undefined) !== (b.caseId === undefined), {
    path: ['otherSignalId'],
    message: msg('Kies één voorstel: een melding óf een dossier.', 'Choose one proposal: a signal or a case.'),
  });
export const FamilyProposalResult = z.object({
  decision: z.enum(['confirmed', 'rejected']),
  caseId: z.string().nullable(),
  version: z.number(),
});

export const LowerUrgencyBody = z.strictObject({
  urgency: Urgency,
  reason: z
    .string()
    .trim()
    .min(5, msg('Geef de reden waarom de urgentie lager kan.', 'Give the reason why the urgency can be lower.'))
    .max(2000),
  version: Version,
});
export const LowerUrgencyResult = z.object({ urgency: Urgency, triageDueOn: z.iso.date(), version: z.number() });

export const AttachmentBody = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, msg('Een bestandsnaam zonder mappen.', 'A file name without folders.')),
  mediaType: z.string().trim().min(3).max(100),
  /** Base64 of the file; checked after decoding (size and magic bytes). */
  contentBase64: z.string().min(1).max(ATTACHMENT_BASE64_MAX),
});

export const SignalSettings = z.object({
  workingDays: z.object({ acute: z.number(), high: z.number(), normal: z.number() }),
  frontDoorOrganisationId: z.string().nullable(),
});

// ---- public concern form ---------------------------------------------------------------------

export const FormToken = z.object({ token: z.string(), regions: z.array(z.object({ id: z.string(), name: z.string() })) });

export const PublicConcernBody = z.strictObject({
  regionId: z.string().trim().min(1).max(64),
  formToken: z.string().min(1).max(300),
  /** Honeypot: hidden from people, filled in by robots. Must stay empty. */
  website: z.string().max(500).optional(),
  about: z.string().trim().min(2, msg('Schrijf op over wie u zich zorgen maakt.', 'Write down whom you are worried about.')).max(500),
  place: optText(200),
  /** Who and where, when the citizen knows: names (birth date if known) and the address. */
  subjectPersons: z.array(SubjectPerson).max(12).optional(),
  subjectAddress: SubjectAddress.optional(),
  whatSeen: z
    .string()
    .trim()
    .min(10, msg('Vertel in minstens 10 tekens wat u zag of hoorde.', 'Tell in at least 10 characters what you saw or heard.'))
    .max(5000, msg('Maximaal 5000 tekens.', 'At most 5000 characters.')),
  worriedAboutSafety: z.boolean().optional(),
  reporterName: optText(200),
  reporterContact: optText(200),
  /** Photos (JPEG, PNG) and PDFs; as JSON only what fits in 16 KB, larger files as multipart/form-data (see signals.routes.ts). */
  attachments: z
    .array(AttachmentBody)
    .max(MAX_PUBLIC_ATTACHMENTS, msg(`Maximaal ${MAX_PUBLIC_ATTACHMENTS} bestanden.`, `At most ${MAX_PUBLIC_ATTACHMENTS} files.`))
    .optional(),
});
export const PublicConcernReceipt = z.object({ reference: z.string() });
