// EXPLAIN (ANALYZE, BUFFERS) of a statement as the application runs it: inside a transaction,
// as regie_app with the actor settings (so row-level security applies), rolled back afterwards.
import pg from 'pg';
import { ACTOR_WITHOUT_ROLE, SQL, type RawActor } from './raw-sql.js';

export interface Plan { title: string; text: string }

export async function explain(url: string, a: RawActor, title: string, sql: string, params: unknown[], rls = true): Promise<Plan> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query(rls ? SQL.actor : ACTOR_WITHOUT_ROLE, [a.regionId, a.userId, a.organisationId, a.roles.join(',')]);
    // Once to warm the caches, then the measured plan.
    await c.query(`EXPLAIN (ANALYZE) ${sql}`, params);
    const r = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return { title, text: r.rows.map((x) => x['QUERY PLAN']).join('\n') };
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    await c.end();
  }
}

/** Plans of the slowest family-page statement with and without row-level security. */
export async function familyPagePlans(url: string, a: RawActor, familyId: string, slowest: string): Promise<Plan[]> {
  const sql = (SQL as Record<string, string>)[slowest];
  if (!sql || slowest === 'audit' || slowest === 'actor' || slowest === 'session') return [];
  const params = slowest === 'memberships' ? [a.regionId, familyId, a.userId, a.organisationId]
    : slowest === 'grants' ? [a.regionId, familyId, a.userId] : [a.regionId, familyId];
  return [
    await explain(url, a, `family page, slowest statement "${slowest}", as regie_app (row-level security on)`, sql, params, true),
    await explain(url, a, `the same statement as the superuser (no row-level security), for comparison`, sql, params, false),
  ];
}
