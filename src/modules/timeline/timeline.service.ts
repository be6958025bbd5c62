// Reading a family's history older than the family page shows, a page at a time. Audited like
// the family page: a read for every family member, on the basis that gave access; a refusal is
// audited too and answers like an unknown family.
import type { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { refusalAudited } from '../../platform/audit/refusals.js';
import { NotFound } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { accessAudit, familyAccess } from '../../platform/access/family-access.js';
import { familyPersonIds } from './timeline.js';
import { timelinePage } from './timeline.repo.js';
import type { TimelineQuery } from './timeline.contract.js';

export async function readTimeline(db: Database, actor: Actor, familyId: string, q: z.infer<typeof TimelineQuery>) {
  const limit = q.limit ?? 50;
  const before = decodeCursor(q.before, 'timestamp');
  const result = await asActor(db, actor, async (tx) => {
    const access = await familyAccess(tx, actor, familyId);
    const personIds = access.allowed ? await familyPersonIds(tx, actor.regionId, familyId) : [];
    if (!access.allowed || !personIds.length) {
      await recordAccess(tx, actor, { action: 'read', objectType: 'family-timeline', objectId: familyId, outcome: 'denied' });
      return null;
    }
    const { rows, sortValues } = await timelinePage(tx, actor.regionId, familyId, { before, limit });
    await recordAccess(tx, actor, { action: 'read', objectType: 'family-timeline', objectId: familyId, personIds, ...accessAudit(access) });
    return page(rows, sortValues, limit);
  });
  if (!result) throw refusalAudited(new NotFound('family', familyId));
  return result;
}
