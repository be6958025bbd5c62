// SQL of the e-mail sender. It has no actor and reads every region's outbox, through the
// `mail-outbox` system door (migration 0162: only the outbox's columns and its notifications'
// titles). The functional admin's view of the outbox is in notifications.repo.ts.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/db.js';
import { asSystem } from '../../platform/db/system-tx.js';

/** One statement through the sender's door. */
const sender = <T = Record<string, unknown>>(db: Database, sql: string, params: unknown[]) =>
  asSystem(db, 'mail-outbox', (tx) => tx.query<T>(sql, params));

export interface ClaimedMail {
  regionId: string;
  id: string;
  toAddress: string;
  subject: string;
  link: string;
  titleNl: string;
  titleEn: string;
  /** Including this one. */
  attempts: number;
  claimToken: string;
}

/**
 * Takes the next due message and leases it, in one statement: SKIP LOCKED lets concurrent
 * workers on PostgreSQL pass each other by, and status 'sending' keeps the next one away after
 * commit. A lease that ran out is never taken again (at most once: see mail.ts). The attempt is
 * counted now.
 */
export async function claimNextMail(db: Database, leaseSeconds: number): Promise<ClaimedMail | null> {
  const token = randomUUID();
  const rows = await sender<Record<string, any>>(db,
    `WITH next AS (
       SELECT region_id, id FROM mail_outbox
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
     UPDATE mail_outbox m
        SET status = 'sending', attempts = m.attempts + 1, claim_token = $1, claimed_until = now() + make_interval(secs => $2)
       FROM next
      WHERE m.region_id = next.region_id AND m.id = next.id
     RETURNING m.region_id, m.id, m.to_address, m.subject, m.link, m.attempts,
       (SELECT n.title_nl FROM notifications n WHERE n.region_id = m.region_id AND n.id = m.notification_id) AS title_nl,
       (SELECT n.title_en FROM notifications n WHERE n.region_id = m.region_id AND n.id = m.notification_id) AS title_en`,
    [token, leaseSeconds]);
  const r = rows[0];
  if (!r) return null;
  return { regionId: r.region_id, id: r.id, toAddress: r.to_address, subject: r.subject, link: r.link,
    titleNl: r.title_nl ?? '', titleEn: r.title_en ?? '', attempts: Number(r.attempts), claimToken: token };
}

/** Records the outcome only while the lease is ours: a worker whose lease ran out changes nothing. */
export async function markMailSent(db: Database, m: ClaimedMail): Promise<boolean> {
  const rows = await sender(db,
    `UPDATE mail_outbox SET status = 'sent', sent_at = now(), last_error = NULL, claim_token = NULL, claimed_until = NULL
      WHERE region_id = $1 AND id = $2 AND claim_token = $3 RETURNING id`, [m.regionId, m.id, m.claimToken]);
  return rows.length === 1;
}

export async function markMailFailed(db: Database, m: ClaimedMail, o: { error: string; giveUp: boolean; retryInSeconds: number }): Promise<boolean> {
  const rows = await sender(db,
    `UPDATE mail_outbox SET status = $4, last_error = $5, next_attempt_at = now() + make_interval(secs => $6),
            claim_token = NULL, claimed_until = NULL
      WHERE region_id = $1 AND id = $2 AND claim_token = $3 RETURNING id`,
    [m.regionId, m.id, m.claimToken, o.giveUp ? 'failed' : 'pending', o.error, o.retryInSeconds]);
  return rows.length === 1;
}

/**
 * Messages whose sender died mid-send (lease ran out, never marked): maybe delivered, so not
 * resent — 'failed' with a note, for the functional admin to decide. Returns how many.
 */
export async function markAbandonedSendsUncertain(db: Database, note: string): Promise<number> {
  const rows = await sender(db,
    `UPDATE mail_outbox SET status = 'failed', last_error = $1, claim_token = NULL, claimed_until = NULL
      WHERE status = 'sending' AND claimed_until < now() RETURNING id`, [note]);
  return rows.length;
}
