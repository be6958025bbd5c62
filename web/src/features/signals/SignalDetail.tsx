import { useEffect, useState } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { TriageForm } from './TriageForm.js';
import { TriageResult, type TriageDone } from './TriageConfirm.js';
import { RefusalNote } from '../handovers/RefusalNote.js';
import { Attachments } from './SignalAttachments.js';
import { Proposals } from './FamilyProposals.js';
import { LowerUrgency } from './LowerUrgency.js';
import { SignalFacts } from './SignalFacts.js';
import { TriageDecision } from './TriageDecision.js';
import { fmtDate } from '../../ui/time.js';
import { useSignalLabels, useSignalT } from './texts.js';

/** Everything about one signal: what was reported, by whom, its deadline, files, the case it joined, and the triage decision. */
export function SignalDetail({ signalId }: { signalId: string }) {
  const { t: tg, lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
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
          <SignalFacts signal={s} />
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
          {s.triage && <TriageDecision signal={{ ...s, triage: s.triage }} />}
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
