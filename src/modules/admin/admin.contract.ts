// API schemas of functional administration (Beheer): region settings, organisations, accounts and
// the access rules in words (shared with web/). Every edit carries the version it was based on.
import { z } from 'zod';
import { INT4_MAX, Uuid, msg } from '../../shared/contract/primitives.js';
import { ORGANISATION_TYPES, ROLES, LIBERATION_DAY_RULES } from '../../shared/contract/enums.js';

const Version = z
  .number(msg('Laad de pagina opnieuw: de versie ontbreekt.', 'Reload the page: the version is missing.'))
  .int()
  .min(0)
  .max(INT4_MAX);
const PageQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
};
const Search = z
  .string()
  .trim()
  .max(100, msg('Zoek met hoogstens 100 tekens.', 'Search with at most 100 characters.'))
  .optional()
  .transform((v) => v || undefined);
const Text = (max: number, empty: string, emptyEn: string) =>
  z
    .string()
    .trim()
    .min(1, msg(empty, emptyEn))
    .max(max, msg(`Maximaal ${max} tekens.`, `At most ${max} characters.`));

// ---- region settings (triage norms, front door) ----------------------------------------------

/** The ranges of the CHECKs in migrations/0044_signal_settings.sql, in working days. */
export const NORM_LIMITS = { acute: 30, high: 60, normal: 90 } as const;
const days = (max: number) =>
  z
    .number(msg('Vul een aantal werkdagen in.', 'Enter a number of working days.'))
    .int(msg('Vul een heel aantal werkdagen in.', 'Enter a whole number of working days.'))
    .min(0, msg('Het aantal werkdagen kan niet negatief zijn.', 'The number of working days cannot be negative.'))
    .max(max, msg(`Hoogstens ${max} werkdagen.`, `At most ${max} working days.`));

export const WorkingDays = z.strictObject({
  acute: days(NORM_LIMITS.acute),
  high: days(NORM_LIMITS.high),
  normal: days(NORM_LIMITS.normal),
});

/** 5 May a day off: only in lustrum years (2025, 2030, ...; the default), every year, or never. */
export const LiberationDay = z.enum(
  LIBERATION_DAY_RULES,
  msg('Kies: alleen in lustrumjaren, elk jaar of nooit.', 'Choose: only in lustrum years, every year or never.'),
);

export const RegionSettingsBody = z
  .strictObject({
    workingDays: WorkingDays,
    /** null: the public concern form is closed for this region. */
    frontDoorOrganisationId: Uuid.nullable(),
    /** Whether 5 May (Bevrijdingsdag) is skipped in working-day deadlines; left out: unchanged. */
    liberationDay: LiberationDay.optional(),
    /** The version read; 0 while the region still runs on the defaults. */
    version: Version,
  })
  .refine((b) => b.workingDays.acute <= b.workingDays.high, {
    path: ['workingDays', 'high'],
    message: msg(
      'De termijn voor hoog mag niet korter zijn dan die voor acuut.',
      'The norm for high cannot be shorter than the one for acute.',
    ),
  })
  .refine((b) => b.workingDays.high <= b.workingDays.normal, {
    path: ['workingDays', 'normal'],
    message: msg(
      'De termijn voor normaal mag niet korter zijn dan die voor hoog.',
      'The norm for normal cannot be shorter than the one for high.',
    ),
  });

const Ref = z.object({ id: z.string(), name: z.string() });
export const RegionSettings = z.object({
  workingDays: z.object({ acute: z.number().int(), high: z.number().int(), normal: z.number().int() }),
  frontDoorOrganisation: Ref.nullable(),
  liberationDay: LiberationDay,
  /** The public concern form is open when there is a front door. */
  publicFormOpen: z.boolean(),
  /** false: no settings saved yet, the defaults apply. */
  saved: z.boolean(),
  version: z.number().int(),
  limits: z.object({ acute: z.number().int(), high: z.number().int(), normal: z.number().int() }),
  /** The organisation types that may be the front door (they triage signals). */
  frontDoorTypes: z.array(z.string()),
});

// ---- organisations ----------------------------------------------------------------------------

export const OrganisationType = z.enum(ORGANISATION_TYPES);
export const OrganisationParams = z.strictObject({ organisationId: Uuid });
export const OrganisationListQuery = z.strictObject({
  q: Search,
  ...PageQuery,
  // The pick lists of the other screens load one page of up to 500 organisations.
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const OrganisationInput = z.strictObject({
  name: Text(150, 'Vul de naam van de organisatie in.', 'Enter the name of the organisation.'),
  type: OrganisationType,
  /** May its professionals break the glass (Veilig Thuis, police, the Raad, certified institutions). */
  safetyTask: z.boolean(),
});
export const OrganisationUpdate = OrganisationInput.extend({ version: Version });
export const Organisation = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  safetyTask: z.boolean(),
  version: z.number().int(),
});
export const OrganisationList = z.object({ items: z.array(Organisation), nextCursor: z.string().nullable() });

// ---- professionals (the pick list for coordinators and case teams) ----------------------------

export const ProfessionalListQuery = z.strictObject({
  qualified: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  cursor: PageQuery.cursor,
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const ProfessionalList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      roles: z.array(z.string()),
      organisationId: z.string(),
      organisationName: z.string(),
      organisationType: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

// ---- accounts ---------------------------------------------------------------------------------

export const RoleName = z.enum(ROLES);
const Roles = z
  .array(RoleName)
  .min(1, msg('Kies minstens één rol.', 'Choose at least one role.'))
  .max(ROLES.length)
  .refine((r) => new Set(r).size === r.length, msg('Elke rol één keer.', 'Each role once.'));
const Email = z.email(msg('Geen geldig e-mailadres.', 'Not a valid e-mail address.')).max(254);
const DisplayName = Text(150, "Vul de naam in zoals collega's die zien.", 'Enter the name as colleagues see it.');

export const AccountParams = z.strictObject({ userId: Uuid });
export const AccountListQuery = z.strictObject({
  q: Search,
  organisationId: Uuid.optional(),
  status: z.enum(['active', 'inactive', 'all']).optional(),
  /** false: only accounts without an e-mail address (they get no e-mail from Regie, only the in-app inbox). */
  reachable: z.enum(['true', 'false']).optional(),
  ...PageQuery,
});
export const CreateAccountBody = z.strictObject({
  organisationId: Uuid,
  displayName: DisplayName,
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9._-]{2,49}$/,
      msg(
        'Een gebruikersnaam heeft 3 tot 50 tekens: letters, cijfers, punt, streepje of liggend streepje, en begint met een letter of cijfer.',
        'A username has 3 to 50 characters: letters, digits, dot, hyphen or underscore, starting with a letter or digit.',
      ),
    ),
  email: Email.optional(),
  roles: Roles,
});
export const UpdateAccountBody = z.strictObject({
  displayName: DisplayName,
  email: Email.nullable(),
  roles: Roles,
  version: Version,
});
export const VersionBody = z.strictObject({ version: Version });

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.string()),
  organisation: Ref,
  active: z.boolean(),
  /** Must link an authenticator app at the next login. */
  totpRequired: z.boolean(),
  totpEnrolled: z.boolean(),
  lastSeenAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Its professionals may break the glass: every role there needs a second administrator's approval. */
  safetyTask: z.boolean(),
  /** A role change that waits for a second functional administrator (four eyes). */
  pendingRoleChange: z
    .object({
      id: z.string(),
      roles: z.array(z.string()),
      activates: z.boolean(),
      proposedBy: Ref,
      proposedAt: z.string(),
    })
    .nullable(),
});
export const RoleChangeDecisionBody = z.strictObject({ proposalId: Uuid });
export const AccountList = z.object({
  items: z.array(Account),
  nextCursor: z.string().nullable(),
  /** E-mail notifications are on (an SMTP server is configured): every account then needs an e-mail address. */
  emailRequired: z.boolean(),
});
export const AccountCreated = z.object({
  account: Account,
  /** Shown once, to hand over in person; the account links an authenticator app at its first login. */
  initialPassword: z.string(),
});
export const AccountDeactivated = Account.extend({ sessionsEnded: z.number().int() });
export const AuthenticatorReset = Account.extend({ sessionsEnded: z.number().int() });
export const PasswordReset = z.object({
  account: Account,
  /** Shown once; works once, then the user chooses a new password. */
  initialPassword: z.string(),
  sessionsEnded: z.number().int(),
});

// ---- access rules in words --------------------------------------------------------------------

const Label = z.object({ nl: z.string(), en: z.string() });
export const AccessRules = z.object({
  roles: z.array(z.object({ role: z.string(), label: Label, description: Label, permissions: z.array(z.string()) })),
  permissions: z.array(z.object({ permission: z.string(), group: Label, label: Label, roles: z.array(z.string()) })),
  /** Rules on records that the permission table alone does not say (policy.ts, row-level security). */
  recordRules: z.array(Label),
});
