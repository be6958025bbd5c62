// Texts of the installation administrator's screen "Regio's" (Dutch first, English second).
export const TEXTS = {
  nl: {
    nav: "Regio's (installatie)",
    title: "Regio's van de installatie",
    intro:
      'Een nieuwe regio krijgt haar eerste organisatie en haar eerste functioneel beheerder, en verder niets: geen demogegevens. De triagetermijnen staan op de standaardwaarden; de beheerder van de regio past ze aan.',
    notAllowed:
      "Alleen een beheerder van de installatie kan regio's aanmaken. Dat recht geeft wie de server beheert, op de opdrachtregel: regie installation-admin add --username …",
    existing: "Bestaande regio's",
    code: 'Code',
    name: 'Naam',
    createdAt: 'Aangemaakt',
    newRegion: 'Nieuwe regio',
    regionCode: 'Regiocode',
    regionCodeHint: 'Kleine letters, cijfers of streepje, bijvoorbeeld "zeeuws-vlaanderen". Ligt daarna vast.',
    regionName: 'Naam van de regio',
    organisation: 'Eerste organisatie',
    organisationHint: 'Meestal het sociaal team of het team jeugd van de gemeente.',
    organisationType: 'Soort organisatie',
    adminName: 'Naam van de functioneel beheerder',
    adminUsername: 'Gebruikersnaam van de functioneel beheerder',
    adminUsernameHint: 'Uniek in de hele installatie.',
    adminEmail: 'E-mailadres van de functioneel beheerder (optioneel)',
    create: 'Regio aanmaken',
    created: 'Regio {name} ({id}) is aangemaakt, met {organisation} en functioneel beheerder {username}.',
    initialPassword: 'Eenmalig wachtwoord van {username} (wordt maar één keer getoond): ',
    initialPasswordHint:
      'Geef dit wachtwoord persoonlijk of telefonisch door, nooit samen met de gebruikersnaam in één e-mail. Bij de eerste keer inloggen kiest {name} een eigen wachtwoord en koppelt een authenticator-app.',
  },
  en: {
    nav: 'Regions (installation)',
    title: 'Regions of the installation',
    intro:
      "A new region gets its first organisation and its first functional administrator, and nothing else: no demo data. The triage norms start at their defaults; the region's administrator adjusts them.",
    notAllowed:
      'Only an administrator of the installation can create regions. Whoever runs the server gives that right on the command line: regie installation-admin add --username …',
    existing: 'Existing regions',
    code: 'Code',
    name: 'Name',
    createdAt: 'Created',
    newRegion: 'New region',
    regionCode: 'Region code',
    regionCodeHint: 'Lower-case letters, digits or hyphen, for example "zeeuws-vlaanderen". Cannot be changed later.',
    regionName: 'Name of the region',
    organisation: 'First organisation',
    organisationHint: "Usually the municipality's social team or youth team.",
    organisationType: 'Kind of organisation',
    adminName: 'Name of the functional administrator',
    adminUsername: 'Username of the functional administrator',
    adminUsernameHint: 'Unique in the whole installation.',
    adminEmail: 'E-mail address of the functional administrator (optional)',
    create: 'Create region',
    created: 'Region {name} ({id}) has been created, with {organisation} and functional administrator {username}.',
    initialPassword: 'One-time password of {username} (shown only once): ',
    initialPasswordHint:
      'Hand this password over in person or by phone, never in one e-mail with the username. At the first login {name} chooses their own password and links an authenticator app.',
  },
};
