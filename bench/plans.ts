// `npx tsx bench/plans.ts`: the plan's own benchmarks on a throw-away database (PGlite, or
// PostgreSQL with TEST_DATABASE_URL): comparing two versions of a plan with 40 goals and 120
// actions through the service (target p95 < 50 ms), the same two versions' SQL alone (the ratio),
// and the PDF of that plan (target p95 < 500 ms, and its size). Not yet part of `npm run bench`.
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '../test/support/db.js';
import { createOrganisation, createRegion, createUser } from '../test/support/factory.js';
import { registerFamily } from '../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../src/modules/families/families.contract.js';
import { compareVersions, startDraft, proposeDraft, answerVersion, readVersion } from '../src/modules/plans/plans.service.js';
import { planPdf } from '../src/modules/plans/plan-pdf.js';
import { dutchToday, addDays } from '../src/platform/time/working-days.js';
import { summarise, ms, since } from './stats.js';

const RUNS = Number(process.env.RUNS ?? 60);
const t = await createTestDatabase();
try {
  const region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Bench');
  const coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  const a = coord.actor;
  const fam = await registerFamily(
    t.db,
    a,
    RegisterFamilyBody.parse({
      members: [{ givenNames: 'Anna', familyName: 'Bench', birthDate: '1985-01-01', relation: 'parent' }],
      network: [],
      case: { coordinatorUserId: a.userId, legalBasis: 'consent' },
    }),
  );
  const today = dutchToday();
  const v1 = (await startDraft(t.db, a, fam.caseId, {})).id;
  // 40 goals and 120 actions written straight into the draft (the service's checks are not what is measured).
  await t.db.query(
    `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, description, target_score, target_date, position)
    SELECT $1, g, $2, $3, g, (ARRAY['finances','housing','parenting','education'])[1 + i % 4], 'Doel ' || i || ': een omschrijving van een doel in gewone woorden', 1 + i % 5, $4::date + 90, i
      FROM (SELECT gen_random_uuid() AS g, i FROM generate_series(1, 40) i) x`,
    [region, v1, fam.id, today],
  );
  await t.db.query(
    `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, description, owner_kind, owner_organisation_id, owner_user_id, due_on, position)
    SELECT $1, x, $2, $3, x, 'Actie ' || i || ': wat er gebeurt, door wie en wanneer', 'organisation', $4, $5, $6::date + i, i
      FROM (SELECT gen_random_uuid() AS x, i FROM generate_series(1, 120) i) y`,
    [region, v1, fam.id, team, a.userId, today],
  );
  const draft = await readVersion(t.db, a, v1);
  await proposeDraft(t.db, a, v1, { version: draft.version });
  for (const p of (await readVersion(t.db, a, v1)).parties)
    await answerVersion(t.db, a, v1, { partyId: p.id, answer: 'agreed', ...(p.kind === 'person' ? { via: 'conversation' as const } : {}) });
  const v2 = (await startDraft(t.db, a, fam.caseId, {})).id;
  // The next version changes a quarter of the goals and actions, removes some and adds some.
  await t.db.query(`UPDATE plan_goals SET target_score = 5 WHERE region_id = $1 AND plan_version_id = $2 AND position % 4 = 0`, [
    region,
    v2,
  ]);
  await t.db.query(`UPDATE plan_actions SET due_on = due_on + 7 WHERE region_id = $1 AND plan_version_id = $2 AND position % 4 = 0`, [
    region,
    v2,
  ]);
  await t.db.query(`DELETE FROM plan_actions WHERE region_id = $1 AND plan_version_id = $2 AND position % 10 = 1`, [region, v2]);
  await t.db.query(
    `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, description, owner_kind, owner_organisation_id, due_on, position)
    SELECT $1, x, $2, $3, x, 'Nieuwe actie ' || i, 'organisation', $4, $5::date + 30, 200 + i FROM (SELECT gen_random_uuid() AS x, i FROM generate_series(1, 10) i) y`,
    [region, v2, fam.id, team, addDays(today, 1)],
  );

  const compare: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const t0 = process.hrtime.bigint();
    const r = await compareVersions(t.db, a, { from: v1, to: v2 });
    if (i >= 5) compare.push(since(t0));
    if (i === 0) console.log('comparison counts', JSON.stringify(r.counts));
  }
  const sql: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const t0 = process.hrtime.bigint();
    await t.db.query(`SELECT * FROM plan_goals WHERE region_id = $1 AND plan_version_id = ANY ($2::uuid[])`, [region, [v1, v2]]);
    await t.db.query(`SELECT * FROM plan_actions WHERE region_id = $1 AND plan_version_id = ANY ($2::uuid[])`, [region, [v1, v2]]);
    if (i >= 5) sql.push(since(t0));
  }
  const pdf: number[] = [];
  let size = 0;
  for (let i = 0; i < Math.min(RUNS, 30) + 3; i++) {
    const t0 = process.hrtime.bigint();
    const r = await planPdf(t.db, a, v1);
    if (i >= 3) pdf.push(since(t0));
    size = r.bytes.length;
  }
  const c = summarise(compare);
  const s = summarise(sql);
  const p = summarise(pdf);
  console.log(
    `compare 40 goals / 120 actions: p50 ${ms(c.p50)}, p95 ${ms(c.p95)} (target < 50 ms) — goals and actions SQL alone p95 ${ms(s.p95)}, ratio ${(c.p95 / s.p95).toFixed(1)}×`,
  );
  console.log(`PDF of that plan: p50 ${ms(p.p50)}, p95 ${ms(p.p95)} (target < 500 ms), ${Math.round(size / 1024)} KiB`);
  console.log(`database: ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; id ${randomUUID().slice(0, 8)}`);
} finally {
  await t.drop();
}
