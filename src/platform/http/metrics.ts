// Prometheus metrics: request durations per route, and the database pool.
import fp from 'fastify-plugin';
import client from 'prom-client';
import type { FastifyInstance } from 'fastify';

export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'regie_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
  });
  const db = (app as unknown as { db: { poolStats(): { total: number; idle: number; waiting: number } } }).db;
  new client.Gauge({ name: 'regie_db_pool_connections', help: 'Database connections', labelNames: ['state'], registers: [registry],
    collect() { const s = db.poolStats(); this.set({ state: 'total' }, s.total); this.set({ state: 'idle' }, s.idle); this.set({ state: 'waiting' }, s.waiting); } });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true }, config: { permission: 'public' } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
