// Demo plans, so the plan screens, the family page and the lead-time screen show real-looking data
// on first start: for open cases in the plan phase or later, a plan in each state — a draft, a
// proposal waiting for answers, an agreed plan, an agreed plan superseded by a newer agreed one,
// and a version a party disagreed with. Written as the installation (owner connection), in the
// order the database allows: content while a draft, then proposed, answers, then the outcome.
// On the agreed version, how its actions went (plan_action_progress, migration 0380): some done,
// some not done and why, a few done and open again — recorded by the coordinator after the
// agreement, with the timeline events the service writes for them.
import type { Database, Tx } from '../platform/db/db.js';
import { familyParties } from '../modules/plans/parties.js';
import { safetyPlanSnapshot } from '../modules/safety/safety.queries.js';
import { TIMELINE_TYPE_OF, type TimelineKind } from '../shared/events/kinds.js';
import { Rng } from './random.js';

type Kind = 'draft' | 'proposed' | 'agreed' | 'superseded' | 'disagreed';
const KINDS: Kind[] = ['agreed', 'proposed', 'draft', 'superseded', 'disagreed'];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const GOALS: Array<[string, string, number]> = [
  ['finances', 'Schulden in beeld en een betalingsregeling die het gezin kan volhouden', 3],
  ['housing', 'Een passende woning zonder huurachterstand', 4],
  ['parenting', 'Ouders hebben vaste afspraken over bedtijden en schermtijd', 4],
  ['education', 'Weer elke dag naar school, met steun van de mentor', 4],
  ['mental_health', 'Moeder krijgt behandeling voor haar somberheid', 3],
  ['daytime_activity', 'Vader vindt werk of vrijwilligerswerk voor drie dagen per week', 3],
];
const FAMILY_GOALS = [
  'Wij willen weer samen eten zonder ruzie',
  'Oma helpt twee middagen per week met de kinderen',
  'We willen rust in huis en geen brieven meer van deurwaarders',
];
/** Actions of the demo's plans (the plan benchmark's too). */
export const ACTIONS = [
  'Aanmelden bij schuldhulpverlening',
  'Huisbezoek met de ouders over de afspraken thuis',
  'Overleg met de mentor over aanwezigheid',
  'Intake bij de praktijkondersteuner GGZ',
  'Opvoedondersteuning: vijf gesprekken',
  'Samen de post doornemen',
];
/** Why an action was not done, in the coordinator's words. */
const NOT_DONE = [
  'Moeder was ziek; de afspraak is vervallen en nog niet opnieuw gemaakt',
  'De wachtlijst is nog drie maanden; het gezin staat erop',
  'Het gezin wilde dit eerst zelf proberen',
  'De school had geen tijd voor het overleg voor de vakantie',
];

export async function seedDemoPlans(db: Database, regionId: string, seed: number, now: number, max = 30): Promise<number> {
  const rng = new Rng(seed, 31);
  const cases = await db.query<{ id: string; family_id: string; opened_at: string; coordinator: string; organisation_id: string }>(
    `SELECT c.id, c.family_id, c.opened_at, ct.user_id AS coordinator, ct.organisation_id
       FROM cases c JOIN case_team ct ON ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
      WHERE c.region_id = $1 AND c.status IN ('plan', 'executing', 'evaluating') ORDER BY c.opened_at, c.id LIMIT $2`,
    [regionId, max],
  );
  let written = 0;
  for (const [i, c] of cases.entries()) {
    await db.transaction(async (tx) => {
      await planFor(tx, rng, regionId, c, KINDS[i % KINDS.length]!, now, i);
    });
    written++;
  }
  return written;
}

async function planFor(
  tx: Tx,
  rng: Rng,
  regionId: string,
  c: { id: string; family_id: string; opened_at: string; coordinator: string; organisation_id: string },
  kind: Kind,
  now: number,
  index: number,
) {
  const members = await tx.query<{ person_id: string; relation: string; birth_date: string | null; given_names: string }>(
    `SELECT fm.person_id, fm.relation, p.birth_date::text AS birth_date, p.given_names FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE fm.region_id = $1 AND fm.family_id = $2 ORDER BY fm.person_id`,
    [regionId, c.family_id],
  );
  // A plan is agreed by parents or carers: a household without one gets no demo plan.
  if (!members.some((m) => m.relation === 'parent' || m.relation === 'carer')) return;
  const network = await tx.query<{ id: string }>(
    `SELECT id FROM network_members WHERE region_id = $1 AND family_id = $2 ORDER BY id LIMIT 1`,
    [regionId, c.family_id],
  );
  const opened = Math.min(Date.parse(c.opened_at), now - 40 * DAY);
  const event = (kindName: TimelineKind, params: object, at: number, data: object = {}) =>
    tx.query(
      `INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind, params, actor_user_id, actor_organisation_id, data, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        regionId,
        rng.uuid(),
        c.family_id,
        c.id,
        TIMELINE_TYPE_OF[kindName],
        kindName,
        JSON.stringify(params),
        c.coordinator,
        c.organisation_id,
        JSON.stringify(data),
        new Date(at).toISOString(),
      ],
    );

  /** One version: a draft with goals and actions; then proposed, answered and decided as `outcome` says. */
  const version = async (
    number: number,
    basedOn: string | null,
    start: number,
    outcome: 'draft' | 'proposed' | 'agreed' | 'not_agreed',
  ) => {
    const id = rng.uuid();
    await tx.query(
      `INSERT INTO plan_versions (region_id, id, case_id, family_id, number, plan_date, based_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [regionId, id, c.id, c.family_id, number, iso(start), basedOn, c.coordinator, new Date(start).toISOString()],
    );
    await event('plan_draft_started', { number }, start);
    const goalIds: string[] = [];
    const n = 2 + Math.floor(rng.float() * 3);
    for (let g = 0; g < n; g++) {
      const [domain, text, score] = GOALS[(number + g) % GOALS.length]!;
      const gid = rng.uuid();
      goalIds.push(gid);
      await tx.query(
        `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, description, target_score, target_date, position)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          regionId,
          gid,
          id,
          c.family_id,
          `00000000-0000-4000-8000-${String(g).padStart(12, '0')}`,
          domain,
          text,
          score,
          iso(start + 120 * DAY),
          g,
        ],
      );
    }
    await tx.query(
      `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, description, family_own, position) VALUES ($1, $2, $3, $4, $5, 'social_network', $6, true, 99)`,
      [regionId, rng.uuid(), id, c.family_id, '00000000-0000-4000-8000-000000000099', FAMILY_GOALS[number % FAMILY_GOALS.length]],
    );
    const parent = members.find((m) => m.relation === 'parent' || m.relation === 'carer');
    const owners: Array<[string, string | null, string | null, string | null]> = [['organisation', c.organisation_id, null, null]];
    if (parent) owners.push(['family_member', null, parent.person_id, null]);
    if (network[0]) owners.push(['network_member', null, null, network[0].id]);
    for (let a = 0; a < 3; a++) {
      const [ownerKind, org, person, nm] = owners[a % owners.length]!;
      // Some actions due in the coming week and some overdue, so the family page has both to show.
      const due = a === 0 ? now + 3 * DAY : a === 1 ? now - 5 * DAY : start + 60 * DAY;
      await tx.query(
        `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, goal_id, description, owner_kind, owner_organisation_id, owner_user_id,
          owner_person_id, owner_network_member_id, due_on, status, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'open', $14)`,
        [
          regionId,
          rng.uuid(),
          id,
          c.family_id,
          `00000000-0000-4000-9000-${String(a).padStart(12, '0')}`,
          goalIds[a % goalIds.length],
          ACTIONS[(number + a) % ACTIONS.length],
          ownerKind,
          org,
          org ? c.coordinator : null,
          person,
          nm,
          iso(Math.max(due, start)),
          a,
        ],
      );
    }
    if (outcome === 'draft' || !parent) return id;
    const proposedOn = iso(start + 3 * DAY);
    const parties = [
      ...familyParties(
        members.map((m) => ({ personId: m.person_id, relation: m.relation, birthDate: m.birth_date })),
        proposedOn,
      ).map((p) => ({ person: p.personId, org: null as string | null, requirement: p.requirement })),
      { person: null, org: c.organisation_id, requirement: 'agree' as const },
    ];
    const partyIds: string[] = [];
    for (const p of parties) {
      const pid = rng.uuid();
      partyIds.push(pid);
      await tx.query(
        `INSERT INTO plan_parties (region_id, id, plan_version_id, family_id, person_id, organisation_id, requirement) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [regionId, pid, id, c.family_id, p.person, p.org, p.requirement],
      );
    }
    // As the service does: the safety plan (seeded before the plans) is kept with the version proposed.
    await tx.query(
      `UPDATE plan_versions SET status = 'proposed', proposed_at = $3, proposed_by = $4, safety_plan = $5 WHERE region_id = $1 AND id = $2`,
      [regionId, id, new Date(start + 3 * DAY).toISOString(), c.coordinator, JSON.stringify(await safetyPlanSnapshot(tx, regionId, c.id))],
    );
    await event('plan_version_proposed', { number }, start + 3 * DAY);
    if (outcome === 'proposed') return id;
    const answeredAt = start + 7 * DAY;
    for (const [k, p] of parties.entries()) {
      const disagree = outcome === 'not_agreed' && k === 0;
      const answer = p.requirement === 'heard' ? 'heard' : disagree ? 'disagreed' : 'agreed';
      await tx.query(
        `INSERT INTO plan_answers (region_id, id, plan_version_id, party_id, family_id, answer, reason, view, via, answered_on, recorded_by, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          regionId,
          rng.uuid(),
          id,
          partyIds[k],
          c.family_id,
          answer,
          disagree ? 'De afspraken over geld gaan ons te snel' : null,
          answer === 'heard' ? 'Wil graag bij de voetbalclub blijven' : null,
          p.person ? 'conversation' : 'own_account',
          iso(answeredAt),
          c.coordinator,
          new Date(answeredAt).toISOString(),
        ],
      );
      if (disagree) break;
    }
    if (outcome === 'agreed')
      await tx.query(
        `UPDATE plan_versions SET status = 'superseded', superseded_at = $4 WHERE region_id = $1 AND case_id = $2 AND status = 'agreed' AND id <> $3`,
        [regionId, c.id, id, new Date(answeredAt).toISOString()],
      );
    await tx.query(`UPDATE plan_versions SET status = $3, decided_at = $4 WHERE region_id = $1 AND id = $2`, [
      regionId,
      id,
      outcome,
      new Date(answeredAt).toISOString(),
    ]);
    if (outcome === 'agreed') {
      await tx.query(
        `INSERT INTO lead_time_moments (region_id, id, organisation_id, case_id, family_id, moment, occurred_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT DO NOTHING`,
        [regionId, rng.uuid(), c.organisation_id, c.id, c.family_id, 'plan_agreed', new Date(answeredAt).toISOString(), c.coordinator],
      );
      await event('plan_agreed', { number }, answeredAt);
    } else {
      await event(
        'plan_disagreed',
        { number, party: members[0]?.given_names ?? '', reason: 'De afspraken over geld gaan ons te snel' },
        answeredAt,
      );
    }
    return id;
  };

  await tx.query(
    `INSERT INTO lead_time_moments (region_id, id, organisation_id, case_id, family_id, moment, occurred_at, recorded_by) VALUES ($1, $2, $3, $4, $5, 'first_contact', $6, $7)
    ON CONFLICT DO NOTHING`,
    [regionId, rng.uuid(), c.organisation_id, c.id, c.family_id, new Date(opened + 2 * DAY).toISOString(), c.coordinator],
  );
  const start = opened + 10 * DAY;
  if (kind === 'draft') await version(1, null, start, 'draft');
  else if (kind === 'proposed') await version(1, null, start, 'proposed');
  else if (kind === 'agreed') await progress(await version(1, null, start, 'agreed'), start + 7 * DAY);
  else if (kind === 'disagreed') await version(1, null, start, 'not_agreed');
  else {
    const v1 = await version(1, null, start, 'agreed');
    await progress(await version(2, v1, start + 14 * DAY, 'agreed'), start + 21 * DAY);
  }

  /**
   * How the actions of the agreed version went, as the coordinator records them (progress.service.ts):
   * by turns per action and case — done; not done, with why; done and later open again; not yet
   * recorded — at dates between the agreement and now, each with its timeline event.
   */
  async function progress(versionId: string, agreedAt: number) {
    const status = await tx.query<{ status: string }>(`SELECT status FROM plan_versions WHERE region_id = $1 AND id = $2`, [
      regionId,
      versionId,
    ]);
    // A household without a parent or carer gets a draft only (see version()).
    if (status[0]?.status !== 'agreed') return;
    const actions = await tx.query<{ id: string; description: string; position: number }>(
      `SELECT id, description, position FROM plan_actions WHERE region_id = $1 AND plan_version_id = $2 ORDER BY position`,
      [regionId, versionId],
    );
    // Within four months of the agreement (and before today): a plan's actions are followed up on.
    const span = Math.max(Math.min(now - DAY - agreedAt, 120 * DAY), 2 * DAY);
    const record = async (a: { id: string; description: string }, st: 'done' | 'not_done' | 'open', reason: string | null, at: number) => {
      await tx.query(
        `INSERT INTO plan_action_progress (region_id, id, action_id, plan_version_id, family_id, status, not_done_reason, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [regionId, rng.uuid(), a.id, versionId, c.family_id, st, reason, c.coordinator, new Date(at).toISOString()],
      );
      const data = { planVersionId: versionId, actionId: a.id };
      if (st === 'done') await event('plan_action_done', { action: a.description }, at, data);
      else if (st === 'not_done') await event('plan_action_not_done', { action: a.description, reason: reason! }, at, data);
      else await event('plan_action_reopened', { action: a.description }, at, data);
    };
    for (const a of actions) {
      const turn = (index + a.position) % 4;
      // Spread over the time since the agreement, the first action first; a reopening late.
      const at = agreedAt + Math.round(span * (0.2 + 0.15 * a.position + rng.float() * 0.1));
      if (turn === 0) await record(a, 'done', null, at);
      else if (turn === 1) await record(a, 'not_done', NOT_DONE[(index + a.position) % NOT_DONE.length]!, at);
      else if (turn === 2) {
        await record(a, 'done', null, at);
        await record(a, 'open', null, agreedAt + Math.round(span * 0.9));
      }
    }
  }
}
