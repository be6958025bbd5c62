import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { useSession } from '../../session.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ago, fmtDate, fmtDateTime } from '../../ui/time.js';
import { DataList } from './controls.js';
import { DueCell } from './TriageQueue.js';
import { SkippedHolidays } from '../calendar/SkippedHolidays.js';
import { TriageForm } from './TriageForm.js';
import { TriageResult, type TriageDone } from './TriageConfirm.js';
import { RefusalNote } from '../handovers/RefusalNote.js';
import { Attachments } from './SignalAttachments.js';
import { Proposals } from './FamilyProposals.js';
import { LowerUrgency } from './LowerUrgency.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { formatAddress, STEPS } from './drafts.js';

/** Everything about one signal: what was reported, by whom, its deadline, files, the case it joined, and the triage decision. */
export function SignalDetail({ signalId }: { signalId: string }) {
  const { t: tg, lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const me = useSession().session?.user;
  // A refused attachment (from the form) is a warning; a recorded decision is good news.
  const [warning] = useState(() => sessionStorage.getItem(`regie.signal-notice.${signalId}`) ?? '');
  const [notice, setNotice] = useState('');
  // After opening a case or handing over: the focused result panel instead of the notice.
  const [done, setDone] = useState<TriageDone | null>(null);
  const signal = useApi('/api/v1/signals/:signalId', { params: { signalId } });
  const { data, error } = signal;
  const load = () => signal.refetch();
  useEffect(() => {
    sessionStorage.removeItem(`regie.signal-notice.${signalId}`);
  }, [signalId]);

  if (error && !data)
    return (
      <>
        <Heading level={1}>{t('signal')}</Heading>
        <ProblemAlert error={error} />
      </>
    );
  if (!data) return <Paragraph>{tg('loading')}</Paragraph>;
  const s = data;
  const full = s.access.view !== 'reporter';
  const concerns = Object.entries(s.concerns);
  const reporter = s.reporter.userId
    ? `${s.reporter.name ?? '—'}${s.reporter.organisationName ? ` (${s.reporter.organisationName})` : ''}`
    : (s.reporter.name ?? t('anonymous'));

  return (
    <>
      <div className="regie-title-row">
        <Heading level={1}>{t('detailTitle', { ref: s.reference })}</Heading>
        <span className="regie-badge">{lbl('status', s.status)}</span>
      </div>
      {warning && (
        <Alert type="warning" role="status">
          <Paragraph style={{ whiteSpace: 'pre-line' }}>{warning}</Paragraph>
        </Alert>
      )}
      {done ? (
        <TriageResult done={done} familyId={s.subject.familyId} />
      ) : (
        notice && (
          <Alert type="ok" role="status">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )
      )}
      {s.overdue && (
        <Alert type="error">
          <Paragraph>
            <strong>{t('overdue')}:</strong> {t('overdueAlert', { date: fmtDate(s.triageDueOn, lang) })}
          </Paragraph>
        </Alert>
      )}
      <ProblemAlert error={error} />

      <div className="regie-family-grid">
        <div>
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
          <Attachments signal={s} onAdded={() => void load()} />
        </div>
        <div className="regie-aside">
          {s.proposals.length > 0 && (
            <Proposals
              signal={s}
              onDone={(msg) => {
                setNotice(msg);
                void load();
              }}
            />
          )}
          {s.access.mayLowerUrgency && (
            <LowerUrgency
              signal={s}
              onDone={(msg) => {
                setNotice(msg);
                void load();
              }}
            />
          )}
          {s.triage && (
            <section aria-labelledby="decision-title" className="regie-section">
              <Heading level={2} id="decision-title">
                {t('triageTitle')}
              </Heading>
              <DataList
                items={[
                  [t('assessment'), <strong>{lbl('assessment', s.triage.safetyAssessment)}</strong>],
                  [t('reasons'), s.triage.safetyReasons],
                  [t('decision'), lbl('decision', s.triage.decision)],
                  ...(s.triage.targetOrganisationName
                    ? [
                        [
                          t('target'),
                          s.triage.targetRegionName && s.triage.targetRegionId !== me?.regionId
                            ? t('targetWithRegion', { org: s.triage.targetOrganisationName, region: s.triage.targetRegionName })
                            : s.triage.targetOrganisationName,
                        ] as [string, string],
                      ]
                    : []),
                  ...(s.triage.closeReason ? [[t('closeReason'), s.triage.closeReason] as [string, string]] : []),
                  ...(s.triage.note ? [[t('note'), s.triage.note] as [string, string]] : []),
                  [
                    t('decidedBy'),
                    `${s.triage.decidedBy.name ?? '—'}${s.triage.decidedBy.organisationName ? ` (${s.triage.decidedBy.organisationName})` : ''}`,
                  ],
                  [t('decidedAt'), fmtDateTime(s.triage.decidedAt, lang)],
                ]}
              />
            </section>
          )}
          {s.handoverRefusal && <RefusalNote refusal={s.handoverRefusal} />}
          {s.access.mayTriage && (
            <TriageForm
              signal={s}
              onDone={(msg, outcome) => {
                setNotice(msg);
                setDone(outcome ?? null);
                void load();
              }}
            />
          )}
          {!s.triage && !s.access.mayTriage && s.status === 'open' && (
            <section className="regie-section" aria-label={t('triageTitle')}>
              <Paragraph>{full ? t('notYours', { org: s.receivingOrganisation.name }) : t('triageHidden')}</Paragraph>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
