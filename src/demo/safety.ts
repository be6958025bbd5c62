// Demo safety and network councils, written in SQL from the cases just seeded (deterministic:
// ids from md5 of the case id, dates from the seed's `now`): every open case has its council
// offered, declined (with a reason), accepted or held (with the family's goals and a network
// action) — except the oldest open case, which stays overdue (the sweep tells its coordinator
// and team lead once). One in three open cases has a safety
// assessment (safe, conditionally safe or unsafe, with a 0–10 scaling by a parent and the
// coordinator's organisation); the (conditionally) unsafe ones have a safety plan.
import type { Database } from '../platform/db/db.js';

export async function seedDemoSafety(db: Database, regionId: string, now: number): Promise<void> {
  const today = new Date(now).toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO council_settings (region_id, working_days) VALUES ($1, 10) ON CONFLICT (region_id) DO NOTHING`, [regionId]);
    await tx.query(
      `WITH open AS (
         SELECT c.id, c.family_id, (c.opened_at AT TIME ZONE 'Europe/Amsterdam')::date AS opened_on, ct.user_id,
                row_number() OVER (ORDER BY c.opened_at, c.id) AS n
           FROM cases c JOIN case_team ct ON ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
          WHERE c.region_id = $1 AND c.status <> 'closed'),
       chosen AS (SELECT * FROM open WHERE n > 1)
       INSERT INTO network_councils (region_id, id, case_id, family_id, offered_on, answer, declined_reason, answered_on, met_on, updated_by, updated_at)
       SELECT $1, md5('council' || id::text)::uuid, id, family_id, least(opened_on + 3, $2::date),
              CASE n % 4 WHEN 0 THEN NULL WHEN 1 THEN 'declined' ELSE 'accepted' END,
              CASE n % 4 WHEN 1 THEN 'Het gezin wil de familie er nu nog niet bij betrekken.' END,
              CASE n % 4 WHEN 0 THEN NULL ELSE least(opened_on + 5, $2::date) END,
              CASE n % 4 WHEN 3 THEN least(opened_on + 12, $2::date) END,
              user_id, least(opened_on + 5, $2::date)::timestamptz
         FROM chosen`,
      [regionId, today],
    );
    await tx.query(
      `INSERT INTO council_goals (region_id, id, case_id, family_id, position, goal)
       SELECT n.region_id, md5('goal' || g.pos || n.case_id::text)::uuid, n.case_id, n.family_id, g.pos, g.goal
         FROM network_councils n
         CROSS JOIN (VALUES (1, 'Wij willen dat de kinderen weer rustig kunnen slapen.'), (2, 'Wij willen zelf weer overzicht over het geld.')) AS g(pos, goal)
        WHERE n.region_id = $1 AND n.met_on IS NOT NULL`,
      [regionId],
    );
    await tx.query(
      `INSERT INTO council_actions (region_id, id, case_id, family_id, position, what, network_member_id, due_on)
       SELECT n.region_id, md5('action' || n.case_id::text)::uuid, n.case_id, n.family_id, 1, 'Past op woensdagmiddag op de kinderen', m.id, n.met_on + 14
         FROM network_councils n
         JOIN LATERAL (SELECT id FROM network_members nm WHERE nm.region_id = n.region_id AND nm.family_id = n.family_id ORDER BY nm.id LIMIT 1) m ON true
        WHERE n.region_id = $1 AND n.met_on IS NOT NULL`,
      [regionId],
    );
    await tx.query(
      `WITH open AS (
         SELECT c.id, c.family_id, ct.user_id, ct.organisation_id, row_number() OVER (ORDER BY c.id) AS n,
                (SELECT fm.person_id FROM family_members fm WHERE fm.region_id = c.region_id AND fm.family_id = c.family_id AND fm.relation IN ('parent', 'carer')
                  ORDER BY fm.person_id LIMIT 1) AS parent
           FROM cases c JOIN case_team ct ON ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
          WHERE c.region_id = $1 AND c.status <> 'closed')
       INSERT INTO safety_assessments (region_id, id, case_id, family_id, dangers, going_well, safety_goals, scalings, decision, recorded_by, updated_by, recorded_at, updated_at)
       SELECT $1, md5('safety' || id::text)::uuid, id, family_id,
              CASE ((n - 1) / 3) % 3 WHEN 0 THEN 'Spanningen tussen de ouders, geen geweld gezien.'
                               WHEN 1 THEN 'Ruzies met geschreeuw waar de kinderen bij zijn; vader drinkt in het weekend.'
                               ELSE 'Moeder is geslagen; de kinderen waren erbij.' END,
              'De kinderen gaan elke dag naar school; oma is betrokken.',
              'Geen geweld in huis; de kinderen weten wie ze kunnen bellen.',
              jsonb_build_array(jsonb_build_object('partyKind', 'person', 'partyId', parent, 'score', 8 - 2 * (((n - 1) / 3) % 3)),
                                jsonb_build_object('partyKind', 'organisation', 'partyId', organisation_id, 'score', 7 - 2 * (((n - 1) / 3) % 3))),
              CASE ((n - 1) / 3) % 3 WHEN 0 THEN 'safe' WHEN 1 THEN 'conditionally_safe' ELSE 'unsafe' END,
              user_id, user_id, $2::date - 20, $2::date - 20
         FROM open WHERE n % 3 = 1 AND parent IS NOT NULL`,
      [regionId, today],
    );
    await tx.query(
      `INSERT INTO safety_plan_agreements (region_id, id, case_id, family_id, what, owner_kind, owner_organisation_id, owner_network_member_id, due_on, check_how, created_by, created_at)
       SELECT a.region_id, md5('plan1' || a.case_id::text)::uuid, a.case_id, a.family_id, 'Wekelijks huisbezoek, ook onaangekondigd', 'organisation', ct.organisation_id, NULL,
              $2::date + 30, 'Verslag van elk bezoek in het dossier; de regisseur bespreekt het met de gedragswetenschapper', a.recorded_by, a.recorded_at
         FROM safety_assessments a JOIN case_team ct ON ct.region_id = a.region_id AND ct.case_id = a.case_id AND ct.user_id = a.recorded_by AND ct.ended_at IS NULL
        WHERE a.region_id = $1 AND a.decision <> 'safe'
       UNION ALL
       SELECT a.region_id, md5('plan2' || a.case_id::text)::uuid, a.case_id, a.family_id, 'Haalt de kinderen op als er thuis ruzie is', 'network_member', NULL, m.id,
              NULL, 'De regisseur belt elke vrijdag', a.recorded_by, a.recorded_at
         FROM safety_assessments a
         JOIN LATERAL (SELECT id FROM network_members nm WHERE nm.region_id = a.region_id AND nm.family_id = a.family_id ORDER BY nm.id LIMIT 1) m ON true
        WHERE a.region_id = $1 AND a.decision <> 'safe'`,
      [regionId, today],
    );
  });
}
