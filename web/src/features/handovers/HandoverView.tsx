// One handover: the information package, its status and deadline, and for the receiver the
// forms to accept (appointing a coordinator) or refuse (with a reason). A handover from another
// region also shows how the family arrives in the receiver's region: persons linked by BSN, or
// possibly the same as someone known (linked only when confirmed), and the family to use.
import { useState } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { ProblemAlert } from '../../ui/forms.js';
import { fmtDate } from '../../ui/time.js';
import { StatusBadge, termText } from './HandoverList.js';
import { AnswerForms } from './AnswerForms.js';
import { HandoverAnswer, HandoverPackage } from './HandoverPackage.js';
import { AcceptResult, type Accepted } from './AcceptConfirm.js';
import { useHandoverT, type HT } from './texts.js';
import { SkippedHolidays } from '../calendar/SkippedHolidays.js';
type HandoverDetailData = ApiResponse<'GET', '/api/v1/handovers/:handoverId'>;
type Org = HandoverDetailData['toOrganisation'];

const withRegion = (t: HT, o: Org, cross: boolean) => (cross ? `${o.name} (${t('region', { name: o.regionName })})` : o.name);

export function HandoverView({ handoverId }: { handoverId: string }) {
  const t = useHandoverT();
  const { lang, t: tt } = useI18n();
  const handover = useApi('/api/v1/handovers/:handoverId', { params: { handoverId } });
  const { data: h, error } = handover;
  const [notice, setNotice] = useState('');
  // After accepting a handover from another region: the focused result panel, with the links onward.
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const load = () => handover.refetch();
  if (!h)
    return (
      <>
        <Heading level={1}>{t('handovers')}</Heading>
        <ProblemAlert error={error} />
        {!error && <Paragraph>{tt('loading')}</Paragraph>}
      </>
    );

  const caseId = h.resultCaseId ?? h.caseId;
  const familyId = h.resultFamilyId ?? h.familyId;
  return (
    <>
      <Paragraph>
        <A href="/overdrachten">{t('back')}</A>
      </Paragraph>
      <div className="regie-title-row">
        <Heading level={1}>{h.subjectLabel}</Heading>
        <StatusBadge status={h.status} />
      </div>
      <Paragraph className="regie-lead">
        {withRegion(t, h.fromOrganisation, h.crossRegion)} → {withRegion(t, h.toOrganisation, h.crossRegion)} · {t('due')}:{' '}
        {fmtDate(h.acceptDueOn, lang)} <span className={h.overdue ? 'regie-overdue' : 'regie-muted'}>({termText(t, h)})</span>
        <SkippedHolidays from={h.sentAt} to={h.acceptDueOn} />
      </Paragraph>
      {accepted ? (
        <AcceptResult h={h} accepted={accepted} />
      ) : (
        notice && (
          <Alert type="ok" role="status">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )
      )}
      <ProblemAlert error={error} />
      {h.status === 'pending' && h.direction === 'outgoing' && (
        <Alert type="info">
          <Paragraph>{t('senderResponsible')}</Paragraph>
          {h.crossRegion && <Paragraph>{t('elsewhereSender', { region: h.toOrganisation.regionName })}</Paragraph>}
        </Alert>
      )}
      {h.status === 'expired' && (
        <Alert type="warning">
          <Paragraph>{t('expiredNote')}</Paragraph>
        </Alert>
      )}
      {h.status === 'accepted' && h.crossRegion && h.direction === 'outgoing' && (
        <Alert type="info">
          <Paragraph>{t(h.senderAccess === 'ends' ? 'closedAsMoved' : 'keptAfterMove', { region: h.toOrganisation.regionName })}</Paragraph>
        </Alert>
      )}
      {h.status === 'accepted' && familyId && h.direction === 'incoming' && !accepted && (
        <Paragraph>
          <A href={`/gezinnen/${familyId}`}>{t('toFamily')}</A>
          {caseId && (
            <>
              {' '}
              · <A href={`/doorlooptijden?caseId=${caseId}`}>{t('toLeadTimes')}</A>
            </>
          )}
        </Paragraph>
      )}

      <HandoverPackage h={h} />
      {h.status !== 'pending' && h.status !== 'expired' && <HandoverAnswer h={h} />}

      {h.mayRespond && (
        <AnswerForms
          h={h}
          onDone={(msg, result) => {
            setNotice(msg);
            setAccepted(result ?? null);
            void load();
          }}
        />
      )}
    </>
  );
}
