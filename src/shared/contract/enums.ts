// Value lists the API names, with one home each: the server's modules and the web app import them
// from here (web through the @contract alias).

/** The roles an account can hold. */
export const ROLES = [
  'professional',
  'coordinator',
  'team_lead',
  'behavioural_scientist',
  'privacy_officer',
  'functional_admin',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

/** The legal bases for processing a family's data. */
export const LEGAL_BASES = ['consent', 'statutory_task', 'safety'] as const;
export type LegalBasisValue = (typeof LEGAL_BASES)[number];

/** The kinds of organisation in a region. */
export const ORGANISATION_TYPES = [
  'municipal_team',
  'veilig_thuis',
  'gp_practice',
  'school',
  'housing_corporation',
  'mental_health',
  'youth_care',
  'probation',
  'police',
  'child_protection_board',
  'certified_institution',
  'safety_house',
  'youth_protection_team',
  'youth_health_care',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** What each kind of organisation is called, in both languages (server messages and the web app). */
export const ORGANISATION_TYPE_LABELS: Record<'nl' | 'en', Record<OrganisationType, string>> = {
  nl: {
    municipal_team: 'gemeentelijk team',
    veilig_thuis: 'Veilig Thuis',
    gp_practice: 'huisartsenpraktijk',
    school: 'school',
    housing_corporation: 'woningcorporatie',
    mental_health: 'GGZ',
    youth_care: 'jeugdhulp',
    probation: 'reclassering',
    police: 'politie',
    child_protection_board: 'Raad voor de Kinderbescherming',
    certified_institution: 'gecertificeerde instelling',
    safety_house: 'Zorg- en Veiligheidshuis',
    youth_protection_team: 'jeugdbeschermingstafel (JOT)',
    youth_health_care: 'jeugdgezondheidszorg (JGZ)',
  },
  en: {
    municipal_team: 'municipal team',
    veilig_thuis: 'Veilig Thuis',
    gp_practice: 'GP practice',
    school: 'school',
    housing_corporation: 'housing corporation',
    mental_health: 'mental health care',
    youth_care: 'youth care',
    probation: 'probation',
    police: 'police',
    child_protection_board: 'Child Protection Board',
    certified_institution: 'certified institution',
    safety_house: 'Safety House',
    youth_protection_team: 'youth protection team',
    youth_health_care: 'youth health care',
  },
};

/** How a region counts Bevrijdingsdag (5 May): a day off in lustrum years, always, or never. */
export const LIBERATION_DAY_RULES = ['lustrum', 'always', 'never'] as const;
export type LiberationDayRule = (typeof LIBERATION_DAY_RULES)[number];
