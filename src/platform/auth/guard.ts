// The pre-handler that every /api route passes: session, second factor, CSRF, permission.
// The permission is named once, in the route's config, and snapshot-tested.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/db.js';
import { hasPermission, type Permission } from '../access/policy.js';
import { Forbidden, Unauthorized } from '../http/errors.js';
import { loadSession, touchSession, SESSION_COOKIE, type LoadedSession } from './sessions.js';
import type { Actor } from '../access/actor.js';

export type RouteAccess = 'public' | 'session:partial' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteAccess;
    /** false: a background poll (e.g. the unread count) that must not keep an idle session alive. */
    touchSession?: boolean;
    /** true: open while a one-time password still has to be replaced (the password change itself). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    auth: LoadedSession | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function guard(db: Database) {
  return async function checkAccess(req: FastifyRequest, _reply: FastifyReply) {
    const access = req.routeOptions.config.permission;
    // The web app's files and the API documentation are public; every /api route names its access.
    if (access === 'public' || !req.routeOptions.url?.startsWith('/api/')) return;
    const auth = await loadSession(db, req.cookies[SESSION_COOKIE]);
    if (!auth) throw new Unauthorized();
    req.auth = auth;
    if (MUTATING.has(req.method) && req.headers['x-csrf-token'] !== auth.session.csrfToken)
      throw new Forbidden({
        nl: 'Beveiligingscode (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.',
        en: 'Missing or wrong CSRF token. Reload the page.',
      });
    if (req.routeOptions.config.touchSession !== false) await touchSession(db, auth.session);
    if (access === 'session:partial') return;
    if (!auth.session.secondFactorDone)
      throw new Unauthorized(
        { nl: 'Vul eerst uw tweede factor (authenticatiecode) in.', en: 'Complete the second factor first.' },
        'second_factor_required',
      );
    // An initial or reset password works once: nothing opens before it has been replaced.
    if (auth.passwordChangeRequired && !req.routeOptions.config.beforePasswordChange)
      throw new Forbidden({ nl: 'Kies eerst een nieuw wachtwoord.', en: 'Choose a new password first.' }, 'password_change_required');
    req.actor = { ...auth.actor, ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) };
    if (!access || !hasPermission(req.actor, access)) throw new Forbidden();
  };
}
