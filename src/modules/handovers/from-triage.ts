// A triage decision "hand over" (src/modules/signals/triage.service.ts) becomes a handover in the
// same transaction: the signals module calls these, registered by handoversRoutes(). The target
// may be an organisation in another region (a family that moved): it is checked with the rules
// and the look-up of every handover before anything is written, and the handover names its region.
import { Invalid } from '../../platform/http/errors.js';
import type { HandoverDecisionHandler, HandoverTargetCheck } from '../signals/triage.service.js';
import { HANDOVER_RECEIVERS, mayReceive } from './handover-rules.js';
import { resolveReceiver, sendHandoverInTx, TYPE_NL } from './handovers.service.js';

/** The target of a triage decision "hand over": known, not the triaging organisation, with the task to take over a signal. */
export const triageHandoverTarget: HandoverTargetCheck = async (tx, actor, target) => {
  const to = await resolveReceiver(tx, actor, target.organisationId, target.regionId, 'targetOrganisationId');
  if (to.id === actor.organisationId && to.regionId === actor.regionId)
    throw new Invalid('same_organisation', 'targetOrganisationId', { nl: 'U kunt niet aan uw eigen organisatie overdragen. Kies een andere organisatie.',
      en: 'You cannot hand over to your own organisation. Choose another organisation.' });
  if (!mayReceive('signal', to.type)) {
    const name = to.regionId === actor.regionId ? to.name : `${to.name} (regio ${to.regionName})`;
    throw new Invalid('organisation_without_task', 'targetOrganisationId',
      { nl: `${name} (${TYPE_NL[to.type] ?? to.type}) heeft niet de taak om een melding over te nemen.`, en: `${name} (${to.type}) does not have the task to take over a signal.` },
      { allowedTypes: HANDOVER_RECEIVERS.signal });
  }
  return { organisationId: to.id, regionId: to.regionId };
};

export const handoverFromTriage: HandoverDecisionHandler = async (tx, actor, d) => {
  const note = d.note?.trim() || null;
  await sendHandoverInTx(tx, actor, {
    signalId: d.signalId,
    toOrganisationId: d.targetOrganisationId,
    toRegionId: d.targetRegionId,
    reason: `Triage van melding ${d.reference}: overdracht aan een organisatie met de taak.`,
    safetyAssessment: d.safetyAssessment as 'unsafe' | 'concerns' | 'safe',
    safetyNotes: d.safetyAssessment === 'safe' ? note ?? undefined : note ?? `Inschatting bij triage van melding ${d.reference}.`,
    knownInformation: note ?? `Zie melding ${d.reference} en de triage daarvan.`,
    personIds: d.personIds,
    legalBasis: d.safetyAssessment === 'unsafe' ? 'safety' : 'statutory_task',
    senderAccess: 'ends',
  });
};
