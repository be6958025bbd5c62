// The life domains of the integral picture, with their labels: one home for the list and its words.
// The twelve domains of the Zelfredzaamheid-Matrix for every person, and four more for children.
// The web app imports this through @contract; the server validates scores and renders PDFs with it.

export const LIFE_DOMAINS = [
  'finances',
  'daytime_activity',
  'housing',
  'domestic_relations',
  'mental_health',
  'physical_health',
  'addiction',
  'basic_adl',
  'instrumental_adl',
  'social_network',
  'participation',
  'justice',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** Domains scored for children (under 18) only. */
export const CHILD_DOMAINS = ['development', 'parenting', 'education', 'safety'] as const;
export type ChildDomain = (typeof CHILD_DOMAINS)[number];

export const DOMAINS = [...LIFE_DOMAINS, ...CHILD_DOMAINS] as const;
export type Domain = (typeof DOMAINS)[number];

/** Whose view a score gives: a professional's or the family's own. */
export const ASSESSMENT_VIEWS = ['professional', 'family'] as const;
export type AssessmentView = (typeof ASSESSMENT_VIEWS)[number];

export const DOMAIN_LABELS: Record<'nl' | 'en', Record<Domain, string>> = {
  nl: {
    finances: 'Financiën',
    daytime_activity: 'Dagbesteding en werk',
    housing: 'Huisvesting',
    domestic_relations: 'Huiselijke relaties',
    mental_health: 'Geestelijke gezondheid',
    physical_health: 'Lichamelijke gezondheid',
    addiction: 'Middelengebruik',
    basic_adl: 'Basale ADL',
    instrumental_adl: 'Instrumentele ADL',
    social_network: 'Sociaal netwerk',
    participation: 'Maatschappelijke participatie',
    justice: 'Justitie',
    development: 'Ontwikkeling',
    parenting: 'Opvoeding',
    education: 'Onderwijs',
    safety: 'Veiligheid',
  },
  en: {
    finances: 'Finances',
    daytime_activity: 'Daytime activity and work',
    housing: 'Housing',
    domestic_relations: 'Domestic relations',
    mental_health: 'Mental health',
    physical_health: 'Physical health',
    addiction: 'Substance use',
    basic_adl: 'Basic daily living',
    instrumental_adl: 'Instrumental daily living',
    social_network: 'Social network',
    participation: 'Participation in society',
    justice: 'Justice',
    development: 'Development',
    parenting: 'Parenting',
    education: 'Education',
    safety: 'Safety',
  },
};
