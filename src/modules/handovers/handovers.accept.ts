// Accepting a handover, in ONE transaction: the handover is marked accepted (guarded by status
// and version), the receiving team joins the case with the handover's legal basis, the nominee
// becomes the coordinator through the same replaceCoordinator() as a coordinator transfer (or a
// case is opened for a signal's family), the sender's access ends or continues as the handover
// says, and the moment, timeline event, audit rows and notifications are written with it.
// A failure at any statement leaves the old coordinator; the deferred trigger of
// migrations/0002 makes "none" or "two" impossible at commit. A handover from another region
// arrives through handovers.arrival.ts, in the same one transaction.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { appendCaseOpened, appendEvent, familyPersonIds } from '../timeline/timeline.js';
import { notify } from '../notifications/notify.js';
import { recordMoment } from '../leadtimes/moments.js';
import { activeMembership, insertCase, insertMembership, lockCase, requireQualifiedCoordinator } from '../cases/case-team.js';
import { replaceCoordinator } from '../cases/cases.service.js';
import {
  bumpCaseVersion,
  endOrganisationMemberships,
  findOrganisation,
  linkSignalToCase,
  setAnswer,
  setResultCase,
  type HandoverRow,
} from './handovers.repo.js';
import { auditHandoverUpdate, auditWho, lockForAnswer } from './handovers.service.js';
import { arriveInRegion, notifyNominee, type Nominee } from './handovers.arrival.js';
import { finishSenderSide } from './handovers.elsewhere.js';
import { staleHandover } from './handovers.errors.js';
import type { AcceptHandoverBody } from './handovers.contract.js';

export async function acceptHandover(db: Database, actor: Actor, handoverId: string, body: z.infer<typeof AcceptHandoverBody>) {
  return asActor(db, actor, async (tx) => {
    const r = actor.regionId;
    const h = await lockForAnswer(tx, actor, handoverId, body.version);
    const nominee = await requireQualifiedCoordinator(tx, r, body.nomineeUserId, 'nomineeUserId');
    if (nominee.organisation_id !== h.to_organisation_id)
      throw new Invalid('nominee_not_receiver', 'nomineeUserId', {
        nl: `${nominee.display_name} werkt niet bij de ontvangende organisatie.`,
        en: `${nominee.display_name} does not work for the receiving organisation.`,
      });
    if (h.region_id !== r) return acceptFromOtherRegion(tx, actor, h, nominee, body);
    if (body.familyId || body.persons?.length)
      throw new Invalid('not_from_other_region', body.familyId ? 'familyId' : 'persons', {
        nl: 'Een gezin of personen kiest u alleen bij een overdracht uit een andere regio.',
        en: 'A family or persons are only chosen for a handover from another region.',
      });
    const version = await setAnswer(tx, r, h.id, body.version, {
      status: 'accepted',
      userId: actor.userId,
      nomineeUserId: nominee.id,
      resultCaseId: h.case_id,
    });
    if (version === null) throw staleHandover();
    const to = (await findOrganisation(tx, r, h.to_organisation_id))!;
    const caseId = h.case_id ? await takeOverCase(tx, actor, h, nominee, to.name) : await takeOverSignal(tx, actor, h, nominee);
    if (h.signal_id && caseId) {
      await setResultCase(tx, r, h.id, caseId);
      await linkSignalToCase(tx, r, h.signal_id, caseId);
    }
    await recordMoment(tx, {
      regionId: r,
      organisationId: h.to_organisation_id,
      moment: 'accepted',
      userId: actor.userId,
      signalId: h.signal_id,
      handoverId: h.id,
      caseId,
      familyId: h.family_id,
    });
    if (h.family_id)
      await appendEvent(tx, actor, {
        familyId: h.family_id,
        caseId,
        kind: 'handover_accepted',
        params: { by: { name: to.name }, coordinator: nominee.display_name },
        data: { handoverId: h.id, toOrganisationId: h.to_organisation_id, coordinator: nominee.id, senderAccess: h.sender_access },
      });
    const personIds = h.family_id && caseId ? await familyPersonIds(tx, r, h.family_id) : h.persons.map((p) => p.personId);
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: caseId ? 'case' : 'handover',
      objectId: caseId ?? h.id,
      personIds,
      legalBasis: h.legal_basis,
      careRelation: true,
      consent: h.legal_basis === 'consent',
    });
    await notify(tx, {
      regionId: r,
      userIds: [h.from_user_id],
      kind: 'handover_accepted',
      params: { by: { name: to.name } },
      link: `/overdrachten/${h.id}`,
      dedupeKey: `handover-accepted:${h.id}`,
    });
    await notifyNominee(tx, actor, nominee, h.id);
    return { id: h.id, version, status: 'accepted' as const, acceptDueOn: h.accept_due_on, caseId, familyId: h.family_id };
  });
}

/**
 * From another region: the handover (in the sender's region) is marked accepted, the family,
 * persons and case are made here (handovers.arrival.ts), and the sender's side is finished there
 * (its case closes when its access ends; timeline, audit and inbox: handovers.elsewhere.ts), all
 * in this one transaction.
 */
async function acceptFromOtherRegion(tx: Tx, actor: Actor, h: HandoverRow, nominee: Nominee, body: z.infer<typeof AcceptHandoverBody>) {
  const caseId = h.persons.length ? randomUUID() : null;
  const version = await setAnswer(tx, h.region_id, h.id, body.version, {
    status: 'accepted',
    userId: actor.userId,
    nomineeUserId: nominee.id,
    resultCaseId: caseId,
  });
  if (version === null) throw staleHandover();
  const from = oneRow(
    await tx.query<{ from_name: string; from_region_name: string }>(
      `SELECT from_name, from_region_name FROM regie.handover_parties($1, $2)`,
      [h.region_id, h.id],
    ),
    'handover parties',
  );
  const arrived = caseId
    ? await arriveInRegion(tx, actor, h, nominee, caseId, body, { name: from.from_name, regionName: from.from_region_name })
    : null;
  if (!arrived) await auditHandoverUpdate(tx, actor, h);
  await finishSenderSide(tx, h, { status: 'accepted' }, auditWho(actor));
  return {
    id: h.id,
    version,
    status: 'accepted' as const,
    acceptDueOn: h.accept_due_on,
    caseId: arrived?.caseId ?? null,
    familyId: arrived?.familyId ?? null,
  };
}

/**
 * The receiving team joins the case first (which is also what lets the accepting professional
 * see it under row-level security); then the nominee takes over as coordinator.
 */
async function takeOverCase(tx: Tx, actor: Actor, h: HandoverRow, nominee: Nominee, toName: string): Promise<string> {
  const r = actor.regionId;
  const caseId = h.case_id!;
  const started = new Map<string, string>();
  const join = async (userId: string) => {
    if (await activeMembership(tx, r, caseId, userId)) return;
    started.set(
      userId,
      await insertMembership(tx, actor, {
        caseId,
        familyId: h.family_id!,
        userId,
        role: 'member',
        legalBasis: h.legal_basis,
        handoverId: h.id,
      }),
    );
  };
  // A team lead of the receiving organisation sees the case once the nominee is on its team.
  if (nominee.id === actor.userId || !actor.roles.includes('team_lead')) await join(actor.userId);
  if (nominee.id !== actor.userId) await join(nominee.id);
  const c = await lockCase(tx, r, caseId);
  if (!c) throw new NotFound('case', caseId);
  if (c.status === 'closed')
    throw new Conflict(
      'case_closed',
      { nl: 'Dit dossier is intussen afgesloten.', en: 'This case has been closed in the meantime.' },
      'caseId',
    );
  await replaceCoordinator(tx, actor, c, nominee.id, {
    legalBasis: h.legal_basis,
    formerStays: h.sender_access === 'continues',
    endedReason: `overgedragen aan ${toName}`,
    promoteMembershipId: started.get(nominee.id),
    handoverId: h.id,
  });
  if (h.sender_access === 'ends')
    await endOrganisationMemberships(tx, r, caseId, h.from_organisation_id, `toegang beëindigd na overdracht aan ${toName}`);
  await bumpCaseVersion(tx, r, caseId);
  return caseId;
}

/**
 * A signal about a family becomes a case with the nominee as coordinator; a signal without a
 * family is only accepted. When the sender's access continues, the sender joins the new team.
 */
async function takeOverSignal(tx: Tx, actor: Actor, h: HandoverRow, nominee: Nominee): Promise<string | null> {
  if (!h.family_id) return null;
  const familyId = h.family_id;
  const basis = { legalBasis: h.legal_basis, handoverId: h.id };
  const caseId = await insertCase(tx, actor, {
    familyId,
    coordinatorUserId: nominee.id,
    ...basis,
    alreadyOpen: {
      nl: 'Dit gezin heeft al een open dossier. Vraag de afzender het dossier over te dragen, of de regisseur om u aan het casusteam toe te voegen.',
      en: 'This family already has an open case. Ask the sender to hand over the case, or its coordinator to add you to the case team.',
    },
    field: 'handoverId',
  });
  if (h.sender_access === 'continues')
    await insertMembership(tx, actor, { caseId, familyId, userId: h.from_user_id, role: 'member', ...basis });
  await appendCaseOpened(tx, actor, {
    familyId,
    caseId,
    opened: { kind: 'case_opened_after_signal_handover', params: {} },
    coordinator: nominee,
    legalBasis: h.legal_basis,
    data: { handoverId: h.id },
  });
  return caseId;
}
