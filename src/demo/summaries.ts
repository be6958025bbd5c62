// Short Dutch summaries for timeline events. They name household members by first name, never
// by BSN, the way a professional would write a case note.
import type { Rng } from './random.js';

export type FillerType =
  | 'note_added'
  | 'phone_contact'
  | 'home_visit'
  | 'meeting_held'
  | 'plan_updated'
  | 'assessment_recorded'
  | 'action_completed'
  | 'goal_progress'
  | 'document_added'
  | 'referral_made'
  | 'signal_received'
  | 'escalation_raised'
  | 'follow_up_check';

/** How often each kind of event happens while a case is active. */
export const FILLER_WEIGHTS: readonly (readonly [FillerType, number])[] = [
  ['note_added', 30],
  ['phone_contact', 14],
  ['home_visit', 11],
  ['meeting_held', 9],
  ['plan_updated', 6],
  ['assessment_recorded', 5],
  ['action_completed', 9],
  ['goal_progress', 6],
  ['document_added', 6],
  ['referral_made', 2],
  ['signal_received', 1.5],
  ['escalation_raised', 0.5],
];

const TEMPLATES: Record<FillerType, string[]> = {
  note_added: [
    '{ouder} geeft aan dat het rustiger gaat thuis.',
    'Zorgen over schoolverzuim van {kind} besproken met {ouder}.',
    'Betalingsachterstand huur is opgelost, budgetbeheer loopt.',
    '{ouder} heeft de intake bij de GGZ gemist; nieuwe afspraak gepland.',
    'Signalen van spanningen in huis; volgende week huisbezoek.',
    '{kind} heeft een plek bij de naschoolse opvang gekregen.',
    'Het netwerk wil helpen met het halen en brengen van de kinderen.',
    '{ouder} houdt zich aan de afspraken uit het plan.',
    '{ouder} heeft hulp nodig bij het invullen van formulieren.',
    'Overleg met {org} over de taakverdeling.',
  ],
  phone_contact: [
    'Telefonisch contact met {ouder} over de voortgang.',
    'Gebeld met {org} over de aanpak.',
    'Telefonisch overleg met de mentor van {kind}.',
    '{ouder} belde met zorgen over de schulden.',
    'Teruggebeld door {org}: wachttijd is nu zes weken.',
  ],
  home_visit: [
    'De situatie thuis is stabiel.',
    'Samen met {org}; afspraken over dagstructuur gemaakt.',
    '{ouder} was niet thuis, nieuwe afspraak gemaakt.',
    'Gesprek met {ouder} en {kind} over de thuissituatie.',
  ],
  meeting_held: [
    'Multidisciplinair overleg gehouden met de betrokken partners.',
    'Gezinsnetwerkberaad gehouden; het netwerk neemt taken op zich.',
    'Evaluatiegesprek met het gezin over de doelen.',
    'Casusoverleg met {org}: afspraken over de veiligheid.',
  ],
  plan_updated: [
    'Nieuw doel op het domein financiën.',
    'Veiligheidsafspraken aangescherpt.',
    'Doel huisvesting behaald.',
    'Na de evaluatie bijgesteld; het gezin is akkoord.',
  ],
  assessment_recorded: [
    'Zelfredzaamheidsmatrix ingevuld voor {ouder}.',
    'Zelfredzaamheidsmatrix ingevuld voor {kind}.',
    'Veiligheidstaxatie uitgevoerd; geen acute onveiligheid.',
  ],
  action_completed: [
    'Aanmelding schuldhulpverlening.',
    'Intake jeugdhulp voor {kind}.',
    'Aanvraag bijzondere bijstand ingediend.',
    'Afspraak met de huisarts gemaakt.',
    '{ouder} aangemeld bij het taalcafé.',
  ],
  goal_progress: [
    'Financiën: score van 2 naar 3.',
    'Huisvesting: stabiel.',
    'Opvoeding: {ouder} past de nieuwe afspraken toe.',
    'Dagbesteding: {ouder} is begonnen met vrijwilligerswerk.',
    'Onderwijs: {kind} gaat weer elke dag naar school.',
  ],
  document_added: [
    'Verslag huisbezoek toegevoegd.',
    'Toestemmingsverklaring van {ouder} toegevoegd.',
    'Rapportage van {org} toegevoegd.',
    'Verslag van het netwerkberaad toegevoegd.',
  ],
  referral_made: ['Verwezen naar {org}.', 'Verwijzing naar schuldhulpverlening.', 'Verwijzing naar opvoedondersteuning voor {ouder}.'],
  signal_received: [
    'Nieuwe zorgmelding van school over {kind}.',
    'Melding van buren over ruzie en geluidsoverlast.',
    'Melding van de woningcorporatie over huurachterstand.',
  ],
  escalation_raised: ['Actie over de termijn, voorgelegd aan de teamleider.', 'Wachttijd jeugdhulp te lang, opgeschaald.'],
  follow_up_check: [
    'Na afsluiting: het gaat goed met het gezin.',
    'Na afsluiting: {ouder} meldt nieuwe zorgen over geld.',
    'Na afsluiting: geen nieuwe signalen.',
  ],
};

export interface SummaryContext {
  adults: string[];
  children: string[];
  orgs: string[];
}

export function fillerSummary(rng: Rng, type: FillerType, ctx: SummaryContext): string {
  const options = ctx.children.length ? TEMPLATES[type] : TEMPLATES[type].filter((t) => !t.includes('{kind}'));
  const template = rng.pick(options.length ? options : TEMPLATES.note_added.slice(0, 1));
  return template
    .replace('{ouder}', rng.pick(ctx.adults))
    .replace('{kind}', ctx.children.length ? rng.pick(ctx.children) : '')
    .replace('{org}', ctx.orgs.length ? rng.pick(ctx.orgs) : 'de huisarts');
}

export const REFERRERS = [
  'de huisarts',
  'school',
  'Veilig Thuis',
  'het gezin zelf',
  'de woningcorporatie',
  'de wijkagent',
  'de jeugdverpleegkundige',
  'het maatschappelijk werk',
];

export const CLOSED_REASONS = [
  'Doelen behaald',
  'Gezin verhuisd buiten de regio',
  'Overgedragen aan de gecertificeerde instelling',
  'Gezin wil geen hulp meer; geen zorgen over veiligheid',
  'Zorg overgedragen aan de huisarts',
  'Hulpverlening loopt via de reguliere jeugdhulp',
];

export const EARLY_CLOSED_REASONS = ['Geen hulpvraag na verkenning', 'Enkelvoudige hulpvraag; doorverwezen naar de wijkteam-inloop'];
