// Use cases of the privacy officer on the NEN 7513 log: read it with filters, verify its hash
// chain, show a person's access log, find a person by BSN. Reading the log shows personal data,
// so every read is itself logged, in the same transaction.
import type { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { readCheckpoints, verifyAgainstCheckpoint, type CheckpointSettings } from '../../platform/audit/checkpoints.js';
import { Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { findAuditEvents, findPerson, findPersonByBsn, type AuditRow } from './audit.repo.js';
import type { AccessLogQuery, AuditEventQuery } from './audit.contract.js';

/** The basis on which the privacy officer reads personal data: supervising its processing. */
export const SUPERVISION_BASIS = 'statutory_task';

function seqCursor(cursor: string | undefined): string | undefined {
  const c = decodeCursor(cursor);
  if (c && !/^\d{1,19}$/.test(c[0]))
    throw new Invalid('invalid_cursor', 'cursor', { nl: 'Ongeldige paginacursor.', en: 'Invalid page cursor.' });
  return c?.[0];
}

const paged = (rows: AuditRow[], limit: number) =>
  page(
    rows,
    rows.map((r) => String(r.seq)),
    limit,
  );
const withoutId = ({ id: _, ...rest }: AuditRow) => rest;

export async function listAuditEvents(db: Database, actor: Actor, q: z.infer<typeof AuditEventQuery>) {
  const limit = q.limit ?? 50;
  const beforeSeq = seqCursor(q.cursor);
  return asActor(db, actor, async (tx) => {
    let personId = q.personId;
    if (q.bsn) {
      const p = await findPersonByBsn(tx, actor.regionId, q.bsn);
      // An unknown BSN, or one that is not the person asked for, matches no row at all.
      if (!p || (personId && personId !== p.id)) return { items: [], nextCursor: null };
      personId = p.id;
    }
    const rows = await findAuditEvents(tx, actor.regionId, {
      personId,
      userId: q.userId,
      organisationId: q.organisationId,
      from: q.from,
      to: q.to,
      action: q.action,
      outcome: q.outcome,
      beforeSeq,
      limit,
    });
    const result = paged(rows, limit);
    const shown = result.items.flatMap((r) => (r.person ? [r.person.id] : []));
    if (shown.length)
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'audit-log',
        objectId: 'audit-events',
        personIds: shown,
        legalBasis: SUPERVISION_BASIS,
      });
    return { items: result.items.map(withoutId), nextCursor: result.nextCursor };
  });
}

/** The region's chain, recomputed and compared with its latest signed checkpoint (kept outside the database). */
export async function verifyAuditChain(db: Database, actor: Actor, checkpoints: CheckpointSettings) {
  const result = await verifyAgainstCheckpoint(db, actor.regionId, readCheckpoints(checkpoints));
  // Who checked the chain, and when, is part of the accountability; the row names no person.
  await asActor(db, actor, (tx) =>
    recordAccess(tx, actor, {
      action: 'read',
      objectType: 'audit-verification',
      objectId: actor.regionId,
      legalBasis: SUPERVISION_BASIS,
      outcome: 'allowed',
    }),
  );
  return result;
}

export async function personAccessLog(db: Database, actor: Actor, personId: string, q: z.infer<typeof AccessLogQuery>) {
  const limit = q.limit ?? 50;
  const beforeSeq = seqCursor(q.cursor);
  const result = await asActor(db, actor, async (tx) => {
    const person = await findPerson(tx, actor.regionId, personId);
    if (!person) return null;
    const rows = await findAuditEvents(tx, actor.regionId, { personId, beforeSeq, limit });
    const p = paged(rows, limit);
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'access-log',
      objectId: personId,
      personIds: [personId],
      legalBasis: SUPERVISION_BASIS,
    });
    return {
      person: { id: person.id, fullName: person.fullName },
      items: p.items.map((r) => ({
        seq: r.seq,
        occurredAt: r.occurredAt,
        user: r.user,
        organisation: r.organisation,
        onBehalfOf: r.onBehalfOf,
        role: r.role,
        action: r.action,
        objectType: r.objectType,
        legalBasis: r.legalBasis,
        breakGlass: r.flags.breakGlass,
        reason: r.reason,
        outcome: r.outcome,
      })),
      nextCursor: p.nextCursor,
    };
  });
  if (!result) throw new NotFound('person', personId);
  return result;
}

export async function findPersonForPrivacyOfficer(db: Database, actor: Actor, bsn: string) {
  return asActor(db, actor, async (tx) => {
    const person = await findPersonByBsn(tx, actor.regionId, bsn);
    if (!person) return { items: [] };
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'person',
      objectId: person.id,
      personIds: [person.id],
      legalBasis: SUPERVISION_BASIS,
    });
    return { items: [person] };
  });
}
