// Use cases for lead times: the chain of one case, the figures of one organisation over a
// period, and recording a case's first contact and agreed plan by its coordinator.
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { forAggregates } from '../../platform/db/replica.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors.js';
import { addDays, dutchToday, endOfDutchDay } from '../../platform/time/working-days.js';
import { familyPersonIds } from '../timeline/timeline.js';
import { accessAudit, familyAccess } from '../../platform/access/family-access.js';
import { activeMembership } from '../cases/case-team.js';
import { recordMoment } from './moments.js';
import { caseIntervals, INTERVALS, roundDays } from './chain.js';
import { caseMomentAt, chainMoments, organisationFigures } from './leadtimes.repo.js';
import type { OrganisationLeadTimesQuery, RecordMomentBody } from './leadtimes.contract.js';

async function visibleCase(tx: Tx, actor: Actor, caseId: string) {
  const rows = await tx.query<{ family_id: string; status: string; opened_at: string }>(
    `SELECT family_id, status, opened_at FROM cases WHERE region_id = $1 AND id = $2`,
    [actor.regionId, caseId],
  );
  if (!rows[0]) throw new NotFound('case', caseId);
  return rows[0];
}

export async function readCaseLeadTimes(db: Database, actor: Actor, caseId: string) {
  return asActor(db, actor, async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const moments = await chainMoments(tx, actor.regionId, caseId);
    const access = await familyAccess(tx, actor, c.family_id);
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'case-lead-times',
      objectId: caseId,
      personIds: await familyPersonIds(tx, actor.regionId, c.family_id),
      ...accessAudit(access),
    });
    return { caseId, familyId: c.family_id, moments, intervals: caseIntervals(moments) };
  });
}

/** Figures of an organisation of the region; by default the actor's own, over the last year. */
export async function organisationLeadTimes(db: Database, actor: Actor, q: z.infer<typeof OrganisationLeadTimesQuery>) {
  const to = q.to ?? dutchToday();
  const from = q.from ?? addDays(to, -365);
  if (from > to)
    throw new Invalid('invalid_period', 'from', { nl: 'De begindatum ligt na de einddatum.', en: 'The start date is after the end date.' });
  // Figures, no person in them and nothing written: the replica may answer (platform/db/replica.ts).
  return asActor(await forAggregates(db), actor, async (tx) => {
    const orgs = await tx.query<{ id: string; name: string; type: string }>(
      `SELECT id, name, type FROM organisations WHERE region_id = $1 AND id = $2`,
      [actor.regionId, q.organisationId ?? actor.organisationId],
    );
    if (!orgs[0])
      throw new Invalid('unknown_organisation', 'organisationId', {
        nl: 'Deze organisatie bestaat niet in uw regio.',
        en: 'This organisation does not exist in your region.',
      });
    const start = new Date(endOfDutchDay(addDays(from, -1)).getTime() + 1);
    const rows = await organisationFigures(tx, actor.regionId, orgs[0].id, start, endOfDutchDay(to));
    return {
      organisation: orgs[0],
      from,
      to,
      intervals: INTERVALS.map(({ from: a, to: b }) => {
        const r = rows.find((x) => x.from_moment === a && x.to_moment === b);
        return { from: a, to: b, count: r?.n ?? 0, medianDays: roundDays(r?.median), p90Days: roundDays(r?.p90) };
      }),
    };
  });
}

/** The coordinator records first contact with the family or the agreed plan; the first time counts. */
export async function recordCaseMoment(db: Database, actor: Actor, caseId: string, body: z.infer<typeof RecordMomentBody>) {
  const at = body.occurredAt ? new Date(body.occurredAt) : new Date();
  if (at.getTime() > Date.now() + 5 * 60_000)
    throw new Invalid('in_future', 'occurredAt', {
      nl: 'Dit moment kan niet in de toekomst liggen.',
      en: 'This moment cannot be in the future.',
    });
  return asActor(db, actor, async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const own = await activeMembership(tx, actor.regionId, caseId, actor.userId);
    if (own?.role !== 'coordinator')
      throw new Forbidden({
        nl: 'Alleen de regisseur van dit dossier legt het eerste contact en het akkoord op het plan vast.',
        en: 'Only the coordinator of this case records first contact and the agreed plan.',
      });
    if (c.status === 'closed')
      throw new Conflict('case_closed', { nl: 'Dit dossier is afgesloten.', en: 'This case is closed.' }, 'caseId');
    if (at < new Date(c.opened_at))
      throw new Invalid('before_case', 'occurredAt', {
        nl: 'Dit moment ligt vóór het openen van het dossier.',
        en: 'This moment is before the case was opened.',
      });
    const earlier = await caseMomentAt(tx, actor.regionId, caseId, body.moment);
    if (earlier)
      throw new Conflict(
        'moment_already_recorded',
        {
          nl: `Dit moment is al vastgelegd (${earlier.slice(0, 10)}); het eerste telt.`,
          en: `This moment was already recorded (${earlier.slice(0, 10)}); the first one counts.`,
        },
        'moment',
      );
    await recordMoment(tx, {
      regionId: actor.regionId,
      organisationId: actor.organisationId,
      moment: body.moment,
      userId: actor.userId,
      caseId,
      familyId: c.family_id,
      at,
    });
    const access = await familyAccess(tx, actor, c.family_id);
    await recordAccess(tx, actor, {
      action: 'create',
      objectType: 'lead-time-moment',
      objectId: `${caseId}:${body.moment}`,
      personIds: await familyPersonIds(tx, actor.regionId, c.family_id),
      ...accessAudit(access),
    });
    return { moment: body.moment, occurredAt: at.toISOString() };
  });
}
