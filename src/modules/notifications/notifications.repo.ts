// SQL for the inbox and for the admin's view of the outbox. Runs inside an actor's transaction:
// row-level security shows a professional only their own notifications, and the outbox only to
// the functional admin of the region (migrations/0030 and 0031).
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
import type { MailDelivery, Notification } from './notifications.contract.js';

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
/** Full-precision UTC text of a timestamp, so that a cursor loses no microseconds. */
const UTC_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

type Item = z.infer<typeof Notification>;
type Delivery = z.infer<typeof MailDelivery>;

const NOTIFICATION_COLUMNS = `id, kind, params, link, created_at, read_at, to_char(created_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS sort_value`;
const toItem = (r: Record<string, any>): Item => ({
  id: r.id,
  kind: r.kind,
  params: (typeof r.params === 'string' ? JSON.parse(r.params) : r.params) ?? {},
  link: r.link,
  createdAt: iso(r.created_at)!,
  readAt: iso(r.read_at),
});

/** The user's own notifications, newest first; keyset-paged on (created_at, id). */
export async function inbox(tx: Tx, regionId: string, userId: string, o: { unreadOnly: boolean; after?: [string, string]; limit: number }) {
  const rows = await tx.query<Record<string, any>>(
    `SELECT ${NOTIFICATION_COLUMNS} FROM notifications
      WHERE region_id = $1 AND user_id = $2 AND (NOT $3 OR read_at IS NULL)
        AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $6`,
    [regionId, userId, o.unreadOnly, o.after?.[0] ?? null, o.after?.[1] ?? null, o.limit + 1],
  );
  return { rows: rows.map(toItem), sortValues: rows.map((r) => String(r.sort_value)) };
}

export async function countUnread(tx: Tx, regionId: string, userId: string): Promise<number> {
  const rows = await tx.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM notifications WHERE region_id = $1 AND user_id = $2 AND read_at IS NULL`,
    [regionId, userId],
  );
  return Number(rows[0]?.count ?? 0);
}

/** Marks one read (keeping the first time it was read); null when it is not the user's. */
export async function markRead(tx: Tx, regionId: string, userId: string, id: string): Promise<Item | null> {
  const rows = await tx.query<Record<string, any>>(
    `UPDATE notifications SET read_at = coalesce(read_at, now())
      WHERE region_id = $1 AND user_id = $2 AND id = $3 RETURNING ${NOTIFICATION_COLUMNS}`,
    [regionId, userId, id],
  );
  return rows[0] ? toItem(rows[0]) : null;
}

export async function markAllRead(tx: Tx, regionId: string, userId: string): Promise<number> {
  const rows = await tx.query<{ count: number }>(
    `WITH marked AS (
       UPDATE notifications SET read_at = now() WHERE region_id = $1 AND user_id = $2 AND read_at IS NULL RETURNING 1)
     SELECT count(*)::int AS count FROM marked`,
    [regionId, userId],
  );
  return Number(rows[0]?.count ?? 0);
}

const DELIVERY_COLUMNS = `id, to_address, kind, subject, language, status, attempts, last_error, next_attempt_at, sent_at, created_at,
  to_char(created_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS sort_value`;
const toDelivery = (r: Record<string, any>): Delivery => ({
  id: r.id,
  toAddress: r.to_address,
  kind: r.kind,
  subject: r.subject ?? null,
  language: r.language,
  status: r.status,
  attempts: Number(r.attempts),
  lastError: r.last_error ?? null,
  nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  sentAt: iso(r.sent_at),
  createdAt: iso(r.created_at)!,
});

/** The region's outbox for the functional admin, newest first. */
export async function deliveries(tx: Tx, regionId: string, o: { status?: string; after?: [string, string]; limit: number }) {
  const rows = await tx.query<Record<string, any>>(
    `SELECT ${DELIVERY_COLUMNS} FROM mail_outbox
      WHERE region_id = $1 AND ($2::text IS NULL OR status = $2)
        AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $5`,
    [regionId, o.status ?? null, o.after?.[0] ?? null, o.after?.[1] ?? null, o.limit + 1],
  );
  return { rows: rows.map(toDelivery), sortValues: rows.map((r) => String(r.sort_value)) };
}

/** Puts a failed or waiting message back in the queue, due now; null when that is not possible. */
export async function retryDelivery(tx: Tx, regionId: string, id: string): Promise<Delivery | null> {
  const rows = await tx.query<Record<string, any>>(
    `UPDATE mail_outbox SET status = 'pending', next_attempt_at = now()
      WHERE region_id = $1 AND id = $2 AND status IN ('pending', 'failed') RETURNING ${DELIVERY_COLUMNS}`,
    [regionId, id],
  );
  return rows[0] ? toDelivery(rows[0]) : null;
}

export async function findDelivery(tx: Tx, regionId: string, id: string): Promise<Delivery | null> {
  const rows = await tx.query<Record<string, any>>(`SELECT ${DELIVERY_COLUMNS} FROM mail_outbox WHERE region_id = $1 AND id = $2`, [
    regionId,
    id,
  ]);
  return rows[0] ? toDelivery(rows[0]) : null;
}
