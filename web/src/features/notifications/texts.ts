// Texts of the notification screens: Dutch first, English second (used with useLocalT).
import type { ApiResponse } from '../../api.js';

export type NotificationItem = ApiResponse<'GET', '/api/v1/notifications'>['items'][number];
export type MailDelivery = ApiResponse<'GET', '/api/v1/mail-deliveries'>['items'][number];
export type MailStatus = MailDelivery['status'];

/** Fired after marking read, so that the header's count follows at once. */
export const NOTIFICATIONS_CHANGED = 'regie:notifications-changed';
export const notificationsChanged = () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));

export const TEXTS = {
  nl: {
    inbox: 'Berichten',
    pages: 'Bladeren door berichten',
    badgeUnread: 'ongelezen',
    badgeSeparator: ', ',
    show: 'Tonen',
    showAll: 'Alle berichten',
    showUnread: 'Alleen ongelezen',
    markAll: 'Alles als gelezen markeren',
    markOne: 'Markeer als gelezen',
    markedAll_one: '1 bericht als gelezen gemarkeerd.',
    markedAll_other: '{n} berichten als gelezen gemarkeerd.',
    unread: 'Ongelezen',
    read: 'Gelezen',
    none: 'U heeft geen berichten.',
    noneUnread: 'U heeft geen ongelezen berichten.',
    intro:
      'Meldingen over uw werk in Regie, zoals een nieuwe overdracht of een verlopen termijn. U krijgt ze ook per e-mail, zonder persoonsgegevens.',
    mailTitle: 'E-mailverzending',
    mailIntro:
      'E-mails die Regie verstuurt bij berichten. Mislukt een verzending, dan probeert Regie het opnieuw na 1, 2, 4 … minuten (hoogstens een uur) en na 8 pogingen niet meer; u kunt het dan zelf opnieuw laten proberen.',
    noSmtp:
      'Er is geen SMTP-server ingesteld (SMTP_HOST). E-mails blijven wachten tot die is ingesteld; berichten in Regie zelf werken gewoon.',
    status: 'Status',
    allStatuses: 'Alle statussen',
    to: 'Ontvanger',
    subject: 'Onderwerp',
    attempts: 'Pogingen',
    lastError: 'Laatste fout',
    nextAttempt: 'Volgende poging',
    sentAt: 'Verzonden op',
    action: 'Actie',
    retry: 'Opnieuw proberen',
    retried: 'De e-mail aan {to} staat weer klaar om te verzenden.',
    noMail: 'Geen e-mails gevonden.',
    pending: 'wachtend',
    sending: 'bezig',
    sent: 'verzonden',
    failed: 'mislukt',
    now: 'zo snel mogelijk',
    kind_handover_received: 'Overdracht',
    kind_triage_overdue: 'Triage',
    kind_refindex_match: 'Verwijsindex',
    kind_escalation: 'Escalatie',
    notYetWritten: 'onderwerp volgt bij verzending, in de taal van de ontvanger',
  },
  en: {
    inbox: 'Messages',
    pages: 'Browse messages',
    badgeUnread: 'unread',
    badgeSeparator: ', ',
    show: 'Show',
    showAll: 'All messages',
    showUnread: 'Unread only',
    markAll: 'Mark all as read',
    markOne: 'Mark as read',
    markedAll_one: '1 message marked as read.',
    markedAll_other: '{n} messages marked as read.',
    unread: 'Unread',
    read: 'Read',
    none: 'You have no messages.',
    noneUnread: 'You have no unread messages.',
    intro:
      'Notifications about your work in Regie, such as a new handover or a missed deadline. You also get them by e-mail, without personal data.',
    mailTitle: 'E-mail delivery',
    mailIntro:
      'E-mails that Regie sends for notifications. When sending fails, Regie tries again after 1, 2, 4 … minutes (at most an hour) and stops after 8 attempts; you can then have it tried again.',
    noSmtp: 'No SMTP server is configured (SMTP_HOST). E-mails wait until one is; notifications inside Regie work as usual.',
    status: 'Status',
    allStatuses: 'All statuses',
    to: 'Recipient',
    subject: 'Subject',
    attempts: 'Attempts',
    lastError: 'Last error',
    nextAttempt: 'Next attempt',
    sentAt: 'Sent at',
    action: 'Action',
    retry: 'Try again',
    retried: 'The e-mail to {to} is ready to be sent again.',
    noMail: 'No e-mails found.',
    pending: 'waiting',
    sending: 'sending',
    sent: 'sent',
    failed: 'failed',
    now: 'as soon as possible',
    kind_handover_received: 'Handover',
    kind_triage_overdue: 'Triage',
    kind_refindex_match: 'Reference index',
    kind_escalation: 'Escalation',
    notYetWritten: "subject written when sent, in the recipient's language",
  },
};
export type TextKey = keyof typeof TEXTS.nl;
