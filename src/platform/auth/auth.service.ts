// Login with password and TOTP, enrolment of a second factor, logout.
import type { Database } from '../db/db.js';
import { TooMany, Unauthorized, Invalid } from '../http/errors.js';
import { verifyPassword } from './passwords.js';
import { createSession, endSession, type LoadedSession } from './sessions.js';
import { checkTotp, newTotpSecret, totpEnrolment } from './totp.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type LoginState = 'active' | 'totp_required' | 'enrolment_required';

const WRONG = new Unauthorized({ nl: 'Gebruikersnaam of wachtwoord klopt niet.', en: 'Wrong username or password.' }, 'wrong_credentials');

export async function login(db: Database, username: string, password: string, meta: { ip?: string; userAgent?: string }) {
  const rows = await db.query<{ region_id: string; id: string; password_hash: string | null; totp_secret: string | null;
    totp_required: boolean; failed_logins: number; locked: boolean; active: boolean }>(
    `SELECT region_id, id, password_hash, totp_secret, totp_required, failed_logins,
            coalesce(locked_until > now(), false) AS locked, active FROM users WHERE username = $1`, [username]);
  const u = rows[0];
  if (u?.locked) throw new TooMany({ nl: `Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over ${LOCKOUT_MINUTES} minuten opnieuw.`,
    en: `This account is locked for ${LOCKOUT_MINUTES} minutes after too many failed attempts.` });
  const ok = await verifyPassword(u?.password_hash, password);
  if (!u || !ok || !u.active) {
    if (u) await db.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $3 THEN now() + make_interval(mins => $4) ELSE locked_until END
        WHERE region_id = $1 AND id = $2`, [u.region_id, u.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES]);
    throw WRONG;
  }
  await db.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE region_id = $1 AND id = $2`, [u.region_id, u.id]);
  const state: LoginState = !u.totp_required ? 'active' : u.totp_secret ? 'totp_required' : 'enrolment_required';
  const s = await createSession(db, u.region_id, u.id, state === 'active', meta);
  return { state, ...s };
}

/** Second step: a valid code ends the half-session and starts a fresh one (rotation). */
export async function completeSecondFactor(db: Database, auth: LoadedSession, code: string, oldCookie: string, meta: { ip?: string; userAgent?: string }) {
  const rows = await db.query<{ totp_secret: string | null }>(`SELECT totp_secret FROM users WHERE region_id = $1 AND id = $2`, [auth.session.regionId, auth.session.userId]);
  const secret = rows[0]?.totp_secret;
  if (!secret || !(await checkTotp(secret, code))) throw new Invalid('wrong_code', 'code', { nl: 'De code klopt niet of is verlopen.', en: 'The code is wrong or expired.' });
  await endSession(db, oldCookie);
  return createSession(db, auth.session.regionId, auth.session.userId, true, meta);
}

export async function startEnrolment(db: Database, auth: LoadedSession) {
  const secret = auth.session.pendingTotpSecret ?? newTotpSecret();
  if (!auth.session.pendingTotpSecret)
    await db.query(`UPDATE sessions SET pending_totp_secret = $3 WHERE region_id = $1 AND id = $2`, [auth.session.regionId, auth.session.id, secret]);
  return totpEnrolment(secret, auth.username);
}

export async function confirmEnrolment(db: Database, auth: LoadedSession, code: string, oldCookie: string, meta: { ip?: string; userAgent?: string }) {
  const secret = auth.session.pendingTotpSecret;
  if (!secret) throw new Invalid('no_enrolment', 'code', { nl: 'Start eerst het koppelen van een authenticator-app.', en: 'Start enrolment first.' });
  if (!(await checkTotp(secret, code))) throw new Invalid('wrong_code', 'code', { nl: 'De code klopt niet of is verlopen.', en: 'The code is wrong or expired.' });
  await db.query(`UPDATE users SET totp_secret = $3 WHERE region_id = $1 AND id = $2`, [auth.session.regionId, auth.session.userId, secret]);
  await endSession(db, oldCookie);
  return createSession(db, auth.session.regionId, auth.session.userId, true, meta);
}

/** Re-checks the second factor for a sensitive step such as breaking the glass. */
export async function confirmTotp(db: Database, regionId: string, userId: string, code: string): Promise<boolean> {
  const rows = await db.query<{ totp_secret: string | null }>(`SELECT totp_secret FROM users WHERE region_id = $1 AND id = $2`, [regionId, userId]);
  return !!rows[0]?.totp_secret && checkTotp(rows[0].totp_secret, code);
}
