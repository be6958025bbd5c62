// Login with password and TOTP, enrolment and replacement of the authenticator, password change,
// logout. Every outcome that matters to a security officer is an audit row (recordSecurityEvent).
//
// Lockout design (ASVS 2.2.1). Failed passwords are counted per account AND source address
// (login_failures). From the 5th failure on, that address is locked for that account for 1, 2, 4,
// 8 and at most 15 minutes; a failure more than a day after the last starts the count anew. So
// an attacker is slowed down on every address they use, but cannot lock the real user out: the
// user's own address is a different pair. (Per-IP request limits and the argon2 cost bound the
// rest.) A locked pair gets the same 401 as a wrong password, after the same argon2 work against
// a dummy hash, so neither the answer nor its timing tells whether the username exists or is locked.
//
// Second-factor and step-up codes are counted per account, from any address: 5 wrong codes in
// a row end the half session and refuse codes for 15 minutes. Reaching that needs the password.
import type { Database } from '../db/db.js';
import { authQuery, door } from './door.js';
import { oneRow } from '../db/rows.js';
import { Conflict, Invalid, TooMany, Unauthorized } from '../http/errors.js';
import { recordSecurityEvent, type SecuritySubject } from '../audit/audit.js';
import type { Role } from '../access/actor.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { createSession, endOtherSessions, endSession, endSessionNow, type LoadedSession } from './sessions.js';
import { matchTotp, newTotpSecret, totpEnrolment } from './totp.js';
import { openTotpSecret, sealTotpSecret } from './totp-secrets.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES_CAP = 15;
export const MAX_WRONG_CODES = 5;
export const CODE_LOCK_MINUTES = 15;

export type LoginState = 'active' | 'totp_required' | 'enrolment_required' | 'password_change_required';
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

const WRONG = () =>
  new Unauthorized({ nl: 'Gebruikersnaam of wachtwoord klopt niet.', en: 'Wrong username or password.' }, 'wrong_credentials');
const WRONG_CODE = (field = 'code') =>
  new Invalid('wrong_code', field, { nl: 'De code klopt niet of is verlopen.', en: 'The code is wrong or expired.' });
const CODES_LOCKED = () =>
  new TooMany({
    nl: `Te vaak een verkeerde code. Probeer het over ${CODE_LOCK_MINUTES} minuten opnieuw.`,
    en: `Too many wrong codes. Try again in ${CODE_LOCK_MINUTES} minutes.`,
  });

const subjectOf = (auth: LoadedSession, meta: RequestMeta): SecuritySubject => ({
  regionId: auth.actor.regionId,
  userId: auth.actor.userId,
  organisationId: auth.actor.organisationId,
  roles: auth.actor.roles,
  ...meta,
});

/** The state a session is in: what the user must do before the application opens. */
export function sessionState(s: { secondFactorDone: boolean; totpEnrolled: boolean; passwordChangeRequired: boolean }): LoginState {
  if (!s.secondFactorDone) return s.totpEnrolled ? 'totp_required' : 'enrolment_required';
  return s.passwordChangeRequired ? 'password_change_required' : 'active';
}

export async function login(db: Database, username: string, password: string, meta: RequestMeta) {
  const ip = meta.ip ?? 'unknown';
  const rows = await authQuery<{
    region_id: string;
    id: string;
    organisation_id: string;
    roles: Role[];
    password_hash: string | null;
    enrolled: boolean;
    totp_required: boolean;
    active: boolean;
    password_change_required: boolean;
    locked: boolean;
  }>(
    db,
    `SELECT u.region_id, u.id, u.organisation_id, u.roles, u.password_hash, u.totp_secret IS NOT NULL AS enrolled, u.totp_required, u.active,
            u.password_change_required, coalesce(f.locked_until > now(), false) AS locked
       FROM users u LEFT JOIN login_failures f ON f.region_id = u.region_id AND f.user_id = u.id AND f.ip = $2
      WHERE u.username = $1`,
    [username, ip],
  );
  const u = rows[0];
  // One argon2 verification on every path; a dummy hash when there is nothing to check against.
  const ok = await verifyPassword(u && u.active && !u.locked ? u.password_hash : null, password);
  if (!u) throw WRONG();
  const who: SecuritySubject = { regionId: u.region_id, userId: u.id, organisationId: u.organisation_id, roles: u.roles, ...meta };
  if (!ok) {
    await door(db, async (tx) => {
      const why = u.locked ? 'locked for this address' : !u.active ? 'inactive account' : 'wrong password';
      await recordSecurityEvent(tx, who, { action: 'create', objectType: 'session', outcome: 'denied', reason: `login refused: ${why}` });
      if (u.locked || !u.active) return;
      const f = oneRow(
        await tx.query<{ failures: number }>(
          `INSERT INTO login_failures AS f (region_id, user_id, ip, failures, last_failure_at) VALUES ($1, $2, $3, 1, now())
         ON CONFLICT (region_id, user_id, ip) DO UPDATE
           SET failures = CASE WHEN f.last_failure_at < now() - interval '1 day' THEN 1 ELSE f.failures + 1 END, last_failure_at = now()
         RETURNING failures`,
          [u.region_id, u.id, ip],
        ),
        'login failure count',
      );
      if (f.failures < MAX_FAILED_LOGINS) return;
      const minutes = Math.min(LOCKOUT_MINUTES_CAP, 2 ** (f.failures - MAX_FAILED_LOGINS));
      await tx.query(
        `UPDATE login_failures SET locked_until = now() + make_interval(mins => $4) WHERE region_id = $1 AND user_id = $2 AND ip = $3`,
        [u.region_id, u.id, ip, minutes],
      );
      await recordSecurityEvent(tx, who, {
        action: 'update',
        objectType: 'account',
        objectId: u.id,
        outcome: 'denied',
        reason: `login locked for this address for ${minutes} min after ${f.failures} failures`,
      });
    });
    throw WRONG();
  }
  const state = sessionState({
    secondFactorDone: !u.totp_required,
    totpEnrolled: u.enrolled,
    passwordChangeRequired: u.password_change_required,
  });
  return door(db, async (tx) => {
    // This address's count only: the user's success does not lift a lock on an attacker's address.
    await tx.query(`DELETE FROM login_failures WHERE region_id = $1 AND user_id = $2 AND ip = $3`, [u.region_id, u.id, ip]);
    // A one-time password works once: from here on only this session can replace it.
    if (u.password_change_required)
      await tx.query(`UPDATE users SET password_hash = NULL WHERE region_id = $1 AND id = $2`, [u.region_id, u.id]);
    await recordSecurityEvent(tx, who, {
      action: 'create',
      objectType: 'session',
      reason: `login: password accepted${u.password_change_required ? ' (one-time password, now used)' : ''}; next: ${state}`,
    });
    const s = await createSession(tx, u.region_id, u.id, !u.totp_required, meta);
    return { state, ...s };
  });
}

/**
 * Checks a second-factor or step-up code of an enrolled account: each time step once (replay),
 * and 5 wrong codes in a row refuse codes for a while. Throws; returns the accepted step.
 */
async function useCode(
  db: Database,
  who: SecuritySubject,
  code: string,
  purpose: 'second factor' | 'step-up' | 'current code',
  field: string,
) {
  const [u] = await authQuery<{ totp_secret: string | null; totp_last_step: string | null; locked: boolean }>(
    db,
    `SELECT totp_secret, totp_last_step::text, coalesce(totp_locked_until > now(), false) AS locked FROM users WHERE region_id = $1 AND id = $2`,
    [who.regionId, who.userId],
  );
  const secret = openTotpSecret(u?.totp_secret, who.regionId, who.userId);
  if (!u || !secret) throw WRONG_CODE(field);
  if (u.locked) {
    await door(db, (tx) =>
      recordSecurityEvent(tx, who, {
        action: 'read',
        objectType: 'authenticator',
        objectId: who.userId,
        outcome: 'denied',
        reason: `${purpose} refused: too many wrong codes`,
      }),
    );
    throw CODES_LOCKED();
  }
  const step = await matchTotp(secret, code, u.totp_last_step === null ? null : Number(u.totp_last_step));
  // The step is taken in the same statement that checks it, so two requests cannot both use it.
  const taken =
    step !== null &&
    (
      await authQuery(
        db,
        `UPDATE users SET totp_last_step = $3, totp_failures = 0, totp_locked_until = NULL
      WHERE region_id = $1 AND id = $2 AND (totp_last_step IS NULL OR totp_last_step < $3) RETURNING id`,
        [who.regionId, who.userId, step],
      )
    ).length > 0;
  if (taken) return step;
  const lockedNow = await door(db, async (tx) => {
    const f = oneRow(
      await tx.query<{ totp_failures: number }>(
        `UPDATE users SET totp_failures = totp_failures + 1,
              totp_locked_until = CASE WHEN totp_failures + 1 >= $3 THEN now() + make_interval(mins => $4) ELSE totp_locked_until END
        WHERE region_id = $1 AND id = $2 RETURNING totp_failures`,
        [who.regionId, who.userId, MAX_WRONG_CODES, CODE_LOCK_MINUTES],
      ),
      'user',
    );
    const locked = f.totp_failures >= MAX_WRONG_CODES;
    await recordSecurityEvent(tx, who, {
      action: 'read',
      objectType: 'authenticator',
      objectId: who.userId,
      outcome: 'denied',
      reason: `${purpose}: wrong or already used code (${f.totp_failures} in a row)${locked ? `; codes refused for ${CODE_LOCK_MINUTES} min` : ''}`,
    });
    return locked;
  });
  if (lockedNow) throw CODES_LOCKED();
  throw WRONG_CODE(field);
}

/** Second step: a valid code ends the half-session and starts a fresh one (rotation). */
export async function completeSecondFactor(db: Database, auth: LoadedSession, code: string, oldCookie: string, meta: RequestMeta) {
  const who = subjectOf(auth, meta);
  try {
    await useCode(db, who, code, 'second factor', 'code');
  } catch (e) {
    // Too many wrong codes: this half session is over; a new login starts a new one.
    if (e instanceof TooMany) await endSessionNow(db, oldCookie);
    throw e;
  }
  return door(db, async (tx) => {
    await endSession(tx, oldCookie);
    await recordSecurityEvent(tx, who, { action: 'create', objectType: 'session', reason: 'login: second factor accepted' });
    const s = await createSession(tx, auth.session.regionId, auth.session.userId, true, meta);
    return {
      state: sessionState({ secondFactorDone: true, totpEnrolled: true, passwordChangeRequired: auth.passwordChangeRequired }),
      ...s,
    };
  });
}

const ALREADY_ENROLLED = () =>
  new Conflict('totp_already_enrolled', {
    nl: 'Dit account heeft al een authenticator-app. Vervangen kan na inloggen met een code van de huidige app, of via de functioneel beheerder.',
    en: 'This account has an authenticator app already. Replace it after logging in, with a code from the current app, or ask the functional administrator.',
  });

/** A new secret, kept (encrypted) on the session until a code confirms it. */
async function pendingSecret(db: Database, auth: LoadedSession) {
  const { regionId, userId } = auth.session;
  let secret = openTotpSecret(auth.session.pendingTotpSecret, regionId, userId);
  if (!secret) {
    secret = newTotpSecret();
    await authQuery(db, `UPDATE sessions SET pending_totp_secret = $3 WHERE region_id = $1 AND id = $2`, [
      regionId,
      auth.session.id,
      sealTotpSecret(secret, regionId, userId),
    ]);
  }
  return secret;
}

/** Enrolment is for an account without an authenticator only (also in a half session). */
export async function startEnrolment(db: Database, auth: LoadedSession) {
  if (auth.totpEnrolled) throw ALREADY_ENROLLED();
  return totpEnrolment(await pendingSecret(db, auth), auth.username);
}

export async function confirmEnrolment(db: Database, auth: LoadedSession, code: string, oldCookie: string, meta: RequestMeta) {
  if (auth.totpEnrolled) throw ALREADY_ENROLLED();
  const { regionId, userId } = auth.session;
  const secret = openTotpSecret(auth.session.pendingTotpSecret, regionId, userId);
  if (!secret)
    throw new Invalid('no_enrolment', 'code', { nl: 'Start eerst het koppelen van een authenticator-app.', en: 'Start enrolment first.' });
  const step = await matchTotp(secret, code);
  if (step === null) throw WRONG_CODE();
  return door(db, async (tx) => {
    // Only while the account has none: a race with another enrolment cannot replace one.
    const set = await tx.query(
      `UPDATE users SET totp_secret = $3, totp_last_step = $4, totp_failures = 0, totp_locked_until = NULL
      WHERE region_id = $1 AND id = $2 AND totp_secret IS NULL RETURNING id`,
      [regionId, userId, sealTotpSecret(secret, regionId, userId), step],
    );
    if (!set.length) throw ALREADY_ENROLLED();
    await endSession(tx, oldCookie);
    await recordSecurityEvent(tx, subjectOf(auth, meta), {
      action: 'create',
      objectType: 'authenticator',
      objectId: userId,
      reason: 'authenticator app linked',
    });
    const s = await createSession(tx, regionId, userId, true, meta);
    return {
      state: sessionState({ secondFactorDone: true, totpEnrolled: true, passwordChangeRequired: auth.passwordChangeRequired }),
      ...s,
    };
  });
}

/** Replacing the authenticator: a full session, a code of the current app and one of the new. */
export async function startReplacement(db: Database, auth: LoadedSession) {
  if (!auth.totpEnrolled)
    throw new Conflict('totp_not_enrolled', {
      nl: 'Dit account heeft nog geen authenticator-app.',
      en: 'This account has no authenticator app yet.',
    });
  return totpEnrolment(await pendingSecret(db, auth), auth.username);
}

export async function confirmReplacement(
  db: Database,
  auth: LoadedSession,
  body: { currentCode: string; code: string },
  meta: RequestMeta,
) {
  const { regionId, userId } = auth.session;
  const secret = openTotpSecret(auth.session.pendingTotpSecret, regionId, userId);
  if (!secret || !auth.totpEnrolled)
    throw new Invalid('no_enrolment', 'code', {
      nl: 'Start eerst het vervangen van de authenticator-app.',
      en: 'Start the replacement first.',
    });
  const who = subjectOf(auth, meta);
  const newStep = await matchTotp(secret, body.code);
  if (newStep === null) throw WRONG_CODE('code');
  const oldStep = await useCode(db, who, body.currentCode, 'current code', 'currentCode');
  return door(db, async (tx) => {
    await tx.query(`UPDATE users SET totp_secret = $3, totp_last_step = $4 WHERE region_id = $1 AND id = $2`, [
      regionId,
      userId,
      sealTotpSecret(secret, regionId, userId),
      Math.max(oldStep, newStep),
    ]);
    await tx.query(`UPDATE sessions SET pending_totp_secret = NULL WHERE region_id = $1 AND id = $2`, [regionId, auth.session.id]);
    const ended = await endOtherSessions(tx, regionId, userId, auth.session.id);
    await recordSecurityEvent(tx, who, {
      action: 'update',
      objectType: 'authenticator',
      objectId: userId,
      reason: `authenticator app replaced by the user; ${ended} other session(s) ended`,
    });
  });
}

/** Re-checks the second factor for a sensitive step such as breaking the glass (replay-safe, counted). */
export async function confirmTotp(db: Database, regionId: string, userId: string, code: string, meta: RequestMeta = {}): Promise<boolean> {
  const [u] = await authQuery<{ organisation_id: string; roles: Role[] }>(
    db,
    `SELECT organisation_id, roles FROM users WHERE region_id = $1 AND id = $2`,
    [regionId, userId],
  );
  if (!u) return false;
  try {
    await useCode(db, { regionId, userId, organisationId: u.organisation_id, roles: u.roles, ...meta }, code, 'step-up', 'totpCode');
    return true;
  } catch (e) {
    if (e instanceof TooMany) throw e;
    return false;
  }
}

/** Whether the account has an authenticator app (the application role may not even see whether it is set). */
export async function hasAuthenticator(db: Database, regionId: string, userId: string): Promise<boolean> {
  const rows = await authQuery<{ enrolled: boolean }>(
    db,
    `SELECT totp_secret IS NOT NULL AS enrolled FROM users WHERE region_id = $1 AND id = $2`,
    [regionId, userId],
  );
  return !!rows[0]?.enrolled;
}

/**
 * A new password. After a one-time password (already used up at login) the session is the
 * proof; otherwise the current password is asked again. Other sessions of the user end.
 */
export async function changePassword(
  db: Database,
  auth: LoadedSession,
  body: { currentPassword?: string; newPassword: string },
  meta: RequestMeta,
) {
  const { regionId, userId } = auth.session;
  const u = oneRow(
    await authQuery<{ password_hash: string | null; password_change_required: boolean }>(
      db,
      `SELECT password_hash, password_change_required FROM users WHERE region_id = $1 AND id = $2`,
      [regionId, userId],
    ),
    'user',
  );
  const who = subjectOf(auth, meta);
  if (!u.password_change_required) {
    if (!body.currentPassword || !(await verifyPassword(u.password_hash, body.currentPassword))) {
      await door(db, (tx) =>
        recordSecurityEvent(tx, who, {
          action: 'update',
          objectType: 'password',
          objectId: userId,
          outcome: 'denied',
          reason: 'password change refused: wrong current password',
        }),
      );
      throw new Invalid('wrong_password', 'currentPassword', {
        nl: 'Het huidige wachtwoord klopt niet.',
        en: 'The current password is wrong.',
      });
    }
  }
  const problem = passwordProblem(body.newPassword, auth.username);
  if (problem) throw new Invalid('weak_password', 'newPassword', problem);
  const hash = await hashPassword(body.newPassword);
  return door(db, async (tx) => {
    await tx.query(`UPDATE users SET password_hash = $3, password_change_required = false WHERE region_id = $1 AND id = $2`, [
      regionId,
      userId,
      hash,
    ]);
    const ended = await endOtherSessions(tx, regionId, userId, auth.session.id);
    await recordSecurityEvent(tx, who, {
      action: 'update',
      objectType: 'password',
      objectId: userId,
      reason: `password changed by the user${u.password_change_required ? ' (replacing a one-time password)' : ''}; ${ended} other session(s) ended`,
    });
    return {
      state: sessionState({
        secondFactorDone: auth.session.secondFactorDone,
        totpEnrolled: auth.totpEnrolled,
        passwordChangeRequired: false,
      }),
    };
  });
}

export async function logout(db: Database, auth: LoadedSession | null, cookie: string | undefined, meta: RequestMeta) {
  await door(db, async (tx) => {
    await endSession(tx, cookie);
    if (auth) await recordSecurityEvent(tx, subjectOf(auth, meta), { action: 'delete', objectType: 'session', reason: 'logout' });
  });
}
