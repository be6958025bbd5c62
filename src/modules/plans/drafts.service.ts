// Drafts of the plan: start the next version (a copy of the last), change its date, its goals and
// actions (each checked against the family and the case team), add an organisation's professional
// to the team together with the action they own, and copy the network council's plan into it.
// Every change raises the draft's version and undoes a team lead's approval.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { Conflict, Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { CHILD_DOMAINS } from '../../shared/contract/domains.js';
import { appendEvent } from '../timeline/timeline.js';
import { addTeamMemberIn } from '../cases/public.js';
import { ageOn } from './parties.js';
import { actionsOf, goalsOf, insertDraft, versionsOfCase, type VersionRow } from './plans.repo.js';
import { audit, bumpDraft, caseFor, councilOutcomeOrNull, editableDraft, versionFor } from './plan-access.js';
import type {
  ActionInput,
  ActionWithTeamMemberBody,
  CouncilCopyBody,
  GoalInput,
  StartDraftBody,
  UpdateDraftBody,
} from './plans.contract.js';

export async function startDraft(db: Database, actor: Actor, caseId: string, body: z.infer<typeof StartDraftBody>) {
  return asActor(db, actor, async (tx) => {
    const c = await caseFor(tx, actor, caseId, true);
    const versions = await versionsOfCase(tx, actor.regionId, caseId);
    if (versions.some((v) => v.status === 'draft'))
      throw new Conflict(
        'draft_exists',
        { nl: 'Er is al een concept van dit plan; werk dat bij.', en: 'There already is a draft of this plan; edit that one.' },
        'caseId',
      );
    const last = versions[versions.length - 1];
    const planDate = body.planDate ?? dutchToday();
    if (last && planDate < last.plan_date)
      throw new Invalid('before_previous_version', 'planDate', {
        nl: `Een nieuwe versie kan niet vóór de vorige (${last.plan_date}) liggen.`,
        en: `A new version cannot be dated before the previous one (${last.plan_date}).`,
      });
    const id = await insertDraft(tx, actor.regionId, { caseId, familyId: c.family_id }, actor.userId, planDate, last);
    await appendEvent(tx, actor, {
      familyId: c.family_id,
      caseId,
      kind: 'plan_draft_started',
      params: { number: (last?.number ?? 0) + 1 },
      data: { planVersionId: id },
    });
    await audit(tx, actor, c.family_id, 'create', 'plan-version', id);
    return { id, version: 1 };
  });
}

export async function updateDraft(db: Database, actor: Actor, versionId: string, body: z.infer<typeof UpdateDraftBody>) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    const due = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM plan_actions WHERE region_id = $1 AND plan_version_id = $2 AND due_on < $3`,
      [actor.regionId, v.id, body.planDate],
    );
    if ((due[0]?.n ?? 0) > 0)
      throw new Invalid('actions_due_before', 'planDate', {
        nl: 'Er zijn acties met een einddatum vóór deze datum.',
        en: 'Some actions are due before this date.',
      });
    await tx.query(`UPDATE plan_versions SET plan_date = $3 WHERE region_id = $1 AND id = $2`, [actor.regionId, v.id, body.planDate]);
    const version = await bumpDraft(tx, actor, v);
    await audit(tx, actor, v.family_id, 'update', 'plan-version', v.id);
    return { id: v.id, version };
  });
}

async function checkGoal(tx: Tx, actor: Actor, v: VersionRow, g: z.infer<typeof GoalInput>) {
  if (g.personId) {
    const rows = await tx.query<{ birth_date: string | null }>(
      `SELECT p.birth_date::text AS birth_date FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
       WHERE fm.region_id = $1 AND fm.family_id = $2 AND fm.person_id = $3`,
      [actor.regionId, v.family_id, g.personId],
    );
    if (!rows[0])
      throw new Invalid('unknown_family_member', 'personId', {
        nl: 'Deze persoon hoort niet bij dit gezin.',
        en: 'This person is not a member of this family.',
      });
    const birth = rows[0].birth_date;
    if (birth && (CHILD_DOMAINS as readonly string[]).includes(g.domain) && ageOn(birth, v.plan_date) >= 18)
      throw new Invalid('domain_not_for_age', 'domain', {
        nl: 'Dit levensdomein geldt alleen voor kinderen (jonger dan 18).',
        en: 'This life domain applies to children (under 18) only.',
      });
  }
  if (g.targetDate && g.targetDate < v.plan_date)
    throw new Invalid('before_plan_version', 'targetDate', {
      nl: `De streefdatum ligt vóór de datum van deze versie (${v.plan_date}).`,
      en: `The target date is before this version's date (${v.plan_date}).`,
    });
}

const goalValues = (g: z.infer<typeof GoalInput>) => [
  g.domain,
  g.personId ?? null,
  g.description,
  g.targetScore ?? null,
  g.targetDate ?? null,
  g.familyOwn ?? false,
];

async function insertGoal(tx: Tx, actor: Actor, v: VersionRow, g: z.infer<typeof GoalInput>) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, person_id, description, target_score, target_date, family_own, position)
     VALUES ($1, $2, $3, $4, $2, $5, $6, $7, $8, $9, $10, (SELECT coalesce(max(position), 0) + 1 FROM plan_goals WHERE region_id = $1 AND plan_version_id = $3))`,
    [actor.regionId, id, v.id, v.family_id, ...goalValues(g)],
  );
  return id;
}

export async function addGoal(db: Database, actor: Actor, versionId: string, body: z.infer<typeof GoalInput> & { version: number }) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    await checkGoal(tx, actor, v, body);
    const id = await insertGoal(tx, actor, v, body);
    const version = await bumpDraft(tx, actor, v);
    await audit(tx, actor, v.family_id, 'create', 'plan-goal', id);
    return { id, version };
  });
}

export async function updateGoal(
  db: Database,
  actor: Actor,
  versionId: string,
  goalId: string,
  body: z.infer<typeof GoalInput> & { version: number },
) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    await checkGoal(tx, actor, v, body);
    const rows = await tx.query(
      `UPDATE plan_goals SET domain = $4, person_id = $5, description = $6, target_score = $7, target_date = $8, family_own = $9
       WHERE region_id = $1 AND plan_version_id = $2 AND id = $3 RETURNING id`,
      [actor.regionId, v.id, goalId, ...goalValues(body)],
    );
    if (!rows[0]) throw new NotFound('plan-goal', goalId);
    const version = await bumpDraft(tx, actor, v);
    await audit(tx, actor, v.family_id, 'update', 'plan-goal', goalId);
    return { id: goalId, version };
  });
}

export async function removeGoal(db: Database, actor: Actor, versionId: string, goalId: string, body: { version: number }) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    await tx.query(`UPDATE plan_actions SET goal_id = NULL WHERE region_id = $1 AND plan_version_id = $2 AND goal_id = $3`, [
      actor.regionId,
      v.id,
      goalId,
    ]);
    const rows = await tx.query(`DELETE FROM plan_goals WHERE region_id = $1 AND plan_version_id = $2 AND id = $3 RETURNING id`, [
      actor.regionId,
      v.id,
      goalId,
    ]);
    if (!rows[0]) throw new NotFound('plan-goal', goalId);
    const version = await bumpDraft(tx, actor, v);
    await audit(tx, actor, v.family_id, 'delete', 'plan-goal', goalId);
    return { id: goalId, version };
  });
}

/** The organisation's professionals an owner-not-on-team answer offers to add. */
async function organisationUsers(tx: Tx, regionId: string, organisationId: string) {
  return tx.query<{ id: string; name: string }>(
    `SELECT id, display_name AS name FROM users WHERE region_id = $1 AND organisation_id = $2 AND active ORDER BY display_name`,
    [regionId, organisationId],
  );
}

/** Checks an action against the draft, the family and the case team; `prefix` names nested fields (action.dueOn). */
async function checkAction(tx: Tx, actor: Actor, v: VersionRow, a: z.infer<typeof ActionInput>, prefix = '') {
  if (a.dueOn < v.plan_date)
    throw new Invalid('due_before_plan_version', `${prefix}dueOn`, {
      nl: `De einddatum ligt vóór de datum van deze versie van het plan (${v.plan_date}).`,
      en: `The due date is before the date of this plan version (${v.plan_date}).`,
    });
  if ((a.status ?? 'open') === 'not_done' && !a.notDoneReason)
    throw new Invalid('reason_required', `${prefix}notDoneReason`, {
      nl: 'Geef aan waarom de actie niet is gedaan.',
      en: 'Say why the action was not done.',
    });
  if (a.goalId) {
    const g = await tx.query(`SELECT 1 FROM plan_goals WHERE region_id = $1 AND plan_version_id = $2 AND id = $3`, [
      actor.regionId,
      v.id,
      a.goalId,
    ]);
    if (!g[0])
      throw new Invalid('unknown_goal', `${prefix}goalId`, {
        nl: 'Dit doel hoort niet bij deze versie van het plan.',
        en: 'This goal is not part of this plan version.',
      });
  }
  const o = a.owner;
  if (o.kind === 'organisation') {
    const orgs = await tx.query<{ name: string }>(`SELECT name FROM organisations WHERE region_id = $1 AND id = $2`, [
      actor.regionId,
      o.organisationId,
    ]);
    if (!orgs[0])
      throw new Invalid('unknown_organisation', `${prefix}owner.organisationId`, {
        nl: 'Deze organisatie bestaat niet in uw regio.',
        en: 'This organisation does not exist in your region.',
      });
    const onTeam = await tx.query(
      `SELECT 1 FROM case_team WHERE region_id = $1 AND case_id = $2 AND organisation_id = $3 AND ended_at IS NULL LIMIT 1`,
      [actor.regionId, v.case_id, o.organisationId],
    );
    if (!onTeam[0])
      throw new Conflict(
        'owner_not_on_team',
        {
          nl: `${orgs[0].name} zit niet in het casusteam. Voeg een professional van deze organisatie toe (met grondslag) en sla de actie dan op.`,
          en: `${orgs[0].name} is not on the case team. Add a professional of this organisation (with a legal basis), then save the action.`,
        },
        `${prefix}owner.organisationId`,
        {
          offer: {
            organisationId: o.organisationId,
            organisationName: orgs[0].name,
            users: await organisationUsers(tx, actor.regionId, o.organisationId),
            path: `/api/v1/plan-versions/${v.id}/actions/with-team-member`,
          },
        },
      );
    if (o.userId) {
      const m = await tx.query(
        `SELECT 1 FROM case_team WHERE region_id = $1 AND case_id = $2 AND organisation_id = $3 AND user_id = $4 AND ended_at IS NULL`,
        [actor.regionId, v.case_id, o.organisationId, o.userId],
      );
      if (!m[0])
        throw new Invalid('owner_user_not_on_team', `${prefix}owner.userId`, {
          nl: 'Deze professional zit niet namens deze organisatie in het casusteam.',
          en: 'This professional is not on the case team for this organisation.',
        });
    }
  } else if (o.kind === 'family_member') {
    const m = await tx.query(`SELECT 1 FROM family_members WHERE region_id = $1 AND family_id = $2 AND person_id = $3`, [
      actor.regionId,
      v.family_id,
      o.personId,
    ]);
    if (!m[0])
      throw new Invalid('unknown_family_member', `${prefix}owner.personId`, {
        nl: 'Deze persoon hoort niet bij dit gezin.',
        en: 'This person is not a member of this family.',
      });
  } else {
    const m = await tx.query(`SELECT 1 FROM network_members WHERE region_id = $1 AND family_id = $2 AND id = $3`, [
      actor.regionId,
      v.family_id,
      o.networkMemberId,
    ]);
    if (!m[0])
      throw new Invalid('unknown_network_member', `${prefix}owner.networkMemberId`, {
        nl: 'Deze persoon hoort niet bij het netwerk van dit gezin.',
        en: "This person is not in this family's network.",
      });
  }
}

function actionValues(a: z.infer<typeof ActionInput>) {
  const o = a.owner;
  return [
    a.goalId ?? null,
    a.description,
    o.kind,
    o.kind === 'organisation' ? o.organisationId : null,
    o.kind === 'organisation' ? (o.userId ?? null) : null,
    o.kind === 'family_member' ? o.personId : null,
    o.kind === 'network_member' ? o.networkMemberId : null,
    a.dueOn,
    a.status ?? 'open',
    (a.status ?? 'open') === 'not_done' ? (a.notDoneReason ?? null) : null,
  ];
}

async function insertAction(tx: Tx, actor: Actor, v: VersionRow, a: z.infer<typeof ActionInput>) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO plan_actions (region_id, id, plan_version_id, family_id, lineage_id, goal_id, description, owner_kind, owner_organisation_id, owner_user_id,
       owner_person_id, owner_network_member_id, due_on, status, not_done_reason, position)
     VALUES ($1, $2, $3, $4, $2, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, (SELECT coalesce(max(position), 0) + 1 FROM plan_actions WHERE region_id = $1 AND plan_version_id = $3))`,
    [actor.regionId, id, v.id, v.family_id, ...actionValues(a)],
  );
  return id;
}

export async function addAction(db: Database, actor: Actor, versionId: string, body: z.infer<typeof ActionInput> & { version: number }) {
  return asActor(db, actor, (tx) => addActionIn(tx, actor, versionId, body));
}

/** `prefix` names the action's fields where the body nests it (action.dueOn). */
async function addActionIn(tx: Tx, actor: Actor, versionId: string, body: z.infer<typeof ActionInput> & { version: number }, prefix = '') {
  const v = await editableDraft(tx, actor, versionId, body.version);
  await checkAction(tx, actor, v, body, prefix);
  const id = await insertAction(tx, actor, v, body);
  const version = await bumpDraft(tx, actor, v);
  await audit(tx, actor, v.family_id, 'create', 'plan-action', id);
  return { id, version };
}

export async function updateAction(
  db: Database,
  actor: Actor,
  versionId: string,
  actionId: string,
  body: z.infer<typeof ActionInput> & { version: number },
) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    await checkAction(tx, actor, v, body);
    const rows = await tx.query(
      `UPDATE plan_actions SET goal_id = $4, description = $5, owner_kind = $6, owner_organisation_id = $7, owner_user_id = $8,
         owner_person_id = $9, owner_network_member_id = $10, due_on = $11, status = $12, not_done_reason = $13
       WHERE region_id = $1 AND plan_version_id = $2 AND id = $3 RETURNING id`,
      [actor.regionId, v.id, actionId, ...actionValues(body)],
    );
    if (!rows[0]) throw new NotFound('plan-action', actionId);
    const version = await bumpDraft(tx, actor, v);
    await audit(tx, actor, v.family_id, 'update', 'plan-action', actionId);
    return { id: actionId, version };
  });
}

export async function removeAction(db: Database, actor: Actor, versionId: string, actionId: string, body: { version: number }) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    const rows = await tx.query(`DELETE FROM plan_actions WHERE region_id = $1 AND plan_version_id = $2 AND id = $3 RETURNING id`, [
      actor.regionId,
      v.id,
      actionId,
    ]);
    if (!rows[0]) throw new NotFound('plan-action', actionId);
    const version = await bumpDraft(tx, actor, v);
    await audit(tx, actor, v.family_id, 'delete', 'plan-action', actionId);
    return { id: actionId, version };
  });
}

/**
 * The answer to owner_not_on_team: the organisation's professional joins the case team through
 * the cases module's own use case (legal basis, version check, timeline, audit), then the action
 * is saved. Checked first, so a wrong professional or a stale draft adds no one.
 */
export async function addActionWithTeamMember(
  db: Database,
  actor: Actor,
  versionId: string,
  body: z.infer<typeof ActionWithTeamMemberBody>,
) {
  const a = body.action;
  if (a.owner.kind !== 'organisation')
    throw new Invalid('not_an_organisation', 'action.owner.kind', {
      nl: 'Alleen een actie van een organisatie vraagt om een teamlid.',
      en: 'Only an action of an organisation asks for a team member.',
    });
  const owner = a.owner;
  const organisationId = owner.organisationId;
  // One transaction: the professional joins the case team only together with the action they own.
  return asActor(db, actor, async (tx) => {
    const v = await versionFor(tx, actor, versionId, false);
    if (v.status !== 'draft')
      throw new Conflict('not_a_draft', { nl: 'Deze versie is geen concept meer.', en: 'This version is no longer a draft.' }, 'versionId');
    if (v.version !== body.version) throw new StaleVersion('plan-version');
    const u = await tx.query(`SELECT 1 FROM users WHERE region_id = $1 AND id = $2 AND organisation_id = $3 AND active`, [
      actor.regionId,
      body.teamMember.userId,
      organisationId,
    ]);
    if (!u[0])
      throw new Invalid('user_not_of_organisation', 'teamMember.userId', {
        nl: 'Deze professional werkt niet bij de organisatie van de actie.',
        en: "This professional does not work for the action's organisation.",
      });
    await addTeamMemberIn(tx, actor, v.case_id, body.teamMember);
    return addActionIn(
      tx,
      actor,
      versionId,
      { ...a, owner: { ...owner, userId: owner.userId ?? body.teamMember.userId }, version: body.version },
      'action.',
    );
  });
}

/**
 * Copies the network council's plan into the draft: its goals as the family's own goals, in the
 * family's words, each in the life domain the coordinator chose; its actions owned by the network
 * members the council named, with their due dates. What the draft already holds (the same goal of
 * the family, the same action of the same network member) is not added twice.
 */
export async function copyCouncilOutcome(db: Database, actor: Actor, versionId: string, body: z.infer<typeof CouncilCopyBody>) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    const outcome = await councilOutcomeOrNull(tx, v.case_id);
    if (!outcome)
      throw new Conflict(
        'no_council_outcome',
        {
          nl: 'Er is nog geen plan van het familienetwerkberaad vastgelegd.',
          en: 'No plan of the family network council has been recorded yet.',
        },
        'versionId',
      );
    if (body.domains.length !== outcome.goals.length)
      throw new Invalid('domains_count', 'domains', {
        nl: `Kies een levensgebied voor elk van de ${outcome.goals.length} doelen van het beraad.`,
        en: `Choose a life domain for each of the council's ${outcome.goals.length} goals.`,
      });
    const late = outcome.actions.find((a) => a.dueOn < v.plan_date);
    if (late)
      throw new Conflict(
        'council_action_before_plan',
        {
          nl: `De actie "${late.what}" van het beraad had ${late.dueOn} af moeten zijn, vóór de datum van dit concept (${v.plan_date}). Neem haar met een nieuwe datum over via Actie toevoegen.`,
          en: `The council's action "${late.what}" was due ${late.dueOn}, before this draft's date (${v.plan_date}). Add it with a new date through Add action.`,
        },
        'versionId',
      );
    const held = await goalsOf(tx, actor.regionId, [v.id]);
    const ownGoals = new Set((held.get(v.id) ?? []).filter((g) => g.familyOwn).map((g) => g.description));
    const heldActions = (await actionsOf(tx, actor.regionId, [v.id])).get(v.id) ?? [];
    const networkActions = new Set(
      heldActions.flatMap((a) => (a.owner.kind === 'network_member' ? [`${a.owner.networkMemberId}\n${a.description}`] : [])),
    );
    let goals = 0;
    for (const [i, goal] of outcome.goals.entries()) {
      const domain = body.domains[i];
      if (!domain || ownGoals.has(goal)) continue;
      await insertGoal(tx, actor, v, { domain, description: goal, familyOwn: true });
      goals++;
    }
    let actions = 0;
    for (const a of outcome.actions) {
      if (networkActions.has(`${a.networkMemberId}\n${a.what}`)) continue;
      await insertAction(tx, actor, v, {
        description: a.what,
        owner: { kind: 'network_member', networkMemberId: a.networkMemberId },
        dueOn: a.dueOn,
      });
      actions++;
    }
    const version = goals + actions ? await bumpDraft(tx, actor, v) : v.version;
    if (goals + actions)
      await appendEvent(tx, actor, {
        familyId: v.family_id,
        caseId: v.case_id,
        kind: 'plan_council_copied',
        params: { number: v.number, goals, actions },
        data: { planVersionId: v.id },
      });
    await audit(tx, actor, v.family_id, 'update', 'plan-version', v.id);
    return { version, goals, actions };
  });
}
