// Server-side sessions. The cookie holds "<region>.<secret>"; the database keeps only the
// SHA-256 of the secret, so a leaked table does not yield usable cookies.
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Tx } from '../db/db.js';
import type { Actor, Role } from '../access/actor.js';
import { authQuery, door } from './door.js';

export const SESSION_COOKIE = 'regie_sid';
export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface SessionRow {
  id: string;
  regionId: string;
  userId: string;
  csrfToken: string;
  secondFactorDone: boolean;
  pendingTotpSecret: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface LoadedSession {
  session: SessionRow;
  actor: Actor;
  totpEnrolled: boolean;
  totpRequired: boolean;
  username: string;
  /** The account's language (users.language): the interface opens in it after a login. */
  language: 'nl' | 'en';
  /** A one-time password was used: nothing but the password change until it is replaced. */
  passwordChangeRequired: boolean;
}

export async function createSession(
  tx: Pick<Tx, 'query'>,
  regionId: string,
  userId: string,
  secondFactorDone: boolean,
  meta: { ip?: string; userAgent?: string },
): Promise<{ cookie: string; csrfToken: string }> {
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.query(
    `INSERT INTO sessions (region_id, id, user_id, csrf_token, second_factor_done, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [regionId, digest(secret), userId, csrfToken, secondFactorDone, meta.ip ?? null, meta.userAgent ?? null],
  );
  return { cookie: `${regionId}.${secret}`, csrfToken };
}

function parseCookie(cookie: string | undefined): { regionId: string; id: string } | null {
  if (!cookie) return null;
  const dot = cookie.indexOf('.');
  if (dot < 1) return null;
  return { regionId: cookie.slice(0, dot), id: digest(cookie.slice(dot + 1)) };
}

/** Returns the live session or null; expired sessions are ended on the server. */
export async function loadSession(db: Database, cookie: string | undefined, now = new Date()): Promise<LoadedSession | null> {
  const key = parseCookie(cookie);
  if (!key) return null;
  const rows = await authQuery<Record<string, any>>(
    db,
    `SELECT s.region_id, s.id, s.user_id, s.csrf_token, s.second_factor_done, s.pending_totp_secret, s.created_at, s.last_seen_at,
            u.organisation_id, u.roles, u.display_name, u.username, u.active, u.totp_secret IS NOT NULL AS totp_enrolled, u.totp_required, u.password_change_required, u.language,
            o.type AS organisation_type, o.safety_task
       FROM sessions s JOIN users u ON u.region_id = s.region_id AND u.id = s.user_id
       JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
      WHERE s.region_id = $1 AND s.id = $2 AND s.ended_at IS NULL`,
    [key.regionId, key.id],
    { prepare: true },
  );
  const r = rows[0];
  if (!r) return null;
  const created = new Date(r.created_at);
  const lastSeen = new Date(r.last_seen_at);
  const idleExpired = now.getTime() - lastSeen.getTime() > IDLE_MINUTES * 60_000;
  const absoluteExpired = now.getTime() - created.getTime() > ABSOLUTE_HOURS * 3_600_000;
  if (idleExpired || absoluteExpired || !r.active) {
    await endSessionNow(db, cookie);
    return null;
  }
  return {
    session: {
      id: r.id,
      regionId: r.region_id,
      userId: r.user_id,
      csrfToken: r.csrf_token,
      secondFactorDone: r.second_factor_done,
      pendingTotpSecret: r.pending_totp_secret,
      createdAt: created,
      lastSeenAt: lastSeen,
    },
    actor: {
      regionId: r.region_id,
      userId: r.user_id,
      organisationId: r.organisation_id,
      organisationType: r.organisation_type,
      safetyTask: r.safety_task,
      roles: r.roles as Role[],
      displayName: r.display_name,
      sessionId: r.id,
    },
    totpEnrolled: r.totp_enrolled,
    totpRequired: r.totp_required,
    username: r.username,
    passwordChangeRequired: r.password_change_required,
    language: r.language === 'en' ? 'en' : 'nl',
  };
}

/** Sliding idle timeout: written at most every 30 seconds per session to spare the database. */
export async function touchSession(db: Database, s: SessionRow, now = new Date()) {
  if (now.getTime() - s.lastSeenAt.getTime() < 30_000) return;
  await authQuery(db, `UPDATE sessions SET last_seen_at = now() WHERE region_id = $1 AND id = $2`, [s.regionId, s.id]);
}

/** Ends the session of this cookie, inside a transaction of the authentication door. */
export async function endSession(tx: Tx, cookie: string | undefined) {
  const key = parseCookie(cookie);
  if (!key) return;
  await tx.query(`UPDATE sessions SET ended_at = now() WHERE region_id = $1 AND id = $2 AND ended_at IS NULL`, [key.regionId, key.id]);
}

/** Ends every other open session of the user (after a password or authenticator change). */
export async function endOtherSessions(tx: Tx, regionId: string, userId: string, keepId: string): Promise<number> {
  const rows = await tx.query(
    `UPDATE sessions SET ended_at = now() WHERE region_id = $1 AND user_id = $2 AND id <> $3 AND ended_at IS NULL RETURNING id`,
    [regionId, userId, keepId],
  );
  return rows.length;
}

/** Ends the session of this cookie now, in a transaction of its own. */
export function endSessionNow(db: Database, cookie: string | undefined) {
  return door(db, (tx) => endSession(tx, cookie));
}

export function expiresAt(s: SessionRow, now = new Date()): Date {
  const idle = Math.max(now.getTime(), s.lastSeenAt.getTime()) + IDLE_MINUTES * 60_000;
  const absolute = s.createdAt.getTime() + ABSOLUTE_HOURS * 3_600_000;
  return new Date(Math.min(idle, absolute));
}
