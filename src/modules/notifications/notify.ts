// Notifying professionals: an inbox row per person and, when they have an e-mail address, an
// outbox row that a background job sends. Written in the transaction of the event, so a
// notification exists exactly when its cause does. Titles and e-mails hold no citizen data.
//
// One event → one notice per person. Every notification names its event (`dedupeKey`); the
// database refuses a second notice to the same person about the same event (migration 0233),
// however many code paths or recipient lists name them. notify-once.int.test.ts checks every
// kind below.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import type { NotificationKind, StructuredNotification } from '../../shared/events/kinds.js';

export type { NotificationKind } from '../../shared/events/kinds.js';

/**
 * Every kind of notification, with the event that causes it. A new kind is added here (and gets
 * its case in notify-once.int.test.ts); for a handover between regions the three handover kinds
 * go to the other region through notifyElsewhere().
 */
export const NOTIFICATION_KINDS = {
  handover_received: 'a handover was sent to the organisation (per handover)',
  handover_accepted: 'the receiver accepted the handover (per handover)',
  handover_refused: 'the receiver refused the handover (per handover)',
  handover_expired: 'the handover was not answered in time (per handover)',
  handover_nominated: 'the receiver named this professional coordinator (per handover)',
  refindex_match: 'a registration in the reference index made new matches (per registration)',
  refindex_coordinator: 'an organisation became match coordinator (per match)',
  refindex_escalation: 'matches went without a coordinator past their due date (per sweep day)',
  signal_acute: 'an acute signal arrived (per signal)',
  signal_linked: 'a signal was linked to the open case this professional coordinates (per signal)',
  case_coordinator_assigned: 'triage opened a case with this professional as coordinator (per case)',
  signal_safety: "a citizen's concern about safety arrived (per signal)",
  triage_overdue: 'a signal was not triaged in time (per signal)',
  public_form_cap: 'the public form reached its daily cap (per day)',
  role_change_proposed: 'a role change waits for a second administrator (per proposal)',
  role_change_approved: 'a role with break-the-glass or audit access was approved (per proposal)',
  authenticator_reset: 'an administrator reset an authenticator app (per reset)',
  council_overdue: 'the family network council was not offered in time (per case)',
  plan_proposed: 'a plan version was proposed to the organisations that own its actions (per version)',
  plan_agreed: 'every party agreed to a plan version; told to the coordinator unless they gave the last answer (per version)',
  plan_disagreed: 'a party did not agree to a plan version; told to the coordinator unless they recorded it (per version)',
} as const satisfies Record<NotificationKind, string>;

/**
 * A kind and the parameters of its title (src/shared/events/kinds.ts), never a sentence: the
 * inbox says it in the reader's language, the e-mail in the recipient's (users.language).
 */
export type NotificationInput = StructuredNotification & {
  regionId: string;
  userIds: string[];
  /** A path inside Regie, e.g. /meldingen/<id>. */
  link: string;
  /**
   * The event, e.g. `handover-refused:<handover id>`: each person is told of one event once,
   * also when a sweep runs again or a person is on two of the lists notified.
   */
  dedupeKey: string;
};

export function notify(tx: Tx, n: NotificationInput): Promise<number> {
  return writeEach(tx, n.userIds, (userId) => [
    `SELECT regie.notify($1, $2, $3, $4, $5, $6, $7, $8) AS ok`,
    [n.regionId, randomUUID(), userId, n.kind, JSON.stringify(n.params), n.link, n.dedupeKey, randomUUID()],
  ]);
}

/**
 * The same notice in the OTHER region of a handover between regions (out of the actor's reach
 * under row-level security): through the narrow writer of migration 0360, which lets only this
 * handover's party, in the transaction that sent or answered it, tell that side's people.
 */
export function notifyElsewhere(tx: Tx, handover: { regionId: string; id: string }, n: Omit<NotificationInput, 'regionId'>) {
  return writeEach(tx, n.userIds, (userId) => [
    `SELECT regie.handover_notify_elsewhere($1, $2, $3, $4, $5, $6, $7) AS ok`,
    [handover.regionId, handover.id, userId, n.kind, JSON.stringify(n.params), n.link, n.dedupeKey],
  ]);
}

/** One notice per person (each named once), through the given writer; how many were new. */
async function writeEach(tx: Tx, userIds: string[], call: (userId: string) => [string, unknown[]]): Promise<number> {
  let created = 0;
  for (const userId of [...new Set(userIds)]) {
    const [text, params] = call(userId);
    const rows = await tx.query<{ ok: boolean }>(text, params, { prepare: true });
    if (rows[0]?.ok) created++;
  }
  return created;
}

/** The team leads of an organisation (for overdue work and escalations). */
export async function teamLeadsOf(tx: Tx, regionId: string, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT regie.team_leads($1, $2) AS id`, [regionId, organisationId]);
  return rows.map((r) => r.id);
}
