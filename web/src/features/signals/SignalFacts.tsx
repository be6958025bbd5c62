import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { ago, fmtDate, fmtDateTime } from '../../ui/time.js';
import { DataList } from './controls.js';
import { DueCell } from './TriageQueue.js';
import { SkippedHolidays } from '../calendar/SkippedHolidays.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { formatAddress, STEPS, type SignalDetailData } from './drafts.js';

/** What was reported: when, how urgent, by whom, about whom, the case it joined, the concerns and the meldcode steps. */
export function SignalFacts({ signal: s }: { signal: SignalDetailData }) {
  const { t: tg, lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const full = s.access.view !== 'reporter';
  const concerns = Object.entries(s.concerns);
  const reporter = s.reporter.userId
    ? `${s.reporter.name ?? '—'}${s.reporter.organisationName ? ` (${s.reporter.organisationName})` : ''}`
    : (s.reporter.name ?? t('anonymous'));
  return (
    <section aria-labelledby="facts-title" className="regie-section">
      <Heading level={2} id="facts-title">
        {t('facts')}
      </Heading>
      <DataList
        items={[
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
          [
            t('urgency'),
            <>
              {lbl('urgency', s.urgency)}
              {s.urgencyChange?.raised && (
                <>
                  <br />
                  <span className="regie-muted">
                    {t('urgencyRaised', { from: lbl('urgency', s.urgencyChange.reported), to: lbl('urgency', 'high') })}
                  </span>
                </>
              )}
              {s.urgencyChange?.lowered && (
                <>
                  <br />
                  <span>
                    {t('urgencyLoweredBy', {
                      name: s.urgencyChange.lowered.byName ?? '—',
                      date: fmtDateTime(s.urgencyChange.lowered.at, lang),
                    })}
                    {s.urgencyChange.lowered.reason && (
                      <>
                        : <q>{s.urgencyChange.lowered.reason}</q>
                      </>
                    )}
                  </span>
                </>
              )}
            </>,
          ],
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
          [
            t('subject'),
            <>
              {s.subject.label ?? s.subject.description ?? '—'}
              {s.subject.bsn && (
                <>
                  <br />
                  {t('bsn')}: {s.subject.bsn}
                </>
              )}
              {s.subject.place && (
                <>
                  <br />
                  {t('place')}: {s.subject.place}
                </>
              )}
            </>,
          ],
          ...(s.subject.persons.length
            ? [
                [
                  t('subjectPersons'),
                  <ul className="utrecht-unordered-list">
                    {s.subject.persons.map((p, i) => (
                      <li key={i} className="utrecht-unordered-list__item">
                        {[p.givenNames, p.familyNamePrefix, p.familyName].filter(Boolean).join(' ')}
                        {p.birthDate && `, ${t('bornOn')} ${fmtDate(p.birthDate, lang)}`}
                      </li>
                    ))}
                  </ul>,
                ] as [string, ReactNode],
              ]
            : []),
          ...(s.subject.address ? [[t('addressTitle'), formatAddress(s.subject.address)] as [string, ReactNode]] : []),
          ...(full
            ? ([
                [
                  t('linkedCase'),
                  s.caseId && s.subject.familyId ? (
                    s.access.mayOpenFamily ? (
                      <A href={`/gezinnen/${s.subject.familyId}`}>{t('openFamily')}</A>
                    ) : (
                      t('linkedNotOnTeam')
                    )
                  ) : (
                    t('noLinkedCase')
                  ),
                ],
                [
                  t('reReport'),
                  s.reReport ? (
                    <>
                      <strong>{t('reReportText')}</strong>
                      {s.reReportCase && (
                        <>
                          <br />
                          {t('reReportCase', {
                            family: s.reReportCase.familyName,
                            date: s.reReportCase.closedAt ? fmtDate(s.reReportCase.closedAt, lang) : '—',
                          })}
                        </>
                      )}
                    </>
                  ) : (
                    '—'
                  ),
                ],
              ] as Array<[string, ReactNode]>)
            : []),
        ]}
      />
      <Heading level={3}>{t('whatSeen')}</Heading>
      <Paragraph style={{ whiteSpace: 'pre-line' }}>{s.whatSeen}</Paragraph>
      <Heading level={3}>{t('concerns')}</Heading>
      {concerns.length === 0 ? (
        <Paragraph>{t('noConcerns')}</Paragraph>
      ) : (
        <DataList items={concerns.map(([k, v]) => [lbl('domain', k), v])} />
      )}
      <Heading level={3}>{t('safety')}</Heading>
      <Paragraph>
        {t('safetyAtStake')}: <strong>{s.safetyAtStake ? t('yes') : t('no')}</strong>
      </Paragraph>
      {s.safetyAtStake && (
        <ul className="utrecht-unordered-list" aria-label={t('meldcode')}>
          {STEPS.map((n) => {
            const st = s.meldcodeSteps[n];
            return (
              <li key={n} className="utrecht-unordered-list__item">
                {lbl('step', n)}: <strong>{st?.done ? t('stepDone') : t('stepNotDone')}</strong>
                {st?.notes && ` — ${st.notes}`}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
