// Texts (and the API types, from the contracts) of the functional administrator's screens (Beheer): Dutch first, English second (useLocalT).
import type { ApiResponse } from '../../api.js';
export { LIBERATION_DAY_RULES, ORGANISATION_TYPES, ROLES, type LiberationDayRule as LiberationDay } from '@contract/shared/enums.js';

export type AccountPage = ApiResponse<'GET', '/api/v1/accounts'>;
export type Account = AccountPage['items'][number];
export type Organisation = ApiResponse<'GET', '/api/v1/organisations/:organisationId'>;
export type RegionSettings = ApiResponse<'GET', '/api/v1/region-settings'>;
export type Urgency = keyof RegionSettings['workingDays'];
export type AccessRules = ApiResponse<'GET', '/api/v1/access-rules'>;
export type Label = AccessRules['recordRules'][number];

/** Types whose professionals may break the glass by default; the administrator can change it per organisation. */
export const SAFETY_TYPES = ['veilig_thuis', 'police', 'child_protection_board', 'certified_institution'];

export const TEXTS = {
  nl: {
    navAdmin: 'Beheer', navSettings: 'Regio-instellingen', navOrganisations: 'Organisaties', navAccounts: 'Accounts', navAccessRules: 'Toegangsregels',
    homeTitle: 'Beheer', homeIntro: 'Als functioneel beheerder richt u Regie in voor de regio. U ziet hier geen gezinnen of dossiers.',
    homeSettings: 'Termijnen voor triage per urgentie, en welke organisatie de zorgen uit het online meldformulier ontvangt.',
    homeOrganisations: 'De organisaties die in de regio samenwerken, met hun soort en of ze een veiligheidstaak hebben.',
    homeAccounts: 'Accounts van professionals aanmaken, rollen wijzigen en accounts blokkeren.',
    homeAccessRules: 'Per rol wat die in Regie mag: zo leest u de toegangsregels zelf na.',
    // region settings
    holidaysTitle: 'Feestdagen in termijnen', holidaysIntro: 'Termijnen in werkdagen slaan weekenden en de nationale feestdagen over (Nieuwjaarsdag, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerst). Of 5 mei (Bevrijdingsdag) ook een vrije dag is, verschilt per cao; kies wat in uw regio geldt.',
    liberationDay: '5 mei (Bevrijdingsdag)', liberationDayHint: 'Geldt voor termijnen die na het opslaan beginnen.',
    lib_lustrum: 'Alleen in lustrumjaren (2025, 2030, …)', lib_always: 'Elk jaar een vrije dag', lib_never: 'Nooit een vrije dag',
    settingsTitle: 'Regio-instellingen', settingsIntro: 'Deze instellingen gelden voor nieuwe meldingen. De termijn van een melding die al binnen is, verandert niet.',
    normsTitle: 'Termijnen voor triage', normsIntro: 'Binnen hoeveel werkdagen na ontvangst een melding getrieerd moet zijn. 0 betekent: dezelfde werkdag. Feestdagen tellen niet mee.',
    acute: 'Acuut', high: 'Hoog', normal: 'Normaal', workingDays: 'werkdagen', rangeHint: 'Tussen 0 en {max} werkdagen.', orderHint: 'Acuut ≤ hoog ≤ normaal.',
    frontDoorTitle: 'Voordeur voor online meldingen', frontDoorIntro: 'Inwoners kunnen zonder account een zorg melden via het online meldformulier (/zorg-melden). Die meldingen komen in de triagelijst van de voordeur.',
    frontDoor: 'Voordeur', frontDoorHint: 'Alleen organisaties die meldingen triëren: gemeentelijk team, Veilig Thuis of jeugdhulp.', frontDoorNone: 'Geen voordeur: online meldformulier gesloten',
    formOpen: 'Het online meldformulier is open. Meldingen gaan naar {org}.', formClosed: 'Het online meldformulier is gesloten voor deze regio.',
    defaults: 'Er zijn nog geen instellingen opgeslagen; de standaardtermijnen gelden.',
    save: 'Opslaan', saved: 'Opgeslagen.', draftRestored: 'Uw niet-opgeslagen invoer is teruggezet.', discardDraft: 'Invoer weggooien',
    reloadKeep: 'Nieuwste versie laden (uw invoer blijft staan)', latestLoaded: 'De nieuwste versie is geladen: {values}. Wat u zelf had gewijzigd, staat er nog; de rest is bijgewerkt. Controleer het en sla opnieuw op.',
    closed: 'gesloten',
    // organisations
    orgsTitle: 'Organisaties', orgsIntro: 'De organisaties die in de regio samenwerken. Professionals van een organisatie met een veiligheidstaak mogen noodtoegang openen.',
    search: 'Zoeken', searchOrg: 'Zoek op naam', name: 'Naam', type: 'Soort', safetyTask: 'Veiligheidstaak', safetyTaskLabel: 'Deze organisatie heeft een veiligheidstaak',
    safetyTaskHint: 'Professionals van deze organisatie mogen dan noodtoegang openen (zoals Veilig Thuis, politie, de Raad en gecertificeerde instellingen).',
    yes: 'ja', no: 'nee', actions: 'Acties', edit: 'Wijzigen', editOrgLabel: '{name} wijzigen', cancel: 'Annuleren', noOrgs: 'Geen organisaties gevonden.',
    newOrg: 'Organisatie toevoegen', add: 'Toevoegen', orgCreated: '{name} is toegevoegd.', orgSaved: '{name} is opgeslagen.', editOrg: 'Organisatie wijzigen: {name}',
    next: 'Volgende', previous: 'Vorige',
    // accounts
    accountsTitle: 'Accounts', accountsIntro: 'Accounts van professionals in de regio. Een nieuw account krijgt een tijdelijk wachtwoord; bij de eerste keer inloggen koppelt de professional een authenticator-app.',
    searchAccount: 'Zoek op naam, gebruikersnaam of e-mail', organisation: 'Organisatie', allOrganisations: 'Alle organisaties', status: 'Status', allStatuses: 'Alle',
    active: 'Actief', inactive: 'Geblokkeerd', username: 'Gebruikersnaam', usernameHint: '3 tot 50 tekens: letters, cijfers, punt of streepje. Wordt in kleine letters opgeslagen.',
    displayName: 'Naam', displayNameHint: 'Zoals collega\'s de naam zien.', email: 'E-mailadres', emailHint: 'Voor berichten uit Regie.', optional: '(optioneel)', roles: 'Rollen',
    rolesHint: 'Kies minstens één rol. Wat elke rol mag, staat bij Toegangsregels.', authenticator: 'Authenticator-app', linked: 'gekoppeld', notLinked: 'nog niet gekoppeld', notRequired: 'niet verplicht',
    unreachableTitle: 'Niet bereikbaar per e-mail', unreachableNone: 'Alle actieve accounts hebben een e-mailadres.',
    unreachableIntro: '{n} actieve account(s) zonder e-mailadres. Zij krijgen berichten alleen in de inbox van Regie, niet per e-mail.',
    unreachableMailOff: 'E-mailberichten staan uit (geen SMTP-server ingesteld): niemand krijgt nu e-mail, ook wie wel een adres heeft.',
    emailRequiredHint: 'Verplicht: Regie stuurt berichten ook per e-mail.',
    lastSeen: 'Laatst actief', never: 'nooit', noAccounts: 'Geen accounts gevonden.', newAccount: 'Account aanmaken', create: 'Aanmaken',
    created: 'Account {username} is aangemaakt voor {name}.', initialPassword: 'Tijdelijk wachtwoord (wordt maar één keer getoond): ',
    initialPasswordHint: 'Geef dit wachtwoord persoonlijk of telefonisch door, nooit samen met de gebruikersnaam in één e-mail. Bij de eerste keer inloggen koppelt {name} een authenticator-app.',
    editAccount: 'Account wijzigen: {name}', editAccountLabel: 'Account van {name} wijzigen', addEmail: 'E-mailadres invullen', addEmailLabel: 'E-mailadres invullen voor {name}', accountSaved: 'Account van {name} is opgeslagen.',
    deactivate: 'Blokkeren', deactivateLabel: 'Account van {name} blokkeren', deactivateConfirm: 'Account van {name} blokkeren? Inloggen kan dan niet meer en open sessies eindigen direct.',
    deactivateYes: 'Ja, blokkeren', deactivated: 'Account van {name} is geblokkeerd; {n} open sessie(s) beëindigd.',
    reactivate: 'Vrijgeven', reactivateLabel: 'Account van {name} weer vrijgeven', reactivated: 'Account van {name} is weer vrijgegeven.', you: 'u',
    fourEyesHint: 'Teamleider, privacy officer en elke rol bij een organisatie met een veiligheidstaak geven toegang tot noodtoegang of het auditlog: een tweede functioneel beheerder keurt zo\'n wijziging goed. Uw eigen rollen wijzigt u niet.',
    proposed: 'De rolwijziging voor {name} wacht op goedkeuring door een tweede functioneel beheerder.',
    pending: 'Wacht op goedkeuring', pendingDetail: 'Voorgesteld door {by}: {roles}{activates}.', pendingActivates: ' (en vrijgeven)',
    approve: 'Goedkeuren', approveLabel: 'Rolwijziging van {name} goedkeuren', reject: 'Afwijzen', withdraw: 'Intrekken',
    approved: 'De rolwijziging van {name} is goedgekeurd en doorgevoerd; de privacy officer krijgt bericht.', rejectedNotice: 'De rolwijziging van {name} is niet doorgevoerd.',
    ownProposal: 'U heeft dit voorgesteld; een andere functioneel beheerder keurt het goed.',
    security: 'Inloggen', resetTotp: 'Authenticator-app resetten', resetTotpLabel: 'Authenticator-app van {name} resetten',
    totpReset: 'De authenticator-app van {name} is gereset; {n} sessie(s) beëindigd. Bij de volgende login koppelt {name} een nieuwe app. De privacy officer krijgt bericht.',
    resetPassword: 'Nieuw eenmalig wachtwoord', resetPasswordLabel: 'Nieuw eenmalig wachtwoord voor {name}',
    passwordReset: 'Nieuw eenmalig wachtwoord voor {name} (wordt maar één keer getoond): {password} — het werkt één keer; daarna kiest {name} een eigen wachtwoord. {n} sessie(s) beëindigd.',
    // access rules
    rulesTitle: 'Toegangsregels', rulesIntro: 'Per rol wat die in Regie mag. Dit overzicht komt rechtstreeks uit de rechtentabel die Regie bij elke handeling controleert.',
    rulesMay: 'Mag:', rulesNothing: 'Deze rol heeft geen rechten.', recordRules: 'Daarnaast geldt per gezin en per gegeven', matrix: 'Overzicht per recht',
    permission: 'Recht', allowed: 'mag', notAllowed: 'mag niet'
  },
  en: {
    navAdmin: 'Administration', navSettings: 'Region settings', navOrganisations: 'Organisations', navAccounts: 'Accounts', navAccessRules: 'Access rules',
    homeTitle: 'Administration', homeIntro: 'As functional administrator you set up Regie for the region. You see no families or cases here.',
    homeSettings: 'Triage norms per urgency, and which organisation receives the concerns from the public form.',
    homeOrganisations: 'The organisations that work together in the region, with their type and whether they have a safety task.',
    homeAccounts: 'Create accounts of professionals, change roles and deactivate accounts.',
    homeAccessRules: 'What each role may do in Regie: read the access rules yourself.',
    holidaysTitle: 'Public holidays in deadlines', holidaysIntro: 'Deadlines in working days skip weekends and the national public holidays (New Year, Easter, King\'s Day, Ascension, Whitsun, Christmas). Whether 5 May (Liberation Day) is a day off differs per collective agreement; choose what applies in your region.',
    liberationDay: '5 May (Liberation Day)', liberationDayHint: 'Applies to deadlines that start after saving.',
    lib_lustrum: 'Only in lustrum years (2025, 2030, …)', lib_always: 'A day off every year', lib_never: 'Never a day off',
    settingsTitle: 'Region settings', settingsIntro: 'These settings apply to new signals. The deadline of a signal that came in already does not change.',
    normsTitle: 'Triage norms', normsIntro: 'Within how many working days after receipt a signal must be triaged. 0 means: the same working day. Public holidays do not count.',
    acute: 'Acute', high: 'High', normal: 'Normal', workingDays: 'working days', rangeHint: 'Between 0 and {max} working days.', orderHint: 'Acute ≤ high ≤ normal.',
    frontDoorTitle: 'Front door for public concerns', frontDoorIntro: 'Residents can report a concern without an account on the public form (/zorg-melden). Those signals land in the front door\'s triage list.',
    frontDoor: 'Front door', frontDoorHint: 'Only organisations that triage signals: municipal team, Veilig Thuis or youth care.', frontDoorNone: 'No front door: public form closed',
    formOpen: 'The public form is open. Signals go to {org}.', formClosed: 'The public form is closed for this region.',
    defaults: 'No settings have been saved yet; the default norms apply.',
    save: 'Save', saved: 'Saved.', draftRestored: 'Your unsaved input has been restored.', discardDraft: 'Discard input',
    reloadKeep: 'Load the latest version (your input stays)', latestLoaded: 'The latest version is loaded: {values}. What you changed yourself is still there; the rest is updated. Check it and save again.',
    closed: 'closed',
    orgsTitle: 'Organisations', orgsIntro: 'The organisations that work together in the region. Professionals of an organisation with a safety task may open emergency access.',
    search: 'Search', searchOrg: 'Search by name', name: 'Name', type: 'Type', safetyTask: 'Safety task', safetyTaskLabel: 'This organisation has a safety task',
    safetyTaskHint: 'Its professionals may then open emergency access (like Veilig Thuis, the police, the Child Protection Board and certified institutions).',
    yes: 'yes', no: 'no', actions: 'Actions', edit: 'Edit', editOrgLabel: 'Edit {name}', cancel: 'Cancel', noOrgs: 'No organisations found.',
    newOrg: 'Add an organisation', add: 'Add', orgCreated: '{name} has been added.', orgSaved: '{name} has been saved.', editOrg: 'Edit organisation: {name}',
    next: 'Next', previous: 'Previous',
    accountsTitle: 'Accounts', accountsIntro: 'Accounts of professionals in the region. A new account gets a temporary password; at the first login the professional links an authenticator app.',
    searchAccount: 'Search by name, username or e-mail', organisation: 'Organisation', allOrganisations: 'All organisations', status: 'Status', allStatuses: 'All',
    active: 'Active', inactive: 'Deactivated', username: 'Username', usernameHint: '3 to 50 characters: letters, digits, dot or hyphen. Stored in lower case.',
    displayName: 'Name', displayNameHint: 'As colleagues see it.', email: 'E-mail address', emailHint: 'For messages from Regie.', optional: '(optional)', roles: 'Roles',
    rolesHint: 'Choose at least one role. What each role may do is listed under Access rules.', authenticator: 'Authenticator app', linked: 'linked', notLinked: 'not linked yet', notRequired: 'not required',
    unreachableTitle: 'Not reachable by e-mail', unreachableNone: 'Every active account has an e-mail address.',
    unreachableIntro: '{n} active account(s) without an e-mail address. They get notifications only in Regie\'s inbox, not by e-mail.',
    unreachableMailOff: 'E-mail notifications are off (no SMTP server configured): nobody gets e-mail now, not even those with an address.',
    emailRequiredHint: 'Required: Regie also sends notifications by e-mail.',
    lastSeen: 'Last active', never: 'never', noAccounts: 'No accounts found.', newAccount: 'Create an account', create: 'Create',
    created: 'Account {username} has been created for {name}.', initialPassword: 'Temporary password (shown only once): ',
    initialPasswordHint: 'Hand this password over in person or by phone, never in one e-mail with the username. At the first login {name} links an authenticator app.',
    editAccount: 'Edit account: {name}', editAccountLabel: 'Edit the account of {name}', addEmail: 'Add e-mail address', addEmailLabel: 'Add e-mail address for {name}', accountSaved: 'The account of {name} has been saved.',
    deactivate: 'Deactivate', deactivateLabel: 'Deactivate the account of {name}', deactivateConfirm: 'Deactivate the account of {name}? Logging in is then no longer possible and open sessions end at once.',
    deactivateYes: 'Yes, deactivate', deactivated: 'The account of {name} has been deactivated; {n} open session(s) ended.',
    reactivate: 'Reactivate', reactivateLabel: 'Reactivate the account of {name}', reactivated: 'The account of {name} has been reactivated.', you: 'you',
    fourEyesHint: 'Team lead, privacy officer and any role at an organisation with a safety task open emergency access or the audit log: a second functional administrator approves such a change. You do not change your own roles.',
    proposed: 'The role change of {name} waits for approval by a second functional administrator.',
    pending: 'Waiting for approval', pendingDetail: 'Proposed by {by}: {roles}{activates}.', pendingActivates: ' (and reactivate)',
    approve: 'Approve', approveLabel: 'Approve the role change of {name}', reject: 'Reject', withdraw: 'Withdraw',
    approved: 'The role change of {name} has been approved and applied; the privacy officer is notified.', rejectedNotice: 'The role change of {name} has not been applied.',
    ownProposal: 'You proposed this; another functional administrator approves it.',
    security: 'Login', resetTotp: 'Reset authenticator app', resetTotpLabel: 'Reset the authenticator app of {name}',
    totpReset: 'The authenticator app of {name} has been reset; {n} session(s) ended. At the next login {name} links a new app. The privacy officer is notified.',
    resetPassword: 'New one-time password', resetPasswordLabel: 'New one-time password for {name}',
    passwordReset: 'New one-time password for {name} (shown only once): {password} — it works once; then {name} chooses their own password. {n} session(s) ended.',
    rulesTitle: 'Access rules', rulesIntro: 'What each role may do in Regie. This overview comes straight from the permission table that Regie checks on every action.',
    rulesMay: 'May:', rulesNothing: 'This role has no permissions.', recordRules: 'In addition, per family and per record', matrix: 'Overview per permission',
    permission: 'Permission', allowed: 'may', notAllowed: 'may not'
  },
};
export type TextKey = keyof typeof TEXTS.nl;
