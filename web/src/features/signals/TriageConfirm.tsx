// The confirm step and the result of the two irreversible triage decisions: opening a case and
// handing over. The lines say what src/modules/signals/triage.service.ts (openCase) and
// src/modules/handovers/from-triage.ts do with the decision.
import { useI18n, useLocalT } from '../../i18n.js';
import { ResultPanel, type Outcome } from '../../ui/confirm.js';
import { fmtDate } from '../../ui/time.js';
import type { PersonDraft } from '../families/MemberForms.js';
import { fullName, type SignalDetailData } from './drafts.js';
import { useSignalLabels } from './texts.js';

const nl = {
  decisionLine: 'Het triagebesluit wordt vastgelegd met de veiligheidsinschatting "{assessment}".',
  newFamilyLine: 'Het gezin wordt in Regie geregistreerd met deze gezinsleden: {names}.',
  knownFamilyLine: 'Het gezin van deze melding krijgt een nieuw dossier.',
  startLine: 'Het dossier begint op {date}, de dag dat de melding binnenkwam; de melding staat als eerste op de tijdlijn van het gezin.',
  coordinatorMeLine: 'U wordt de regisseur van het dossier.',
  coordinatorLine: '{name} wordt de regisseur van het dossier en krijgt daarvan bericht.',
  notOnTeamLine: 'U wordt zelf geen lid van het casusteam.',
  packageLine:
    '{org} krijgt een overdracht met een informatiepakket: de melding, uw veiligheidsinschatting en toelichting, en de betrokken personen.',
  elsewhereLine:
    '{org} werkt in regio {region}: de betrokken personen gaan mee met naam, geboortedatum en BSN. De melding zelf blijft in uw regio.',
  namedLine: 'De professional die u noemde, krijgt er ook bericht van.',
  termLine: '{org} reageert binnen 5 werkdagen. Tot {org} aanvaardt, blijft uw organisatie verantwoordelijk.',
  backLine: 'Wordt de overdracht geweigerd of niet op tijd beantwoord, dan komt de melding terug in uw triagelijst voor een nieuw besluit.',
  confirmOpen: 'Ja, open het dossier',
  confirmHandover: 'Ja, draag de melding over',
  openedTitle: 'Dossier geopend',
  handedTitle: 'Melding overgedragen',
  decided: 'Het triagebesluit is vastgelegd.',
  openedMe: 'Het dossier is geopend en u bent de regisseur.',
  opened: 'Het dossier is geopend; {name} is de regisseur.',
  openedNewFamily: 'Het gezin is in Regie geregistreerd.',
  nextMe: 'Ga naar het gezin om het casusteam samen te stellen en het eerste contact te plannen.',
  next: '{name} heeft bericht gekregen en gaat als regisseur verder met het gezin. U bent zelf geen lid van het casusteam.',
  sent: 'De overdracht aan {org} is verstuurd.',
  sentElsewhere: 'De overdracht aan {org} in regio {region} is verstuurd.',
  nextHandover: '{org} reageert binnen 5 werkdagen; tot {org} aanvaardt, blijft uw organisatie verantwoordelijk.',
  nextBack: 'Weigert {org} of komt er geen antwoord op tijd, dan staat de melding weer in uw triagelijst, met de reden.',
  toFamily: 'Naar het dossier van het gezin',
  toQueue: 'Terug naar de triagelijst',
  toHandovers: 'Naar de uitgaande overdrachten',
};
const en: Record<keyof typeof nl, string> = {
  decisionLine: 'The triage decision is recorded with the safety assessment "{assessment}".',
  newFamilyLine: 'The family is registered in Regie with these members: {names}.',
  knownFamilyLine: 'The family of this signal gets a new case.',
  startLine: "The case starts on {date}, the day the signal came in; the signal is the first item on the family's timeline.",
  coordinatorMeLine: 'You become the coordinator of the case.',
  coordinatorLine: '{name} becomes the coordinator of the case and is told so.',
  notOnTeamLine: 'You do not join the case team yourself.',
  packageLine:
    '{org} receives a handover with an information package: the signal, your safety assessment and explanation, and the persons concerned.',
  elsewhereLine:
    '{org} works in region {region}: the persons concerned go along with name, birth date and BSN. The signal itself stays in your region.',
  namedLine: 'The professional you named is told as well.',
  termLine: '{org} answers within 5 working days. Until {org} accepts, your organisation stays responsible.',
  backLine: 'If the handover is refused or not answered in time, the signal comes back into your triage queue for a new decision.',
  confirmOpen: 'Yes, open the case',
  confirmHandover: 'Yes, hand over the signal',
  openedTitle: 'Case opened',
  handedTitle: 'Signal handed over',
  decided: 'The triage decision has been recorded.',
  openedMe: 'The case was opened and you are its coordinator.',
  opened: 'The case was opened; {name} is its coordinator.',
  openedNewFamily: 'The family has been registered in Regie.',
  nextMe: 'Go to the family to form the case team and plan the first contact.',
  next: '{name} has been told and continues with the family as coordinator. You are not on the case team yourself.',
  sent: 'The handover to {org} was sent.',
  sentElsewhere: 'The handover to {org} in region {region} was sent.',
  nextHandover: '{org} answers within 5 working days; until {org} accepts, your organisation stays responsible.',
  nextBack: 'If {org} refuses or does not answer in time, the signal is back in your triage queue, with the reason.',
  toFamily: "Go to the family's case",
  toQueue: 'Back to the triage queue',
  toHandovers: 'Go to the outgoing handovers',
};
const TEXTS = { nl, en };

export type TriageDone =
  | { decision: 'open_case'; coordinator: string; coordinatorIsMe: boolean; newFamily: boolean }
  | { decision: 'handover'; org: string; region: string | null };

interface Facts {
  signal: SignalDetailData;
  assessment: string;
  members: PersonDraft[];
  newFamily: boolean;
  named: boolean;
  /** What the decision will be, when it is one that is confirmed first. */
  planned: TriageDone | null;
}

/** What the decision will do, line by line, and the confirm button's words; null when the decision needs no confirm step. */
export function useTriageConfirm({ signal, assessment, members, newFamily, named, planned: done }: Facts) {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const lbl = useSignalLabels();
  if (!done) return null;
  const decision = t('decisionLine', { assessment: assessment ? lbl('assessment', assessment) : '—' });
  if (done.decision === 'open_case') {
    const names = members.map(fullName).filter(Boolean).join(', ');
    return {
      confirmLabel: t('confirmOpen'),
      lines: [
        decision,
        newFamily ? t('newFamilyLine', { names: names || '—' }) : t('knownFamilyLine'),
        t('startLine', { date: fmtDate(signal.receivedAt, lang) }),
        done.coordinatorIsMe ? t('coordinatorMeLine') : t('coordinatorLine', { name: done.coordinator }),
        ...(done.coordinatorIsMe ? [] : [t('notOnTeamLine')]),
      ],
    };
  }
  return {
    confirmLabel: t('confirmHandover'),
    lines: [
      decision,
      t('packageLine', { org: done.org }),
      ...(done.region ? [t('elsewhereLine', { org: done.org, region: done.region })] : named ? [t('namedLine')] : []),
      t('termLine', { org: done.org }),
      t('backLine'),
    ],
  };
}

/** After an opened case or a handover: what happened and where to go next (focused on appearing). */
export function TriageResult({ done, familyId }: { done: TriageDone; familyId: string | null }) {
  const t = useLocalT(TEXTS);
  const queue = { href: '/triage', label: t('toQueue') };
  let outcome: Outcome;
  if (done.decision === 'open_case') {
    outcome = {
      title: t('openedTitle'),
      happened: [
        t('decided'),
        ...(done.newFamily ? [t('openedNewFamily')] : []),
        done.coordinatorIsMe ? t('openedMe') : t('opened', { name: done.coordinator }),
      ],
      next: [done.coordinatorIsMe ? t('nextMe') : t('next', { name: done.coordinator })],
      links: [...(done.coordinatorIsMe && familyId ? [{ href: `/gezinnen/${familyId}`, label: t('toFamily') }] : []), queue],
    };
  } else {
    outcome = {
      title: t('handedTitle'),
      happened: [t('decided'), done.region ? t('sentElsewhere', { org: done.org, region: done.region }) : t('sent', { org: done.org })],
      next: [t('nextHandover', { org: done.org }), t('nextBack', { org: done.org })],
      links: [{ href: '/overdrachten?direction=outgoing', label: t('toHandovers') }, queue],
    };
  }
  return <ResultPanel outcome={outcome} />;
}
