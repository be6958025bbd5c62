import pg from 'pg';
import { SQL } from '../raw-sql.js';
import { primaryRole } from '../../src/platform/access/actor.js';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/regie_bench_quick' });
await c.connect();
const [u] = (await c.query(`SELECT u.region_id, u.id, u.organisation_id, u.roles FROM users u WHERE username='regisseur'`)).rows;
const fams = (await c.query(`SELECT DISTINCT family_id FROM case_team WHERE user_id=$1 AND ended_at IS NULL`, [u.id])).rows.map(r => r.family_id);
const times: Record<string, number[]> = {};
const t = async (k: string, text: string, p: unknown[]) => { const t0 = performance.now(); const r = await c.query(text, p); (times[k] ??= []).push(performance.now() - t0); return r.rows; };
for (let i = 0; i < 100; i++) {
  const f = fams[i % fams.length];
  await t('begin', 'BEGIN', []);
  await t('actor', SQL.actor, [u.region_id, u.id, u.organisation_id, u.roles.join(',')]);
  await t('family', SQL.family, [u.region_id, f]);
  const m = await t('members', SQL.members, [u.region_id, f]);
  await t('network', SQL.network, [u.region_id, f]);
  await t('cases', SQL.cases, [u.region_id, f]);
  await t('team', SQL.team, [u.region_id, f]);
  await t('timeline', SQL.timeline, [u.region_id, f]);
  await t('memberships', SQL.memberships, [u.region_id, f, u.id, u.organisation_id]);
  await t('grants', SQL.grants, [u.region_id, f, u.id]);
  await t('audit', SQL.audit, [u.region_id, 'read', u.id, 'coordinator', u.organisation_id, u.organisation_id, 'family', f, '127.0.0.1', 'x', 'consent', true, true, false, 'allowed', null, m.map(r => r.id)]);
  await t('commit', 'COMMIT', []);
}
for (const [k, v] of Object.entries(times)) { v.sort((a, b) => a - b); console.log(k.padEnd(12), v[50].toFixed(2), v[95].toFixed(2)); }
await c.end();
