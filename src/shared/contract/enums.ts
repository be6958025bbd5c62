// Value lists the API names, with one home each: the server's modules and the web app import them
// from here (web through the @contract alias).

/** The roles an account can hold. */
export const ROLES = ['professional', 'coordinator', 'team_lead', 'behavioural_scientist', 'privacy_officer', 'functional_admin', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

/** The legal bases for processing a family's data. */
export const LEGAL_BASES = ['consent', 'statutory_task', 'safety'] as const;
export type LegalBasisValue = (typeof LEGAL_BASES)[number];

/** The kinds of organisation in a region. */
export const ORGANISATION_TYPES = ['municipal_team', 'veilig_thuis', 'gp_practice', 'school', 'housing_corporation', 'mental_health',
  'youth_care', 'probation', 'police', 'child_protection_board', 'certified_institution', 'safety_house',
  'youth_protection_team', 'youth_health_care'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** How a region counts Bevrijdingsdag (5 May): a day off in lustrum years, always, or never. */
export const LIBERATION_DAY_RULES = ['lustrum', 'always', 'never'] as const;
export type LiberationDayRule = (typeof LIBERATION_DAY_RULES)[number];
