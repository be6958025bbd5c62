// Prometheus metrics: request durations per route, and the database pool. Only for the
// monitoring: from loopback, or from elsewhere with METRICS_TOKEN as a bearer token.
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import client from 'prom-client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden } from './errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const hash = (s: string) => createHash('sha256').update(s).digest();

/** req.ip is the trusted address (TRUST_PROXY), so a proxied request from outside is not loopback. */
export function mayReadMetrics(req: FastifyRequest, token: string | undefined): boolean {
  const given = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  if (token && given) return timingSafeEqual(hash(given), hash(token));
  return LOOPBACK.has(req.ip);
}

export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'regie_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const db = (app as unknown as { db: { poolStats(): { total: number; idle: number; waiting: number } } }).db;
  new client.Gauge({
    name: 'regie_db_pool_connections',
    help: 'Database connections',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const s = db.poolStats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  const token = (app as unknown as { config: { metricsToken?: string } }).config.metricsToken;
  app.get('/metrics', { schema: { hide: true }, config: { permission: 'public' } }, async (req, reply) => {
    if (!mayReadMetrics(req, token))
      throw new Forbidden({
        nl: 'Metrieken alleen vanaf deze machine of met het token (METRICS_TOKEN).',
        en: 'Metrics only from this machine or with the token (METRICS_TOKEN).',
      });
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
