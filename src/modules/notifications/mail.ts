// Sends the e-mail outbox over SMTP (nodemailer), from a background job — never in a request,
// so a slow mail server never slows Regie down. An e-mail holds no personal data: a neutral
// sentence, the notification's title (written without citizen data) and a link into Regie. It
// is written when it is sent, from the notification's kind and parameters, in the recipient's
// language (users.language, copied to the outbox when it was queued).
//
// Delivery is at most once per outbox row. A message is claimed (status 'sending', a lease), sent,
// then marked 'sent', each step its own short statement: holding a transaction open during the
// SMTP conversation would block PGlite's single connection for every user. If the sender dies
// between the claim and the mark (process killed, database gone at the wrong moment), nobody
// knows whether the SMTP server took the message. Such a row is never sent again by itself: when
// its lease runs out it becomes 'failed' with an "uncertain" note, and the functional admin
// (/beheer/e-mail) decides whether to send it again. A professional who gets a notification
// twice learns to ignore them; one who gets none still has the in-app inbox. (Before issue 9
// the lease ran out into a resend, and a crash sent one e-mail twice.)
import nodemailer from 'nodemailer';
import type { Config } from '../../config.js';
import type { Database } from '../../platform/db/db.js';
import type { Sweep } from '../../platform/jobs/sweep.js';
import { claimNextMail, markAbandonedSendsUncertain, markMailFailed, markMailSent, type ClaimedMail } from './mail-outbox.repo.js';
import { renderNotification, translator } from '../../shared/events/server-i18n.js';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

export interface MailSettings {
  /** Without an SMTP server, messages wait in the outbox (the admin screen says so). */
  smtp?: SmtpSettings;
  from: string;
  publicUrl: string;
  /** Per SMTP step (connect, greeting, each command). */
  timeoutMs?: number;
}

export function mailSettingsFrom(config: Config): MailSettings {
  return { smtp: config.smtp, from: config.mailFrom, publicUrl: config.publicUrl };
}

/** After this many attempts a message is 'failed' and waits for the functional admin. */
export const MAX_ATTEMPTS = 8;
/** 1, 2, 4, … minutes after the 1st, 2nd, 3rd … failed attempt, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 3600);
}
/** Longer than nodemailer can take for one message, so a live sender never loses its lease. */
const LEASE_SECONDS = 300;
/** A run stops taking new messages after this long, so it ends well before its job expires (runner.ts). */
const RUN_BUDGET_MS = 20_000;
/** What the admin reads for a message whose sender stopped mid-send (no addresses: no personal data). */
export const UNCERTAIN_NOTE =
  'Onzeker: de verzender stopte tijdens het versturen; dit bericht is mogelijk al afgeleverd en wordt niet vanzelf opnieuw verstuurd. ' +
  '/ Uncertain: the sender stopped while sending; it may have been delivered and is not resent automatically.';
export const MAIL_SWEEP_SECONDS = 10;

/** The absolute link; anything that is not a path inside Regie becomes the inbox. */
export function absoluteLink(publicUrl: string, link: string): string {
  const path = link.startsWith('/') && !link.startsWith('//') ? link : '/berichten';
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function composeMail(m: Pick<ClaimedMail, 'kind' | 'params' | 'link' | 'language'>, publicUrl: string) {
  const url = absoluteLink(publicUrl, m.link);
  const lang = m.language;
  const t = translator(lang);
  const title = renderNotification(lang, m);
  const subject = t('mail.subject', { title });
  const text = [t('mail.intro', { title }), '', t('mail.view', { url }), '', t('mail.noClientData')].join('\n');
  const html = `<!doctype html><html lang="${lang}"><body>
<p>${escapeHtml(t('mail.intro', { title: '\u0000' })).replace('\u0000', `<strong>${escapeHtml(title)}</strong>`)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(t('mail.viewLink'))}</a> ${escapeHtml(t('mail.afterLogin'))}.</p>
<p>${escapeHtml(t('mail.noClientData'))}</p>
</body></html>`;
  return { subject, text, html };
}

/** An SMTP error for the admin screen, without the addresses a server may quote back. */
export function describeError(err: unknown): string {
  const e = (err ?? {}) as { code?: string; responseCode?: number; message?: string };
  const message = String(e.message ?? err)
    .replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, '<adres>')
    .replace(/\s+/g, ' ')
    .trim();
  return [[e.code, e.responseCode].filter(Boolean).join(' '), message].filter(Boolean).join(': ').slice(0, 300);
}

/** Errors about this one message; any other error means the server is unreachable or refusing us. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE']);

export interface SendResult {
  sent: number;
  failed: number;
  skipped?: 'no_smtp';
}

/**
 * Sends what is due, one message at a time, at most `limit` per run. Stops at the first error
 * that is not about a single message (server down, login refused): the rest waits for the next
 * run rather than each waiting for its own time-out.
 */
export async function sendDueMails(
  db: Database,
  settings: MailSettings,
  o: { limit?: number; budgetMs?: number } = {},
): Promise<SendResult> {
  if (!settings.smtp) return { sent: 0, failed: 0, skipped: 'no_smtp' };
  await markAbandonedSendsUncertain(db, UNCERTAIN_NOTE);
  const stopAt = Date.now() + (o.budgetMs ?? RUN_BUDGET_MS);
  const { host, port, secure, user, pass } = settings.smtp;
  const timeout = settings.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure,
    auth: user ? { user, pass } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  });
  const result: SendResult = { sent: 0, failed: 0 };
  try {
    for (let i = 0; i < (o.limit ?? 100) && Date.now() < stopAt; i++) {
      const mail = await claimNextMail(db, LEASE_SECONDS);
      if (!mail) break;
      let subject = '';
      try {
        const composed = composeMail(mail, settings.publicUrl);
        subject = composed.subject;
        const { text, html } = composed;
        await transport.sendMail({
          from: settings.from,
          to: mail.toAddress,
          subject,
          text,
          html,
          messageId: `<${mail.id}@regie>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (err) {
        const giveUp = mail.attempts >= MAX_ATTEMPTS;
        await markMailFailed(db, mail, { error: describeError(err), giveUp, retryInSeconds: backoffSeconds(mail.attempts) });
        result.failed++;
        if (!MESSAGE_ERRORS.has((err as { code?: string }).code ?? '')) break;
        continue;
      }
      await markMailSent(db, mail, subject);
      result.sent++;
    }
  } finally {
    transport.close();
  }
  return result;
}

/** The e-mail sender as a background sweep (see src/platform/jobs/runner.ts). */
export function mailSweep(settings: MailSettings): Sweep {
  return {
    name: 'send-mail',
    everySeconds: MAIL_SWEEP_SECONDS,
    run: async (db) => {
      await sendDueMails(db, settings);
    },
  };
}
