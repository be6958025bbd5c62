import { z } from 'zod';
import type { App } from '../http/app.js';
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
  const db = app.db;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) });
  const setCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.secureCookies,
      maxAge: 12 * 3600,
    });

  app.post(
    '/api/v1/session',
    {
      schema: { tags: ['Sessie'], summary: 'Inloggen met gebruikersnaam en wachtwoord', body: LoginBody, response: { 200: LoginResult } },
      config: { permission: 'public', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      // A new session at every login (rotation); any old one from this browser is ended first.
      await endSessionNow(db, req.cookies[SESSION_COOKIE]);
      const r = await login(db, req.body.username, req.body.password, meta(req));
      setCookie(reply, r.cookie);
      req.log.info({ event: 'login', state: r.state }, 'login');
      return { state: r.state, csrfToken: r.csrfToken };
    },
  );

  app.post(
    '/api/v1/session/second-factor',
    {
      schema: { tags: ['Sessie'], summary: 'Tweede factor (TOTP) invullen', body: CodeBody, response: { 200: LoginResult } },
      config: { permission: 'session:partial', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const r = await completeSecondFactor(db, req.auth!, req.body.code, req.cookies[SESSION_COOKIE]!, meta(req));
      setCookie(reply, r.cookie);
      return { state: r.state, csrfToken: r.csrfToken };
    },
  );

  app.get(
    '/api/v1/session/totp-enrolment',
    {
      schema: { tags: ['Sessie'], summary: 'Authenticator-app koppelen: geheim en QR-code', response: { 200: Enrolment } },
      config: { permission: 'session:partial' },
    },
    async (req) => startEnrolment(db, req.auth!),
  );

  app.post(
    '/api/v1/session/totp-enrolment',
    {
      schema: { tags: ['Sessie'], summary: 'Authenticator-app koppelen: code bevestigen', body: CodeBody, response: { 200: LoginResult } },
      config: { permission: 'session:partial', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const r = await confirmEnrolment(db, req.auth!, req.body.code, req.cookies[SESSION_COOKIE]!, meta(req));
      setCookie(reply, r.cookie);
      return { state: r.state, csrfToken: r.csrfToken };
    },
  );

  app.get(
    '/api/v1/session/totp-replacement',
    {
      schema: {
        tags: ['Sessie'],
        summary: 'Authenticator-app vervangen: nieuw geheim en QR-code (volledige sessie)',
        response: { 200: Enrolment },
      },
      config: { permission: 'session:self' },
    },
    async (req) => startReplacement(db, req.auth!),
  );

  app.post(
    '/api/v1/session/totp-replacement',
    {
      schema: {
        tags: ['Sessie'],
        summary: 'Authenticator-app vervangen: een code van de huidige en een van de nieuwe app; andere sessies eindigen',
        body: ReplacementBody,
        response: { 204: z.null() },
      },
      config: { permission: 'session:self', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      await confirmReplacement(db, req.auth!, req.body, meta(req));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/session/password',
    {
      schema: {
        tags: ['Sessie'],
        summary: 'Eigen wachtwoord wijzigen (na een eenmalig wachtwoord verplicht); andere sessies eindigen',
        body: PasswordBody,
        response: { 200: PasswordChanged },
      },
      config: {
        permission: 'session:self',
        beforePasswordChange: true,
        rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' },
      },
    },
    async (req) => changePassword(db, req.auth!, req.body, meta(req)),
  );

  app.get(
    '/api/v1/session',
    {
      schema: { tags: ['Sessie'], summary: 'De huidige sessie en gebruiker', response: { 200: SessionInfo } },
      config: { permission: 'session:partial' },
    },
    async (req) => {
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
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: { tags: ['Sessie'], summary: 'Uitloggen (beëindigt de sessie op de server)', response: { 204: z.null() } },
      config: { permission: 'session:partial' },
    },
    async (req, reply) => {
      await logout(db, req.auth, req.cookies[SESSION_COOKIE], meta(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
