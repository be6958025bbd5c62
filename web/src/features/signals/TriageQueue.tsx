import { useState } from 'react';
import { Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useApi, usePagedList } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { Select } from '../../ui/forms.js';
import { useQueryInAddress } from '../../ui/page-hooks.js';
import { TitleRow } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { ago, fmtDate } from '../../ui/time.js';
import { Checkbox } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';

type SignalListItem = ApiResponse<'GET', '/api/v1/signals'>['items'][number];
import { useSession } from '../../session.js';
import { RefusalNote } from '../handovers/RefusalNote.js';

/** Overdue is said in words as well as in red: colour alone is not enough (WCAG 1.4.1). */
export function DueCell({ s }: { s: Pick<SignalListItem, 'triageDueOn' | 'daysLeft' | 'overdue' | 'status'> }) {
  const { lang } = useI18n();
  const t = useSignalT();
  if (s.overdue)
    return (
      <span className="regie-overdue">
        <strong>{t('overdue')}</strong> — {fmtDate(s.triageDueOn, lang)}
        <br />
        {t('overdueBy', { n: -s.daysLeft })}
      </span>
    );
  return (
    <>
      {fmtDate(s.triageDueOn, lang)}
      {s.status === 'open' && (
        <>
          <br />
          <span className="regie-muted">{s.daysLeft === 0 ? t('dueToday') : t('daysLeft', { n: s.daysLeft })}</span>
        </>
      )}
    </>
  );
}

/** The triage queue of my organisation, by deadline, overdue rows marked; or the signals I reported. */
export function TriageQueue() {
  const { t: tg } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const me = useSession().session!.user;
  const params = new URLSearchParams(location.search);
  const [scope, setScope] = useState(params.get('scope') === 'reported' ? 'reported' : 'queue');
  const [status, setStatus] = useState(params.get('status') ?? 'open');
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [reReport, setReReport] = useState(params.get('reReport') === 'true');
  const orgName = useApi('/api/v1/organisations').data?.items.find((o) => o.id === me.organisationId)?.name ?? '';
  const reReports = reReport && scope === 'queue';
  const list = usePagedList('/api/v1/signals', {
    query: { scope, limit: 25, status, overdue: overdue ? 'true' : undefined, reReport: reReports ? 'true' : undefined },
  });
  useQueryInAddress('/triage', {
    scope: scope === 'reported' && scope,
    status,
    overdue: overdue && 'true',
    reReport: reReports && 'true',
  });

  return (
    <>
      <TitleRow title={scope === 'queue' ? t('queueTitle') : t('reportedTitle')}>
        <A href="/meldingen/nieuw" className="utrecht-button-link utrecht-button-link--primary-action">
          {t('newTitle')}
        </A>
      </TitleRow>
      {scope === 'queue' && orgName && <Paragraph>{t('queueIntro', { org: orgName })}</Paragraph>}
      <form className="regie-filters" aria-label={t('filter')} onSubmit={(e) => e.preventDefault()}>
        <Select
          label={t('view')}
          name="scope"
          value={scope}
          onChange={(e) => setScope(e.target.value === 'reported' ? 'reported' : 'queue')}
          options={[
            { value: 'queue', label: t('viewQueue') },
            { value: 'reported', label: t('viewReported') },
          ]}
        />
        <Select
          label={t('status')}
          name="status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={(['open', 'handover_refused', 'handover_expired', 'triaged', 'handed_over', 'closed', 'all'] as const).map((s) => ({
            value: s,
            label: lbl('status', s),
          }))}
        />
        <Checkbox label={t('onlyOverdue')} checked={overdue} onChange={setOverdue} />
        {scope === 'queue' && <Checkbox label={t('onlyReReports')} checked={reReport} onChange={setReReport} />}
      </form>
      <PagedTable
        list={list}
        empty={t('none')}
        pagerLabel={`${t('queueTitle')}: ${t('next')} / ${t('previous')}`}
        head={[t('reference'), t('subject'), t('received'), t('urgency'), t('due'), t('status'), t('flags')]}
        row={(s) => (
          <TableRow key={s.id} style={s.overdue ? { background: '#fef2f2' } : undefined} data-overdue={s.overdue || undefined}>
            <TableCell>
              <A href={`/meldingen/${s.id}`}>{s.reference}</A>
              {scope === 'reported' && (
                <>
                  <br />
                  <span className="regie-muted">{s.receivingOrganisationName}</span>
                </>
              )}
            </TableCell>
            <TableCell>{s.subject ?? '—'}</TableCell>
            <TableCell>
              {ago(tg, s.receivedAt)}
              <br />
              <span className="regie-muted">{lbl('source', s.source)}</span>
            </TableCell>
            <TableCell>{s.urgency === 'acute' ? <strong>{lbl('urgency', s.urgency)}</strong> : lbl('urgency', s.urgency)}</TableCell>
            <TableCell>
              <DueCell s={s} />
            </TableCell>
            <TableCell>
              {s.handoverRefusal ? <strong>{lbl('status', s.status)}</strong> : lbl('status', s.status)}
              {s.handoverRefusal && <RefusalNote refusal={s.handoverRefusal} compact />}
            </TableCell>
            <TableCell>
              {[
                s.safetyAtStake && t('flagSafety'),
                s.reReport && t('flagReReport'),
                s.linkedToCase && t('flagLinked'),
                s.possiblySameFamily && t('flagSameFamily'),
              ]
                .filter(Boolean)
                .join(', ') || '—'}
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
