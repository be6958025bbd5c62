// Texts (and the API types, from the contracts) of the reference-index screens: Dutch first, English second (useLocalT).
import type { ApiResponse } from '../../api.js';

export type Registration = ApiResponse<'GET', '/api/v1/refindex/registrations'>['items'][number];
export type Match = ApiResponse<'GET', '/api/v1/refindex/matches'>['items'][number];
export type Party = Match['parties'][number];
export type PersonLabel = Match['persons'][number];

/** Fired after a registration changed, so that "my matches" reloads. */
export const REFINDEX_CHANGED = 'regie:refindex-changed';

export const TEXTS = {
  nl: {
    title: 'Verwijsindex',
    intro: 'Registreer hier dat uw organisatie betrokken is bij een jongere tot 23 jaar: alleen dát, nooit de inhoud van de hulp. Zijn ook andere organisaties betrokken bij deze jongere of bij iemand uit hetzelfde huishouden, dan krijgt u een match met hun contactgegevens. Spreek dan binnen 10 werkdagen af wie matchcoördinator is.',
    matches: 'Mijn matches', show: 'Tonen', open: 'Lopende matches', closed: 'Gesloten matches', all: 'Alle matches',
    noMatches: 'Uw organisatie heeft geen lopende matches.', noMatchesFilter: 'Geen matches gevonden.',
    client: 'Cliëntmatch', family: 'Gezinsmatch', clientAbout: 'Cliëntmatch over {who}', familyAbout: 'Gezinsmatch: huishouden van {who}',
    clientExplain: 'Andere organisaties hebben dezelfde jongere geregistreerd.', familyExplain: 'Andere organisaties hebben iemand uit hetzelfde huishouden geregistreerd.',
    matchedOn: 'Match sinds {date}.', due: 'Kies uiterlijk {date} een matchcoördinator.',
    overdue: 'Te laat: er is na 10 werkdagen nog geen matchcoördinator (uiterste datum was {date}).',
    escalated: 'De teamleiders van de betrokken organisaties zijn op de hoogte gebracht.',
    coordinator: 'Matchcoördinator: {org} ({user}), sinds {date}.', noCoordinator: 'Er is nog geen matchcoördinator.',
    accept: 'Ik word matchcoördinator', accepted: 'U bent nu matchcoördinator van deze match.', closedOn: 'Gesloten op {date}: er zijn geen twee betrokken organisaties meer.',
    parties: 'Betrokken organisaties', organisation: 'Organisatie', contact: 'Contactpersoon', phone: 'Telefoon', email: 'E-mail', period: 'Periode', status: 'Status',
    yours: 'uw organisatie', active: 'lopend', inactive: 'niet meer lopend', expired: 'verlopen', ended: 'beëindigd',
    register: 'Registreren', registerTitle: 'Betrokkenheid registreren', bsn: 'BSN van de jongere', bsnHint: '9 cijfers; de persoon moet al in Regie staan (in deze regio)',
    bsnMissing: 'Vul het BSN van de jongere in.', bsnDigits: 'Een BSN heeft 9 cijfers.', bsnElfproef: 'Dit BSN klopt niet (elfproef).',
    birthDateMissing: 'Vul de geboortedatum van de jongere in.', birthDateWrong: 'Vul een bestaande geboortedatum in (dag, maand en jaar).', legalBasisMissing: 'Kies de grondslag.',
    birthDate: 'Geboortedatum van de jongere', birthDateHint: 'Zoals u die kent; de verwijsindex is voor jongeren tot 23 jaar.',
    contactDetails: 'Contactgegevens voor andere organisaties', contactName: 'Contactpersoon', contactPhone: 'Telefoonnummer', contactEmail: 'E-mailadres', contactHint: 'Vul een telefoonnummer of e-mailadres in (of allebei).',
    startDate: 'Startdatum', startHint: 'Laat leeg voor vandaag.', endDate: 'Einddatum', endHint: 'Laat leeg voor 2 jaar na de startdatum; later kan niet.',
    legalBasis: 'Grondslag', legalHint: 'Registreren mag alleen op grond van een wettelijke taak of met toestemming.', optional: '(optioneel)',
    registered: 'Geregistreerd. Er is geen match.', registeredMatch: 'Geregistreerd. Er is {n} nieuwe match: zie "Mijn matches".',
    registrations: 'Registraties van mijn organisatie', showEnded: 'Toon ook beëindigde registraties', noRegistrations: 'Uw organisatie heeft geen registraties.',
    person: 'Jongere', basis: 'Grondslag', matchCount: 'Matches', actions: 'Acties',
    end: 'Beëindigen', endLabel: 'Registratie van {who} beëindigen', endConfirm: 'Registratie van {who} beëindigen? Daarna telt ze niet meer mee voor matches.',
    endYes: 'Ja, beëindigen', cancel: 'Annuleren', endedNotice: 'De registratie van {who} is beëindigd.',
    reason_ended: 'beëindigd', reason_expired: 'verlopen', reason_age_23: '23 jaar geworden',
    next: 'Volgende', previous: 'Vorige', until: 't/m',
  },
  en: {
    title: 'Reference index',
    intro: 'Register here that your organisation is involved with a young person under 23: only that, never the content of the help. If other organisations are involved with this young person or with someone in the same household, you get a match with their contact details. Then agree within 10 working days who is match coordinator.',
    matches: 'My matches', show: 'Show', open: 'Open matches', closed: 'Closed matches', all: 'All matches',
    noMatches: 'Your organisation has no open matches.', noMatchesFilter: 'No matches found.',
    client: 'Client match', family: 'Family match', clientAbout: 'Client match about {who}', familyAbout: 'Family match: household of {who}',
    clientExplain: 'Other organisations registered the same young person.', familyExplain: 'Other organisations registered someone in the same household.',
    matchedOn: 'Match since {date}.', due: 'Choose a match coordinator by {date}.',
    overdue: 'Overdue: no match coordinator after 10 working days (the deadline was {date}).',
    escalated: 'The team leads of the organisations involved have been informed.',
    coordinator: 'Match coordinator: {org} ({user}), since {date}.', noCoordinator: 'There is no match coordinator yet.',
    accept: 'I will be match coordinator', accepted: 'You are now match coordinator of this match.', closedOn: 'Closed on {date}: fewer than two organisations are still involved.',
    parties: 'Organisations involved', organisation: 'Organisation', contact: 'Contact person', phone: 'Phone', email: 'E-mail', period: 'Period', status: 'Status',
    yours: 'your organisation', active: 'running', inactive: 'no longer running', expired: 'expired', ended: 'ended',
    register: 'Register', registerTitle: 'Register involvement', bsn: 'BSN of the young person', bsnHint: '9 digits; the person must be in Regie already (in this region)',
    bsnMissing: "Enter the young person's BSN.", bsnDigits: 'A BSN has 9 digits.', bsnElfproef: 'This BSN fails the 11-test.',
    birthDateMissing: "Enter the young person's birth date.", birthDateWrong: 'Enter an existing birth date (day, month and year).', legalBasisMissing: 'Choose the legal basis.',
    birthDate: 'Birth date of the young person', birthDateHint: 'As you know it; the reference index is for young people under 23.',
    contactDetails: 'Contact details for other organisations', contactName: 'Contact person', contactPhone: 'Phone number', contactEmail: 'E-mail address', contactHint: 'Give a phone number or e-mail address (or both).',
    startDate: 'Start date', startHint: 'Leave empty for today.', endDate: 'End date', endHint: 'Leave empty for 2 years after the start date; later is not possible.',
    legalBasis: 'Legal basis', legalHint: 'Registering is only allowed on a statutory task or with consent.', optional: '(optional)',
    registered: 'Registered. There is no match.', registeredMatch: 'Registered. There is {n} new match: see "My matches".',
    registrations: "My organisation's registrations", showEnded: 'Also show ended registrations', noRegistrations: 'Your organisation has no registrations.',
    person: 'Young person', basis: 'Legal basis', matchCount: 'Matches', actions: 'Actions',
    end: 'End', endLabel: 'End the registration of {who}', endConfirm: 'End the registration of {who}? It then no longer counts for matches.',
    endYes: 'Yes, end it', cancel: 'Cancel', endedNotice: 'The registration of {who} has ended.',
    reason_ended: 'ended', reason_expired: 'expired', reason_age_23: 'turned 23',
    next: 'Next', previous: 'Previous', until: 'to',
  },
};
export type TextKey = keyof typeof TEXTS.nl;
