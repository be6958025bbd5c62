// Progress on the agreed plan (issue 14): how each action goes — done, not done and why, or open
// again — recorded beside the agreed version (migration 0380), which itself stays as it was
// agreed. Whoever may write the family records it (the coordinator for a family member's or the
// network's action, a professional for their own); the case row is locked, so two changes to one
// action come one after the other and one made on a stale page is a 409.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { Conflict, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { appendEvent } from '../timeline/timeline.js';
import { ACTION_STAND } from './plans.repo.js';
import { audit, versionFor } from './plan-access.js';
import type { ProgressBody } from './plans.contract.js';

export async function recordProgress(db: Database, actor: Actor, actionId: string, body: z.infer<typeof ProgressBody>) {
  return asActor(db, actor, async (tx) => {
    const found = await tx.query<{ plan_version_id: string }>(`SELECT plan_version_id FROM plan_actions WHERE region_id = $1 AND id = $2`, [
      actor.regionId,
      actionId,
    ]);
    if (!found[0]) throw new NotFound('plan-action', actionId);
    const v = await versionFor(tx, actor, found[0].plan_version_id, true);
    if (v.status !== 'agreed')
      throw new Conflict(
        'not_the_agreed_version',
        {
          nl: 'Voortgang legt u vast op het plan waarop akkoord is gegeven. In een concept past u de stand van de actie zelf aan.',
          en: 'Progress is recorded on the agreed plan. In a draft, change the action’s stand itself.',
        },
        'actionId',
      );
    const now = (
      await tx.query<{ description: string; status: string; reason: string | null; n: number }>(
        `SELECT a.description, st.status, st.not_done_reason AS reason, st.n
           FROM plan_actions a CROSS JOIN LATERAL (${ACTION_STAND('a')}) st
          WHERE a.region_id = $1 AND a.id = $2`,
        [actor.regionId, actionId],
      )
    )[0]!;
    if (now.n + 1 !== body.version) throw new StaleVersion('plan-action');
    const reason = body.status === 'not_done' ? body.notDoneReason!.trim() : null;
    if (now.status === body.status && now.reason === reason)
      throw new Conflict('no_change', { nl: 'Zo staat de actie al.', en: 'The action already stands so.' }, 'status');
    await tx.query(
      `INSERT INTO plan_action_progress (region_id, id, action_id, plan_version_id, family_id, status, not_done_reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor.regionId, randomUUID(), actionId, v.id, v.family_id, body.status, reason, actor.userId],
    );
    const action = now.description;
    await appendEvent(tx, actor, {
      familyId: v.family_id,
      caseId: v.case_id,
      ...(body.status === 'done'
        ? { kind: 'plan_action_done' as const, params: { action } }
        : body.status === 'not_done'
          ? { kind: 'plan_action_not_done' as const, params: { action, reason: reason! } }
          : { kind: 'plan_action_reopened' as const, params: { action } }),
      data: { planVersionId: v.id, actionId },
    });
    await audit(tx, actor, v.family_id, 'update', 'plan-action', actionId);
    return { actionId, status: body.status, version: now.n + 2 };
  });
}
