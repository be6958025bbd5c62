// Part (p) of `npm run bench`, the plan's benchmarks (issue 14), on a throw-away database (PGlite,
// or PostgreSQL with TEST_DATABASE_URL; `npm run bench` gives it PostgreSQL):
// - comparing two versions of a plan with 40 goals and 120 actions through the service (target
//   p95 < 50 ms), beside those versions' goals and actions SQL alone;
// - the PDF of that plan (target p95 < 500 ms, and its size);
// - the plan page (GET /cases/:id/plan's use case: current version with goals, actions, progress,
//   agreements and the safety plan kept with it, the draft, disagreements, the council's outcome,
//   team options) of 100 cases of the demo region, where every open case got a history of 5
//   versions and ≥ 3 assessments (bench/plans-seed.ts), each against its own captured SQL replayed
//   raw (bench/capture.ts), target ≤ 1.5×;
// - blind spots of a team lead's whole organisation (`teamleider` of that demo region, thousands
//   of open cases), first page with missingOnly (target p95 < 100 ms).
// Alone: `npx tsx bench/plans.ts` (RUNS, PLAN_FAMILIES, PAGE_CASES in the environment).
import { pathToFileURL } from 'node:url';
import { createTestDatabase, onPostgres, testDatabaseUrl } from '../test/support/db.js';
import { createOrganisation, createRegion, createUser } from '../test/support/factory.js';
import type { Actor } from '../src/platform/access/actor.js';
import type { Database } from '../src/platform/db/db.js';
import { registerFamily } from '../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../src/modules/families/families.contract.js';
import { startDraft } from '../src/modules/plans/drafts.service.js';
import { answerVersion, proposeDraft } from '../src/modules/plans/agreement.service.js';
import { compareVersions, readPlan, readVersion } from '../src/modules/plans/reading.service.js';
import { planPdf } from '../src/modules/plans/plan-pdf.js';
import { saveCouncil } from '../src/modules/safety/safety.service.js';
import { organisationBlindSpots, readCaseBlindSpots } from '../src/modules/assessments/assessments.service.js';
import { OrganisationBlindSpotsQuery } from '../src/modules/assessments/assessments.contract.js';
import { DEMO_REGION, seedDemoRegion } from '../src/demo/generator.js';
import { dutchToday } from '../src/platform/time/working-days.js';
import { pgliteReplayer, pgReplayer, Recorder, type Statement, type Timings } from './capture.js';
import { summarise, ms, since, type Summary } from './stats.js';
import { plansSummary, type PlansResult } from './plans-report.js';
import { HISTORY, sampleSeededCases, seedPlanHistories } from './plans-seed.js';

async function timed(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<Summary> {
  const out: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    if (i >= warmup) out.push(since(t0));
  }
  return summarise(out);
}

/** A plan of 40 goals and 120 actions with 5 versions: each next one changes, removes and adds some; the first 4 agreed. */
async function planWithHistory(db: Database, a: Actor, region: string, team: string, familyId: string, caseId: string) {
  const today = dutchToday();
  // A plan is proposed only after the family network council was offered (declined is fine).
  await saveCouncil(db, a, caseId, {
    offeredOn: today,
    answer: 'declined',
    declinedReason: 'Het gezin regelt het zelf.',
    answeredOn: today,
    metOn: null,
    safetyReason: null,
  });
  const agree = async (id: string) => {
    await proposeDraft(db, a, id, { version: (await readVersion(db, a, id)).version });
    for (const p of (await readVersion(db, a, id)).parties)
      await answerVersion(db, a, id, { partyId: p.id, answer: 'agreed', ...(p.kind === 'person' ? { via: 'conversation' as const } : {}) });
  };
  const v1 = (await startDraft(db, a, caseId, {})).id;
  // Written straight into the draft (the service's checks are not what is measured).
  await db.query(
    `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, description, target_score, target_date, position)
    SELECT $1, g, $2, $3, g, (ARRAY['finances','housing','parenting','education'])[1 + i % 4], 'Doel ' || i || ': een omschrijving van een doel in gewone woorden', 1 + i % 5, $4::date + 90, i
      FROM (SELECT gen_random_uuid() AS g, i FROM generate_series(1, 40) i) x`,
    [region, v1, familyId, today],
  );
  await db.query(
    `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, description, owner_kind, owner_organisation_id, owner_user_id, due_on, position)
    SELECT $1, x, $2, $3, x, 'Actie ' || i || ': wat er gebeurt, door wie en wanneer', 'organisation', $4, $5, $6::date + i, i
      FROM (SELECT gen_random_uuid() AS x, i FROM generate_series(1, 120) i) y`,
    [region, v1, familyId, team, a.userId, today],
  );
  await agree(v1);
  const versions = [v1];
  for (let n = 2; n <= 5; n++) {
    const v = (await startDraft(db, a, caseId, {})).id;
    versions.push(v);
    // A quarter of the goals and actions changed, some actions removed, ten added.
    await db.query(`UPDATE plan_goals SET target_score = 5 WHERE region_id = $1 AND plan_version_id = $2 AND position % 4 = $3`, [
      region,
      v,
      n % 4,
    ]);
    await db.query(`UPDATE plan_actions SET due_on = due_on + 7 WHERE region_id = $1 AND plan_version_id = $2 AND position % 4 = $3`, [
      region,
      v,
      n % 4,
    ]);
    await db.query(`DELETE FROM plan_actions WHERE region_id = $1 AND plan_version_id = $2 AND position % 10 = $3`, [region, v, n]);
    await db.query(
      `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, description, owner_kind, owner_organisation_id, due_on, position)
      SELECT $1, x, $2, $3, x, 'Nieuwe actie ' || i, 'organisation', $4, $5::date + 30, 100 * $6 + i FROM (SELECT gen_random_uuid() AS x, i FROM generate_series(1, 10) i) y`,
      [region, v, familyId, team, today, n],
    );
    if (n < 5) await agree(v);
  }
  return versions;
}

type UserRow = {
  id: string;
  organisation_id: string;
  roles: Actor['roles'];
  display_name: string;
  type: string;
  safety_task: boolean;
};
const asActorOf = (regionId: string, u: UserRow): Actor => ({
  regionId,
  userId: u.id,
  organisationId: u.organisation_id,
  organisationType: u.type,
  safetyTask: u.safety_task,
  roles: u.roles,
  displayName: u.display_name,
});

/** A user of the demo region as an actor (what a session would give). */
async function actorOf(db: Database, regionId: string, userId: string): Promise<Actor> {
  const [u] = await db.query<UserRow>(
    `SELECT u.id, u.organisation_id, u.roles, u.display_name, o.type, o.safety_task FROM users u
       JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id WHERE u.region_id = $1 AND u.id = $2`,
    [regionId, userId],
  );
  if (!u) throw new Error(`no user ${userId}`);
  return asActorOf(regionId, u);
}

/** The team lead of the demo region's front door as an actor (what a session would give). */
async function teamLead(db: Database): Promise<Actor> {
  const [u] = await db.query<UserRow>(
    `SELECT u.id, u.organisation_id, u.roles, u.display_name, o.type, o.safety_task FROM users u
       JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id WHERE u.region_id = $1 AND u.username = 'teamleider'`,
    [DEMO_REGION.id],
  );
  if (!u) throw new Error('the seeded region has no teamleider');
  return asActorOf(DEMO_REGION.id, u);
}

export async function measurePlans(o: {
  runs: number;
  families: number;
  /** Cases whose plan page is measured (default 100). */
  pageCases?: number;
  say?: (m: string) => void;
}): Promise<PlansResult> {
  const say = o.say ?? (() => undefined);
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
    say('(p) a plan of 40 goals and 120 actions in 5 versions');
    const [v1, v2] = await planWithHistory(t.db, a, region, team, fam.id, fam.caseId);
    let counts: unknown = null;
    const compare = await timed(o.runs, 5, async () => {
      counts ??= (await compareVersions(t.db, a, { from: v1!, to: v2! })).counts;
      await compareVersions(t.db, a, { from: v1!, to: v2! });
    });
    const compareSql = await timed(o.runs, 5, async () => {
      await t.db.query(`SELECT * FROM plan_goals WHERE region_id = $1 AND plan_version_id = ANY ($2::uuid[])`, [region, [v1, v2]]);
      await t.db.query(`SELECT * FROM plan_actions WHERE region_id = $1 AND plan_version_id = ANY ($2::uuid[])`, [region, [v1, v2]]);
    });
    say(`(p) compare p95 ${ms(compare.p95)}`);
    let pdfBytes = 0;
    const pdf = await timed(Math.min(o.runs, 30), 3, async () => {
      pdfBytes = (await planPdf(t.db, a, v1!)).bytes.length;
    });
    say(`(p) PDF p95 ${ms(pdf.p95)}`);

    say(`(p) seeding a demo region of ${o.families} families`);
    const s0 = Date.now();
    await seedDemoRegion(t.db, { families: o.families, auditRowsPerFamily: 0 });
    const seedSeconds = (Date.now() - s0) / 1000;
    await t.db.exec('ANALYZE');
    const lead = await teamLead(t.db);
    const [open] = await t.db.query<{ n: number }>(
      `SELECT count(DISTINCT ct.case_id)::int AS n FROM case_team ct JOIN cases c ON c.region_id = ct.region_id AND c.id = ct.case_id
        WHERE ct.region_id = $1 AND ct.organisation_id = $2 AND ct.ended_at IS NULL AND c.status <> 'closed'`,
      [lead.regionId, lead.organisationId],
    );
    const q = OrganisationBlindSpotsQuery.parse({ missingOnly: 'true' });
    const blindSpots = async () => {
      let items = 0;
      const api = await timed(o.runs, 5, async () => {
        items = (await organisationBlindSpots(t.db, lead, q)).items.length;
      });
      return { items, api };
    };
    // First on the region as the demo seeds it (0–4 assessments per case, many blind spots) …
    const spots = await blindSpots();
    say(`(p) blind spots p95 ${ms(spots.api.p95)}`);
    say(`(p) every open case: a plan history of ${HISTORY.versions} versions and ≥ ${HISTORY.assessments} assessments`);
    const seeded = await seedPlanHistories(t.db, DEMO_REGION.id);
    say(
      `(p) ${seeded.cases} cases: ${seeded.versions} versions, ${seeded.goals} goals, ${seeded.actions} actions, ${seeded.progress} progress rows, ` +
        `${seeded.assessments} assessments (${seeded.assessmentScores} scores) in ${seeded.seconds.toFixed(0)} s`,
    );
    await t.db.exec('VACUUM ANALYZE');

    // The plan page of many cases, each against exactly the SQL it sent, replayed raw over one connection.
    const sample = await sampleSeededCases(t.db, DEMO_REGION.id, o.pageCases ?? 100);
    const actors = new Map<string, Actor>();
    for (const c of sample) if (!actors.has(c.coordinator)) actors.set(c.coordinator, await actorOf(t.db, DEMO_REGION.id, c.coordinator));
    const recorder = new Recorder();
    const wrapped = recorder.wrap(t.db);
    /** A use case of each sampled case through the service against that case's captured statements replayed raw, alternating, case after case. */
    const perCase = async (
      run: (db: Database, actor: Actor, caseId: string) => Promise<unknown>,
      cases: Array<{ caseId: string; actor: Actor; statements: Statement[] }>,
    ) => {
      const replayer = onPostgres ? await pgReplayer(testDatabaseUrl(t.name)) : pgliteReplayer(t.db);
      const api: number[] = [];
      const raw: number[] = [];
      const timings: Timings = new Map();
      try {
        const total = Math.max(o.runs, cases.length);
        for (let i = 0; i < total + 5; i++) {
          const p = cases[i % cases.length]!;
          let t0 = process.hrtime.bigint();
          await run(t.db, p.actor, p.caseId);
          if (i >= 5) api.push(since(t0));
          t0 = process.hrtime.bigint();
          await replayer.run(p.statements, 'tx');
          if (i >= 5) raw.push(since(t0));
        }
        // Diagnostic: once more over every case, each statement timed on its own (where the raw time goes).
        for (const p of cases) await replayer.run(p.statements, 'tx', timings);
      } finally {
        await replayer.close();
      }
      const slowest = [...timings]
        .map(([statement, xs]) => ({ statement, p50: summarise(xs).p50 }))
        .sort((x, y) => y.p50 - x.p50)
        .slice(0, 3);
      const n = cases.map((p) => p.statements.length).sort((x, y) => x - y);
      const r = { cases: cases.length, statements: n[Math.floor(n.length / 2)] ?? 0, api: summarise(api), raw: summarise(raw), slowest };
      return { ...r, ratio: r.api.p50 / r.raw.p50 };
    };
    const pages: Array<{ caseId: string; actor: Actor; statements: Statement[] }> = [];
    const spotPages: typeof pages = [];
    let shown = 0;
    for (const c of sample) {
      const actor = actors.get(c.coordinator)!;
      const { result, statements } = await recorder.capture(() => readPlan(wrapped, actor, c.caseId));
      if (result.versions.length !== HISTORY.versions || !result.current || !result.draft)
        throw new Error(
          `(p) case ${c.caseId}: the plan page shows ${result.versions.length} versions, expected ${HISTORY.versions} with an agreed one and a draft`,
        );
      shown += result.current.goals.length + result.current.actions.length;
      pages.push({ caseId: c.caseId, actor, statements });
      spotPages.push({
        caseId: c.caseId,
        actor,
        statements: (await recorder.capture(() => readCaseBlindSpots(wrapped, actor, c.caseId))).statements,
      });
    }
    const measured = await perCase(readPlan, pages);
    const page = { versions: HISTORY.versions, itemsPerPage: shown / Math.max(1, pages.length), seed: seeded, ...measured };
    say(`(p) plan page of ${pages.length} cases: API p50 ${ms(page.api.p50)}, raw p50 ${ms(page.raw.p50)} → ${page.ratio.toFixed(2)}×`);
    // The same cases' blind spots (GET /cases/:id/blind-spots: the integral picture's panel beside the plan), the same way.
    const caseBlindSpots = await perCase(readCaseBlindSpots, spotPages);
    say(
      `(p) case blind spots: API p50 ${ms(caseBlindSpots.api.p50)}, raw p50 ${ms(caseBlindSpots.raw.p50)} → ${caseBlindSpots.ratio.toFixed(2)}×`,
    );

    // … then with every open case assessed at least 3 times (fewer blind spots: missingOnly reads further for a page).
    const dense = await blindSpots();
    say(`(p) blind spots after the plan histories and assessments p95 ${ms(dense.api.p95)}`);
    return {
      database: onPostgres ? 'PostgreSQL' : 'PGlite',
      runs: o.runs,
      compare,
      compareSql,
      counts,
      pdf,
      pdfBytes,
      page,
      blindSpots: { families: o.families, openCases: open?.n ?? 0, seedSeconds, items: spots.items, api: spots.api },
      blindSpotsAssessed: dense,
      caseBlindSpots,
    };
  } finally {
    await t.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await measurePlans({
    runs: Number(process.env.RUNS ?? 60),
    families: Number(process.env.PLAN_FAMILIES ?? 1000),
    pageCases: Number(process.env.PAGE_CASES ?? 100),
    say: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(plansSummary(r).join('\n') + '\n');
}
