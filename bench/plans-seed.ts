// Part (p) of `npm run bench` (bench/plans.ts): after the demo region is seeded, every open case
// that has no plan yet gets a plan history of 5 versions — versions 1–4 proposed, answered by every
// party and agreed in turn (each superseding the one before), version 5 a draft — with goals,
// actions (each version dropping one and adding one, a quarter of the goals' targets changed),
// parties and answers, the safety plan kept with each proposed version, progress on the agreed
// version's actions, and at least 3 assessments (dated sets of scores per family member). In bulk
// SQL over the cases table as the owner's connection (BYPASSRLS, not a superuser: the triggers
// run), in the order they allow: content while a version is a draft, then proposed, answers, the
// previous agreed version superseded, then agreed; progress only on the agreed one. Ids are
// derived from the case id (md5), so the statements join without round trips.
import type { Database } from '../src/platform/db/db.js';
import { ACTIONS as DEMO_ACTIONS } from '../src/demo/plans.js';

export const HISTORY = { versions: 5, goals: 5, actions: 8, assessments: 3 } as const;

export interface PlanSeedCounts {
  /** Open cases of the region, and those that already had a plan from the demo (kept as it made them, 1–2 versions). */
  openCases: number;
  demoPlans: number;
  /** The cases that got a history here. */
  cases: number;
  versions: number;
  goals: number;
  actions: number;
  parties: number;
  answers: number;
  progress: number;
  /** Assessments (sets) and their scores of the region, after the top-up. */
  assessments: number;
  assessmentScores: number;
  /** Open cases with fewer than 3 assessments afterwards (0 expected). */
  casesUnder3Assessments: number;
  seconds: number;
}

const GOALS = [
  ['finances', 'Schulden in beeld en een betalingsregeling die het gezin kan volhouden'],
  ['housing', 'Een passende woning zonder huurachterstand'],
  ['parenting', 'Ouders hebben vaste afspraken over bedtijden en schermtijd'],
  ['education', 'Weer elke dag naar school, met steun van de mentor'],
  ['mental_health', 'Moeder krijgt behandeling voor haar somberheid'],
  ['daytime_activity', 'Vader vindt werk of vrijwilligerswerk voor drie dagen per week'],
] as const;
/** The demo's actions and two more. */
const ACTIONS = [...DEMO_ACTIONS, 'Aanvraag bijzondere bijstand indienen', 'Kennismaken met de buurtsportcoach'];
const SAFETY = JSON.stringify([
  { what: 'Bij ruzie gaat vader een uur naar zijn broer', who: 'Vader', when: null, check: 'Regisseur vraagt het elke week na' },
  { what: 'Oma haalt de kinderen twee middagen per week op', who: 'Oma', when: null, check: null },
]);
/** Domains any person may be scored on, whatever their age (src/modules/assessments/domain-rules.ts). */
const SCORED = ['housing', 'mental_health', 'physical_health', 'social_network'];

/** The id of the k-th thing of a kind of a case (stable, so later statements can find it). */
const id = (kind: string) => `md5(b.case_id::text || '${kind}')::uuid`;

export async function seedPlanHistories(db: Database, regionId: string): Promise<PlanSeedCounts> {
  const t0 = Date.now();
  const q = (sql: string, params: unknown[] = []) => db.query(sql, [regionId, ...params]);
  await db.exec(`DROP TABLE IF EXISTS bench_plan_cases`);
  // The cases: open, with a coordinator, no plan yet (the demo's own plans are kept). `base` is
  // when the history starts: at the opening, at least 180 days ago; version n starts at
  // base + (n - 1)/5 of the time from then until 10 days ago.
  await q(
    `CREATE TABLE bench_plan_cases AS
     SELECT c.region_id, c.id AS case_id, c.family_id, ct.user_id AS coordinator, ct.organisation_id,
            least(c.opened_at, now() - interval '180 days') AS base,
            (SELECT fm.person_id FROM family_members fm WHERE fm.region_id = c.region_id AND fm.family_id = c.family_id
                AND fm.relation IN ('parent', 'carer') ORDER BY fm.person_id LIMIT 1) AS parent
       FROM cases c JOIN case_team ct ON ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
      WHERE c.region_id = $1 AND c.status <> 'closed'
        AND NOT EXISTS (SELECT 1 FROM plan_versions v WHERE v.region_id = c.region_id AND v.case_id = c.id)`,
  );
  await db.exec(`ANALYZE bench_plan_cases`);
  const start = (n: number) => `(b.base + ${n - 1} * ((now() - b.base - interval '10 days') / 5))`;
  for (let n = 1; n <= HISTORY.versions; n++) {
    const v = id(`:v${n}`);
    await q(
      `INSERT INTO plan_versions (region_id, id, case_id, family_id, number, plan_date, based_on, created_by, created_at)
       SELECT b.region_id, ${v}, b.case_id, b.family_id, ${n}, ${start(n)}::date, ${n > 1 ? id(`:v${n - 1}`) : 'NULL'}, b.coordinator, ${start(n)}
         FROM bench_plan_cases b WHERE b.region_id = $1`,
    );
    // Goals: the same lineage in every version; a quarter of the targets differ per version.
    await q(
      `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, description, target_score, target_date, family_own, position)
       SELECT b.region_id, md5(b.case_id::text || ':v${n}:g' || i)::uuid, ${v}, b.family_id, md5(b.case_id::text || ':g' || i)::uuid,
              CASE WHEN i = $2 - 1 THEN 'social_network' ELSE ($3::text[])[1 + (i + (hashtext(b.case_id::text) & 2147483647)) % $4] END,
              CASE WHEN i = $2 - 1 THEN 'Wij willen weer samen eten zonder ruzie' ELSE ($5::text[])[1 + (i + (hashtext(b.case_id::text) & 2147483647)) % $4] END,
              CASE WHEN i = $2 - 1 THEN NULL WHEN i % 4 = ${n % 4} THEN 5 ELSE 3 + i % 2 END,
              CASE WHEN i = $2 - 1 THEN NULL ELSE (${start(n)} + interval '120 days')::date END, i = $2 - 1, i
         FROM bench_plan_cases b CROSS JOIN generate_series(0, $2 - 1) i WHERE b.region_id = $1`,
      [HISTORY.goals, GOALS.map((g) => g[0]), GOALS.length, GOALS.map((g) => g[1])],
    );
    // Actions: lineages n-1 … n+6, so each version drops the oldest and adds one; a quarter owned by
    // a parent (when there is one), the rest by the coordinator's organisation and the coordinator.
    await q(
      `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, goal_id, description, owner_kind, owner_organisation_id,
          owner_user_id, owner_person_id, due_on, position)
       SELECT b.region_id, md5(b.case_id::text || ':v${n}:a' || i)::uuid, ${v}, b.family_id, md5(b.case_id::text || ':a' || i)::uuid,
              md5(b.case_id::text || ':v${n}:g' || (i % ($2 - 1)))::uuid, ($3::text[])[1 + i % $4] || CASE WHEN i >= $4 THEN ' (vervolg)' ELSE '' END,
              CASE WHEN i % 4 = 1 AND b.parent IS NOT NULL THEN 'family_member' ELSE 'organisation' END,
              CASE WHEN i % 4 = 1 AND b.parent IS NOT NULL THEN NULL ELSE b.organisation_id END,
              CASE WHEN i % 4 = 1 AND b.parent IS NOT NULL THEN NULL ELSE b.coordinator END,
              CASE WHEN i % 4 = 1 AND b.parent IS NOT NULL THEN b.parent END,
              (${start(n)} + (14 + 7 * i) * interval '1 day')::date, i
         FROM bench_plan_cases b CROSS JOIN generate_series(${n - 1}, ${n - 1} + $5 - 1) i WHERE b.region_id = $1`,
      [HISTORY.goals, ACTIONS, ACTIONS.length, HISTORY.actions],
    );
    // Parties (fixed while a draft): parents and carers, and the coordinator's organisation.
    await q(
      `INSERT INTO plan_parties (region_id, id, plan_version_id, family_id, person_id, organisation_id, requirement)
       SELECT b.region_id, md5(b.case_id::text || ':v${n}:p' || fm.person_id)::uuid, ${v}, b.family_id, fm.person_id, NULL, 'agree'
         FROM bench_plan_cases b JOIN family_members fm ON fm.region_id = b.region_id AND fm.family_id = b.family_id AND fm.relation IN ('parent', 'carer')
        WHERE b.region_id = $1
       UNION ALL
       SELECT b.region_id, md5(b.case_id::text || ':v${n}:po')::uuid, ${v}, b.family_id, NULL, b.organisation_id, 'agree'
         FROM bench_plan_cases b WHERE b.region_id = $1`,
    );
    // Fresh statistics, so the joins on the derived ids below find their rows by index.
    await db.exec(`ANALYZE plan_versions, plan_goals, plan_actions, plan_parties`);
    if (n === HISTORY.versions) break;
    await q(
      `UPDATE plan_versions v SET status = 'proposed', proposed_at = ${start(n)} + interval '3 days', proposed_by = b.coordinator, safety_plan = $2::jsonb
         FROM bench_plan_cases b WHERE v.region_id = $1 AND b.region_id = $1 AND v.id = ${v}`,
      [SAFETY],
    );
    await q(
      `INSERT INTO plan_answers (region_id, id, plan_version_id, party_id, family_id, answer, via, answered_on, recorded_by, recorded_at)
       SELECT p.region_id, md5(p.id::text || ':answer')::uuid, p.plan_version_id, p.id, p.family_id, 'agreed',
              CASE WHEN p.person_id IS NULL THEN 'own_account' ELSE 'conversation' END, (${start(n)} + interval '7 days')::date, b.coordinator,
              ${start(n)} + interval '7 days'
         FROM bench_plan_cases b JOIN plan_parties p ON p.region_id = b.region_id AND p.plan_version_id = ${v} WHERE b.region_id = $1`,
    );
    if (n > 1)
      await q(
        `UPDATE plan_versions v SET status = 'superseded', superseded_at = ${start(n)} + interval '7 days'
           FROM bench_plan_cases b WHERE v.region_id = $1 AND b.region_id = $1 AND v.id = ${id(`:v${n - 1}`)}`,
      );
    await q(
      `UPDATE plan_versions v SET status = 'agreed', decided_at = ${start(n)} + interval '7 days'
         FROM bench_plan_cases b WHERE v.region_id = $1 AND b.region_id = $1 AND v.id = ${v}`,
    );
  }
  // Progress on the agreed version (4): a quarter of the actions done, a quarter not done (why), a
  // quarter done and then open again; recorded by the coordinator after the agreement.
  const agreed = HISTORY.versions - 1;
  // In two statements, so that a reopening comes after its 'done' (seq).
  for (const k of [0, 1])
    await q(
      `INSERT INTO plan_action_progress (region_id, id, action_id, plan_version_id, family_id, status, not_done_reason, recorded_by, recorded_at)
       SELECT a.region_id, md5(a.id::text || ':progress${k}')::uuid, a.id, a.plan_version_id, a.family_id, s.status,
              CASE WHEN s.status = 'not_done' THEN 'Het gezin zag er nu geen kans voor; in het volgende overleg opnieuw bekijken' END,
              b.coordinator, ${start(agreed)} + (10 + ${5 * k} + a.position) * interval '1 day'
         FROM bench_plan_cases b JOIN plan_actions a ON a.region_id = b.region_id AND a.plan_version_id = ${id(`:v${agreed}`)}
         CROSS JOIN LATERAL (SELECT (ARRAY['done', 'not_done', 'done', 'open'])[(a.position % 4) + 1 + ${k}] AS status) s
        WHERE b.region_id = $1 AND ${k === 0 ? 'a.position % 4 <> 3' : 'a.position % 4 = 2'}`,
    );
  // Assessments: every open case gets sets until it has 3 (42 days apart, the latest 3 days ago),
  // each scoring every family member on four domains any age may be scored on.
  await q(
    `CREATE TABLE bench_plan_sets AS
     SELECT c.region_id, md5(c.id::text || ':set' || s)::uuid AS id, c.id AS case_id, c.family_id, ct.user_id AS coordinator, ct.organisation_id,
            (now() - (3 + 42 * s) * interval '1 day') AS at
       FROM cases c JOIN case_team ct ON ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
       CROSS JOIN LATERAL generate_series(1, $2 - (SELECT count(*)::int FROM assessments x WHERE x.region_id = c.region_id AND x.case_id = c.id)) s
      WHERE c.region_id = $1 AND c.status <> 'closed'`,
    [HISTORY.assessments],
  );
  await db.exec(`ANALYZE bench_plan_sets`);
  await q(
    `INSERT INTO assessments (region_id, id, case_id, family_id, assessed_on, created_by, created_by_organisation_id, created_at)
     SELECT region_id, id, case_id, family_id, at::date, coordinator, organisation_id, at FROM bench_plan_sets WHERE region_id = $1`,
  );
  await q(
    `INSERT INTO assessment_scores (region_id, id, assessment_id, case_id, family_id, person_id, domain, score, rationale, view, scored_by,
        scored_by_organisation_id, scored_at)
     SELECT s.region_id, md5(s.id::text || fm.person_id::text || d.domain)::uuid, s.id, s.case_id, s.family_id, fm.person_id, d.domain,
            1 + (hashtext(s.id::text || fm.person_id::text || d.domain) & 2147483647) % 5, 'Redt zich met moeite; de hulp loopt.', 'professional',
            s.coordinator, s.organisation_id, s.at
       FROM bench_plan_sets s JOIN family_members fm ON fm.region_id = s.region_id AND fm.family_id = s.family_id
       CROSS JOIN unnest($2::text[]) AS d(domain)
      WHERE s.region_id = $1`,
    [SCORED],
  );
  const count = async (sql: string) => (await db.query<{ n: number }>(sql, [regionId]))[0]?.n ?? 0;
  // Rows of the seeded cases' versions (the demo's own plans not counted).
  const inSeed = (table: string) =>
    count(
      `SELECT count(*)::int AS n FROM bench_plan_cases b JOIN plan_versions v ON v.region_id = b.region_id AND v.case_id = b.case_id
       ${table === 'plan_versions' ? '' : `JOIN ${table} t ON t.region_id = v.region_id AND t.plan_version_id = v.id`} WHERE b.region_id = $1`,
    );
  const counts: PlanSeedCounts = {
    openCases: await count(`SELECT count(*)::int AS n FROM cases WHERE region_id = $1 AND status <> 'closed'`),
    demoPlans: await count(
      `SELECT count(DISTINCT v.case_id)::int AS n FROM plan_versions v JOIN cases c ON c.region_id = v.region_id AND c.id = v.case_id
        WHERE v.region_id = $1 AND NOT EXISTS (SELECT 1 FROM bench_plan_cases b WHERE b.region_id = v.region_id AND b.case_id = v.case_id)`,
    ),
    cases: await count(`SELECT count(*)::int AS n FROM bench_plan_cases WHERE region_id = $1`),
    versions: await inSeed('plan_versions'),
    goals: await inSeed('plan_goals'),
    actions: await inSeed('plan_actions'),
    parties: await inSeed('plan_parties'),
    answers: await inSeed('plan_answers'),
    progress: await inSeed('plan_action_progress'),
    assessments: await count(`SELECT count(*)::int AS n FROM assessments WHERE region_id = $1`),
    assessmentScores: await count(`SELECT count(*)::int AS n FROM assessment_scores WHERE region_id = $1`),
    casesUnder3Assessments: await count(
      `SELECT count(*)::int AS n FROM cases c WHERE c.region_id = $1 AND c.status <> 'closed'
          AND EXISTS (SELECT 1 FROM case_team ct WHERE ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL)
          AND (SELECT count(*) FROM assessments x WHERE x.region_id = c.region_id AND x.case_id = c.id) < ${HISTORY.assessments}`,
    ),
    seconds: 0,
  };
  await db.exec(`DROP TABLE bench_plan_sets`);
  counts.seconds = (Date.now() - t0) / 1000;
  return counts;
}

/** The seeded cases, a deterministic sample of `n` (for the plan page), then the table is dropped. */
export async function sampleSeededCases(
  db: Database,
  regionId: string,
  n: number,
): Promise<Array<{ caseId: string; coordinator: string }>> {
  const rows = await db.query<{ case_id: string; coordinator: string }>(
    `SELECT case_id, coordinator FROM bench_plan_cases WHERE region_id = $1 ORDER BY md5(case_id::text) LIMIT $2`,
    [regionId, n],
  );
  await db.exec(`DROP TABLE bench_plan_cases`);
  return rows.map((r) => ({ caseId: r.case_id, coordinator: r.coordinator }));
}
