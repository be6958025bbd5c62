// Reading the plan: the plan page, one version, two versions compared, the family page's summary,
// and the region's approval setting. Each read is audited (per person of the family).
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { addDays, dutchToday } from '../../platform/time/working-days.js';
import { activeMembership } from '../cases/public.js';
import { compareItems, countChanges } from './diff.js';
import { actionsOf, findVersion, goalsOf, openDisagreements, PERSON_NAME, summary, versionDetail, versionsOfCase } from './plans.repo.js';
import { audit, caseFor, councilOutcomeOrNull, familyFacts, teamLeadApproval, versionFor } from './plan-access.js';
import type { CompareQuery, PlanSettingsBody } from './plans.contract.js';

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

export async function readPlan(db: Database, actor: Actor, caseId: string) {
  return asActor(db, actor, async (tx) => {
    // What needs only the case id, in one round trip; the case decides (404) before anything is used.
    const [c, versions, own, settings, disagreements, councilOutcome, team] = await Promise.all([
      caseFor(tx, actor, caseId, false),
      versionsOfCase(tx, actor.regionId, caseId),
      activeMembership(tx, actor.regionId, caseId, actor.userId),
      teamLeadApproval(tx, actor.regionId),
      openDisagreements(tx, actor.regionId, caseId),
      councilOutcomeOrNull(tx, caseId),
      teamOptions(tx, actor.regionId, caseId),
    ]);
    const nonDraft = versions.filter((v) => v.status !== 'draft' && v.status !== 'superseded');
    const latest = nonDraft[nonDraft.length - 1];
    const draft = versions.find((v) => v.status === 'draft');
    const agreed = versions.find((v) => v.status === 'agreed');
    // Then what needs the family or the versions, the audit row's facts included, in a second one.
    const [members, network, current, draftDetail] = await Promise.all([
      familyFacts(tx, actor.regionId, c.family_id),
      tx.query<{ id: string; name: string; relation: string }>(
        `SELECT id, name, relation FROM network_members WHERE region_id = $1 AND family_id = $2 ORDER BY name`,
        [actor.regionId, c.family_id],
      ),
      latest ? versionDetail(tx, actor.regionId, latest) : null,
      draft ? versionDetail(tx, actor.regionId, draft) : null,
      audit(tx, actor, c.family_id, 'read', 'plan', caseId),
    ]);
    return {
      caseId,
      familyId: c.family_id,
      caseVersion: c.version,
      caseClosed: c.status === 'closed',
      teamLeadApproval: settings.team_lead_approval,
      isCoordinator: own?.role === 'coordinator',
      versions: versions.map(summary),
      current,
      draft: draftDetail,
      agreedVersionId: agreed?.id ?? null,
      openDisagreements: disagreements,
      councilOutcome,
      options: {
        team,
        familyMembers: members.map((m) => ({ personId: m.person_id, name: m.name, relation: m.relation, birthDate: m.birth_date })),
        network,
      },
    };
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

// ---------- comparing and summarising ----------

export async function compareVersions(db: Database, actor: Actor, q: z.infer<typeof CompareQuery>) {
  return asActor(db, actor, async (tx) => {
    // One round trip for both versions and their goals and actions (row-level security shows only
    // what the actor may see; a version it cannot see is a 404 as before, and its rows are not used).
    const [a, b, goals, actions] = await Promise.all([
      findVersion(tx, actor.regionId, q.from),
      findVersion(tx, actor.regionId, q.to),
      goalsOf(tx, actor.regionId, [q.from, q.to]),
      actionsOf(tx, actor.regionId, [q.from, q.to]),
    ]);
    if (!a) throw new NotFound('plan-version', q.from);
    if (!b) throw new NotFound('plan-version', q.to);
    if (a.case_id !== b.case_id)
      throw new Invalid('different_plans', 'to', {
        nl: 'Deze versies horen bij verschillende plannen.',
        en: 'These versions belong to different plans.',
      });
    // Goals by lineage and an action's goal by the goal's lineage: a copied goal is the same goal.
    const g = compareItems(goals.get(a.id) ?? [], goals.get(b.id) ?? []);
    const x = compareItems(actions.get(a.id) ?? [], actions.get(b.id) ?? [], ['id', 'lineageId', 'position', 'goalId', 'progress']);
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
      // The stand since the agreement counts (a done action is not overdue).
      overdue = actions.filter((a) => a.progress.status === 'open' && a.dueOn < today).map(brief);
      dueThisWeek = actions.filter((a) => a.progress.status === 'open' && a.dueOn >= today && a.dueOn <= weekEnd).map(brief);
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
