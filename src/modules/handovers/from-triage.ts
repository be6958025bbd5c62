// A triage decision "hand over" (src/modules/signals/triage.service.ts) becomes a handover in the
// same transaction: the signals module calls these, registered by handoversRoutes(). The target
// may be an organisation in another region (a family that moved): it is checked with the rules
// and the look-up of every handover before anything is written, and the handover names its region.
// Its information package is the signal itself, the safety assessment so far and the persons,
// written out from the signal and the triage decision just made — never boilerplate.
import { Invalid } from '../../platform/http/errors.js';
import type { HandoverDecisionHandler, HandoverTargetCheck } from '../signals/triage.service.js';
import { HANDOVER_RECEIVERS, mayReceive } from './handover-rules.js';
import { resolveReceiver, sendHandoverInTx, typeLabel } from './handovers.service.js';
import { triageFacts, type TriageFacts } from './handovers.repo.js';

/** The target of a triage decision "hand over": known, not the triaging organisation, with the task to take over a signal. */
export const triageHandoverTarget: HandoverTargetCheck = async (tx, actor, target) => {
  const to = await resolveReceiver(tx, actor, target.organisationId, target.regionId, 'targetOrganisationId');
  if (to.id === actor.organisationId && to.regionId === actor.regionId)
    throw new Invalid('same_organisation', 'targetOrganisationId', {
      nl: 'U kunt niet aan uw eigen organisatie overdragen. Kies een andere organisatie.',
      en: 'You cannot hand over to your own organisation. Choose another organisation.',
    });
  if (!mayReceive('signal', to.type)) {
    const name = to.regionId === actor.regionId ? to.name : `${to.name} (regio ${to.regionName})`;
    throw new Invalid(
      'organisation_without_task',
      'targetOrganisationId',
      {
        nl: `${name} (${typeLabel(to.type, 'nl')}) heeft niet de taak om een melding over te nemen.`,
        en: `${name} (${typeLabel(to.type, 'en')}) does not have the task to take over a signal.`,
      },
      { allowedTypes: HANDOVER_RECEIVERS.signal },
    );
  }
  return { organisationId: to.id, regionId: to.regionId };
};

const SOURCE_NL: Record<string, string> = {
  citizen: 'een burger',
  professional: 'een professional',
  school: 'school',
  gp: 'huisarts',
  police: 'politie',
  veilig_thuis: 'Veilig Thuis',
  anonymous: 'anoniem',
};
const URGENCY_NL: Record<string, string> = { acute: 'acuut', high: 'hoog', normal: 'normaal' };
const ASSESSMENT_NL: Record<string, string> = { unsafe: 'onveilig', concerns: 'zorgen', safe: 'veilig' };
const DOMAIN_NL: Record<string, string> = {
  finances: 'financiën',
  housing: 'huisvesting',
  work: 'werk en dagbesteding',
  domestic_relations: 'huiselijke relaties',
  mental_health: 'geestelijke gezondheid',
  physical_health: 'lichamelijke gezondheid',
  addiction: 'verslaving',
  daily_living: 'dagelijkse levensverrichtingen',
  social_network: 'sociaal netwerk',
  participation: 'maatschappelijke participatie',
  justice: 'justitie',
  development_parenting: 'ontwikkeling en opvoeding',
  education: 'onderwijs',
  safety: 'veiligheid',
};

/** At most `max` characters; a longer text ends in a note that the rest is in the signal. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '… (ingekort; de volledige tekst staat in de melding)';
  return text.slice(0, max - note.length) + note;
}

const day = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** The package of a handover from triage, in Dutch (the receiving professional's language), from the signal and the decision. */
export function triagePackage(f: TriageFacts, safetyAssessment: string) {
  const note = f.note?.trim() || null;
  const subject = [f.subjectDescription, f.subjectPlace].filter(Boolean).join(', ');
  const concerns = Object.entries(f.concerns).map(([d, text]) => `- ${DOMAIN_NL[d] ?? d}: ${text}`);
  const known = [
    `Melding ${f.reference}, ontvangen op ${day(f.receivedAt)} van ${SOURCE_NL[f.source] ?? f.source}; urgentie ${URGENCY_NL[f.urgency] ?? f.urgency}.`,
    ...(subject ? [`Over: ${subject}.`] : []),
    ...(note ? [`Toelichting bij de triage: ${note}`] : []),
    ...(concerns.length ? ['Zorgen per leefgebied:', ...concerns] : []),
    `Wat de melder zag of hoorde: ${f.whatSeen}`,
  ].join('\n');
  const steps = Object.entries(f.meldcodeSteps)
    .filter(([, s]) => s?.done)
    .map(([n, s]) => `stap ${n}${s.notes ? ` (${s.notes})` : ''}`);
  const safety = [
    `Veiligheidsinschatting bij triage: ${ASSESSMENT_NL[safetyAssessment] ?? safetyAssessment}. ${f.safetyReasons}`,
    ...(f.safetyAtStake ? ['De melder maakt zich zorgen over de veiligheid.'] : []),
    ...(steps.length ? [`Meldcode: ${steps.join('; ')} gezet.`] : []),
  ].join('\n');
  return {
    reason: fit(`Triage van melding ${f.reference}: overdracht aan een organisatie met de taak.${note ? ` ${note}` : ''}`, 2000),
    safetyNotes: fit(safety, 4000),
    knownInformation: fit(known, 8000),
  };
}

export const handoverFromTriage: HandoverDecisionHandler = async (tx, actor, d) => {
  const facts = await triageFacts(tx, actor.regionId, d.signalId, d.decisionId);
  // The decision was written in this transaction just before: without it there is nothing to hand over.
  if (!facts) throw new Error(`triage decision ${d.decisionId} of signal ${d.signalId} not found in its own transaction`);
  const pkg = triagePackage(facts, d.safetyAssessment);
  await sendHandoverInTx(tx, actor, {
    signalId: d.signalId,
    toOrganisationId: d.targetOrganisationId,
    toRegionId: d.targetRegionId,
    ...(d.targetUserId ? { toUserId: d.targetUserId } : {}),
    reason: pkg.reason,
    safetyAssessment: d.safetyAssessment as 'unsafe' | 'concerns' | 'safe',
    safetyNotes: pkg.safetyNotes,
    knownInformation: pkg.knownInformation,
    personIds: d.personIds,
    legalBasis: d.safetyAssessment === 'unsafe' ? 'safety' : 'statutory_task',
    senderAccess: 'ends',
  }).catch((e: unknown) => {
    // The triage form names the field targetUserId; the handover's own is toUserId.
    if (e instanceof Invalid && e.field === 'toUserId') throw new Invalid(e.code, 'targetUserId', e.detailText);
    throw e;
  });
};
