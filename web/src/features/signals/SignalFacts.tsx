import type { ReactNode } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { ago, fmtDateTime } from '../../ui/time.js';
import { DataList } from './controls.js';
import { DueCell } from './TriageQueue.js';
import { SkippedHolidays } from '../calendar/SkippedHolidays.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { formatAddress, nameWithOrganisation, type SignalDetailData } from './drafts.js';
import { LinkedCaseValue, ReReportValue, SubjectPersonsValue, SubjectValue, UrgencyValue } from './SignalFactValues.js';
import { ReportedConcerns } from './ReportedConcerns.js';

/** What was reported: when, how urgent, by whom, about whom, the case it joined, the concerns and the meldcode steps. */
export function SignalFacts({ signal: s }: { signal: SignalDetailData }) {
  const { t: tg, lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const full = s.access.view !== 'reporter';
  const reporter = s.reporter.userId ? nameWithOrganisation(s.reporter) : (s.reporter.name ?? t('anonymous'));
  const items: Array<[string, ReactNode]> = [
    [
      t('receivedAt'),
      <>
        {fmtDateTime(s.receivedAt, lang)} <span className="regie-muted">({ago(tg, s.receivedAt)})</span>
      </>,
    ],
    [
      t('dueOn'),
      <>
        <DueCell s={s} />
        <SkippedHolidays from={s.receivedAt} to={s.triageDueOn} />
      </>,
    ],
    [t('urgency'), <UrgencyValue signal={s} />],
    [t('source'), lbl('source', s.source)],
    [
      t('reporter'),
      <>
        {reporter}
        {s.reporter.contact && (
          <>
            <br />
            {t('contact')}: {s.reporter.contact}
          </>
        )}
      </>,
    ],
    [t('receiving'), s.receivingOrganisation.name],
    [t('subject'), <SubjectValue signal={s} />],
  ];
  if (s.subject.persons.length) items.push([t('subjectPersons'), <SubjectPersonsValue signal={s} />]);
  if (s.subject.address) items.push([t('addressTitle'), formatAddress(s.subject.address)]);
  if (full) items.push([t('linkedCase'), <LinkedCaseValue signal={s} />], [t('reReport'), <ReReportValue signal={s} />]);
  return (
    <section aria-labelledby="facts-title" className="regie-section">
      <Heading level={2} id="facts-title">
        {t('facts')}
      </Heading>
      <DataList items={items} />
      <ReportedConcerns signal={s} />
    </section>
  );
}
