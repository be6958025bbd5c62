// SQL for reading the audit log. Runs inside the privacy officer's transaction: row-level
// security limits audit_log to privacy officers of the region, and lets them see its persons.
import type { Tx } from '../../platform/db/db.js';
import { fullName } from '../families/names.js';

export interface AuditFilter {
  personId?: string;
  userId?: string;
  organisationId?: string;
  /** Whole days in Dutch time, both inclusive. */
  from?: string;
  to?: string;
  action?: string;
  outcome?: string;
  beforeSeq?: string;
  limit: number;
}

export interface AuditRow {
  id: string;
  seq: number;
  occurredAt: string;
  action: 'create' | 'read' | 'update' | 'delete' | 'export';
  user: { id: string; name: string | null } | null;
  role: string | null;
  organisation: { id: string; name: string | null } | null;
  onBehalfOf: { id: string; name: string | null } | null;
  person: { id: string; fullName: string | null } | null;
  objectType: string;
  objectId: string | null;
  ip: string | null;
  userAgent: string | null;
  legalBasis: string | null;
  flags: { careRelation: boolean; consent: boolean; breakGlass: boolean };
  outcome: 'allowed' | 'denied';
  reason: string | null;
}

const DUTCH_DAY = `::date::timestamp AT TIME ZONE 'Europe/Amsterdam'`;

/** Newest first by sequence number; keyset-paged on seq. Fetches limit+1 rows. */
export async function findAuditEvents(tx: Tx, regionId: string, f: AuditFilter): Promise<AuditRow[]> {
  const params: unknown[] = [regionId];
  const where: string[] = ['a.region_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    if (value === undefined || value === null) return;
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  add((p) => `a.person_id = ${p}`, f.personId);
  add((p) => `a.user_id = ${p}`, f.userId);
  add((p) => `a.organisation_id = ${p}`, f.organisationId);
  add((p) => `a.occurred_at >= ${p}${DUTCH_DAY}`, f.from);
  add((p) => `a.occurred_at < (${p}::date + 1)${DUTCH_DAY}`, f.to);
  add((p) => `a.action = ${p}`, f.action);
  add((p) => `a.outcome = ${p}`, f.outcome);
  add((p) => `a.seq < ${p}::bigint`, f.beforeSeq);
  params.push(f.limit + 1);
  const rows = await tx.query<Record<string, any>>(
    `SELECT a.seq::text AS seq, a.id, a.occurred_at, a.action, a.user_id, u.display_name AS user_name, a.user_role,
            a.organisation_id, o.name AS organisation_name, a.on_behalf_of, ob.name AS on_behalf_of_name,
            a.person_id, p.given_names, p.family_name_prefix, p.family_name, a.object_type, a.object_id, a.ip, a.user_agent,
            a.legal_basis, a.care_relation, a.consent, a.break_glass, a.outcome, a.reason
       FROM audit_log a
       LEFT JOIN users u ON u.region_id = a.region_id AND u.id = a.user_id
       LEFT JOIN organisations o ON o.region_id = a.region_id AND o.id = a.organisation_id
       LEFT JOIN organisations ob ON ob.region_id = a.region_id AND ob.id::text = a.on_behalf_of
       LEFT JOIN persons p ON p.region_id = a.region_id AND p.id = a.person_id
      WHERE ${where.join(' AND ')}
      ORDER BY a.seq DESC
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    occurredAt: new Date(r.occurred_at).toISOString(),
    action: r.action,
    user: r.user_id ? { id: r.user_id, name: r.user_name ?? null } : null,
    role: r.user_role,
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? null } : null,
    onBehalfOf: r.on_behalf_of ? { id: r.on_behalf_of, name: r.on_behalf_of_name ?? null } : null,
    person: r.person_id ? { id: r.person_id, fullName: r.family_name ? fullName(r as never) : null } : null,
    objectType: r.object_type,
    objectId: r.object_id,
    ip: r.ip,
    userAgent: r.user_agent,
    legalBasis: r.legal_basis,
    flags: { careRelation: r.care_relation, consent: r.consent, breakGlass: r.break_glass },
    outcome: r.outcome,
    reason: r.reason,
  }));
}

export interface PersonRow {
  id: string;
  fullName: string;
  birthDate: string | null;
}

async function findPersons(tx: Tx, regionId: string, column: 'id' | 'bsn', value: string): Promise<PersonRow[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT id, given_names, family_name_prefix, family_name, birth_date::text AS birth_date FROM persons WHERE region_id = $1 AND ${column} = $2`,
    [regionId, value],
  );
  return rows.map((r) => ({ id: r.id, fullName: fullName(r as never), birthDate: r.birth_date ?? null }));
}

export const findPerson = async (tx: Tx, regionId: string, personId: string) =>
  (await findPersons(tx, regionId, 'id', personId))[0] ?? null;
export const findPersonByBsn = async (tx: Tx, regionId: string, bsn: string) => (await findPersons(tx, regionId, 'bsn', bsn))[0] ?? null;
