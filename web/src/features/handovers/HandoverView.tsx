// One handover: the information package, its status and deadline, and for the receiver the
// forms to accept (appointing a coordinator) or refuse (with a reason). A handover from another
// region also shows how the family arrives in the receiver's region: persons linked by BSN, or
// possibly the same as someone known (linked only when confirmed), and the family to use.
import { useState } from 'react';
import { Alert, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { A } from '../../router.js';
import { ProblemAlert } from '../../ui/forms.js';
import { fmtDate, fmtDateTime } from '../../ui/time.js';
import { DataList } from '../signals/controls.js';
import { StatusBadge, termText } from './HandoverList.js';
import { AnswerForms } from './AnswerForms.js';
import { AcceptResult, type Accepted } from './AcceptConfirm.js';
import { useHandoverT, type HT } from './texts.js';
import { SkippedHolidays } from '../calendar/SkippedHolidays.js';
type HandoverDetailData = ApiResponse<'GET', '/api/v1/handovers/:handoverId'>;
type Org = HandoverDetailData['toOrganisation'];

const withRegion = (t: HT, o: Org, cross: boolean) => (cross ? `${o.name} (${t('region', { name: o.regionName })})` : o.name);

export function HandoverView({ handoverId }: { handoverId: string }) {
  const t = useHandoverT();
  const { lang, label, t: tt } = useI18n();
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
  const hasBsn = h.persons.some((p) => p.bsn);
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

      <section aria-labelledby="package-title" className="regie-section">
        <Heading level={2} id="package-title">
          {t('package')}
        </Heading>
        <DataList
          items={[
            [t('subject'), `${h.subjectLabel} (${t(h.subjectType === 'case' ? 'caseLabel' : 'signalLabel')})`],
            [
              t('sender'),
              `${h.senderName} (${h.fromOrganisation.name}${h.crossRegion ? `, ${t('region', { name: h.fromOrganisation.regionName })}` : ''}), ${fmtDateTime(h.sentAt, lang)}`,
            ],
            ...(h.toUser ? [[t('toUser'), h.toUser.name] as [string, string]] : []),
            [t('reason'), h.reason],
            [
              t('safety'),
              <span key="s" className={`regie-badge regie-badge--${h.safetyAssessment}`}>
                {t(h.safetyAssessment)}
              </span>,
            ],
            ...(h.safetyNotes ? [[t('safetyNotes'), h.safetyNotes] as [string, string]] : []),
            [t('known'), h.knownInformation],
            [t('legalBasis'), label(h.legalBasis)],
            [t('senderAccess'), h.senderAccess === 'ends' ? t('accessEnds') : t('accessContinues')],
          ]}
        />
        {h.persons.length > 0 && (
          <>
            <Heading level={3}>{t('persons')}</Heading>
            <ListTable
              items={h.persons}
              head={[t('name'), t('relation'), t('birthDate'), ...(hasBsn ? [t('bsn')] : [])]}
              row={(p) => (
                <TableRow key={p.personId}>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{label(p.relation) || '—'}</TableCell>
                  <TableCell>{fmtDate(p.birthDate, lang)}</TableCell>
                  {hasBsn && <TableCell>{p.bsn ?? '—'}</TableCell>}
                </TableRow>
              )}
            />
          </>
        )}
      </section>

      {h.status !== 'pending' && h.status !== 'expired' && (
        <section aria-labelledby="answer-title" className="regie-section">
          <Heading level={2} id="answer-title">
            {t('answer')}
          </Heading>
          <DataList
            items={[
              [t('status'), t(h.status)],
              [t('respondedAt'), `${fmtDateTime(h.respondedAt, lang)}${h.respondedByName ? ` (${h.respondedByName})` : ''}`],
              ...(h.nomineeName ? [[t('nominee'), h.nomineeName] as [string, string]] : []),
              ...(h.refusalReason ? [[t('refusalReason'), h.refusalReason] as [string, string]] : []),
            ]}
          />
        </section>
      )}

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
