// "Overdrachten": the overview for sender and receiver, with the due date and working days left.
import { useState } from 'react';
import { Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { usePagedList } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { Select } from '../../ui/forms.js';
import { useQueryInAddress } from '../../ui/page-hooks.js';
import { TitleRow } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { ago, fmtDate } from '../../ui/time.js';
import { useHandoverT, type HT } from './texts.js';
type HandoverSummary = ApiResponse<'GET', '/api/v1/handovers'>['items'][number];
type HandoverStatus = HandoverSummary['status'];
type Org = HandoverSummary['toOrganisation'];

export function StatusBadge({ status }: { status: HandoverStatus }) {
  const t = useHandoverT();
  return <span className={`regie-badge regie-badge--${status}`}>{t(status)}</span>;
}

/** An organisation, with its region when the handover crosses regions. */
export function OrgName({ org, showRegion }: { org: Org; showRegion: boolean }) {
  const t = useHandoverT();
  return (
    <>
      {org.name}
      {showRegion && (
        <>
          <br />
          <span className="regie-muted">{t('region', { name: org.regionName })}</span>
        </>
      )}
    </>
  );
}

/** "nog 3 werkdagen", "vandaag" or "2 werkdagen te laat", for a handover still waiting for its answer. */
export function termText(t: HT, h: Pick<HandoverSummary, 'status' | 'workingDaysLeft' | 'overdue'>) {
  if (h.status !== 'pending') return t('answered');
  if (h.overdue) return t('overdueBy', { n: Math.max(1, -h.workingDaysLeft) });
  if (h.workingDaysLeft === 0) return t('dueToday');
  return t('daysLeft', { n: h.workingDaysLeft });
}

export function HandoverList() {
  const t = useHandoverT();
  const { lang, t: tt } = useI18n();
  const params = new URLSearchParams(location.search);
  const [direction, setDirection] = useState(params.get('direction') ?? '');
  const [status, setStatus] = useState(params.get('status') ?? '');
  const list = usePagedList('/api/v1/handovers', { query: { limit: 25, direction, status } });
  useQueryInAddress('/overdrachten', { direction, status });

  return (
    <>
      <TitleRow title={t('handovers')}>
        <A href="/overdrachten/nieuw" className="utrecht-button-link utrecht-button-link--primary-action">
          {t('newHandover')}
        </A>
      </TitleRow>
      <Paragraph>{t('intro')}</Paragraph>
      <div className="regie-filters">
        <Select
          label={t('direction')}
          name="direction"
          value={direction}
          onChange={(e) => setDirection(e.target.value)}
          options={[
            { value: 'incoming', label: t('incoming') },
            { value: 'outgoing', label: t('outgoing') },
          ]}
        />
        <Select
          label={t('status')}
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={(['pending', 'accepted', 'refused', 'expired'] as const).map((s) => ({ value: s, label: t(s) }))}
        />
      </div>
      <PagedTable
        list={list}
        empty={t('none')}
        pagerLabel={t('pages')}
        head={[t('subject'), t('direction'), t('from'), t('to'), t('sent'), t('due'), t('status')]}
        row={(h) => (
          <TableRow key={h.id}>
            <TableCell>
              <A href={`/overdrachten/${h.id}`}>{h.subjectLabel}</A>{' '}
              <span className="regie-muted">({t(h.subjectType === 'case' ? 'caseLabel' : 'signalLabel')})</span>
            </TableCell>
            <TableCell>{t(h.direction)}</TableCell>
            <TableCell>
              <OrgName org={h.fromOrganisation} showRegion={h.crossRegion} />
            </TableCell>
            <TableCell>
              <OrgName org={h.toOrganisation} showRegion={h.crossRegion} />
            </TableCell>
            <TableCell>
              {fmtDate(h.sentAt, lang)}
              <br />
              <span className="regie-muted">{ago(tt, h.sentAt)}</span>
            </TableCell>
            <TableCell>
              {fmtDate(h.acceptDueOn, lang)}
              <br />
              <span className={h.overdue ? 'regie-overdue' : 'regie-muted'}>{termText(t, h)}</span>
            </TableCell>
            <TableCell>
              <StatusBadge status={h.status} />
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
