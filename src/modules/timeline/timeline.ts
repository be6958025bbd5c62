// The append-only timeline of a family and its case. Written in the transaction of the change,
// and only here (for a handover answered in another region through the narrow writer of 0360).
// An event is a kind and its parameters (src/shared/events/kinds.ts), never a sentence: the
// reader's screen says it in the reader's language.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { TIMELINE_TYPE_OF, type StructuredTimelineEvent, type TimelineEventOf } from '../../shared/events/kinds.js';

export type { TimelineType } from '../../shared/events/kinds.js';

export type AppendEventInput = StructuredTimelineEvent & {
  familyId: string;
  caseId?: string | null;
  /** Machine facts beside the sentence (ids, codes) for indicators and links. */
  data?: Record<string, unknown>;
  /** When it happened, if before this transaction (a worry received days before the case it led to was opened). */
  occurredAt?: Date;
};

export async function appendEvent(tx: Tx, actor: Actor, e: AppendEventInput) {
  await tx.query(
    `INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind, params, actor_user_id, actor_organisation_id, data, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, now()))`,
    [
      actor.regionId,
      randomUUID(),
      e.familyId,
      e.caseId ?? null,
      TIMELINE_TYPE_OF[e.kind],
      e.kind,
      JSON.stringify(e.params),
      actor.userId,
      actor.organisationId,
      JSON.stringify(e.data ?? {}),
      e.occurredAt ?? null,
    ],
  );
  await tx.query(`UPDATE families SET last_activity_at = now() WHERE region_id = $1 AND id = $2`, [actor.regionId, e.familyId]);
}

/**
 * An event on the sender's family timeline in the OTHER region, when a handover is answered from
 * this one: through the narrow writer of migration 0360 (only the answering party, only in the
 * answering transaction, only the kinds an answer causes). False when the handover names no family.
 */
export async function appendEventElsewhere(
  tx: Tx,
  handover: { regionId: string; id: string },
  e: (TimelineEventOf<'handover_accepted_elsewhere'> | TimelineEventOf<'handover_refused'> | TimelineEventOf<'case_closed'>) & {
    data: Record<string, unknown>;
  },
): Promise<boolean> {
  const rows = await tx.query<{ ok: boolean }>(`SELECT regie.handover_event_elsewhere($1, $2, $3, $4, $5, $6) AS ok`, [
    handover.regionId,
    handover.id,
    e.kind,
    TIMELINE_TYPE_OF[e.kind],
    JSON.stringify(e.params),
    JSON.stringify(e.data),
  ]);
  return rows[0]?.ok === true;
}

type CaseOpening =
  | TimelineEventOf<'case_opened'>
  | TimelineEventOf<'case_opened_after_triage'>
  | TimelineEventOf<'case_opened_after_handover'>
  | TimelineEventOf<'case_opened_after_signal_handover'>;

/**
 * A case opened, and who coordinates it: every opening (a case opened on the family page, at
 * registration, after triage or a handover) puts "regisseur toegewezen" on the timeline, not
 * only a later transfer. Both events share the transaction's time; `seq` keeps them in order.
 */
export async function appendCaseOpened(
  tx: Tx,
  actor: Actor,
  e: {
    familyId: string;
    caseId: string;
    opened: CaseOpening;
    coordinator: { id: string; display_name: string };
    legalBasis: string;
    data?: Record<string, unknown>;
  },
) {
  await appendEvent(tx, actor, { familyId: e.familyId, caseId: e.caseId, ...e.opened, data: e.data });
  await appendEvent(tx, actor, {
    familyId: e.familyId,
    caseId: e.caseId,
    kind: 'coordinator_assigned',
    params: { coordinator: e.coordinator.display_name },
    data: { to: e.coordinator.id, legalBasis: e.legalBasis },
  });
}

/** The persons of a family: who an audit row is written for when the family is touched. */
export async function familyPersonIds(tx: Tx, regionId: string, familyId: string): Promise<string[]> {
  const rows = await tx.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
    regionId,
    familyId,
  ]);
  return rows.map((r) => r.person_id);
}
