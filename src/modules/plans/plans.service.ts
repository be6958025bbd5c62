// Use cases of the plan: read it, start and edit a draft, approve, propose, answer, compare and
// summarise. Every write locks the case row first, so proposals and answers of one case happen
// one after the other: two parties agreeing at once, or a new proposal racing an answer, end in
// one consistent state or a clear 409. What a proposed or agreed version says, the database keeps.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess, type AuditAction } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { addDays, dutchToday } from '../../platform/time/working-days.js';
import { CHILD_DOMAINS } from '../../shared/contract/domains.js';
import { appendEvent, familyPersonIds } from '../timeline/timeline.js';
import { recordMoment } from '../leadtimes/moments.js';
import {
  accessAudit,
  activeMembership,
  addTeamMemberIn,
  currentCoordinator,
  familyAccess,
  lockCase,
  requireFamilyWrite,
} from '../cases/public.js';
import { ageOn, familyParties, outcome, type Answer, type Requirement } from './parties.js';
import { agreementBlockers, proposalBlockers, type PlanBlocker } from './plan-rules.js';
import { councilOutcomeOf } from '../safety/safety.queries.js';
import { notify } from '../notifications/notify.js';
import { compareItems, countChanges } from './diff.js';
import {
  actionsOf,
  findVersion,
  goalsOf,
  insertDraft,
  openDisagreements,
  PERSON_NAME,
  summary,
  versionDetail,
  versionsOfCase,
  type VersionRow,
} from './plans.repo.js';
import type {
  ActionInput,
  ActionWithTeamMemberBody,
  AnswerBody,
  CompareQuery,
  CouncilCopyBody,
  GoalInput,
  PlanSettingsBody,
  StartDraftBody,
  UpdateDraftBody,
} from './plans.contract.js';

interface CaseFacts {
  id: string;
  family_id: string;
  status: string;
  version: number;
}

async function audit(tx: Tx, actor: Actor, familyId: string, action: AuditAction, objectType: string, objectId: string) {
  const access = await familyAccess(tx, actor, familyId);
  await recordAccess(tx, actor, {
    action,
    objectType,
    objectId,
    personIds: await familyPersonIds(tx, actor.regionId, familyId),
    ...accessAudit(access),
  });
}

/** The case as the actor sees it (404 like an unknown id otherwise); for a write, checked for write access and locked. */
async function caseFor(tx: Tx, actor: Actor, caseId: string, write: boolean): Promise<CaseFacts> {
  const rows = await tx.query<CaseFacts>(`SELECT id, family_id, status, version FROM cases WHERE region_id = $1 AND id = $2`, [
    actor.regionId,
    caseId,
  ]);
  const c = rows[0];
  if (!c) throw new NotFound('case', caseId);
  if (!write) return c;
  await requireFamilyWrite(tx, actor, c.family_id);
  const locked = await lockCase(tx, actor.regionId, caseId);
  if (!locked) throw new NotFound('case', caseId);
  if (locked.status === 'closed')
    throw new Conflict(
      'case_closed',
      { nl: 'Dit dossier is afgesloten; het plan kan niet meer veranderen.', en: 'This case is closed; its plan can no longer change.' },
      'caseId',
    );
  return locked;
}

async function versionFor(tx: Tx, actor: Actor, versionId: string, write: boolean): Promise<VersionRow> {
  const seen = await findVersion(tx, actor.regionId, versionId);
  if (!seen) throw new NotFound('plan-version', versionId);
  if (!write) return seen;
  await caseFor(tx, actor, seen.case_id, true);
  return (await findVersion(tx, actor.regionId, versionId, true))!;
}

async function editableDraft(tx: Tx, actor: Actor, versionId: string, version: number) {
  const v = await versionFor(tx, actor, versionId, true);
  if (v.status !== 'draft')
    throw new Conflict(
      'not_a_draft',
      {
        nl: 'Deze versie is geen concept meer en verandert niet. Start een nieuw concept om het plan te wijzigen.',
        en: 'This version is no longer a draft and does not change. Start a new draft to change the plan.',
      },
      'versionId',
    );
  if (v.version !== version) throw new StaleVersion('plan-version');
  return v;
}

/** Every change to a draft raises its version and undoes an approval: the team lead approved what it said before. */
async function bumpDraft(tx: Tx, actor: Actor, v: VersionRow): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    `UPDATE plan_versions SET version = version + 1, approved_by = NULL, approved_at = NULL
     WHERE region_id = $1 AND id = $2 RETURNING version`,
    [actor.regionId, v.id],
  );
  return rows[0]!.version;
}

async function requireCoordinator(tx: Tx, actor: Actor, caseId: string, what: { nl: string; en: string }) {
  const own = await activeMembership(tx, actor.regionId, caseId, actor.userId);
  if (own?.role !== 'coordinator') throw new Forbidden(what);
}

async function teamLeadApproval(tx: Tx, regionId: string) {
  const rows = await tx.query<{ team_lead_approval: boolean; version: number }>(
    `SELECT team_lead_approval, version FROM plan_settings WHERE region_id = $1`,
    [regionId],
  );
  // Never saved: the default, as version 1 (the first save writes version 2), like the other region settings.
  return rows[0] ?? { team_lead_approval: false, version: 1 };
}

const blocked = (b: PlanBlocker[]) => new Conflict(b[0]!.code, b[0]!.message, b[0]!.field, { blockers: b });

// ---------- reading ----------

async function teamOptions(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{ organisation_id: string; organisation_name: string; user_id: string; user_name: string }>(
    `SELECT ct.organisation_id, o.name AS organisation_name, ct.user_id, u.display_name AS user_name
       FROM case_team ct JOIN organisations o ON o.region_id = ct.region_id AND o.id = ct.organisation_id
       JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
      WHERE ct.region_id = $1 AND ct.case_id = $2 AND ct.ended_at IS NULL ORDER BY o.name, u.display_name`,
    [regionId, caseId],
  );
  const byOrg = new Map<string, { organisationId: string; organisationName: string; users: Array<{ id: string; name: string }> }>();
  for (const r of rows) {
    const o = byOrg.get(r.organisation_id) ?? { organisationId: r.organisation_id, organisationName: r.organisation_name, users: [] };
    o.users.push({ id: r.user_id, name: r.user_name });
    byOrg.set(r.organisation_id, o);
  }
  return [...byOrg.values()];
}

async function familyFacts(tx: Tx, regionId: string, familyId: string) {
  return tx.query<{ person_id: string; name: string; relation: string; birth_date: string | null }>(
    `SELECT fm.person_id, ${PERSON_NAME('p')} AS name, fm.relation, p.birth_date::text AS birth_date
       FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE fm.region_id = $1 AND fm.family_id = $2 ORDER BY array_position(ARRAY['parent','carer','partner','child','other'], fm.relation), p.birth_date NULLS LAST`,
    [regionId, familyId],
  );
}

export async function readPlan(db: Database, actor: Actor, caseId: string) {
  return asActor(db, actor, async (tx) => {
    const c = await caseFor(tx, actor, caseId, false);
    const versions = await versionsOfCase(tx, actor.regionId, caseId);
    const nonDraft = versions.filter((v) => v.status !== 'draft' && v.status !== 'superseded');
    const latest = nonDraft[nonDraft.length - 1];
    const draft = versions.find((v) => v.status === 'draft');
    const agreed = versions.find((v) => v.status === 'agreed');
    const members = await familyFacts(tx, actor.regionId, c.family_id);
    const network = await tx.query<{ id: string; name: string; relation: string }>(
      `SELECT id, name, relation FROM network_members WHERE region_id = $1 AND family_id = $2 ORDER BY name`,
      [actor.regionId, c.family_id],
    );
    const own = await activeMembership(tx, actor.regionId, caseId, actor.userId);
    const result = {
      caseId,
      familyId: c.family_id,
      caseVersion: c.version,
      caseClosed: c.status === 'closed',
      teamLeadApproval: (await teamLeadApproval(tx, actor.regionId)).team_lead_approval,
      isCoordinator: own?.role === 'coordinator',
      versions: versions.map(summary),
      current: latest ? await versionDetail(tx, actor.regionId, latest) : null,
      draft: draft ? await versionDetail(tx, actor.regionId, draft) : null,
      agreedVersionId: agreed?.id ?? null,
      openDisagreements: await openDisagreements(tx, actor.regionId, caseId),
      councilOutcome: await councilOutcomeOrNull(tx, caseId),
      options: {
        team: await teamOptions(tx, actor.regionId, caseId),
        familyMembers: members.map((m) => ({ personId: m.person_id, name: m.name, relation: m.relation, birthDate: m.birth_date })),
        network,
      },
    };
    await audit(tx, actor, c.family_id, 'read', 'plan', caseId);
    return result;
  });
}

export async function readVersion(db: Database, actor: Actor, versionId: string) {
  return asActor(db, actor, async (tx) => {
    const v = await versionFor(tx, actor, versionId, false);
    const detail = await versionDetail(tx, actor.regionId, v);
    await audit(tx, actor, v.family_id, 'read', 'plan-version', versionId);
    return detail;
  });
}

// ---------- drafts ----------

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

// ---------- approval, proposal, answers ----------

/** The outcome the council recorded (null when it has none yet): offered in the draft editor. */
async function councilOutcomeOrNull(tx: Tx, caseId: string) {
  const o = await councilOutcomeOf(tx, caseId);
  return o.goals.length || o.actions.length ? o : null;
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

export async function approveDraft(db: Database, actor: Actor, versionId: string, body: { version: number }) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    if (!(await teamLeadApproval(tx, actor.regionId)).team_lead_approval)
      throw new Conflict(
        'approval_not_used',
        {
          nl: 'In deze regio keurt een teamleider plannen niet vooraf goed.',
          en: 'In this region a team lead does not approve plans beforehand.',
        },
        'versionId',
      );
    const onTeam = await tx.query(
      `SELECT 1 FROM case_team WHERE region_id = $1 AND case_id = $2 AND organisation_id = $3 AND ended_at IS NULL LIMIT 1`,
      [actor.regionId, v.case_id, actor.organisationId],
    );
    if (!actor.roles.includes('team_lead') || !onTeam[0])
      throw new Forbidden({
        nl: 'Alleen een teamleider van een organisatie in het casusteam keurt het plan goed.',
        en: 'Only a team lead of an organisation on the case team approves the plan.',
      });
    const rows = await tx.query<{ version: number }>(
      `UPDATE plan_versions SET approved_by = $3, approved_at = now(), version = version + 1 WHERE region_id = $1 AND id = $2 RETURNING version`,
      [actor.regionId, v.id, actor.userId],
    );
    await appendEvent(tx, actor, {
      familyId: v.family_id,
      caseId: v.case_id,
      kind: 'plan_approved',
      params: { number: v.number, name: actor.displayName },
      data: { planVersionId: v.id },
    });
    await audit(tx, actor, v.family_id, 'update', 'plan-version', v.id);
    return { id: v.id, version: rows[0]!.version };
  });
}

export async function proposeDraft(db: Database, actor: Actor, versionId: string, body: { version: number }) {
  return asActor(db, actor, async (tx) => {
    const v = await editableDraft(tx, actor, versionId, body.version);
    await requireCoordinator(tx, actor, v.case_id, {
      nl: 'Alleen de regisseur legt het plan voor.',
      en: 'Only the coordinator proposes the plan.',
    });
    if ((await teamLeadApproval(tx, actor.regionId)).team_lead_approval && !v.approved_at)
      throw new Conflict(
        'approval_required',
        {
          nl: 'In deze regio keurt een teamleider het plan goed voordat het wordt voorgelegd.',
          en: 'In this region a team lead approves the plan before it is proposed.',
        },
        'versionId',
      );
    const blockers = await proposalBlockers(tx, v.case_id);
    if (blockers.length) throw blocked(blockers);
    const today = dutchToday();
    const members = await familyFacts(tx, actor.regionId, v.family_id);
    const family = familyParties(
      members.map((m) => ({ personId: m.person_id, relation: m.relation, birthDate: m.birth_date })),
      today,
    );
    const orgs = await tx.query<{ id: string }>(
      `SELECT DISTINCT owner_organisation_id AS id FROM plan_actions WHERE region_id = $1 AND plan_version_id = $2 AND owner_kind = 'organisation'`,
      [actor.regionId, v.id],
    );
    const parties: Array<{ personId: string | null; organisationId: string | null; requirement: Requirement }> = [
      ...family.map((f) => ({ personId: f.personId, organisationId: null, requirement: f.requirement })),
      ...orgs.map((o) => ({ personId: null, organisationId: o.id, requirement: 'agree' as const })),
    ];
    if (!family.some((f) => f.requirement === 'agree'))
      throw new Conflict(
        'no_parents',
        {
          nl: 'Dit gezin heeft geen ouder of verzorger die akkoord kan geven. Voeg die eerst toe.',
          en: 'This family has no parent or carer to agree. Add one first.',
        },
        'parties',
      );
    for (const p of parties)
      await tx.query(
        `INSERT INTO plan_parties (region_id, id, plan_version_id, family_id, person_id, organisation_id, requirement) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [actor.regionId, randomUUID(), v.id, v.family_id, p.personId, p.organisationId, p.requirement],
      );
    // A version still waiting for answers is replaced by this one: its answers no longer count.
    await tx.query(
      `UPDATE plan_versions SET status = 'superseded', superseded_at = now(), version = version + 1 WHERE region_id = $1 AND case_id = $2 AND status = 'proposed'`,
      [actor.regionId, v.case_id],
    );
    const rows = await tx.query<{ version: number }>(
      `UPDATE plan_versions SET status = 'proposed', proposed_at = now(), proposed_by = $3, version = version + 1
       WHERE region_id = $1 AND id = $2 RETURNING version`,
      [actor.regionId, v.id, actor.userId],
    );
    await appendEvent(tx, actor, {
      familyId: v.family_id,
      caseId: v.case_id,
      kind: 'plan_version_proposed',
      params: { number: v.number },
      data: { planVersionId: v.id, parties: parties.length },
    });
    // The organisations asked to agree hear of it: their professionals on the case team.
    if (orgs.length) {
      const members = await tx.query<{ user_id: string }>(
        `SELECT DISTINCT user_id FROM case_team WHERE region_id = $1 AND case_id = $2 AND ended_at IS NULL
          AND organisation_id = ANY ($3::uuid[]) AND user_id <> $4`,
        [actor.regionId, v.case_id, orgs.map((o) => o.id), actor.userId],
      );
      await notify(tx, {
        regionId: actor.regionId,
        userIds: members.map((m) => m.user_id),
        kind: 'plan_proposed',
        params: { number: v.number },
        link: `/plannen/${v.case_id}`,
        dedupeKey: `plan-proposed:${v.id}`,
      });
    }
    await audit(tx, actor, v.family_id, 'update', 'plan-version', v.id);
    return { id: v.id, version: rows[0]!.version };
  });
}

/** The case's coordinator hears that a version was decided, unless they gave or recorded the deciding answer themselves. */
async function tellCoordinator(tx: Tx, actor: Actor, v: VersionRow, kind: 'plan_agreed' | 'plan_disagreed') {
  const coordinator = await currentCoordinator(tx, actor.regionId, v.case_id);
  const userIds = coordinator && coordinator.user_id !== actor.userId ? [coordinator.user_id] : [];
  await notify(tx, {
    regionId: actor.regionId,
    userIds,
    kind,
    params: { number: v.number },
    link: `/plannen/${v.case_id}`,
    dedupeKey: `${kind}:${v.id}`,
  });
}

export async function answerVersion(db: Database, actor: Actor, versionId: string, body: z.infer<typeof AnswerBody>) {
  return asActor(db, actor, async (tx) => {
    const v = await versionFor(tx, actor, versionId, true);
    if (v.status !== 'proposed')
      throw new Conflict(
        'not_the_proposed_version',
        {
          nl: 'Deze versie van het plan ligt niet (meer) voor; laad het plan opnieuw en antwoord op de voorgelegde versie.',
          en: 'This plan version is not (or no longer) the proposed one; reload the plan and answer the proposed version.',
        },
        'versionId',
        { planStatus: v.status },
      );
    const parties = await tx.query<{
      id: string;
      person_id: string | null;
      organisation_id: string | null;
      requirement: Requirement;
      name: string;
      answer: Answer | null;
    }>(
      `SELECT pp.id, pp.person_id, pp.organisation_id, pp.requirement, coalesce(${PERSON_NAME('p')}, o.name) AS name, an.answer
         FROM plan_parties pp LEFT JOIN persons p ON p.region_id = pp.region_id AND p.id = pp.person_id
         LEFT JOIN organisations o ON o.region_id = pp.region_id AND o.id = pp.organisation_id
         LEFT JOIN plan_answers an ON an.region_id = pp.region_id AND an.party_id = pp.id
        WHERE pp.region_id = $1 AND pp.plan_version_id = $2`,
      [actor.regionId, v.id],
    );
    const party = parties.find((p) => p.id === body.partyId);
    if (!party)
      throw new Invalid('unknown_party', 'partyId', {
        nl: 'Deze partij hoort niet bij deze versie van het plan.',
        en: 'This party is not part of this plan version.',
      });
    if (party.answer)
      throw new Conflict(
        'already_answered',
        { nl: `Het antwoord van ${party.name} is al vastgelegd.`, en: `The answer of ${party.name} was already recorded.` },
        'partyId',
      );
    if (party.person_id) {
      await requireCoordinator(tx, actor, v.case_id, {
        nl: 'De regisseur legt het antwoord van een gezinslid vast.',
        en: 'The coordinator records the answer of a family member.',
      });
      if (!body.via || body.via === 'own_account')
        throw new Invalid('via_required', 'via', {
          nl: 'Geef aan hoe het gezinslid antwoordde (gesprek, telefoon, schriftelijk, video).',
          en: 'Say how the family member answered (conversation, phone, in writing, video).',
        });
    } else if (party.organisation_id !== actor.organisationId) {
      throw new Forbidden({
        nl: 'Een organisatie geeft zelf akkoord, door een eigen professional in het casusteam.',
        en: 'An organisation answers itself, through its own professional on the case team.',
      });
    }
    if ((party.requirement === 'heard') !== (body.answer === 'heard'))
      throw new Invalid(
        'answer_not_for_party',
        'answer',
        party.requirement === 'heard'
          ? {
              nl: 'Een kind jonger dan 12 wordt gehoord: leg zijn of haar mening vast.',
              en: 'A child under 12 is heard: record their view.',
            }
          : { nl: 'Deze partij geeft akkoord of niet akkoord.', en: 'This party agrees or disagrees.' },
      );
    if (body.answer === 'disagreed' && !body.reason)
      throw new Invalid('reason_required', 'reason', { nl: 'Geef de reden van niet akkoord.', en: 'Give the reason for disagreeing.' });
    if (body.answer === 'heard' && !body.view)
      throw new Invalid('view_required', 'view', { nl: 'Leg de mening van het kind vast.', en: "Record the child's view." });
    const today = dutchToday();
    const answeredOn = body.answeredOn ?? today;
    if (answeredOn > today)
      throw new Invalid('in_future', 'answeredOn', { nl: 'Deze datum ligt in de toekomst.', en: 'This date is in the future.' });
    const proposedOn = dutchToday(new Date(v.proposed_at!));
    if (answeredOn < proposedOn)
      throw new Invalid('before_proposal', 'answeredOn', {
        nl: `Het plan is voorgelegd op ${proposedOn}; een antwoord ligt niet daarvoor.`,
        en: `The plan was proposed on ${proposedOn}; an answer is not before that.`,
      });
    const id = randomUUID();
    await tx.query(
      `INSERT INTO plan_answers (region_id, id, plan_version_id, party_id, family_id, answer, reason, view, via, answered_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        actor.regionId,
        id,
        v.id,
        party.id,
        v.family_id,
        body.answer,
        body.answer === 'disagreed' ? body.reason : (body.reason ?? null),
        body.answer === 'heard' ? body.view : null,
        party.person_id ? body.via : (body.via ?? 'own_account'),
        answeredOn,
        actor.userId,
      ],
    );
    const result = outcome(parties.map((p) => ({ requirement: p.requirement, answer: p.id === party.id ? body.answer : p.answer })));
    let status: VersionRow['status'] = 'proposed';
    if (result === 'not_agreed') {
      await tx.query(
        `UPDATE plan_versions SET status = 'not_agreed', decided_at = now(), version = version + 1 WHERE region_id = $1 AND id = $2`,
        [actor.regionId, v.id],
      );
      await appendEvent(tx, actor, {
        familyId: v.family_id,
        caseId: v.case_id,
        kind: 'plan_disagreed',
        params: { number: v.number, party: party.name, reason: body.reason ?? '' },
        data: { planVersionId: v.id, partyId: party.id },
      });
      status = 'not_agreed';
    } else {
      await appendEvent(tx, actor, {
        familyId: v.family_id,
        caseId: v.case_id,
        kind: 'plan_answer_recorded',
        params: { number: v.number, party: party.name },
        data: { planVersionId: v.id, partyId: party.id, answer: body.answer },
      });
      if (result === 'agreed') {
        const blockers = await agreementBlockers(tx, v.case_id);
        if (blockers.length) throw blocked(blockers);
        await tx.query(
          `UPDATE plan_versions SET status = 'superseded', superseded_at = now(), version = version + 1 WHERE region_id = $1 AND case_id = $2 AND status = 'agreed'`,
          [actor.regionId, v.case_id],
        );
        await tx.query(
          `UPDATE plan_versions SET status = 'agreed', decided_at = now(), version = version + 1 WHERE region_id = $1 AND id = $2`,
          [actor.regionId, v.id],
        );
        await recordMoment(tx, {
          regionId: actor.regionId,
          organisationId: actor.organisationId,
          moment: 'plan_agreed',
          userId: actor.userId,
          caseId: v.case_id,
          familyId: v.family_id,
        });
        await appendEvent(tx, actor, {
          familyId: v.family_id,
          caseId: v.case_id,
          kind: 'plan_agreed',
          params: { number: v.number },
          data: { planVersionId: v.id },
        });
        status = 'agreed';
      }
    }
    if (status !== 'proposed') await tellCoordinator(tx, actor, v, status === 'agreed' ? 'plan_agreed' : 'plan_disagreed');
    await audit(tx, actor, v.family_id, 'create', 'plan-answer', id);
    return { id, status };
  });
}

// ---------- comparing and summarising ----------

export async function compareVersions(db: Database, actor: Actor, q: z.infer<typeof CompareQuery>) {
  return asActor(db, actor, async (tx) => {
    const a = await versionFor(tx, actor, q.from, false);
    const b = await versionFor(tx, actor, q.to, false);
    if (a.case_id !== b.case_id)
      throw new Invalid('different_plans', 'to', {
        nl: 'Deze versies horen bij verschillende plannen.',
        en: 'These versions belong to different plans.',
      });
    const goals = await goalsOf(tx, actor.regionId, [a.id, b.id]);
    const actions = await actionsOf(tx, actor.regionId, [a.id, b.id]);
    // Goals by lineage and an action's goal by the goal's lineage: a copied goal is the same goal.
    const g = compareItems(goals.get(a.id) ?? [], goals.get(b.id) ?? []);
    const x = compareItems(actions.get(a.id) ?? [], actions.get(b.id) ?? [], ['id', 'lineageId', 'position', 'goalId']);
    await audit(tx, actor, a.family_id, 'read', 'plan-comparison', `${a.id}:${b.id}`);
    return { from: summary(a), to: summary(b), goals: g, actions: x, counts: { goals: countChanges(g), actions: countChanges(x) } };
  });
}

export async function familyPlanSummary(db: Database, actor: Actor, familyId: string) {
  return asActor(db, actor, async (tx) => {
    const fam = await tx.query(`SELECT 1 FROM families WHERE region_id = $1 AND id = $2`, [actor.regionId, familyId]);
    if (!fam[0]) throw new NotFound('family', familyId);
    const cases = await tx.query<{ id: string }>(
      `SELECT id FROM cases WHERE region_id = $1 AND family_id = $2 ORDER BY status = 'closed', opened_at DESC LIMIT 1`,
      [actor.regionId, familyId],
    );
    const caseId = cases[0]?.id ?? null;
    const empty = { caseId, current: null, agreed: null, draft: null, openDisagreements: [], dueThisWeek: [], overdue: [] };
    await audit(tx, actor, familyId, 'read', 'plan-summary', familyId);
    if (!caseId) return empty;
    const versions = await versionsOfCase(tx, actor.regionId, caseId);
    const current = [...versions].reverse().find((v) => v.status !== 'draft' && v.status !== 'superseded');
    const draft = versions.find((v) => v.status === 'draft');
    const agreed = versions.find((v) => v.status === 'agreed');
    let by: Array<{ name: string; answeredOn: string }> = [];
    let dueThisWeek: Array<{ id: string; description: string; dueOn: string; ownerName: string }> = [];
    let overdue: typeof dueThisWeek = [];
    if (agreed) {
      by = (
        await tx.query<{ name: string; answered_on: string }>(
          `SELECT coalesce(${PERSON_NAME('p')}, o.name) AS name, an.answered_on::text AS answered_on FROM plan_answers an
           JOIN plan_parties pp ON pp.region_id = an.region_id AND pp.id = an.party_id
           LEFT JOIN persons p ON p.region_id = pp.region_id AND p.id = pp.person_id
           LEFT JOIN organisations o ON o.region_id = pp.region_id AND o.id = pp.organisation_id
          WHERE an.region_id = $1 AND an.plan_version_id = $2 AND an.answer = 'agreed' ORDER BY an.answered_on, name`,
          [actor.regionId, agreed.id],
        )
      ).map((r) => ({ name: r.name, answeredOn: r.answered_on }));
      const today = dutchToday();
      const weekEnd = addDays(today, 6);
      const actions = (await actionsOf(tx, actor.regionId, [agreed.id])).get(agreed.id) ?? [];
      const brief = (a: (typeof actions)[number]) => ({
        id: a.id,
        description: a.description,
        dueOn: a.dueOn,
        ownerName:
          a.owner.networkMemberName ?? a.owner.personName ?? [a.owner.organisationName, a.owner.userName].filter(Boolean).join(' — '),
      });
      overdue = actions.filter((a) => a.status === 'open' && a.dueOn < today).map(brief);
      dueThisWeek = actions.filter((a) => a.status === 'open' && a.dueOn >= today && a.dueOn <= weekEnd).map(brief);
    }
    return {
      caseId,
      current: current ? summary(current) : null,
      agreed: agreed
        ? { id: agreed.id, number: agreed.number, decidedAt: agreed.decided_at ? new Date(agreed.decided_at).toISOString() : null, by }
        : null,
      draft: draft ? { id: draft.id, number: draft.number } : null,
      openDisagreements: await openDisagreements(tx, actor.regionId, caseId),
      dueThisWeek,
      overdue,
    };
  });
}

// ---------- region setting ----------

export async function readPlanSettings(db: Database, actor: Actor) {
  return asActor(db, actor, async (tx) => {
    const s = await teamLeadApproval(tx, actor.regionId);
    return { teamLeadApproval: s.team_lead_approval, version: s.version };
  });
}

export async function updatePlanSettings(db: Database, actor: Actor, body: z.infer<typeof PlanSettingsBody>) {
  return asActor(db, actor, async (tx) => {
    const s = await teamLeadApproval(tx, actor.regionId);
    if (body.version !== undefined && body.version !== s.version) throw new StaleVersion('settings');
    const rows = await tx.query<{ version: number }>(
      `INSERT INTO plan_settings (region_id, team_lead_approval, version) VALUES ($1, $2, 2)
       ON CONFLICT (region_id) DO UPDATE SET team_lead_approval = EXCLUDED.team_lead_approval, version = plan_settings.version + 1 RETURNING version`,
      [actor.regionId, body.teamLeadApproval],
    );
    await recordAccess(tx, actor, { action: 'update', objectType: 'plan-settings', objectId: actor.regionId });
    return { teamLeadApproval: body.teamLeadApproval, version: rows[0]!.version };
  });
}
