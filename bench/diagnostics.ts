// EXPLAIN (ANALYZE, BUFFERS) of a captured statement as the application ran it: the statements
// of its transaction before it (actor settings, so row-level security applies) run first, the
// transaction is rolled back afterwards.
import pg from 'pg';
import { withoutRls, type Statement } from './capture.js';

export interface Plan {
  title: string;
  text: string;
}

export async function explainCaptured(url: string, title: string, statements: Statement[], index: number, rls = true): Promise<Plan> {
  const inTx = statements.filter((s) => s.inTx).map((s) => (rls ? s : withoutRls(s)));
  const target = inTx[index];
  if (!target) throw new Error(`no statement ${index}`);
  const c = new pg.Client({ connectionString: url, options: '-c jit=off' });
  await c.connect();
  try {
    await c.query('BEGIN');
    for (const s of inTx.slice(0, index)) await c.query(s.text, s.params);
    // Once to warm the caches, then the plan that is shown.
    await c.query(`EXPLAIN (ANALYZE) ${target.text}`, target.params);
    const r = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${target.text}`, target.params);
    return { title, text: r.rows.map((x) => x['QUERY PLAN']).join('\n') };
  } finally {
    await c.query('ROLLBACK').catch(() => undefined);
    await c.end();
  }
}

/** The slowest statement (by its label "NN …") as regie_app and, for comparison, as the superuser. */
export async function explainSlowest(url: string, what: string, statements: Statement[], slowest: string | null): Promise<Plan[]> {
  if (!slowest) return [];
  const index = Number.parseInt(slowest.slice(0, 2), 10) - 1;
  const sql = statements.filter((s) => s.inTx)[index]?.text ?? '';
  if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return [];
  return [
    await explainCaptured(
      url,
      `${what}: slowest statement (${slowest.slice(3, 50)}…) as the service runs it (regie_app, row-level security on)`,
      statements,
      index,
      true,
    ),
    await explainCaptured(url, 'the same statement as the superuser (no row-level security), for comparison', statements, index, false),
  ];
}
