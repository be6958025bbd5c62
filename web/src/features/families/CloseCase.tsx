// Closing a case cannot be undone (a closed case only moves on to monitoring): the confirm step's
// lines, true to src/modules/cases/cases.service.ts (updateCaseStatus), and the result panel.
import { useLocalT } from '../../i18n.js';
import { ResultPanel } from '../../ui/confirm.js';

const nl = {
  closeLine: 'Het dossier van {family} wordt afgesloten met de reden: "{reason}".',
  timelineLine: 'De afsluiting komt op de tijdlijn van het gezin.',
  accessLine: 'Het casusteam blijft het gezin zien; niemand verliest de toegang.',
  onlyMonitoringLine: 'Daarna kan het dossier alleen nog naar nazorg; voor nieuwe hulp opent u een nieuw dossier.',
  reReportLine: 'Komt er binnen 12 maanden een melding binnen die Regie bij dit gezin herkent, dan ziet de triage die als herhaalmelding.',
  confirmButton: 'Ja, sluit het dossier af',
  title: 'Dossier afgesloten',
  closed: 'Het dossier van {family} is afgesloten met de reden: "{reason}". De afsluiting staat op de tijdlijn.',
  nextMonitoring: 'Is nazorg afgesproken? Kies dan bij "Fase wijzigen" de fase nazorg.',
  nextNew: 'Komt er een nieuwe hulpvraag, open dan een nieuw dossier met "Nieuw dossier openen".',
  toFamilies: 'Naar mijn gezinnen',
};
const en: Record<keyof typeof nl, string> = {
  closeLine: 'The case of {family} is closed with the reason: "{reason}".',
  timelineLine: "The closing goes on the family's timeline.",
  accessLine: 'The case team keeps seeing the family; nobody loses access.',
  onlyMonitoringLine: 'Afterwards the case can only move to monitoring; for new help you open a new case.',
  reReportLine: 'If within 12 months a signal comes in that Regie recognises as about this family, triage sees it as a re-report.',
  confirmButton: 'Yes, close the case',
  title: 'Case closed',
  closed: 'The case of {family} was closed with the reason: "{reason}". The closing is on the timeline.',
  nextMonitoring: 'Was monitoring agreed? Then choose the phase monitoring under "Change phase".',
  nextNew: 'If a new request for help comes up, open a new case with "Open new case".',
  toFamilies: 'Go to my families',
};
const TEXTS = { nl, en };

/** What closing the case does, line by line, and the confirm button's words. */
export function useCloseLines(family: string, reason: string) {
  const t = useLocalT(TEXTS);
  return {
    confirmLabel: t('confirmButton'),
    lines: [
      t('closeLine', { family, reason: reason.trim() }),
      t('timelineLine'),
      t('accessLine'),
      t('onlyMonitoringLine'),
      t('reReportLine'),
    ],
  };
}

/** After closing: what happened and what may come next (focused on appearing). */
export function ClosedResult({ family, reason }: { family: string; reason: string }) {
  const t = useLocalT(TEXTS);
  return (
    <ResultPanel
      level={3}
      outcome={{
        title: t('title'),
        happened: [t('closed', { family, reason: reason.trim() })],
        next: [t('nextMonitoring'), t('nextNew')],
        links: [{ href: '/', label: t('toFamilies') }],
      }}
    />
  );
}
