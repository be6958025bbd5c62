// The other region's side of a handover between regions (ADR 0006). Row-level security keeps an
// actor in its own region, so what a handover writes in the other region goes through the narrow
// writers of migration 0360, each of which only checks that the actor is this handover's party in
// this transaction. What is written there, for whom, and in which words is decided here: the
// sender's case closes when the sender's access ends (the family moved), the receiving
// organisation's team leads (else its coordinators) hear of a handover, the sender and its team
// leads of a refusal.
import type { Tx } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { oneRow } from '../../platform/db/rows.js';
import { notifyElsewhere } from '../notifications/notify.js';
import { appendEventElsewhere } from '../timeline/timeline.js';
import type { OrgRef } from '../../shared/events/kinds.js';
import type { HandoverRow } from './handovers.repo.js';

type Ref = { regionId: string; id: string };
/** Who the audit rows in the other region name: the actor's role, address and browser. */
export type AuditWho = { role: string; ip?: string; userAgent?: string };
type InRegion = Required<OrgRef>;

/** "Team Jeugd Goes (regio De Bevelanden)": how the sender's records name a receiver in another region. */
const inRegion = (o: InRegion) => `${o.name} (regio ${o.region})`;

/**
 * The texts the sender's region keeps of an answer from elsewhere: records of the case and of
 * its log (not interface text), in Dutch like every closing reason a professional types there.
 */
export const ELSEWHERE_TEXTS = {
  closedReason: (to: InRegion) => `verhuisd; overgedragen aan ${inRegion(to)}`,
  endedReason: (to: InRegion) => `toegang beëindigd na overdracht aan ${inRegion(to)}`,
  auditReason: (to: InRegion) => `ontvanger in een andere regio: ${inRegion(to)}`,
};

/** Sending to another region: the receiving organisation's team leads, else its coordinators, are told there. */
export async function tellReceiversElsewhere(tx: Tx, ref: Ref): Promise<number> {
  const staff = await staffElsewhere(tx, ref);
  const leads = staff.filter((s) => s.team_lead);
  const { from } = await partiesOf(tx, ref);
  return notifyElsewhere(tx, ref, {
    userIds: (leads.length ? leads : staff.filter((s) => s.coordinator)).map((s) => s.user_id),
    kind: 'handover_received',
    params: { from },
    link: `/overdrachten/${ref.id}`,
    dedupeKey: `handover-received:${ref.id}`,
  });
}

export type AnswerElsewhere = { status: 'accepted' } | { status: 'refused'; reason: string };

/**
 * Answered from this region, in the answering transaction: the sender's case (closed when the
 * sender's access ends, else only a new version), its family timeline, its people's inbox and the
 * log of its persons, all in the sender's region. Returns whether the sender's case was closed.
 */
export async function finishSenderSide(tx: Tx, h: HandoverRow, answer: AnswerElsewhere, who: AuditWho): Promise<boolean> {
  const ref = { regionId: h.region_id, id: h.id };
  const { to } = await partiesOf(tx, ref);
  const link = `/overdrachten/${h.id}`;
  let closedFrom: string | null = null;
  if (answer.status === 'accepted') {
    if (h.case_id && h.sender_access === 'ends')
      closedFrom = await closeSenderCase(tx, ref, ELSEWHERE_TEXTS.closedReason(to), ELSEWHERE_TEXTS.endedReason(to));
    else if (h.case_id) await tx.query(`SELECT regie.handover_touch_sender_case($1, $2)`, [ref.regionId, ref.id]);
    await appendEventElsewhere(tx, ref, {
      kind: 'handover_accepted_elsewhere',
      params: { by: to, senderAccess: h.sender_access },
      data: { handoverId: h.id, toOrganisationId: h.to_organisation_id, toRegionId: h.to_region_id, senderAccess: h.sender_access },
    });
    if (closedFrom !== null)
      await appendEventElsewhere(tx, ref, {
        kind: 'case_closed',
        params: { fromPhase: closedFrom, reason: ELSEWHERE_TEXTS.closedReason(to) },
        data: { from: closedFrom, to: 'closed' },
      });
    await notifyElsewhere(tx, ref, {
      userIds: [h.from_user_id],
      kind: 'handover_accepted',
      params: { by: to },
      link,
      dedupeKey: `handover-accepted:${h.id}`,
    });
  } else {
    await appendEventElsewhere(tx, ref, {
      kind: 'handover_refused',
      params: { by: to, reason: answer.reason },
      data: { handoverId: h.id },
    });
    const staff = await staffElsewhere(tx, ref);
    await notifyElsewhere(tx, ref, {
      userIds: staff.filter((s) => s.sender || s.team_lead).map((s) => s.user_id),
      kind: 'handover_refused',
      params: { by: to },
      link,
      dedupeKey: `handover-refused:${h.id}`,
    });
  }
  await auditElsewhere(tx, ref, 'update', 'handover', ELSEWHERE_TEXTS.auditReason(to), who);
  if (closedFrom !== null) await auditElsewhere(tx, ref, 'update', 'case', ELSEWHERE_TEXTS.closedReason(to), who);
  return closedFrom !== null;
}

/**
 * The receiver in this region reads handovers from others: a row per person of each package in
 * the sender's region (their persons' log is there), naming the receiving organisation and region.
 */
export async function auditReadsElsewhere(tx: Tx, actor: Actor, refs: Ref[], who: AuditWho): Promise<void> {
  if (!refs.length) return;
  const me = oneRow(
    await tx.query<InRegion>(
      `SELECT o.name, g.name AS region FROM organisations o JOIN regions g ON g.id = o.region_id WHERE o.region_id = $1 AND o.id = $2`,
      [actor.regionId, actor.organisationId],
    ),
    'own organisation',
  );
  for (const ref of refs) await auditElsewhere(tx, ref, 'read', 'handover', ELSEWHERE_TEXTS.auditReason(me), who);
}

async function auditElsewhere(tx: Tx, ref: Ref, action: 'read' | 'update', objectType: 'handover' | 'case', reason: string, who: AuditWho) {
  await tx.query(`SELECT regie.audit_handover_elsewhere($1, $2, $3, $4, $5, $6, $7, $8)`, [
    ref.regionId,
    ref.id,
    action,
    objectType,
    reason,
    who.role,
    who.ip ?? null,
    who.userAgent ?? null,
  ]);
}

/** The phase the sender's case was in when this answer closed it; null when it was no longer open. */
async function closeSenderCase(tx: Tx, ref: Ref, closedReason: string, endedReason: string): Promise<string | null> {
  const rows = await tx.query<{ from: string | null }>(`SELECT regie.handover_close_sender_case($1, $2, $3, $4) AS "from"`, [
    ref.regionId,
    ref.id,
    closedReason,
    endedReason,
  ]);
  return rows[0]?.from ?? null;
}

/** The other party's people who may be told (ids and roles only), as migration 0360 allows this transaction. */
function staffElsewhere(tx: Tx, ref: Ref) {
  return tx.query<{ user_id: string; team_lead: boolean; coordinator: boolean; sender: boolean }>(
    `SELECT user_id, team_lead, coordinator, sender FROM regie.handover_staff_elsewhere($1, $2)`,
    [ref.regionId, ref.id],
  );
}

/** Both organisations of the handover with their regions, as its parties may read them. */
async function partiesOf(tx: Tx, ref: Ref): Promise<{ from: InRegion; to: InRegion }> {
  const p = oneRow(
    await tx.query<{ from_name: string; from_region_name: string; to_name: string; to_region_name: string }>(
      `SELECT from_name, from_region_name, to_name, to_region_name FROM regie.handover_parties($1, $2)`,
      [ref.regionId, ref.id],
    ),
    'handover parties',
  );
  return { from: { name: p.from_name, region: p.from_region_name }, to: { name: p.to_name, region: p.to_region_name } };
}
