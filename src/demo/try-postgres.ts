// Times seeding a region on a PostgreSQL server:
//   npx tsx src/demo/try-postgres.ts postgres://postgres@127.0.0.1/demo_tmp [families] [auditRowsPerFamily]
// Point it at a throw-away database: it migrates it and writes the demo region into it.
import { openPostgres } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { verifyChain } from '../platform/audit/audit.js';
import { DEMO_REGION, seedDemoRegion } from './generator.js';

const [url = process.env.DATABASE_URL, families = '1000', audit = '3'] = process.argv.slice(2);
if (!url) throw new Error('usage: try-postgres.ts <database-url> [families] [auditRowsPerFamily]');
const db = await openPostgres(url);
try {
  await migrate(db);
  const started = Date.now();
  let last = 0;
  const result = await seedDemoRegion(db, {
    families: Number(families),
    auditRowsPerFamily: Number(audit),
    onProgress: (stage, done, total) => {
      if (Date.now() - last < 5000 && done < total) return;
      last = Date.now();
      console.log(`${((Date.now() - started) / 1000).toFixed(1)} s  ${stage} ${done}/${total}`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const rows = await db.query<{ t: string; n: string }>(
    `SELECT 'case_team' t, count(*)::text n FROM case_team WHERE region_id = $1 UNION ALL
     SELECT 'cases', count(*)::text FROM cases WHERE region_id = $1 UNION ALL
     SELECT 'network_members', count(*)::text FROM network_members WHERE region_id = $1 UNION ALL
     SELECT 'users', count(*)::text FROM users WHERE region_id = $1`,
    [DEMO_REGION.id],
  );
  console.log({
    ...result,
    accounts: result.accounts.map((a) => a.username),
    seconds,
    other: Object.fromEntries(rows.map((r) => [r.t, Number(r.n)])),
  });
  const v = await verifyChain(db, DEMO_REGION.id);
  console.log({ verify: { rows: v.rows, ok: v.ok, problems: v.problems.length, seconds: v.seconds } });
} finally {
  await db.close();
}
