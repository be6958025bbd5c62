// API schemas for the in-app inbox and the functional admin's view of e-mail delivery.
import { z } from 'zod';
import { Uuid } from '../../shared/contract/primitives.js';

const Cursor = z.string().max(500).optional();
const Limit = z.coerce.number().int().min(1).max(100).optional();

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  cursor: Cursor,
  limit: Limit,
});

export const Notification = z.object({
  id: z.string(),
  /** What it is about: a key of the notification catalogue (src/shared/events), rendered in the reader's language. */
  kind: z.string(),
  /** The parameters of the kind's title (names of organisations, signal references, numbers; no citizen data). */
  params: z.record(z.string(), z.unknown()),
  /** A path inside Regie, e.g. /overdrachten/<id>. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationList = z.object({ items: z.array(Notification), nextCursor: z.string().nullable() });
export const UnreadCount = z.object({ count: z.number().int() });
/** How many notifications a "mark all read" marked. */
export const MarkedCount = z.object({ count: z.number().int() });
export const NotificationParams = z.strictObject({ notificationId: Uuid });

export const MailStatus = z.enum(['pending', 'sending', 'sent', 'failed']);
export const MailDeliveryQuery = z.strictObject({ status: MailStatus.optional(), cursor: Cursor, limit: Limit });
export const MailDelivery = z.object({
  id: z.string(),
  toAddress: z.string(),
  /** The notification's kind: the admin's screen names it in the admin's language. */
  kind: z.string(),
  /** The subject as sent, in the recipient's language; null until the e-mail has been sent. */
  subject: z.string().nullable(),
  /** The recipient's language, in which the e-mail is written. */
  language: z.enum(['nl', 'en']),
  status: MailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** When the sender tries again (pending only). */
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const MailDeliveryList = z.object({
  items: z.array(MailDelivery),
  nextCursor: z.string().nullable(),
  /** False when no SMTP server is configured: messages then wait in the outbox. */
  smtpConfigured: z.boolean(),
});
export const MailDeliveryParams = z.strictObject({ mailDeliveryId: Uuid });

/** The language the professional's e-mails are written in (the web app sends it when they switch). */
export const MailLanguage = z.strictObject({ language: z.enum(['nl', 'en']) });
