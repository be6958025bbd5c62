// The case team's shared writes and lookups, used by every module that starts or checks a
// membership (cases, families, handovers, signals' triage, lead times): the cases module's shared
// surface next to its service. Inside an actor's transaction (row-level security applies).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import type { Actor, LegalBasis } from '../../platform/access/actor.js';
import { isQualifiedCoordinator } from '../../platform/access/policy.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';

export async function findUser(tx: Tx, regionId: string, userId: string) {
  const rows = await tx.query<{ id: string; organisation_id: string; roles: string[]; active: boolean; display_name: string }>(
    `SELECT id, organisation_id, roles, active, display_name FROM users WHERE region_id = $1 AND id = $2`,
    [regionId, userId],
  );
  return rows[0] ?? null;
}

export async function requireActiveUser(tx: Tx, regionId: string, userId: string, field: string) {
  const u = await findUser(tx, regionId, userId);
  if (!u || !u.active)
    throw new Invalid('unknown_user', field, {
      nl: 'Deze professional is niet gevonden in de regio.',
      en: 'This professional was not found in the region.',
    });
  return u;
}

export async function requireQualifiedCoordinator(tx: Tx, regionId: string, userId: string, field: string) {
  const u = await requireActiveUser(tx, regionId, userId, field);
  if (!isQualifiedCoordinator(u.roles))
    throw new Invalid('not_qualified', field, {
      nl: `${u.display_name} is niet gekwalificeerd als regisseur.`,
      en: `${u.display_name} is not qualified as coordinator.`,
    });
  return u;
}

/** Today in the Netherlands, as the database sees it: the day a membership starts unless a later one is chosen. */
export const AMSTERDAM_TODAY = `(now() AT TIME ZONE 'Europe/Amsterdam')::date`;

/**
 * Starts a membership, now or — with `startsOn` after today — at the start of that day in the
 * Netherlands; until then it opens nothing (policy and row-level security both read `started_at`).
 */
export async function insertMembership(
  tx: Tx,
  actor: Actor,
  m: {
    caseId: string;
    familyId: string;
    userId: string;
    role: 'coordinator' | 'member';
    legalBasis: LegalBasis;
    startsOn?: string;
    /** The handover by which the membership comes (its basis: "overdracht"), when it does. */
    handoverId?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis, created_by, started_on, started_at, handover_id)
     SELECT $1, $2, $3, $4, u.organisation_id, u.id, $6, $7, $8, coalesce($9::date, ${AMSTERDAM_TODAY}),
            CASE WHEN $9::date > ${AMSTERDAM_TODAY} THEN $9::date::timestamp AT TIME ZONE 'Europe/Amsterdam' ELSE now() END, $10
       FROM users u WHERE u.region_id = $1 AND u.id = $5`,
    [actor.regionId, id, m.caseId, m.familyId, m.userId, m.role, m.legalBasis, actor.userId, m.startsOn ?? null, m.handoverId ?? null],
  );
  return id;
}

/** The refusal when the family already has an open case (the database's cases_one_open), by default. */
const ALREADY_OPEN = {
  nl: 'Dit gezin heeft al een open dossier. Er is één dossier per gezin tegelijk.',
  en: 'This family already has an open case. One case per family at a time.',
};

/**
 * Opens a case for the family with its coordinator: the one way a case starts (opening it on a
 * family, registering a family, triage, accepting a handover). One open case per family is the
 * database's rule (cases_one_open); meeting it — also in a race — is refused as `alreadyOpen`,
 * naming `field`. The actor who opens a case for someone else joins its team unless `openerJoins`
 * is false. The caller writes the case's timeline events and audit rows.
 */
export async function insertCase(
  tx: Tx,
  actor: Actor,
  c: {
    /** The case's id when the caller chose it already (a handover records it as its result). */
    id?: string;
    familyId: string;
    coordinatorUserId: string;
    legalBasis: LegalBasis;
    /** The handover the team comes by, when it does. */
    handoverId?: string;
    /** When the case counts as opened (triage: when the signal came in); now by default. */
    openedAt?: Date;
    openerJoins?: boolean;
    alreadyOpen?: { nl: string; en: string };
    field: string;
  },
): Promise<string> {
  const caseId = c.id ?? randomUUID();
  await tx
    .query(
      `INSERT INTO cases (region_id, id, family_id, created_by, opened_at) VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, now()))`,
      [actor.regionId, caseId, c.familyId, actor.userId, c.openedAt ?? null],
    )
    .catch((e: { code?: string; constraint?: string }) => {
      if (e.code === '23505' && e.constraint === 'cases_one_open')
        throw new Conflict('case_already_open', c.alreadyOpen ?? ALREADY_OPEN, c.field);
      throw e;
    });
  const team = { caseId, familyId: c.familyId, legalBasis: c.legalBasis, ...(c.handoverId ? { handoverId: c.handoverId } : {}) };
  await insertMembership(tx, actor, { ...team, userId: c.coordinatorUserId, role: 'coordinator' });
  if (c.openerJoins !== false && c.coordinatorUserId !== actor.userId)
    await insertMembership(tx, actor, { ...team, userId: actor.userId, role: 'member' });
  return caseId;
}

export interface CaseRow {
  id: string;
  family_id: string;
  status: string;
  version: number;
}

export async function lockCase(tx: Tx, regionId: string, caseId: string): Promise<CaseRow | null> {
  const rows = await tx.query<CaseRow>(`SELECT id, family_id, status, version FROM cases WHERE region_id = $1 AND id = $2 FOR UPDATE`, [
    regionId,
    caseId,
  ]);
  return rows[0] ?? null;
}

export async function activeMembership(tx: Tx, regionId: string, caseId: string, userId: string) {
  const rows = await tx.query<{ id: string; role: string; legal_basis: LegalBasis }>(
    `SELECT id, role, legal_basis FROM case_team WHERE region_id = $1 AND case_id = $2 AND user_id = $3 AND ended_at IS NULL`,
    [regionId, caseId, userId],
  );
  return rows[0] ?? null;
}

export async function currentCoordinator(tx: Tx, regionId: string, caseId: string) {
  const rows = await tx.query<{ id: string; user_id: string; legal_basis: LegalBasis }>(
    `SELECT id, user_id, legal_basis FROM case_team WHERE region_id = $1 AND case_id = $2 AND role = 'coordinator' AND ended_at IS NULL`,
    [regionId, caseId],
  );
  return rows[0] ?? null;
}
