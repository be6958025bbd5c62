// The append-only timeline of a family and its case. Written in the transaction of the change.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';

export type TimelineType =
  | 'family_registered' | 'member_added' | 'network_member_added' | 'case_opened' | 'coordinator_assigned' | 'case_status_changed'
  | 'team_member_added' | 'team_member_basis_changed' | 'team_member_ended' | 'coordinator_transferred' | 'break_glass_opened' | 'person_updated'
  | 'signal_linked' | 'signal_triaged' | 'handover_sent' | 'handover_accepted' | 'handover_refused' | 'refindex_match';

export async function appendEvent(tx: Tx, actor: Actor, e: { familyId: string; caseId?: string | null; type: TimelineType; summary: string; data?: Record<string, unknown>;
  /** When it happened, if before this transaction (a worry received days before the case it led to was opened). */
  occurredAt?: Date }) {
  await tx.query(
    `INSERT INTO timeline_events (region_id, id, family_id, case_id, type, actor_user_id, actor_organisation_id, data, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, now()))`,
    [actor.regionId, randomUUID(), e.familyId, e.caseId ?? null, e.type, actor.userId, actor.organisationId,
      JSON.stringify({ summary: e.summary, ...(e.data ?? {}) }), e.occurredAt ?? null]);
  await tx.query(`UPDATE families SET last_activity_at = now() WHERE region_id = $1 AND id = $2`, [actor.regionId, e.familyId]);
}

/**
 * A case opened, and who coordinates it: every opening (a case opened on the family page, at
 * registration, after triage or a handover) puts "regisseur toegewezen" on the timeline, not
 * only a later transfer. Both events share the transaction's time; `seq` keeps them in order.
 */
export async function appendCaseOpened(tx: Tx, actor: Actor,
  e: { familyId: string; caseId: string; summary: string; coordinator: { id: string; display_name: string }; legalBasis: string; data?: Record<string, unknown> }) {
  await appendEvent(tx, actor, { familyId: e.familyId, caseId: e.caseId, type: 'case_opened', summary: e.summary, data: e.data });
  await appendEvent(tx, actor, { familyId: e.familyId, caseId: e.caseId, type: 'coordinator_assigned', summary: `Regisseur toegewezen: ${e.coordinator.display_name}`,
    data: { to: e.coordinator.id, legalBasis: e.legalBasis } });
}

/** The persons of a family: who an audit row is written for when the family is touched. */
export async function familyPersonIds(tx: Tx, regionId: string, familyId: string): Promise<string[]> {
  const rows = await tx.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [regionId, familyId]);
  return rows.map((r) => r.person_id);
}
