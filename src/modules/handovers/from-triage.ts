// A triage decision "hand over" (src/modules/signals/triage.service.ts) becomes a handover in the
// same transaction: the signals module calls this handler, registered by handoversRoutes().
import type { HandoverDecisionHandler } from '../signals/triage.service.js';
import { sendHandoverInTx } from './handovers.service.js';

export const handoverFromTriage: HandoverDecisionHandler = async (tx, actor, d) => {
  const note = d.note?.trim() || null;
  await sendHandoverInTx(tx, actor, {
    signalId: d.signalId,
    toOrganisationId: d.targetOrganisationId,
    reason: `Triage van melding ${d.reference}: overdracht aan een organisatie met de taak.`,
    safetyAssessment: d.safetyAssessment as 'unsafe' | 'concerns' | 'safe',
    safetyNotes: d.safetyAssessment === 'safe' ? note ?? undefined : note ?? `Inschatting bij triage van melding ${d.reference}.`,
    knownInformation: note ?? `Zie melding ${d.reference} en de triage daarvan.`,
    personIds: d.personIds,
    legalBasis: d.safetyAssessment === 'unsafe' ? 'safety' : 'statutory_task',
    senderAccess: 'ends',
  });
};
