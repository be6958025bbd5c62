// Fastify setup: zod schemas in and out, OpenAPI at /docs, problem+json errors, API-Version
// header, security headers, the access guard on every route, metrics, health and the web app.
import pino from 'pino';
import Fastify, {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyInstance,
  type RawServerDefault,
  type FastifyBaseLogger,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import staticFiles from '@fastify/static';
import {
  serializerCompiler,
  validatorCompiler,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/db.js';
import type { Config } from '../../config.js';
import { guard } from '../auth/guard.js';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { toProblem, sendProblem, problemForClientError, notFoundProblem, methodNotAllowedProblem, errorForLog } from './problem.js';
import { refuseUnsafeInput } from './input.js';
import { auditRefusals } from '../audit/refusals.js';
import { nlgovConventions, API_VERSION } from './openapi.js';
import { metricsPlugin } from './metrics.js';
import { migrationFiles } from '../db/migrate.js';
import { Unavailable } from './errors.js';
import { overloadPlugin } from './overload.js';
import { idempotencyPlugin } from './idempotency.js';
import { webDist } from '../paths.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider> & {
  db: Database;
  config: Config;
  /** True while src/server.ts is still starting (waiting for the database, migrating, seeding): /readyz says 503. */
  starting: boolean;
};

export { webDist };

/** Bodies of routes that run without a full session (login, second factor, public form token). */
export const PUBLIC_BODY_LIMIT = 16 * 1024;

/**
 * No inline script anywhere: the web app and Swagger UI load their scripts from files. Styles may
 * be inline (components set style attributes); images may be data: URLs (the enrolment QR code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** No personal data in logs: no bodies, no URLs (they hold search terms and ids), only the route pattern. */
export function loggerOptions(config: Pick<Config, 'logLevel'>) {
  return {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      req: (r: { method: string; routeOptions?: { url?: string }; url: string }) => ({
        method: r.method,
        route: r.routeOptions?.url ?? 'unknown',
      }),
    },
  };
}

/**
 * One log line per request, after the answer: what operators need (the request id as reqId,
 * method, route pattern, status, ms), never the URL, query or body (they hold names and ids).
 */
class OneLinePerRequest extends LogController {
  // At debug level only (off in production: LOG_LEVEL info): the moment a request was read.
  override incomingRequest(req: FastifyRequest) {
    req.log.debug({ req }, 'incoming request');
  }
  override requestCompleted(_err: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(req)) return;
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  }
}

/**
 * A log destination written asynchronously and in batches: lines gather up to 4 KB and are handed
 * to the operating system in one write, at the latest after a second (a quiet server's lines are
 * not held back longer), and what is left is written when the process exits (pino's SonicBoom).
 * The request does not wait for its log line.
 */
export function asyncDestination(dest: number | string): pino.DestinationStream {
  const d = pino.destination({ dest, sync: false, minLength: 4096 });
  setInterval(() => {
    try {
      d.flush();
    } catch {
      /* not ready yet, or closed */
    }
  }, 1000).unref();
  return d;
}

let stdout: pino.DestinationStream | undefined;
/** Standard output as an asyncDestination: one per process. */
export function asyncStdout(): pino.DestinationStream {
  return (stdout ??= asyncDestination(1));
}

export interface BuildOptions {
  db: Database;
  config: Config;
  logger?: boolean | object;
  routes: Array<(app: App) => void>;
}

const API_METHODS: HTTPMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export async function buildApp(opts: BuildOptions): Promise<App> {
  /** The API's addresses and methods, to tell "wrong method" (405) from "no such address" (404). */
  const knownRoutes = FindMyWay();
  const fastify = Fastify({
    logger: opts.logger ?? { ...loggerOptions(opts.config), stream: asyncStdout() },
    // Fastify's own two lines per request (received, completed) are replaced by one (OneLinePerRequest).
    logController: new OneLinePerRequest(),
    bodyLimit: 256 * 1024,
    // X-Forwarded-For only from the configured proxies: anyone else could rotate it past every
    // per-IP limit and forge the address in the audit log. req.ip is then the trusted address.
    trustProxy: opts.config.trustProxy.length ? opts.config.trustProxy : false,
    routerOptions: { ignoreTrailingSlash: false },
    // Bad URLs and too long path parameters, refused by the router before any route.
    frameworkErrors: (err, req, reply) => {
      void sendProblem(reply, { ...toProblem(err, req), instance: req.url.split('?')[0] });
    },
    // Malformed requests that never reach a route (URL or headers too long, bad HTTP) still get problem+json.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return socket.destroy(err);
      const body = JSON.stringify(problemForClientError((err as { code?: string }).code));
      const status = JSON.parse(body).status as number;
      socket.end(
        `HTTP/1.1 ${status} ${status === 414 ? 'URI Too Long' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
          `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  const app = fastify as unknown as App;
  app.decorate('db', opts.db);
  app.decorate('config', opts.config);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('auth', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any plugin's routes (/metrics, /docs): Fastify binds the error handler when a route is added.
  app.setErrorHandler((err, req, reply) => {
    const body = toProblem(err, req);
    // Only what identifies the failure: a driver's message and the stack's first line echo input.
    if (body.status >= 500) req.log.error({ err: errorForLog(err) }, 'request failed');
    return sendProblem(reply, { ...body, instance: req.url.split('?')[0] });
  });

  // Deny by default: an /api route without a named permission cannot be registered. Routes that
  // answer before a full login (login, second factor, the public form) take small bodies only,
  // unless they name their own limit.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/'))
      for (const m of [route.method].flat())
        if (m !== 'HEAD' && !knownRoutes.find(m as HTTPMethod, route.url)) knownRoutes.on(m as HTTPMethod, route.url, () => undefined);
    const permission = (route.config as { permission?: string } | undefined)?.permission;
    if (route.url.startsWith('/api/') && !permission)
      throw new Error(`route ${String(route.method)} ${route.url} has no permission in its config`);
    if ((permission === 'public' || permission === 'session:partial') && route.bodyLimit === undefined) route.bodyLimit = PUBLIC_BODY_LIMIT;
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Regie API',
        description: '1 Gezin, 1 Plan, 1 Regisseur — coördinatie van hulp rond kwetsbare gezinnen.',
        version: API_VERSION,
        contact: { name: 'Regie', email: 'regie@example.nl', url: 'https://regie.example.nl' },
        license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' },
      },
      servers: [{ url: '/', description: 'Deze server (paden beginnen met /api/v1)' }],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => nlgovConventions(jsonSchemaTransformObject(doc) as never),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(metricsPlugin);

  const hsts = opts.config.publicUrl.startsWith('https://');
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) {
      reply.header('API-Version', API_VERSION);
      reply.header('Cache-Control', 'no-store');
    }
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    // A route may set a stricter policy of its own (attachments: sandbox).
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    if (hsts) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(overloadPlugin, opts.config.limits);
  // The session is checked before the body is read, parsed or validated: without a session no
  // large body is accepted, and an expired session answers 401 rather than field errors.
  app.addHook('onRequest', guard(opts.db));
  app.addHook('preValidation', refuseUnsafeInput);
  await app.register(idempotencyPlugin, { db: opts.db });
  // Every refusal (403, 404, 409 probes …) of a logged-in user is an audit row with outcome 'denied'.
  app.addHook('onError', auditRefusals(opts.db));

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? req.url;
    if (path.startsWith('/api/')) {
      // The address exists with other methods: 405 with Allow, not 404 (RFC 9110, 15.5.6).
      const allowed = API_METHODS.filter((m) => knownRoutes.find(m, path));
      if (allowed.length)
        return sendProblem(reply.header('Allow', allowed.join(', ')), { ...methodNotAllowedProblem(allowed), instance: path });
    }
    if (req.url.startsWith('/api/') || !existsSync(webDist) || !['GET', 'HEAD'].includes(req.method)) {
      return sendProblem(reply, { ...notFoundProblem(), instance: req.url.split('?')[0] });
    }
    // The web app routes in the browser: every other path gets index.html.
    return reply.type('text/html').sendFile('index.html');
  });

  app.get('/healthz', { schema: { hide: true }, config: { permission: 'public' } }, async () => ({ status: 'ok' }));
  // Ready = the database answers on the probe's own connection (not the pool, which may be full)
  // within a second, and every migration is applied. Always answers within one second.
  app.decorate('starting', false);
  app.get('/readyz', { schema: { hide: true }, config: { permission: 'public' } }, async (_req, reply) => {
    if (app.starting) return reply.code(503).header('Retry-After', '2').send({ status: 'starting' });
    try {
      const rows = await opts.db.probe<{ name: string }>('SELECT name FROM schema_migrations', 900);
      const done = new Set(rows.map((r) => r.name));
      const pending = migrationFiles().filter((f) => !done.has(f));
      if (pending.length) return reply.code(503).send({ status: 'migrations pending', pending });
      return { status: 'ready' };
    } catch (err) {
      const status =
        (err as { code?: string }).code === '42P01'
          ? 'migrations pending'
          : err instanceof Unavailable && err.reason === 'busy'
            ? 'database busy'
            : 'database unreachable';
      return reply.code(503).header('Retry-After', '5').send({ status });
    }
  });
  app.get('/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());

  for (const register of opts.routes) register(app);

  if (existsSync(webDist)) {
    await app.register(staticFiles, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}
