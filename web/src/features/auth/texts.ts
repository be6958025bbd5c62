// Texts of the own-account screens (password, authenticator app): Dutch first, English second (useLocalT).
export const TEXTS = {
  nl: {
    accountTitle: 'Mijn account',
    accountIntro: 'Uw wachtwoord en uw authenticator-app.',
    passwordTitle: 'Wachtwoord wijzigen',
    forcedTitle: 'Kies een eigen wachtwoord',
    forcedIntro:
      'U bent ingelogd met een eenmalig wachtwoord. Dat werkt maar één keer: kies nu een eigen wachtwoord voordat u verder gaat.',
    currentPassword: 'Huidig wachtwoord',
    newPassword: 'Nieuw wachtwoord',
    repeatPassword: 'Nieuw wachtwoord nog een keer',
    passwordHint:
      'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden. Niet uw gebruikersnaam en geen veelgebruikt wachtwoord.',
    mismatch: 'De twee nieuwe wachtwoorden zijn niet gelijk.',
    savePassword: 'Wachtwoord opslaan',
    passwordChanged: 'Uw wachtwoord is gewijzigd. Andere sessies van uw account zijn beëindigd.',
    replaceTitle: 'Authenticator-app vervangen',
    replaceIntro:
      'Bijvoorbeeld bij een nieuwe telefoon. Scan de QR-code met de nieuwe app en vul een code uit de huidige én een code uit de nieuwe app in.',
    replaceStart: 'Nieuwe app koppelen',
    secret: 'Of voer deze sleutel in:',
    currentCode: 'Code uit de huidige app (6 cijfers)',
    newCode: 'Code uit de nieuwe app (6 cijfers)',
    replaceConfirm: 'Vervangen',
    replaced: 'Uw authenticator-app is vervangen. Andere sessies van uw account zijn beëindigd.',
    lost: 'Bent u uw huidige app kwijt? Vraag de functioneel beheerder om die te resetten.',
  },
  en: {
    accountTitle: 'My account',
    accountIntro: 'Your password and your authenticator app.',
    passwordTitle: 'Change password',
    forcedTitle: 'Choose your own password',
    forcedIntro: 'You logged in with a one-time password. It works only once: choose your own password now before you continue.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    repeatPassword: 'New password again',
    passwordHint:
      'At least 12 characters. A sentence of a few words is strong and easy to remember. Not your username and not a common password.',
    mismatch: 'The two new passwords differ.',
    savePassword: 'Save password',
    passwordChanged: 'Your password has been changed. Other sessions of your account have ended.',
    replaceTitle: 'Replace the authenticator app',
    replaceIntro:
      'For instance with a new phone. Scan the QR code with the new app and enter a code from the current and one from the new app.',
    replaceStart: 'Link a new app',
    secret: 'Or enter this key:',
    currentCode: 'Code from the current app (6 digits)',
    newCode: 'Code from the new app (6 digits)',
    replaceConfirm: 'Replace',
    replaced: 'Your authenticator app has been replaced. Other sessions of your account have ended.',
    lost: 'Lost your current app? Ask the functional administrator to reset it.',
  },
};
