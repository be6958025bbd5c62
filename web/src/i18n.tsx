// The i18n catalogue: Dutch first, English second. Components call t('key').
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import i18next from 'i18next';
import { ORGANISATION_TYPE_LABELS } from '@contract/shared/enums.js';
import { EVENT_MESSAGES } from '../../src/shared/events/messages.js';

/** Phases, legal bases and network relations have their words in the events catalogue. */
const EVENT_LABELS = { nl: EVENT_MESSAGES.nl.events.label, en: EVENT_MESSAGES.en.events.label };

const nl = {
  appName: 'Regie', tagline: '1 Gezin, 1 Plan, 1 Regisseur', skip: 'Naar de inhoud', mainMenu: 'Hoofdmenu', menu: 'Menu',
  login: 'Inloggen', username: 'Gebruikersnaam', password: 'Wachtwoord', loginButton: 'Inloggen', logout: 'Uitloggen',
  loginIntro: 'Log in met uw Regie-account.', oidcButton: 'Inloggen via uw organisatie', oidcUnknown: 'Uw account bij uw organisatie is niet gekoppeld aan een Regie-account. Neem contact op met de functioneel beheerder.',
  oidcFailed: 'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw of log in met uw Regie-account.', oidcInactive: 'Uw Regie-account is niet actief. Neem contact op met de functioneel beheerder.',
  secondFactor: 'Tweede stap: authenticatiecode', codeLabel: 'Code uit uw authenticator-app (6 cijfers)', confirm: 'Bevestigen',
  enrolTitle: 'Authenticator-app koppelen', enrolIntro: 'Scan de QR-code met een authenticator-app (bijvoorbeeld van uw organisatie) en vul de code in die de app toont.',
  enrolSecret: 'Kunt u niet scannen? Voer deze sleutel handmatig in:',
  myFamilies: 'Mijn gezinnen', teamFamilies: 'Gezinnen van mijn team', search: 'Zoeken', searchLabel: 'Zoek op naam, BSN of geboortedatum',
  searchHint: 'Bijvoorbeeld: "Jansen", "123456782" of "12-04-1988"', sort: 'Sorteren', sortName: 'Naam (A–Z)', sortNameDesc: 'Naam (Z–A)',
  sortOpened: 'Oudste dossier eerst', sortOpenedDesc: 'Nieuwste dossier eerst', sortActivity: 'Langst geen activiteit', sortActivityDesc: 'Recentste activiteit',
  family: 'Gezin', members: 'Gezinsleden', phase: 'Fase', coordinator: 'Regisseur', caseOpened: 'Dossier geopend', lastActivity: 'Laatste activiteit', quietTooLong: 'langer dan 6 weken stil',
  next: 'Volgende', previous: 'Vorige', pagination: 'Paginering', noFamilies: 'Geen gezinnen gevonden.', noFamiliesYet: 'U staat nog in geen enkel casusteam. Registreer een gezin of vraag een regisseur om u toe te voegen.',
  registerFamily: 'Gezin registreren', youAreCoordinator: 'u bent regisseur',
  familyPage: 'Gezin', network: 'Informeel netwerk', caseTitle: 'Dossier', team: 'Casusteam', timeline: 'Tijdlijn',
  relation: 'Relatie', name: 'Naam', birthDate: 'Geboortedatum', age: 'Leeftijd', years: 'jaar', bsn: 'BSN', address: 'Adres', phone: 'Telefoon',
  organisation: 'Organisatie', person: 'Professional', role: 'Rol', legalBasis: 'Grondslag', since: 'Sinds', ended: 'Beëindigd', actions: 'Acties',
  addMember: 'Gezinslid toevoegen', addNetwork: 'Netwerklid toevoegen', addTeamMember: 'Professional toevoegen aan casusteam', endMembership: 'Beëindigen',
  fromDate: 'vanaf', notStartedHint: 'nog geen toegang tot het gezin', startsOn: 'Startdatum', startsOnHint: 'Leeg: vandaag. Tot deze dag geeft het lidmaatschap geen toegang.',
  changeBasis: 'Grondslag wijzigen', newBasis: 'Nieuwe grondslag',
  endReason: 'Reden van beëindigen', transfer: 'Regie overdragen', transferTo: 'Nieuwe regisseur', transferReason: 'Toelichting (optioneel)',
  changePhase: 'Fase wijzigen', newPhase: 'Nieuwe fase', closedReason: 'Reden van afsluiten', save: 'Opslaan', cancel: 'Annuleren',
  openCase: 'Nieuw dossier openen', noCase: 'Dit gezin heeft geen open dossier.', pastCases: 'Eerdere dossiers', givenNames: 'Voornamen',
  prefix: 'Tussenvoegsel', familyName: 'Achternaam', gender: 'Geslacht', street: 'Straat', houseNumber: 'Huisnummer', postcode: 'Postcode', city: 'Plaats',
  optional: '(optioneel)', bsnHint: '9 cijfers; wordt gecontroleerd met de elfproef',
  dateHint: 'Dag-maand-jaar, bijvoorbeeld 12-03-2025.', dateInvalid: 'Vul een bestaande datum in als dag-maand-jaar, bijvoorbeeld 12-03-2025.',
  day: 'Dag', month: 'Maand', year: 'Jaar', birthDate_day: 'Vul een dag van 1 tot en met 31 in.', birthDate_month: 'Vul een maand van 1 tot en met 12 in.',
  birthDate_year: 'Vul het jaar in met 4 cijfers.', birthDate_date: 'Deze datum bestaat niet.',
  bsnNineDigits: 'Een BSN heeft 9 cijfers.', bsnElfproef: 'Dit BSN klopt niet (elfproef).', note: 'Notitie', choose: '— kies —',
  familyNameLabel: 'Naam van het gezin', familyNameHint: 'Laat leeg voor "Gezin <achternaam>"', addAnother: 'Nog een gezinslid', remove: 'Verwijderen',
  caseSection: 'Dossier en regisseur', coordinatorHint: 'Alleen professionals die gekwalificeerd zijn als regisseur', register: 'Registreren',
  draftSaved: 'Concept automatisch bewaard', draftRestored: 'Uw niet-verzonden invoer is teruggezet.', discardDraft: 'Concept weggooien',
  saved: 'Opgeslagen', openExisting: 'Open het bestaande gezin', errorsTitle: 'Controleer de volgende velden',
  breakGlass: 'Noodtoegang', breakGlassIntro: 'Alleen bij acute zorg over veiligheid. U krijgt 60 minuten toegang tot één gezin waarvan u geen casusteamlid bent. Uw reden wordt vastgelegd en door de privacy officer beoordeeld.',
  breakGlassBsn: 'BSN van een gezinslid', reason: 'Reden (minstens 20 tekens)', breakGlassButton: 'Noodtoegang openen', breakGlassNotAllowed: 'Uw organisatie heeft geen veiligheidstaak; noodtoegang is niet beschikbaar.',
  breakGlassBanner: 'Noodtoegang actief tot {time}. Alles wat u hier bekijkt wordt vastgelegd en beoordeeld.', totpFirst: 'Koppel eerst een authenticator-app om noodtoegang te kunnen gebruiken.',
  auditLog: 'Auditlog', reviews: 'Beoordelen noodtoegang', accessLog: 'Inzage per persoon', filter: 'Filteren', from: 'Van', to: 'Tot en met',
  action: 'Handeling', outcome: 'Uitkomst', user: 'Gebruiker', when: 'Wanneer', object: 'Object', flags: 'Kenmerken', onBehalfOf: 'Namens',
  verify: 'Controleer de keten', verifyOk: 'De auditketen is intact: {rows} regels gecontroleerd.', verifyBroken: 'De auditketen is verbroken!',
  verifyCheckpoint: 'Vergeleken met de ondertekende controlepunten van {chains} ketens ({seq} regels, sinds {at}), die buiten de database worden bewaard.',
  verifyPlace: 'keten {stripe}, regel {seq}',
  verifyNoCheckpoint: 'Er is nog geen ondertekend controlepunt: alleen de keten zelf is gecontroleerd.',
  justified: 'Terecht', unjustified: 'Onterecht', reviewNote: 'Toelichting', reviewOpen: 'Te beoordelen', reviewDone: 'Beoordeeld', review: 'Beoordelen',
  findPerson: 'Persoon zoeken op BSN', whoLooked: 'Wie heeft de gegevens van {name} bekeken of gewijzigd',
  sessionWarning_one: 'U wordt over 1 minuut automatisch uitgelogd vanwege inactiviteit. Uw invoer blijft bewaard.',
  sessionWarning_other: 'U wordt over {n} minuten automatisch uitgelogd vanwege inactiviteit. Uw invoer blijft bewaard.', stayLoggedIn: 'Ingelogd blijven',
  sessionExpired: 'Uw sessie is verlopen. Log opnieuw in; wat u aan het invullen was blijft staan.', loading: 'Laden…', language: 'English',
  agoDays_one: '{n} dag geleden', agoDays_other: '{n} dagen geleden', agoToday: 'vandaag', agoYesterday: 'gisteren', agoMonths_one: '{n} maand geleden', agoMonths_other: '{n} maanden geleden', agoYears_one: '{n} jaar geleden', agoYears_other: '{n} jaar geleden', agoHours_one: '{n} uur geleden', agoHours_other: '{n} uur geleden',
  agoMinutes_one: '1 minuut geleden', agoMinutes_other: '{n} minuten geleden', agoJustNow: 'zojuist',
  navTriage: 'Triage', subject: 'Betrokkene', handOver: 'Overdragen', navSignal: 'Melding doen', navRefIndex: 'Verwijsindex', navHandovers: 'Overdrachten', navLeadTimes: 'Doorlooptijden', navMail: 'E-mailverzending', navInbox: 'Berichten',
  notFound: 'Niet gevonden', edit: 'Wijzigen', reloadKeep: 'Nieuwste versie laden (uw invoer blijft staan)', showAll: 'Toon alle {n} gebeurtenissen', back: 'Terug', home: 'Start',
} as const;

type Key = keyof typeof nl;
const en: Record<Key, string> = {
  appName: 'Regie', tagline: '1 Family, 1 Plan, 1 Coordinator', skip: 'Skip to content', mainMenu: 'Main menu', menu: 'Menu',
  login: 'Log in', username: 'Username', password: 'Password', loginButton: 'Log in', logout: 'Log out',
  loginIntro: 'Log in with your Regie account.', oidcButton: 'Log in via your organisation', oidcUnknown: 'Your organisation account is not linked to a Regie account. Contact the functional administrator.',
  oidcFailed: 'Logging in via your organisation failed. Try again or log in with your Regie account.', oidcInactive: 'Your Regie account is not active. Contact the functional administrator.',
  secondFactor: 'Second step: authentication code', codeLabel: 'Code from your authenticator app (6 digits)', confirm: 'Confirm',
  enrolTitle: 'Link an authenticator app', enrolIntro: 'Scan the QR code with an authenticator app and enter the code it shows.',
  enrolSecret: 'Cannot scan? Enter this key by hand:',
  myFamilies: 'My families', teamFamilies: "My team's families", search: 'Search', searchLabel: 'Search by name, BSN or birth date',
  searchHint: 'For example: "Jansen", "123456782" or "12-04-1988"', sort: 'Sort', sortName: 'Name (A–Z)', sortNameDesc: 'Name (Z–A)',
  sortOpened: 'Oldest case first', sortOpenedDesc: 'Newest case first', sortActivity: 'Longest without activity', sortActivityDesc: 'Most recent activity',
  family: 'Family', members: 'Members', phase: 'Phase', coordinator: 'Coordinator', caseOpened: 'Case opened', lastActivity: 'Last activity', quietTooLong: 'quiet for over 6 weeks',
  next: 'Next', previous: 'Previous', pagination: 'Pagination', noFamilies: 'No families found.', noFamiliesYet: 'You are not on any case team yet. Register a family or ask a coordinator to add you.',
  registerFamily: 'Register family', youAreCoordinator: 'you are coordinator',
  familyPage: 'Family', network: 'Informal network', caseTitle: 'Case', team: 'Case team', timeline: 'Timeline',
  relation: 'Relation', name: 'Name', birthDate: 'Birth date', age: 'Age', years: 'years', bsn: 'BSN', address: 'Address', phone: 'Phone',
  organisation: 'Organisation', person: 'Professional', role: 'Role', legalBasis: 'Legal basis', since: 'Since', ended: 'Ended', actions: 'Actions',
  addMember: 'Add member', addNetwork: 'Add network member', addTeamMember: 'Add professional to case team', endMembership: 'End',
  fromDate: 'from', notStartedHint: 'no access to the family yet', startsOn: 'Start date', startsOnHint: 'Empty: today. Until this day the membership gives no access.',
  changeBasis: 'Change legal basis', newBasis: 'New legal basis',
  endReason: 'Reason for ending', transfer: 'Transfer coordination', transferTo: 'New coordinator', transferReason: 'Explanation (optional)',
  changePhase: 'Change phase', newPhase: 'New phase', closedReason: 'Reason for closing', save: 'Save', cancel: 'Cancel',
  openCase: 'Open new case', noCase: 'This family has no open case.', pastCases: 'Earlier cases', givenNames: 'Given names',
  prefix: 'Prefix', familyName: 'Family name', gender: 'Gender', street: 'Street', houseNumber: 'House number', postcode: 'Postcode', city: 'City',
  optional: '(optional)', bsnHint: '9 digits; checked with the 11-test',
  dateHint: 'Day-month-year, for example 12-03-2025.', dateInvalid: 'Enter a real date as day-month-year, for example 12-03-2025.',
  day: 'Day', month: 'Month', year: 'Year', birthDate_day: 'Enter a day from 1 to 31.', birthDate_month: 'Enter a month from 1 to 12.',
  birthDate_year: 'Enter the year in 4 digits.', birthDate_date: 'This date does not exist.',
  bsnNineDigits: 'A BSN has 9 digits.', bsnElfproef: 'This BSN fails the 11-test.', note: 'Note', choose: '— choose —',
  familyNameLabel: 'Family name', familyNameHint: 'Leave empty for "Gezin <family name>"', addAnother: 'Another member', remove: 'Remove',
  caseSection: 'Case and coordinator', coordinatorHint: 'Only professionals qualified as coordinator', register: 'Register',
  draftSaved: 'Draft saved automatically', draftRestored: 'Your unsent input has been restored.', discardDraft: 'Discard draft',
  saved: 'Saved', openExisting: 'Open the existing family', errorsTitle: 'Please check these fields',
  breakGlass: 'Emergency access', breakGlassIntro: 'Only for acute safety concerns. You get 60 minutes of access to one family whose case team you are not on. Your reason is recorded and reviewed by the privacy officer.',
  breakGlassBsn: "BSN of a family member", reason: 'Reason (at least 20 characters)', breakGlassButton: 'Open emergency access', breakGlassNotAllowed: 'Your organisation has no safety task; emergency access is not available.',
  breakGlassBanner: 'Emergency access active until {time}. Everything you view here is recorded and reviewed.', totpFirst: 'Link an authenticator app first to use emergency access.',
  auditLog: 'Audit log', reviews: 'Review emergency access', accessLog: 'Access per person', filter: 'Filter', from: 'From', to: 'Until',
  action: 'Action', outcome: 'Outcome', user: 'User', when: 'When', object: 'Object', flags: 'Flags', onBehalfOf: 'On behalf of',
  verify: 'Verify the chain', verifyOk: 'The audit chain is intact: {rows} rows checked.', verifyBroken: 'The audit chain is broken!',
  verifyCheckpoint: 'Compared with the signed checkpoints of {chains} chains ({seq} rows, since {at}), kept outside the database.',
  verifyPlace: 'chain {stripe}, row {seq}',
  verifyNoCheckpoint: 'There is no signed checkpoint yet: only the chain itself was checked.',
  justified: 'Justified', unjustified: 'Unjustified', reviewNote: 'Note', reviewOpen: 'To review', reviewDone: 'Reviewed', review: 'Review',
  findPerson: 'Find person by BSN', whoLooked: 'Who viewed or changed the data of {name}',
  sessionWarning_one: 'You will be logged out in 1 minute because of inactivity. Your input is kept.',
  sessionWarning_other: 'You will be logged out in {n} minutes because of inactivity. Your input is kept.', stayLoggedIn: 'Stay logged in',
  sessionExpired: 'Your session has expired. Log in again; what you were filling in stays.', loading: 'Loading…', language: 'Nederlands',
  agoDays_one: '{n} day ago', agoDays_other: '{n} days ago', agoToday: 'today', agoYesterday: 'yesterday', agoMonths_one: '{n} month ago', agoMonths_other: '{n} months ago', agoYears_one: '{n} year ago', agoYears_other: '{n} years ago', agoHours_one: '{n} hour ago', agoHours_other: '{n} hours ago',
  agoMinutes_one: '1 minute ago', agoMinutes_other: '{n} minutes ago', agoJustNow: 'just now',
  navTriage: 'Triage', subject: 'Person concerned', handOver: 'Hand over', navSignal: 'Report a signal', navRefIndex: 'Reference index', navHandovers: 'Handovers', navLeadTimes: 'Lead times', navMail: 'E-mail delivery', navInbox: 'Messages',
  notFound: 'Not found', edit: 'Edit', reloadKeep: 'Load the latest version (your input stays)', showAll: 'Show all {n} events', back: 'Back', home: 'Home',
};

export type Lang = 'nl' | 'en';
export type T = (key: Key | PluralBase<Key>, vars?: Record<string, string | number>) => string;

const LABELS: Record<Lang, Record<string, string>> = {
  nl: { ...EVENT_LABELS.nl.phase, ...EVENT_LABELS.nl.basis, ...EVENT_LABELS.nl.relation, basis_handover: EVENT_LABELS.nl.basis.handover,
    parent: 'ouder', child: 'kind', partner: 'partner', carer: 'verzorger', coordinator: 'regisseur', member: 'lid',
    female: 'vrouw', male: 'man', unknown: 'onbekend', create: 'aanmaken', read: 'inzien', update: 'wijzigen', delete: 'verwijderen', export: 'exporteren',
    allowed: 'toegestaan', denied: 'geweigerd', ...ORGANISATION_TYPE_LABELS.nl,
    professional: 'professional', team_lead: 'teamleider', privacy_officer: 'privacy officer', behavioural_scientist: 'gedragswetenschapper', functional_admin: 'functioneel beheerder', inspector: 'inspecteur',
    changed: 'regel gewijzigd', missing: 'regels ontbreken', inserted: 'regel ingevoegd', 'head-mismatch': 'ketenkop wijst naar een andere regel',
    truncated: 'einde van het log weggehaald', rewritten: 'keten herschreven sinds het controlepunt', 'checkpoint-invalid': 'controlepunt zonder geldige handtekening' },
  en: { ...EVENT_LABELS.en.phase, ...EVENT_LABELS.en.basis, ...EVENT_LABELS.en.relation, basis_handover: EVENT_LABELS.en.basis.handover,
    parent: 'parent', child: 'child', partner: 'partner', carer: 'carer', coordinator: 'coordinator', member: 'member',
    female: 'female', male: 'male', unknown: 'unknown', create: 'create', read: 'read', update: 'update', delete: 'delete', export: 'export',
    allowed: 'allowed', denied: 'denied', ...ORGANISATION_TYPE_LABELS.en,
    professional: 'professional', team_lead: 'team lead', privacy_officer: 'privacy officer', behavioural_scientist: 'behavioural scientist', functional_admin: 'functional admin', inspector: 'inspector',
    changed: 'row changed', missing: 'rows missing', inserted: 'row inserted', 'head-mismatch': 'chain head points at another row',
    truncated: 'end of the log removed', rewritten: 'chain rewritten since the checkpoint', 'checkpoint-invalid': 'checkpoint without a valid signature' },
};

interface I18n {
  lang: Lang; t: T; label: (v: string | null | undefined) => string;
  /** The user's own choice (the language button). */
  setLang: (l: Lang) => void;
  /** The account's language after a login: taken unless the user chose one on this visit (then that choice goes to the account). */
  adopt: (l: Lang) => void;
}
const Ctx = createContext<I18n | null>(null);

/**
 * Every interface text goes through i18next: plurals by the language's rules (Intl.PluralRules)
 * from `key_one` / `key_other`, chosen by `count` or, when not given, by `n`. Placeholders keep the
 * catalogues' `{name}` form (i18next's prefix and suffix set to one brace).
 */
const ui = i18next.createInstance();
void ui.init({
  lng: 'nl', fallbackLng: 'nl', supportedLngs: ['nl', 'en'], resources: { nl: { app: nl }, en: { app: en } }, ns: ['app'], defaultNS: 'app',
  keySeparator: false, nsSeparator: false, initAsync: false, returnNull: false,
  // React escapes what it renders.
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
});
type Vars = Record<string, string | number>;
function fixed(lang: Lang, ns: string) {
  const t = ui.getFixedT(lang, ns);
  return (key: string, vars?: Vars) => {
    const options: Vars = { ...vars };
    if (typeof options.n === 'number' && options.count === undefined) options.count = options.n;
    return String(t(key, options as never));
  };
}
/** The app catalogue's t for one language (also used by tests). */
export function translate(lang: Lang): T {
  return fixed(lang, 'app');
}

const CHOSEN = 'regie.langChosen';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('regie.lang') === 'en' ? 'en' : 'nl'));
  useEffect(() => { document.documentElement.lang = lang; localStorage.setItem('regie.lang', lang); }, [lang]);
  // A choice made in this browser tab (kept over a reload) wins over the account's language.
  const setLang = useCallback((l: Lang) => { sessionStorage.setItem(CHOSEN, l); setLangState(l); }, []);
  const adopt = useCallback((l: Lang) => { if (!sessionStorage.getItem(CHOSEN)) setLangState(l); }, []);
  const value: I18n = { lang, t: translate(lang), label: (v) => (v ? LABELS[lang][v] ?? v : ''), setLang, adopt };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}

/** Problem details in the user's language. */
export function problemText(lang: Lang, p: { detail: string; detailEn?: string }) {
  return lang === 'en' && p.detailEn ? p.detailEn : p.detail;
}

/**
 * A feature's own Dutch/English catalogue, so features add texts without editing this file.
 * Usage, with the catalogue a module-level constant: const t = useLocalT(TEXTS); t('markedAll', { n: 3 }).
 */
/** A key without its plural suffix: `t('markedAll', { n })` picks `markedAll_one` or `markedAll_other`. */
export type PluralBase<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
const bundles = new WeakMap<object, string>();
let localCount = 0;
export function useLocalT<K extends string>(dict: { nl: Record<K, string>; en: Record<K, string> }) {
  const { lang } = useI18n();
  let ns = bundles.get(dict);
  if (!ns) {
    ns = `local${++localCount}`;
    ui.addResourceBundle('nl', ns, dict.nl);
    ui.addResourceBundle('en', ns, dict.en);
    bundles.set(dict, ns);
  }
  return fixed(lang, ns) as (key: K | PluralBase<K>, vars?: Vars) => string;
}
