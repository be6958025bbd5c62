// What every use case of the plan shares: the case and the version as the actor sees them (404
// otherwise), the write checks and the case lock, the draft's version check and bump, the
// region's approval setting, and the audit row of a use case. Every write locks the case row
// first, so proposals and answers of one case happen one after the other.
import type { Tx } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess, type AuditAction } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { familyPersonIds } from '../timeline/timeline.js';
import { accessAudit, activeMembership, familyAccess, lockCase, requireFamilyWrite } from '../cases/public.js';
import type { PlanBlocker } from './plan-rules.js';
import { councilOutcomeOf } from '../safety/safety.queries.js';
import { findVersion, PERSON_NAME, type VersionRow } from './plans.repo.js';

export interface CaseFacts {
  id: string;
  family_id: string;
  status: string;
  version: number;
}

/** The use case's audit rows: one per person of the family, with the actor's access (both facts read in one round trip). */
export async function audit(tx: Tx, actor: Actor, familyId: string, action: AuditAction, objectType: string, objectId: string) {
  const [access, personIds] = await Promise.all([familyAccess(tx, actor, familyId), familyPersonIds(tx, actor.regionId, familyId)]);
  await recordAccess(tx, actor, { action, objectType, objectId, personIds, ...accessAudit(access) });
}

/** The case as the actor sees it (404 like an unknown id otherwise); for a write, checked for write access and locked. */
export async function caseFor(tx: Tx, actor: Actor, caseId: string, write: boolean): Promise<CaseFacts> {
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

export async function versionFor(tx: Tx, actor: Actor, versionId: string, write: boolean): Promise<VersionRow> {
  const seen = await findVersion(tx, actor.regionId, versionId);
  if (!seen) throw new NotFound('plan-version', versionId);
  if (!write) return seen;
  await caseFor(tx, actor, seen.case_id, true);
  return (await findVersion(tx, actor.regionId, versionId, true))!;
}

export async function editableDraft(tx: Tx, actor: Actor, versionId: string, version: number) {
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
export async function bumpDraft(tx: Tx, actor: Actor, v: VersionRow): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    `UPDATE plan_versions SET version = version + 1, approved_by = NULL, approved_at = NULL
     WHERE region_id = $1 AND id = $2 RETURNING version`,
    [actor.regionId, v.id],
  );
  return rows[0]!.version;
}

export async function requireCoordinator(tx: Tx, actor: Actor, caseId: string, what: { nl: string; en: string }) {
  const own = await activeMembership(tx, actor.regionId, caseId, actor.userId);
  if (own?.role !== 'coordinator') throw new Forbidden(what);
}

export async function teamLeadApproval(tx: Tx, regionId: string) {
  const rows = await tx.query<{ team_lead_approval: boolean; version: number }>(
    `SELECT team_lead_approval, version FROM plan_settings WHERE region_id = $1`,
    [regionId],
  );
  // Never saved: the default, as version 1 (the first save writes version 2), like the other region settings.
  return rows[0] ?? { team_lead_approval: false, version: 1 };
}

export const blocked = (b: PlanBlocker[]) => new Conflict(b[0]!.code, b[0]!.message, b[0]!.field, { blockers: b });

export async function familyFacts(tx: Tx, regionId: string, familyId: string) {
  return tx.query<{ person_id: string; name: string; relation: string; birth_date: string | null }>(
    `SELECT fm.person_id, ${PERSON_NAME('p')} AS name, fm.relation, p.birth_date::text AS birth_date
       FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE fm.region_id = $1 AND fm.family_id = $2 ORDER BY array_position(ARRAY['parent','carer','partner','child','other'], fm.relation), p.birth_date NULLS LAST`,
    [regionId, familyId],
  );
}

/** The outcome the council recorded (null when it has none yet): offered in the draft editor. */
export async function councilOutcomeOrNull(tx: Tx, caseId: string) {
  const o = await councilOutcomeOf(tx, caseId);
  return o.goals.length || o.actions.length ? o : null;
}
