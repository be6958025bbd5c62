// SQL for the reference index. Runs inside an actor's transaction (row-level security applies);
// the person lookup, the locks and the matching go through the SECURITY DEFINER functions of
// migrations/0051_reference_index_matching.sql. The system sweeps' queries are at the end.
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
import type { Match, MatchParty, Registration } from './refindex.contract.js';
import { recordUnattended } from '../../platform/audit/audit.js';

const iso = (v: unknown) => new Date(v as string).toISOString();
const isoOrNull = (v: unknown) => (v ? iso(v) : null);
/** Full-precision UTC text of a timestamp, so that a cursor loses no microseconds. */
const UTC_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const ACTIVE = (x: string, today: string) => `regie.refindex_is_active(${x}.ended_at, ${x}.start_date, ${x}.end_date, ${today}::date)`;

export interface PersonRef {
  id: string;
}

export async function findPersonByBsn(tx: Tx, regionId: string, bsn: string): Promise<PersonRef | null> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM regie.refindex_person($1, $2)`, [regionId, bsn], { prepare: true });
  return rows[0] ? { id: rows[0].id } : null;
}

/** Advisory locks on the person and each of their households (see the migration); until COMMIT. */
export async function lockAroundPerson(tx: Tx, regionId: string, personId: string): Promise<void> {
  await tx.query(`SELECT regie.refindex_lock($1, $2)`, [regionId, personId], { prepare: true });
}

export async function runningRegistration(tx: Tx, regionId: string, personId: string, organisationId: string) {
  const rows = await tx.query<{ id: string; end_date: string }>(
    `SELECT id, end_date::text AS end_date FROM refindex_registrations
      WHERE region_id = $1 AND person_id = $2 AND organisation_id = $3 AND ended_at IS NULL`,
    [regionId, personId, organisationId],
    { prepare: true },
  );
  return rows[0] ?? null;
}

export interface NewRegistration {
  regionId: string;
  id: string;
  personId: string;
  organisationId: string;
  registeredBy: string;
  contactName: string;
  contactPhone?: string;
  contactEmail?: string;
  legalBasis: string;
  startDate: string;
  endDate: string;
}

export async function insertRegistration(tx: Tx, r: NewRegistration): Promise<void> {
  await tx.query(
    `INSERT INTO refindex_registrations (region_id, id, person_id, organisation_id, registered_by, contact_name, contact_phone, contact_email,
        legal_basis, start_date, end_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      r.regionId,
      r.id,
      r.personId,
      r.organisationId,
      r.registeredBy,
      r.contactName,
      r.contactPhone ?? null,
      r.contactEmail ?? null,
      r.legalBasis,
      r.startDate,
      r.endDate,
    ],
    { prepare: true },
  );
}

/** Ends a running registration once; returns false when it had ended already. */
export async function endRegistrationRow(
  tx: Tx,
  regionId: string,
  id: string,
  reason: 'ended' | 'expired' | 'age_23',
  by: string | null,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE refindex_registrations SET ended_at = now(), ended_by = $3, ended_reason = $4
      WHERE region_id = $1 AND id = $2 AND ended_at IS NULL RETURNING id`,
    [regionId, id, by, reason],
  );
  return rows.length > 0;
}

export interface NewPair {
  matchId: string;
  kind: 'client' | 'family';
  matchCreated: boolean;
  orgLow: string;
  orgHigh: string;
  userLow: string;
  userHigh: string;
}

export async function matchRegistration(
  tx: Tx,
  regionId: string,
  registrationId: string,
  today: string,
  dueOn: string,
): Promise<NewPair[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT * FROM regie.refindex_match($1, $2, $3::date, $4::date)`,
    [regionId, registrationId, today, dueOn],
    { prepare: true },
  );
  return rows.map((r) => ({
    matchId: r.match_id,
    kind: r.kind,
    matchCreated: r.match_created,
    orgLow: r.org_low,
    orgHigh: r.org_high,
    userLow: r.user_low,
    userHigh: r.user_high,
  }));
}

export async function closeStaleMatches(tx: Tx, regionId: string, personId: string, today: string): Promise<void> {
  await tx.query(`SELECT regie.refindex_close_stale($1, $2, $3::date)`, [regionId, personId, today], { prepare: true });
}

export type RegistrationRow = z.infer<typeof Registration> & { personId: string };

/** The organisation's own registrations, newest first; keyset-paged on (created_at, id). */
export async function ownRegistrations(
  tx: Tx,
  regionId: string,
  organisationId: string,
  o: { id?: string; status?: 'running' | 'all'; after?: [string, string]; limit: number; today: string },
): Promise<{ rows: RegistrationRow[]; sortValues: string[] }> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT x.id, x.person_id, l.bsn, x.organisation_id, o.name AS organisation_name, x.registered_by, u.display_name AS registrant_name,
            x.contact_name, x.contact_phone, x.contact_email, x.legal_basis, x.start_date::text AS start_date, x.end_date::text AS end_date,
            x.ended_at, x.ended_reason, x.created_at, ${ACTIVE('x', '$7')} AS active,
            (SELECT count(DISTINCT p.match_id)::int FROM refindex_match_pairs p
               JOIN refindex_matches m ON m.region_id = p.region_id AND m.id = p.match_id AND m.closed_at IS NULL
              WHERE p.region_id = x.region_id AND x.id IN (p.registration_low, p.registration_high)) AS open_matches,
            to_char(x.created_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS sort_value
       FROM refindex_registrations x
       LEFT JOIN LATERAL regie.refindex_person_label(x.region_id, x.person_id) l ON true
       LEFT JOIN organisations o ON o.region_id = x.region_id AND o.id = x.organisation_id
       LEFT JOIN users u ON u.region_id = x.region_id AND u.id = x.registered_by
      WHERE x.region_id = $1 AND x.organisation_id = $2
        AND ($3::uuid IS NULL OR x.id = $3)
        AND ($4::text = 'all' OR x.ended_at IS NULL)
        AND ($5::timestamptz IS NULL OR (x.created_at, x.id) < ($5::timestamptz, $6::uuid))
      ORDER BY x.created_at DESC, x.id DESC
      LIMIT $8`,
    [regionId, organisationId, o.id ?? null, o.status ?? 'running', o.after?.[0] ?? null, o.after?.[1] ?? null, o.today, o.limit + 1],
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      person: { bsn: r.bsn ?? null },
      organisation: { id: r.organisation_id, name: r.organisation_name ?? null },
      registeredBy: { id: r.registered_by, name: r.registrant_name ?? null },
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      contactEmail: r.contact_email,
      legalBasis: r.legal_basis,
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.ended_at ? 'ended' : r.active ? 'active' : 'expired',
      endedAt: isoOrNull(r.ended_at),
      endedReason: r.ended_reason ?? null,
      createdAt: iso(r.created_at),
      openMatches: r.open_matches,
    })),
    sortValues: rows.map((r) => String(r.sort_value)),
  };
}

export type MatchRow = z.infer<typeof Match> & { personIds: string[]; legalBasis: string | null };

/** The matches of the actor's organisation (row-level security shows no others), newest first. */
export async function organisationMatches(
  tx: Tx,
  regionId: string,
  organisationId: string,
  o: { id?: string; status?: 'open' | 'closed' | 'all'; after?: [string, string]; limit: number; today: string },
): Promise<{ rows: MatchRow[]; sortValues: string[] }> {
  const matches = await tx.query<Record<string, any>>(
    `SELECT m.id, m.kind, m.matched_on::text AS matched_on, m.due_on::text AS due_on, m.escalated_at, m.closed_at,
            m.coordinator_organisation_id, co.name AS coordinator_organisation_name, m.coordinator_user_id, cu.display_name AS coordinator_user_name,
            m.coordinator_accepted_at, to_char(m.matched_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS sort_value
       FROM refindex_matches m
       LEFT JOIN organisations co ON co.region_id = m.region_id AND co.id = m.coordinator_organisation_id
       LEFT JOIN users cu ON cu.region_id = m.region_id AND cu.id = m.coordinator_user_id
      WHERE m.region_id = $1
        AND ($2::uuid IS NULL OR m.id = $2)
        AND ($3::text = 'all' OR ($3 = 'open') = (m.closed_at IS NULL))
        AND ($4::timestamptz IS NULL OR (m.matched_at, m.id) < ($4::timestamptz, $5::uuid))
      ORDER BY m.matched_at DESC, m.id DESC
      LIMIT $6`,
    [regionId, o.id ?? null, o.status ?? 'open', o.after?.[0] ?? null, o.after?.[1] ?? null, o.limit + 1],
  );
  const ids = matches.map((m) => m.id as string);
  // Both registrations of every pair of the actor's organisation: its own and the other's.
  const regs = ids.length
    ? await tx.query<Record<string, any>>(
        `SELECT p.match_id, x.id, x.person_id, x.organisation_id, o.name AS organisation_name, x.contact_name, x.contact_phone, x.contact_email,
            x.legal_basis, x.start_date::text AS start_date, x.end_date::text AS end_date, ${ACTIVE('x', '$3')} AS active, l.bsn
       FROM refindex_match_pairs p
       JOIN refindex_registrations x ON x.region_id = p.region_id AND x.id IN (p.registration_low, p.registration_high)
       LEFT JOIN organisations o ON o.region_id = x.region_id AND o.id = x.organisation_id
       LEFT JOIN LATERAL regie.refindex_person_label(x.region_id, x.person_id) l ON x.organisation_id = $4
      WHERE p.region_id = $1 AND p.match_id = ANY($2::uuid[])
      ORDER BY x.organisation_id = $4 DESC, o.name, x.id`,
        [regionId, ids, o.today, organisationId],
      )
    : [];
  const rows = matches.slice(0, o.limit + 1).map((m): MatchRow => {
    const mine = regs.filter((r) => r.match_id === m.id);
    const own = mine.filter((r) => r.organisation_id === organisationId);
    const parties = new Map<string, z.infer<typeof MatchParty>>();
    for (const r of mine) {
      const seen = parties.get(r.organisation_id);
      if (seen && (seen.active || !r.active)) continue;
      parties.set(r.organisation_id, {
        organisation: { id: r.organisation_id, name: r.organisation_name ?? null },
        own: r.organisation_id === organisationId,
        contactName: r.contact_name,
        contactPhone: r.contact_phone,
        contactEmail: r.contact_email,
        startDate: r.start_date,
        endDate: r.end_date,
        active: r.active,
      });
    }
    const persons = new Map<string, { bsn: string | null }>();
    for (const r of own) persons.set(r.person_id, { bsn: r.bsn ?? null });
    const coordinator = m.coordinator_user_id
      ? {
          organisation: { id: m.coordinator_organisation_id, name: m.coordinator_organisation_name ?? null },
          user: { id: m.coordinator_user_id, name: m.coordinator_user_name ?? null },
          acceptedAt: iso(m.coordinator_accepted_at),
        }
      : null;
    const open = !m.closed_at;
    return {
      id: m.id,
      kind: m.kind,
      persons: [...persons.values()],
      matchedOn: m.matched_on,
      dueOn: m.due_on,
      overdue: open && !coordinator && o.today > m.due_on,
      escalatedAt: isoOrNull(m.escalated_at),
      closedAt: isoOrNull(m.closed_at),
      coordinator,
      canAccept: open && !coordinator && own.some((r) => r.active),
      parties: [...parties.values()],
      personIds: [...persons.keys()],
      legalBasis: own[0]?.legal_basis ?? null,
    };
  });
  return { rows, sortValues: matches.map((m) => String(m.sort_value)) };
}

/**
 * The first organisation to accept becomes match coordinator: the row is updated only while it
 * has none, so of two simultaneous accepts exactly one changes it (the other sees the new row).
 */
export async function setCoordinator(
  tx: Tx,
  regionId: string,
  matchId: string,
  organisationId: string,
  userId: string,
  today: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE refindex_matches m SET coordinator_organisation_id = $3, coordinator_user_id = $4, coordinator_accepted_at = now()
      WHERE m.region_id = $1 AND m.id = $2 AND m.coordinator_user_id IS NULL AND m.closed_at IS NULL
        AND EXISTS (SELECT 1 FROM refindex_match_pairs p
                      JOIN refindex_registrations x ON x.region_id = p.region_id AND x.id IN (p.registration_low, p.registration_high)
                     WHERE p.region_id = m.region_id AND p.match_id = m.id AND x.organisation_id = $3 AND ${ACTIVE('x', '$5')})
      RETURNING m.id`,
    [regionId, matchId, organisationId, userId, today],
  );
  return rows.length > 0;
}

/** The registrants of the other organisations in the actor's pairs of a match. */
export async function otherRegistrants(tx: Tx, regionId: string, matchId: string, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ registered_by: string }>(
    `SELECT DISTINCT x.registered_by FROM refindex_match_pairs p
       JOIN refindex_registrations x ON x.region_id = p.region_id AND x.id IN (p.registration_low, p.registration_high)
      WHERE p.region_id = $1 AND p.match_id = $2 AND x.organisation_id <> $3`,
    [regionId, matchId, organisationId],
  );
  return rows.map((r) => r.registered_by);
}

// ---- system sweeps (no actor: the connection's own role) -----------------------------------

export interface DueRemoval {
  regionId: string;
  id: string;
  personId: string;
  organisationId: string;
  legalBasis: string;
  reason: 'expired' | 'age_23';
}

/** Running registrations whose person turned 23 or whose end date has passed. */
export async function dueForRemoval(tx: Tx, today: string): Promise<DueRemoval[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT x.region_id, x.id, x.person_id, x.organisation_id, x.legal_basis,
            CASE WHEN (p.birth_date + interval '23 years')::date <= $1::date THEN 'age_23' ELSE 'expired' END AS reason
       FROM refindex_registrations x
       JOIN persons p ON p.region_id = x.region_id AND p.id = x.person_id
      WHERE x.ended_at IS NULL AND (x.end_date < $1::date OR (p.birth_date + interval '23 years')::date <= $1::date)
      ORDER BY x.region_id, x.id`,
    [today],
  );
  return rows.map((r) => ({
    regionId: r.region_id,
    id: r.id,
    personId: r.person_id,
    organisationId: r.organisation_id,
    legalBasis: r.legal_basis,
    reason: r.reason,
  }));
}

/**
 * The audit row of a removal by a sweep: NEN 7513 wants every removal logged, and there is no
 * professional acting. user_id stays empty; user_role 'system' and on_behalf_of name the job.
 */
export async function recordSystemRemoval(tx: Tx, r: DueRemoval): Promise<void> {
  await recordUnattended(
    tx,
    r.regionId,
    { role: 'system', organisationId: r.organisationId, onBehalfOf: 'system:refindex-removals' },
    {
      action: 'delete',
      objectType: 'refindex-registration',
      objectId: r.id,
      personIds: [r.personId],
      legalBasis: r.legalBasis,
      consent: r.legalBasis === 'consent',
      reason: r.reason,
    },
  );
}

/** Open matches without a coordinator whose due date has passed and that were not escalated. */
export async function dueForEscalation(tx: Tx, today: string): Promise<{ regionId: string; id: string }[]> {
  const rows = await tx.query<{ region_id: string; id: string }>(
    `SELECT region_id, id FROM refindex_matches
      WHERE closed_at IS NULL AND coordinator_user_id IS NULL AND escalated_at IS NULL AND due_on < $1::date
      ORDER BY region_id, due_on, id`,
    [today],
  );
  return rows.map((r) => ({ regionId: r.region_id, id: r.id }));
}

/** Marks a match escalated once; returns its organisations, or null when it needs no escalation any more. */
export async function markEscalated(tx: Tx, regionId: string, matchId: string): Promise<string[] | null> {
  const rows = await tx.query(
    `UPDATE refindex_matches SET escalated_at = now()
      WHERE region_id = $1 AND id = $2 AND closed_at IS NULL AND coordinator_user_id IS NULL AND escalated_at IS NULL RETURNING id`,
    [regionId, matchId],
  );
  if (!rows.length) return null;
  const orgs = await tx.query<{ org: string }>(
    `SELECT DISTINCT unnest(ARRAY[org_low, org_high]) AS org FROM refindex_match_pairs WHERE region_id = $1 AND match_id = $2 ORDER BY 1`,
    [regionId, matchId],
  );
  return orgs.map((o) => o.org);
}
