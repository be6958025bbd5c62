// Fastify setup: zod schemas in and out, OpenAPI at /docs, problem+json errors, API-Version
// header, the access guard on every route, metrics, health and the web app.
import Fastify, { type FastifyInstance, type RawServerDefault, type FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import staticFiles from '@fastify/static';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, jsonSchemaTransformObject, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/db.js';
import type { Config } from '../../config.js';
import { guard } from '../auth/guard.js';
import { auditRefusals } from '../audit/refusals.js';
import { toProblem, sendProblem } from './problem.js';
import { nlgovConventions, API_VERSION } from './openapi.js';
import { metricsPlugin } from './metrics.js';
import { pendingMigrations } from '../db/migrate.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider> & {
  db: Database; config: Config;
};

export const webDist = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export interface BuildOptions { db: Database; config: Config; logger?: boolean | object; routes: Array<(app: App) => void> }

export async function buildApp(opts: BuildOptions): Promise<App> {
  const fastify = Fastify({
    logger: opts.logger ?? {
      level: opts.config.logLevel,
      // No personal data in logs: bodies are never logged, cookies and auth headers are redacted.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: { req: (r: { method: string; routeOptions?: { url?: string }; url: string }) => ({ method: r.method, route: r.routeOptions?.url ?? 'unknown' }) },
    },
    bodyLimit: 256 * 1024,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: false },
  }).withTypeProvider<ZodTypeProvider>();
  const app = fastify as unknown as App;
  app.decorate('db', opts.db);
  app.decorate('config', opts.config);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('auth', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Deny by default: an /api route without a named permission cannot be registered.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !(route.config as { permission?: string } | undefined)?.permission)
      throw new Error(`route ${route.method} ${route.url} has no permission in its config`);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Regie API', description: '1 Gezin, 1 Plan, 1 Regisseur — coördinatie van hulp rond kwetsbare gezinnen.',
        version: API_VERSION, contact: { name: 'Regie', email: 'regie@example.nl', url: 'https://regie.example.nl' },
        license: { name: 'EUPL-1.2', url: 'https://eupl.eu/1.2/nl/' } },
      servers: [{ url: '/', description: 'Deze server (paden beginnen met /api/v1)' }],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => nlgovConventions(jsonSchemaTransformObject(doc) as never),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(metricsPlugin);

  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) {
      reply.header('API-Version', API_VERSION);
      reply.header('Cache-Control', 'no-store');
    }
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
  });
  app.addHook('preHandler', guard(opts.db));
  app.addHook('onError', auditRefusals(opts.db));

  app.setErrorHandler((err, req, reply) => {
    const body = toProblem(err, req);
    if (body.status >= 500) req.log.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code, stack: (err as Error).stack } }, 'request failed');
    return sendProblem(reply, { ...body, instance: req.url.split('?')[0] });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(webDist)) {
      return sendProblem(reply, { type: 'https://regie.nl/problems/not_found', title: 'Niet gevonden', titleEn: 'Not found', status: 404,
        code: 'not_found', detail: 'Deze pagina of dit adres bestaat niet.', detailEn: 'This address does not exist.', instance: req.url.split('?')[0] });
    }
    // The web app routes in the browser: every other path gets index.html.
    return reply.type('text/html').sendFile('index.html');
  });

  app.get('/healthz', { schema: { hide: true }, config: { permission: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config: { permission: 'public' } }, async (_req, reply) => {
    try {
      await opts.db.query('SELECT 1');
      const pending = await pendingMigrations(opts.db);
      if (pending.length) return reply.code(503).send({ status: 'migrations pending', pending });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
  app.get('/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());

  for (const register of opts.routes) register(app);

  if (existsSync(webDist)) {
    await app.register(staticFiles, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}
