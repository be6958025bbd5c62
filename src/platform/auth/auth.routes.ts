import type { z } from 'zod';
import type { App } from '../http/app.js';
import { routesOf } from '../http/route.js';
import {
  changePassword,
  completeSecondFactor,
  confirmEnrolment,
  confirmReplacement,
  login,
  logout,
  sessionState,
  startEnrolment,
  startReplacement,
} from './auth.service.js';
import { endSessionNow, expiresAt, SESSION_COOKIE, IDLE_MINUTES } from './sessions.js';
import {
  CodeBody,
  Enrolment,
  LoginBody,
  LoginResult,
  PasswordBody,
  PasswordChanged,
  ReplacementBody,
  SessionInfo,
} from './auth.contract.js';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function authRoutes(app: App) {
  const r = routesOf(app, 'Sessie');
  const db = app.db;
  // Passwords and codes must not be guessable by trying.
  const loginLimit = { max: app.config.loginRateLimit, timeWindow: '1 minute' };
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) });
  const setCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.secureCookies,
      maxAge: 12 * 3600,
    });
  /** A login step that started a new session: its cookie is set, the answer says what comes next. */
  const started = (reply: FastifyReply, session: z.output<typeof LoginResult> & { cookie: string }) => {
    setCookie(reply, session.cookie);
    return { state: session.state, csrfToken: session.csrfToken };
  };

  r.post(
    '/api/v1/session',
    {
      summary: 'Inloggen met gebruikersnaam en wachtwoord',
      permission: 'public',
      body: LoginBody,
      ok: LoginResult,
      config: { rateLimit: loginLimit },
    },
    async (req, reply) => {
      // A new session at every login (rotation); any old one from this browser is ended first.
      await endSessionNow(db, req.cookies[SESSION_COOKIE]);
      const result = await login(db, req.body.username, req.body.password, meta(req));
      req.log.info({ event: 'login', state: result.state }, 'login');
      return started(reply, result);
    },
  );
  r.post(
    '/api/v1/session/second-factor',
    {
      summary: 'Tweede factor (TOTP) invullen',
      permission: 'session:partial',
      body: CodeBody,
      ok: LoginResult,
      config: { rateLimit: loginLimit },
    },
    async (req, reply) => started(reply, await completeSecondFactor(db, req.auth!, req.body.code, req.cookies[SESSION_COOKIE]!, meta(req))),
  );
  r.get(
    '/api/v1/session/totp-enrolment',
    { summary: 'Authenticator-app koppelen: geheim en QR-code', permission: 'session:partial', ok: Enrolment },
    (req) => startEnrolment(db, req.auth!),
  );
  r.post(
    '/api/v1/session/totp-enrolment',
    {
      summary: 'Authenticator-app koppelen: code bevestigen',
      permission: 'session:partial',
      body: CodeBody,
      ok: LoginResult,
      config: { rateLimit: loginLimit },
    },
    async (req, reply) => started(reply, await confirmEnrolment(db, req.auth!, req.body.code, req.cookies[SESSION_COOKIE]!, meta(req))),
  );
  r.get(
    '/api/v1/session/totp-replacement',
    { summary: 'Authenticator-app vervangen: nieuw geheim en QR-code (volledige sessie)', permission: 'session:self', ok: Enrolment },
    (req) => startReplacement(db, req.auth!),
  );

  r.post(
    '/api/v1/session/totp-replacement',
    {
      summary: 'Authenticator-app vervangen: een code van de huidige en een van de nieuwe app; andere sessies eindigen',
      permission: 'session:self',
      body: ReplacementBody,
      noContent: true,
      config: { rateLimit: loginLimit },
    },
    (req) => confirmReplacement(db, req.auth!, req.body, meta(req)),
  );

  r.put(
    '/api/v1/session/password',
    {
      summary: 'Eigen wachtwoord wijzigen (na een eenmalig wachtwoord verplicht); andere sessies eindigen',
      permission: 'session:self',
      body: PasswordBody,
      ok: PasswordChanged,
      config: { beforePasswordChange: true, rateLimit: loginLimit },
    },
    (req) => changePassword(db, req.auth!, req.body, meta(req)),
  );
  r.get('/api/v1/session', { summary: 'De huidige sessie en gebruiker', permission: 'session:partial', ok: SessionInfo }, (req) => {
    const a = req.auth!;
    return {
      state: sessionState({
        secondFactorDone: a.session.secondFactorDone,
        totpEnrolled: a.totpEnrolled,
        passwordChangeRequired: a.passwordChangeRequired,
      }),
      csrfToken: a.session.csrfToken,
      expiresAt: expiresAt({ ...a.session, lastSeenAt: new Date() }).toISOString(),
      idleMinutes: IDLE_MINUTES,
      user: {
        id: a.actor.userId,
        username: a.username,
        displayName: a.actor.displayName,
        roles: a.actor.roles,
        organisationId: a.actor.organisationId,
        organisationType: a.actor.organisationType,
        safetyTask: a.actor.safetyTask,
        regionId: a.actor.regionId,
        totpEnrolled: a.totpEnrolled,
        language: a.language,
      },
    };
  });

  r.delete(
    '/api/v1/session',
    { summary: 'Uitloggen (beëindigt de sessie op de server)', permission: 'session:partial', noContent: true },
    async (req, reply) => {
      await logout(db, req.auth, req.cookies[SESSION_COOKIE], meta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  );
}
