// Notifying professionals: an inbox row per person and, when they have an e-mail address, an
// outbox row that a background job sends. Written in the transaction of the event, so a
// notification exists exactly when its cause does. Titles and e-mails hold no citizen data.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';

export interface NotificationInput {
  regionId: string;
  userIds: string[];
  /** e.g. 'triage_overdue', 'handover_received', 'refindex_match' */
  kind: string;
  title: { nl: string; en: string };
  /** A path inside Regie, e.g. /meldingen/<id>. */
  link: string;
  /** The same key for the same user is notified once only (sweeps may run many times). */
  dedupeKey?: string;
}

export async function notify(tx: Tx, n: NotificationInput): Promise<number> {
  let created = 0;
  for (const userId of [...new Set(n.userIds)]) {
    const rows = await tx.query<{ ok: boolean }>(`SELECT regie.notify($1, $2, $3, $4, $5, $6, $7, $8, $9) AS ok`,
      [n.regionId, randomUUID(), userId, n.kind, n.title.nl, n.title.en, n.link, n.dedupeKey ?? null, randomUUID()], { prepare: true });
    if (rows[0]?.ok) created++;
  }
  return created;
}

/** The team leads of an organisation (for overdue work and escalations). */
export async function teamLeadsOf(tx: Tx, regionId: string, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT regie.team_leads($1, $2) AS id`, [regionId, organisationId]);
  return rows.map((r) => r.id);
}
