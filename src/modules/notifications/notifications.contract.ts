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
  kind: z.string(),
  title: z.object({ nl: z.string(), en: z.string() }),
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
  subject: z.string(),
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
