// Use cases for a family's case: open, change status, case team, coordinator handover.
// The database enforces "exactly one qualified coordinator" at commit; the service gives
// the clear error first.
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor, LegalBasis } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { appendCaseOpened, appendEvent, familyPersonIds } from '../timeline/timeline.js';
import { accessAudit, familyAccess, requireFamilyWrite } from '../../platform/access/family-access.js';
import {
  activeMembership,
  AMSTERDAM_TODAY,
  currentCoordinator,
  insertCase,
  insertMembership,
  lockCase,
  requireActiveUser,
  requireQualifiedCoordinator,
  type CaseRow,
} from './case-team.js';
import type {
  AddTeamMemberBody,
  ChangeMembershipBody,
  EndTeamMemberBody,
  OpenCaseBody,
  TransferCoordinatorBody,
  UpdateCaseBody,
} from './cases.contract.js';

const ORDER = ['registered', 'exploring', 'plan', 'executing', 'evaluating', 'closed', 'monitoring'];

/** Coordinator of the case, or a team lead whose organisation is on its team, may manage it. */
async function requireManager(tx: Tx, actor: Actor, c: CaseRow) {
  const own = await activeMembership(tx, actor.regionId, c.id, actor.userId);
  if (own?.role === 'coordinator') return;
  if (actor.roles.includes('team_lead')) {
    const rows = await tx.query(
      `SELECT 1 FROM case_team WHERE region_id = $1 AND case_id = $2 AND organisation_id = $3 AND ended_at IS NULL AND started_at <= now() LIMIT 1`,
      [actor.regionId, c.id, actor.organisationId],
    );
    if (rows.length) return;
  }
  throw new Forbidden({
    nl: 'Alleen de regisseur van dit dossier of een teamleider kan dit doen.',
    en: 'Only the case coordinator or a team lead can do this.',
  });
}

/** Loads and locks a case for a change; a case seen only through break the glass is refused first (read-only). */
async function loadCase(tx: Tx, actor: Actor, caseId: string) {
  const seen = await tx.query<{ family_id: string }>(`SELECT family_id FROM cases WHERE region_id = $1 AND id = $2`, [
    actor.regionId,
    caseId,
  ]);
  if (!seen[0]) throw new NotFound('case', caseId);
  await requireFamilyWrite(tx, actor, seen[0].family_id);
  const c = await lockCase(tx, actor.regionId, caseId);
  if (!c) throw new NotFound('case', caseId);
  return c;
}

async function audit(tx: Tx, actor: Actor, familyId: string, action: 'create' | 'update', objectType: string, objectId: string) {
  const access = await familyAccess(tx, actor, familyId);
  await recordAccess(tx, actor, {
    action,
    objectType,
    objectId,
    personIds: await familyPersonIds(tx, actor.regionId, familyId),
    ...accessAudit(access),
  });
}

async function bumpVersion(tx: Tx, actor: Actor, caseId: string, version: number, set = '', params: unknown[] = []) {
  const rows = await tx.query<{ version: number }>(
    `UPDATE cases SET version = version + 1 ${set} WHERE region_id = $1 AND id = $2 AND version = $3 RETURNING version`,
    [actor.regionId, caseId, version, ...params],
  );
  if (!rows[0]) throw new StaleVersion('case');
  return rows[0].version;
}

export async function openCase(db: Database, actor: Actor, familyId: string, body: z.infer<typeof OpenCaseBody>) {
  return asActor(db, actor, async (tx) => {
    await requireFamilyWrite(tx, actor, familyId);
    const fam = await tx.query(`SELECT 1 FROM families WHERE region_id = $1 AND id = $2 FOR UPDATE`, [actor.regionId, familyId]);
    if (!fam.length) throw new NotFound('family', familyId);
    const open = await tx.query(`SELECT 1 FROM cases WHERE region_id = $1 AND family_id = $2 AND status <> 'closed'`, [
      actor.regionId,
      familyId,
    ]);
    if (open.length)
      throw new Conflict(
        'case_already_open',
        {
          nl: 'Dit gezin heeft al een open dossier. Er is één dossier per gezin tegelijk.',
          en: 'This family already has an open case. One case per family at a time.',
        },
        'familyId',
      );
    const coordinator = await requireQualifiedCoordinator(tx, actor.regionId, body.coordinatorUserId, 'coordinatorUserId');
    const caseId = await insertCase(tx, actor, {
      familyId,
      coordinatorUserId: body.coordinatorUserId,
      legalBasis: body.legalBasis,
      field: 'familyId',
    });
    await appendCaseOpened(tx, actor, {
      familyId,
      caseId,
      opened: { kind: 'case_opened', params: {} },
      coordinator,
      legalBasis: body.legalBasis,
    });
    await audit(tx, actor, familyId, 'create', 'case', caseId);
    return { id: caseId, version: 1 };
  });
}

export async function updateCaseStatus(db: Database, actor: Actor, caseId: string, body: z.infer<typeof UpdateCaseBody>) {
  return asActor(db, actor, async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    if (c.version !== body.version) throw new StaleVersion('case');
    await requireManager(tx, actor, c);
    if (body.status === c.status) return { id: caseId, version: c.version };
    if (c.status === 'closed' && body.status !== 'monitoring')
      throw new Invalid('invalid_transition', 'status', {
        nl: 'Een afgesloten dossier kan alleen naar nazorg; open anders een nieuw dossier.',
        en: 'A closed case can only move to monitoring; open a new case otherwise.',
      });
    if (body.status === 'closed' && !body.closedReason)
      throw new Invalid('reason_required', 'closedReason', { nl: 'Geef de reden van afsluiten.', en: 'Give the reason for closing.' });
    if (body.status === 'monitoring' && c.status !== 'closed' && ORDER.indexOf(c.status) < ORDER.indexOf('evaluating'))
      throw new Invalid('invalid_transition', 'status', { nl: 'Nazorg volgt op afsluiten.', en: 'Monitoring follows closure.' });
    if (c.status === 'closed') {
      const other = await tx.query(`SELECT 1 FROM cases WHERE region_id = $1 AND family_id = $2 AND status <> 'closed'`, [
        actor.regionId,
        c.family_id,
      ]);
      if (other.length)
        throw new Conflict(
          'case_already_open',
          { nl: 'Dit gezin heeft al een ander open dossier.', en: 'This family already has another open case.' },
          'status',
        );
      if (!(await currentCoordinator(tx, actor.regionId, caseId)))
        throw new Invalid('no_coordinator', 'status', { nl: 'Voor nazorg is een regisseur nodig.', en: 'Monitoring needs a coordinator.' });
    }
    const closing = body.status === 'closed';
    const version = await bumpVersion(
      tx,
      actor,
      caseId,
      body.version,
      `, status = $4, closed_at = CASE WHEN $5 THEN now() ELSE closed_at END, closed_reason = CASE WHEN $5 THEN $6 ELSE closed_reason END`,
      [body.status, closing, body.closedReason ?? null],
    );
    await appendEvent(tx, actor, {
      familyId: c.family_id,
      caseId,
      ...(closing
        ? { kind: 'case_closed' as const, params: { fromPhase: c.status, reason: body.closedReason ?? '' } }
        : { kind: 'case_status_changed' as const, params: { fromPhase: c.status, toPhase: body.status } }),
      data: { from: c.status, to: body.status },
    });
    await audit(tx, actor, c.family_id, 'update', 'case', caseId);
    return { id: caseId, version };
  });
}

/** The start a new membership may have: today (absent) or a day within the coming year. */
async function requireStart(tx: Tx, startsOn: string | undefined) {
  if (!startsOn) return undefined;
  const r = oneRow(
    await tx.query<{ ok: boolean }>(`SELECT $1::date BETWEEN ${AMSTERDAM_TODAY} AND ${AMSTERDAM_TODAY} + 366 AS ok`, [startsOn]),
    'start check',
  );
  if (!r.ok)
    throw new Invalid('invalid_start', 'startsOn', {
      nl: 'Een lidmaatschap begint vandaag of op een dag in het komende jaar.',
      en: 'A membership starts today or on a day within the coming year.',
    });
  return startsOn;
}

/** Locks an active (or not yet started) membership of this case, checking the version the client saw. */
async function lockMembership(tx: Tx, actor: Actor, caseId: string, membershipId: string, version: number) {
  const rows = await tx.query<{ role: string; user_id: string; display_name: string; legal_basis: LegalBasis; version: number }>(
    `SELECT ct.role, ct.user_id, u.display_name, ct.legal_basis, ct.version FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
      WHERE ct.region_id = $1 AND ct.case_id = $2 AND ct.id = $3 AND ct.ended_at IS NULL FOR UPDATE OF ct`,
    [actor.regionId, caseId, membershipId],
  );
  const m = rows[0];
  if (!m) throw new NotFound('membership', membershipId);
  if (m.version !== version) throw new StaleVersion('membership');
  return m;
}

export async function addTeamMember(db: Database, actor: Actor, caseId: string, body: z.infer<typeof AddTeamMemberBody>) {
  return asActor(db, actor, (tx) => addTeamMemberIn(tx, actor, caseId, body));
}

/** addTeamMember inside the caller's transaction (the plan adds an action's owner and the action at once). */
export async function addTeamMemberIn(tx: Tx, actor: Actor, caseId: string, body: z.infer<typeof AddTeamMemberBody>) {
  const c = await loadCase(tx, actor, caseId);
  // The version first: a team lead who adds from a stale view of the team hears so.
  if (c.version !== body.caseVersion) throw new StaleVersion('case');
  await requireManager(tx, actor, c);
  const u = await requireActiveUser(tx, actor.regionId, body.userId, 'userId');
  const startsOn = await requireStart(tx, body.startsOn);
  if (await activeMembership(tx, actor.regionId, caseId, body.userId))
    throw new Conflict(
      'already_member',
      { nl: `${u.display_name} zit al in het casusteam.`, en: `${u.display_name} is already on the case team.` },
      'userId',
    );
  await bumpVersion(tx, actor, caseId, body.caseVersion);
  const id = await insertMembership(tx, actor, {
    caseId,
    familyId: c.family_id,
    userId: body.userId,
    role: 'member',
    legalBasis: body.legalBasis,
    startsOn,
  });
  await appendEvent(tx, actor, {
    familyId: c.family_id,
    caseId,
    kind: 'team_member_added',
    params: { name: u.display_name, ...(startsOn ? { startsOn } : {}) },
    data: { userId: body.userId, legalBasis: body.legalBasis, ...(startsOn ? { startsOn } : {}) },
  });
  await audit(tx, actor, c.family_id, 'update', 'case-team', id);
  return { id, version: 1 };
}

/** A membership's legal basis changes (consent given or withdrawn, a statutory task, safety): version-checked, on the timeline. */
export async function changeMembershipBasis(
  db: Database,
  actor: Actor,
  caseId: string,
  membershipId: string,
  body: z.infer<typeof ChangeMembershipBody>,
) {
  return asActor(db, actor, async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    await requireManager(tx, actor, c);
    const m = await lockMembership(tx, actor, caseId, membershipId, body.version);
    if (m.legal_basis === body.legalBasis) return { id: membershipId, version: m.version };
    const row = oneRow(
      await tx.query<{ version: number }>(`UPDATE case_team SET legal_basis = $3 WHERE region_id = $1 AND id = $2 RETURNING version`, [
        actor.regionId,
        membershipId,
        body.legalBasis,
      ]),
      'updated membership',
    );
    await appendEvent(tx, actor, {
      familyId: c.family_id,
      caseId,
      kind: 'team_member_basis_changed',
      params: { name: m.display_name, fromBasis: m.legal_basis, toBasis: body.legalBasis },
      data: { userId: m.user_id, from: m.legal_basis, to: body.legalBasis },
    });
    await audit(tx, actor, c.family_id, 'update', 'case-team', membershipId);
    return { id: membershipId, version: row.version };
  });
}

export async function endTeamMember(
  db: Database,
  actor: Actor,
  caseId: string,
  membershipId: string,
  body: z.infer<typeof EndTeamMemberBody>,
) {
  return asActor(db, actor, async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    await requireManager(tx, actor, c);
    const m = await lockMembership(tx, actor, caseId, membershipId, body.version);
    if (m.role === 'coordinator' && c.status !== 'closed')
      throw new Conflict(
        'last_coordinator',
        {
          nl: 'De regisseur kan niet worden beëindigd: draag de regie eerst over aan een ander.',
          en: 'The coordinator cannot be ended: transfer the coordinator role first.',
        },
        'membershipId',
      );
    const row = oneRow(
      await tx.query<{ version: number }>(
        `UPDATE case_team SET ended_at = now(), ended_reason = $4 WHERE region_id = $1 AND case_id = $2 AND id = $3 RETURNING version`,
        [actor.regionId, caseId, membershipId, body.reason],
      ),
      'ended membership',
    );
    // The team changed: an add from a view of the team before this ending must hear so.
    await bumpVersion(tx, actor, caseId, c.version);
    await appendEvent(tx, actor, {
      familyId: c.family_id,
      caseId,
      kind: 'team_member_ended',
      params: { name: m.display_name, reason: body.reason },
      data: { userId: m.user_id },
    });
    await audit(tx, actor, c.family_id, 'update', 'case-team', membershipId);
    return { id: membershipId, version: row.version };
  });
}

/**
 * Ends the current coordinator and starts `toUserId` as coordinator, in the caller's transaction
 * on a case it has locked. The one way to change a coordinator: the coordinator transfer and the
 * acceptance of a handover (src/modules/handovers) both use it; the deferred trigger checks
 * "exactly one" at commit. The former coordinator stays on the team as a member unless
 * `formerStays` is false; a membership that the caller started in this same transaction
 * (`promoteMembershipId`) becomes the coordinator's instead of leaving an empty history row.
 */
export async function replaceCoordinator(
  tx: Tx,
  actor: Actor,
  c: Pick<CaseRow, 'id' | 'family_id'>,
  toUserId: string,
  opts: { legalBasis?: LegalBasis; formerStays?: boolean; endedReason?: string; promoteMembershipId?: string; handoverId?: string } = {},
) {
  const old = await currentCoordinator(tx, actor.regionId, c.id);
  if (old) {
    await tx.query(`UPDATE case_team SET ended_at = now(), ended_reason = $3 WHERE region_id = $1 AND id = $2`, [
      actor.regionId,
      old.id,
      opts.endedReason ?? 'regie overgedragen',
    ]);
    // The former coordinator stays on the team as a member, so the handover has continuity.
    if (opts.formerStays !== false)
      await insertMembership(tx, actor, {
        caseId: c.id,
        familyId: c.family_id,
        userId: old.user_id,
        role: 'member',
        legalBasis: old.legal_basis,
      });
  }
  const existing = await activeMembership(tx, actor.regionId, c.id, toUserId);
  const legalBasis = opts.legalBasis ?? existing?.legal_basis ?? old?.legal_basis ?? 'statutory_task';
  if (existing && existing.id === opts.promoteMembershipId) {
    await tx.query(`UPDATE case_team SET role = 'coordinator', legal_basis = $3 WHERE region_id = $1 AND id = $2`, [
      actor.regionId,
      existing.id,
      legalBasis,
    ]);
  } else {
    if (existing)
      await tx.query(`UPDATE case_team SET ended_at = now(), ended_reason = 'wordt regisseur' WHERE region_id = $1 AND id = $2`, [
        actor.regionId,
        existing.id,
      ]);
    await insertMembership(tx, actor, {
      caseId: c.id,
      familyId: c.family_id,
      userId: toUserId,
      role: 'coordinator',
      legalBasis,
      handoverId: opts.handoverId,
    });
  }
  return { formerUserId: old?.user_id ?? null };
}

/**
 * Handover of the coordinator role in one transaction: the old membership ends and the new
 * coordinator starts together, guarded by the case version, so two handovers at once cannot
 * both win and the case never has zero or two coordinators.
 */
export async function transferCoordinator(db: Database, actor: Actor, caseId: string, body: z.infer<typeof TransferCoordinatorBody>) {
  return asActor(db, actor, async (tx) => {
    const c = await loadCase(tx, actor, caseId);
    // The version first: a handover that lost a race must hear "changed in the meantime", even
    // when the winner's handover has just taken away its right to manage the case.
    if (c.version !== body.caseVersion) throw new StaleVersion('case');
    await requireManager(tx, actor, c);
    if (c.status === 'closed')
      throw new Conflict('case_closed', { nl: 'Dit dossier is afgesloten.', en: 'This case is closed.' }, 'caseId');
    const to = await requireQualifiedCoordinator(tx, actor.regionId, body.toUserId, 'toUserId');
    const old = await currentCoordinator(tx, actor.regionId, caseId);
    if (old?.user_id === body.toUserId)
      throw new Invalid('same_coordinator', 'toUserId', {
        nl: `${to.display_name} is al de regisseur.`,
        en: `${to.display_name} already is the coordinator.`,
      });
    const version = await bumpVersion(tx, actor, caseId, body.caseVersion);
    await replaceCoordinator(tx, actor, c, body.toUserId);
    await appendEvent(tx, actor, {
      familyId: c.family_id,
      caseId,
      kind: 'coordinator_transferred',
      params: { name: to.display_name, ...(body.reason ? { reason: body.reason } : {}) },
      data: { from: old?.user_id ?? null, to: body.toUserId },
    });
    await audit(tx, actor, c.family_id, 'update', 'case', caseId);
    return { id: caseId, version };
  });
}
