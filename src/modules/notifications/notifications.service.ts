// The inbox (own notifications, read and unread) and the functional admin's view of e-mail
// delivery. One actor transaction per use case. Only the language change is audited: notifications and the
// outbox hold no citizen data by design (see notify.ts), only the professional's own address.
import type { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { Conflict, DomainError } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import * as repo from './notifications.repo.js';
import { recordAccess } from '../../platform/audit/audit.js';
import type { MailDeliveryQuery, NotificationListQuery } from './notifications.contract.js';

const notFound = (what: 'notification' | 'mail') =>
  new DomainError(
    404,
    'not_found',
    { nl: 'Niet gevonden', en: 'Not found' },
    what === 'notification'
      ? { nl: 'Dit bericht bestaat niet of is niet aan u gericht.', en: 'This notification does not exist or is not addressed to you.' }
      : { nl: 'Deze e-mail bestaat niet in uw regio.', en: 'This e-mail does not exist in your region.' },
  );

/** A cursor is ours only if it holds a timestamp and a uuid; anything else is a 400, not a 500. */
const cursorOf = (cursor: string | undefined) => decodeCursor(cursor, 'timestamp');

export async function listInbox(db: Database, actor: Actor, q: z.infer<typeof NotificationListQuery>) {
  const limit = q.limit ?? 20;
  const after = cursorOf(q.cursor);
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await repo.inbox(tx, actor.regionId, actor.userId, { unreadOnly: q.unread === 'true', after, limit });
    return page(rows, sortValues, limit);
  });
}

export async function unreadCount(db: Database, actor: Actor) {
  return asActor(db, actor, async (tx) => ({ count: await repo.countUnread(tx, actor.regionId, actor.userId) }));
}

export async function markNotificationRead(db: Database, actor: Actor, notificationId: string) {
  return asActor(db, actor, async (tx) => {
    const item = await repo.markRead(tx, actor.regionId, actor.userId, notificationId);
    if (!item) throw notFound('notification');
    return item;
  });
}

export async function markAllNotificationsRead(db: Database, actor: Actor) {
  return asActor(db, actor, async (tx) => ({ count: await repo.markAllRead(tx, actor.regionId, actor.userId) }));
}

export async function listMailDeliveries(db: Database, actor: Actor, q: z.infer<typeof MailDeliveryQuery>, smtpConfigured: boolean) {
  const limit = q.limit ?? 50;
  const after = cursorOf(q.cursor);
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await repo.deliveries(tx, actor.regionId, { status: q.status, after, limit });
    return { ...page(rows, sortValues, limit), smtpConfigured };
  });
}

/** The admin's "try again": a failed (or still waiting) message is due at once, for one more attempt. */
export async function retryMailDelivery(db: Database, actor: Actor, mailDeliveryId: string) {
  return asActor(db, actor, async (tx) => {
    const retried = await repo.retryDelivery(tx, actor.regionId, mailDeliveryId);
    if (retried) return retried;
    const existing = await repo.findDelivery(tx, actor.regionId, mailDeliveryId);
    if (!existing) throw notFound('mail');
    throw new Conflict(
      'not_retryable',
      existing.status === 'sent'
        ? { nl: 'Deze e-mail is al verzonden.', en: 'This e-mail has been sent already.' }
        : { nl: 'Deze e-mail wordt op dit moment verzonden.', en: 'This e-mail is being sent right now.' },
      'status',
    );
  });
}

/** The language the actor's e-mails are written in (users.language, through regie.set_my_language: nothing else of the account). */
export async function setMailLanguage(db: Database, actor: Actor, language: 'nl' | 'en') {
  return asActor(db, actor, async (tx) => {
    await tx.query(`SELECT regie.set_my_language($1)`, [language]);
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'account',
      objectId: actor.userId,
      reason: `mail language: ${language}`,
    });
    return { language };
  });
}
