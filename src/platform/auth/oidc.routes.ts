// Login through the municipality's identity provider (OpenID Connect); see oidc.ts.
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http/app.js';
import { routesOf } from '../http/route.js';
import { DomainError } from '../http/errors.js';
import { Problem } from '../http/problem.js';
import { OidcConfig } from './auth.contract.js';
import { endSessionNow, SESSION_COOKIE } from './sessions.js';
import { finishOidcLogin, OIDC_COOKIE, OIDC_LOGIN_MINUTES, OidcProvider, startOidcLogin } from './oidc.js';

const OIDC_LABEL = 'Inloggen via uw organisatie';
// Loose: the provider may add OAuth parameters such as error_description (snake_case by RFC 6749),
// which we accept but do not document, as the NLGov rules want camelCase query keys.
const CallbackQuery = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
});
const Redirect = z.null().describe('Doorverwijzing (Location-header), zonder inhoud');

class OidcNotConfigured extends DomainError {
  constructor() {
    super(
      404,
      'oidc_not_configured',
      { nl: 'Niet gevonden', en: 'Not found' },
      { nl: 'Inloggen via een identity provider (OIDC) is niet ingesteld.', en: 'OIDC login is not configured.' },
    );
  }
}

export function oidcRoutes(app: App) {
  const db = app.db;
  const provider = app.config.oidc ? new OidcProvider(app.config.oidc) : null;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) });
  // Both cookies use sameSite 'lax': the callback is a top-level navigation coming from the
  // identity provider's site, and a 'strict' cookie is not sent on (or, for the session, not
  // used for the first request after) such a cross-site navigation. 'lax' still withholds them
  // from cross-site POSTs, subrequests and frames; mutating API calls also need the CSRF token.
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: app.config.secureCookies };
  const toLogin = (reply: FastifyReply, fout: string) => reply.redirect(`/login?fout=${fout}`, 302);

  routesOf(app, 'Sessie').get(
    '/api/v1/oidc/config',
    { summary: 'Is inloggen via de eigen organisatie (OIDC) mogelijk, en met welk opschrift', permission: 'public', ok: OidcConfig },
    () => ({ enabled: !!provider, label: OIDC_LABEL }),
  );

  app.get(
    '/api/v1/oidc/login',
    {
      schema: {
        tags: ['Sessie'],
        summary: 'Inloggen via de eigen organisatie starten (doorverwijzing naar de identity provider)',
        response: { 302: Redirect, 404: Problem },
      },
      config: { permission: 'public', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      if (!provider) throw new OidcNotConfigured();
      let started: { cookie: string; url: string };
      try {
        started = await startOidcLogin(db, provider);
      } catch (err) {
        // Usually the identity provider is unreachable; this is a browser navigation, so the login
        // screen explains it rather than a bare error document.
        req.log.error({ event: 'oidc_login', outcome: 'oidc-mislukt', err: { message: (err as Error).message } }, 'oidc discovery failed');
        return toLogin(reply, 'oidc-mislukt');
      }
      const { cookie, url } = started;
      reply.setCookie(OIDC_COOKIE, cookie, { ...cookieOptions, path: '/api/v1/oidc', maxAge: OIDC_LOGIN_MINUTES * 60 });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/v1/oidc/callback',
    {
      schema: {
        tags: ['Sessie'],
        summary: 'Terugkeer van de identity provider: sessie starten en doorverwijzen naar de app',
        querystring: CallbackQuery,
        response: { 302: Redirect, 404: Problem },
      },
      config: { permission: 'public', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      if (!provider) throw new OidcNotConfigured();
      reply.clearCookie(OIDC_COOKIE, { path: '/api/v1/oidc' });
      const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const r = await finishOidcLogin(db, provider, req.cookies[OIDC_COOKIE], search, meta(req));
      if (!r.ok) {
        req.log.warn({ event: 'oidc_login', outcome: r.failure, reason: r.reason }, 'oidc login refused');
        return toLogin(reply, r.failure);
      }
      // A new session at every login (rotation); any old one from this browser is ended.
      await endSessionNow(db, req.cookies[SESSION_COOKIE]);
      reply.setCookie(SESSION_COOKIE, r.cookie, { ...cookieOptions, path: '/', maxAge: 12 * 3600 });
      req.log.info({ event: 'oidc_login', outcome: 'active', userId: r.userId, linked: r.linked }, 'login');
      return reply.redirect('/', 302);
    },
  );
}
