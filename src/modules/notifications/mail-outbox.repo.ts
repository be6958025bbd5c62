// SQL of the e-mail sender. It has no actor and reads every region's outbox, through the
// `mail-outbox` system door (migration 0162: only the outbox's columns and its notifications'
// kinds and parameters). The functional admin's view of the outbox is in notifications.repo.ts.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/db.js';
import { asSystem } from '../../platform/db/system-tx.js';
import type { Language } from '../../shared/events/kinds.js';

/** One statement through the sender's door. */
const sender = <T = Record<string, unknown>>(db: Database, sql: string, params: unknown[]) =>
  asSystem(db, 'mail-outbox', (tx) => tx.query<T>(sql, params));

export interface ClaimedMail {
  regionId: string;
  id: string;
  toAddress: string;
  link: string;
  /** The notification's kind and parameters: the e-mail is written from them, in `language`. */
  kind: string;
  params: Record<string, unknown>;
  language: Language;
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
  const rows = await sender<Record<string, any>>(
    db,
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
     RETURNING m.region_id, m.id, m.to_address, m.link, m.attempts, m.kind, m.language,
       (SELECT n.params FROM notifications n WHERE n.region_id = m.region_id AND n.id = m.notification_id) AS params`,
    [token, leaseSeconds],
  );
  const r = rows[0];
  if (!r) return null;
  const params = (typeof r.params === 'string' ? JSON.parse(r.params) : r.params) ?? {};
  return {
    regionId: r.region_id,
    id: r.id,
    toAddress: r.to_address,
    link: r.link,
    kind: r.kind,
    params,
    language: r.language === 'en' ? 'en' : 'nl',
    attempts: Number(r.attempts),
    claimToken: token,
  };
}

/** Records the outcome (and the subject sent) only while the lease is ours: a worker whose lease ran out changes nothing. */
export async function markMailSent(db: Database, m: ClaimedMail, subject: string): Promise<boolean> {
  const rows = await sender(
    db,
    `UPDATE mail_outbox SET status = 'sent', sent_at = now(), last_error = NULL, claim_token = NULL, claimed_until = NULL, subject = $4
      WHERE region_id = $1 AND id = $2 AND claim_token = $3 RETURNING id`,
    [m.regionId, m.id, m.claimToken, subject],
  );
  return rows.length === 1;
}

export async function markMailFailed(
  db: Database,
  m: ClaimedMail,
  o: { error: string; giveUp: boolean; retryInSeconds: number },
): Promise<boolean> {
  const rows = await sender(
    db,
    `UPDATE mail_outbox SET status = $4, last_error = $5, next_attempt_at = now() + make_interval(secs => $6),
            claim_token = NULL, claimed_until = NULL
      WHERE region_id = $1 AND id = $2 AND claim_token = $3 RETURNING id`,
    [m.regionId, m.id, m.claimToken, o.giveUp ? 'failed' : 'pending', o.error, o.retryInSeconds],
  );
  return rows.length === 1;
}

/**
 * Messages whose sender died mid-send (lease ran out, never marked): maybe delivered, so not
 * resent — 'failed' with a note, for the functional admin to decide. Returns how many.
 */
export async function markAbandonedSendsUncertain(db: Database, note: string): Promise<number> {
  const rows = await sender(
    db,
    `UPDATE mail_outbox SET status = 'failed', last_error = $1, claim_token = NULL, claimed_until = NULL
      WHERE status = 'sending' AND claimed_until < now() RETURNING id`,
    [note],
  );
  return rows.length;
}
