// Break the glass: safety access to a family outside the case team, for 60 minutes, with a
// written reason and a fresh second factor; every use is logged and reviewed by the privacy
// officer. One transaction per use case; audit rows and the timeline event are written in it.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { BREAK_GLASS_MINUTES, mayBreakGlass } from '../../platform/access/policy.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { refusalAudited } from '../../platform/audit/refusals.js';
import { confirmTotp, hasAuthenticator } from '../../platform/auth/auth.service.js';
import { Conflict, DomainError, Forbidden, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { appendEvent, familyPersonIds } from '../timeline/timeline.js';
import { accessAudit, familyAccess } from '../../platform/access/family-access.js';
import { SUPERVISION_BASIS } from '../audit/audit.service.js';
import {
  familyForBreakGlass,
  grantExists,
  grantUser,
  grantsForReview,
  insertGrant,
  openCaseId,
  ownGrants,
  setReview,
} from './breakglass.repo.js';
import type { OpenBreakGlassBody, ReviewBody, ReviewListQuery } from './breakglass.contract.js';

type Open = z.infer<typeof OpenBreakGlassBody>;

const noFamilyForBsn = () =>
  new DomainError(
    404,
    'not_found',
    { nl: 'Niet gevonden', en: 'Not found' },
    {
      nl: 'Er is in deze regio geen gezin gevonden met een persoon met dit BSN.',
      en: 'No family with a person with this BSN was found in this region.',
    },
    'bsn',
  );

/** A refused attempt to break the glass, in the access log. */
async function logDenied(tx: Tx, actor: Actor, body: Open) {
  await recordAccess(tx, actor, {
    action: 'read',
    objectType: 'break-glass',
    objectId: body.familyId,
    legalBasis: 'safety',
    breakGlass: true,
    outcome: 'denied',
    reason: body.reason,
  });
}

async function refuse(db: Database, actor: Actor, body: Open) {
  await asActor(db, actor, (tx) => logDenied(tx, actor, body));
}

/** Checks the fresh second factor; a wrong or missing code is logged as a denied attempt. */
async function requireSecondFactor(db: Database, actor: Actor, body: Open) {
  if (await confirmTotp(db, actor.regionId, actor.userId, body.totpCode, { ip: actor.ip, userAgent: actor.userAgent })) return;
  await refuse(db, actor, body);
  if (!(await hasAuthenticator(db, actor.regionId, actor.userId)))
    throw refusalAudited(
      new Invalid('totp_not_enrolled', 'totpCode', {
        nl: 'Koppel eerst een authenticator-app aan uw account; noodtoegang vraagt altijd om een code uit die app.',
        en: 'Link an authenticator app to your account first; break the glass always asks for a code from that app.',
      }),
    );
  throw refusalAudited(
    new Invalid('wrong_code', 'totpCode', { nl: 'De code klopt niet of is verlopen.', en: 'The code is wrong or expired.' }),
  );
}

export async function openBreakGlass(db: Database, actor: Actor, body: Open) {
  if (!mayBreakGlass(actor)) {
    await refuse(db, actor, body);
    throw refusalAudited(
      new Forbidden({
        nl: 'Noodtoegang is alleen voor organisaties met een veiligheidstaak en voor teamleiders.',
        en: 'Break the glass is only for organisations with a safety task and for team leads.',
      }),
    );
  }
  // Before the lookup, so that without the second factor nobody learns whether a BSN is known.
  await requireSecondFactor(db, actor, body);
  const opened = await asActor(db, actor, async (tx) => {
    const familyId = await familyForBreakGlass(tx, actor.regionId, { bsn: body.bsn, familyId: body.familyId });
    if (!familyId) {
      await logDenied(tx, actor, body);
      return null;
    }
    const id = randomUUID();
    const expiresAt = await insertGrant(tx, {
      regionId: actor.regionId,
      id,
      userId: actor.userId,
      organisationId: actor.organisationId,
      familyId,
      reason: body.reason,
    });
    // The timeline is read by the whole case team: it says that, not why (the reason may be sensitive).
    await appendEvent(tx, actor, {
      familyId,
      caseId: await openCaseId(tx, actor.regionId, familyId),
      kind: 'break_glass_opened',
      params: { minutes: BREAK_GLASS_MINUTES, until: expiresAt },
      data: { breakGlassId: id, expiresAt },
    });
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'break-glass',
      objectId: id,
      personIds: await familyPersonIds(tx, actor.regionId, familyId),
      legalBasis: 'safety',
      breakGlass: true,
      reason: body.reason,
    });
    return { id, familyId, expiresAt };
  });
  if (!opened) throw refusalAudited(body.bsn ? noFamilyForBsn() : new NotFound('family', body.familyId));
  return opened;
}

/** "Mijn noodtoegang": the actor's own grants, with the family name while it is still open. */
export async function listOwnGrants(db: Database, actor: Actor) {
  return asActor(db, actor, async (tx) => {
    const items = await ownGrants(tx, actor.regionId, actor.userId);
    for (const familyId of new Set(items.filter((g) => g.familyName !== null).map((g) => g.familyId))) {
      const access = await familyAccess(tx, actor, familyId);
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'break-glass',
        objectId: familyId,
        personIds: await familyPersonIds(tx, actor.regionId, familyId),
        ...accessAudit(access),
      });
    }
    return { items };
  });
}

export async function listForReview(db: Database, actor: Actor, q: z.infer<typeof ReviewListQuery>) {
  const limit = q.limit ?? 20;
  const after = decodeCursor(q.cursor, 'timestamp');
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await grantsForReview(tx, actor.regionId, { status: q.status, after, limit });
    const result = page(rows, sortValues, limit);
    // The list shows family names: one audit row per person of each family shown.
    for (const g of result.items)
      if (g.personIds.length)
        await recordAccess(tx, actor, {
          action: 'read',
          objectType: 'break-glass-review',
          objectId: g.id,
          personIds: g.personIds,
          legalBasis: SUPERVISION_BASIS,
        });
    return { items: result.items.map(({ personIds: _, ...item }) => item), nextCursor: result.nextCursor };
  });
}

export async function reviewBreakGlass(db: Database, actor: Actor, breakGlassId: string, body: z.infer<typeof ReviewBody>) {
  return asActor(db, actor, async (tx) => {
    // Separation of duties: nobody reviews their own emergency access (RLS: migrations/0121).
    if ((await grantUser(tx, actor.regionId, breakGlassId)) === actor.userId)
      throw new Forbidden({
        nl: 'U kunt uw eigen noodtoegang niet beoordelen; een andere privacyfunctionaris doet dat.',
        en: 'You cannot review your own break-the-glass access; another privacy officer does.',
      });
    const updated = await setReview(tx, actor.regionId, breakGlassId, { reviewedBy: actor.userId, outcome: body.outcome, note: body.note });
    if (!updated) {
      if (await grantExists(tx, actor.regionId, breakGlassId))
        throw new Conflict(
          'already_reviewed',
          {
            nl: 'Deze noodtoegang is al beoordeeld. Een beoordeling wordt niet overschreven.',
            en: 'This break-the-glass access has been reviewed already. A review is never overwritten.',
          },
          'outcome',
        );
      throw new NotFound('break-glass', breakGlassId);
    }
    const { rows } = await grantsForReview(tx, actor.regionId, { id: breakGlassId, limit: 1 });
    const { personIds, ...item } = oneRow(rows, 'reviewed break-glass grant');
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'break-glass-review',
      objectId: breakGlassId,
      personIds,
      legalBasis: SUPERVISION_BASIS,
    });
    return item;
  });
}
