// "E-mailverzending" for the functional admin: what was sent, what waits, what failed and why,
// with a button to try a failed e-mail again.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { LiveNotice } from '../../ui/notice.js';
import { useQueryInAddress } from '../../ui/page-hooks.js';
import { PagedTable } from '../../ui/paged-table.js';
import { fmtDateTime } from '../../ui/time.js';
import { FilterSelect } from './FilterSelect.js';
import { TEXTS, type MailDelivery, type MailStatus, type TextKey } from './texts.js';

const STATUSES: MailStatus[] = ['failed', 'pending', 'sending', 'sent'];

export function MailDeliveries() {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const [status, setStatus] = useState<MailStatus | ''>(() => {
    const s = new URLSearchParams(location.search).get('status');
    return STATUSES.includes(s as MailStatus) ? (s as MailStatus) : '';
  });
  const [retryError, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedList('/api/v1/mail-deliveries', { query: { limit: 50, status } });
  const { data } = list;
  const load = list.refetch;
  useQueryInAddress('/beheer/e-mail', { status });

  const retry = async (m: MailDelivery) => {
    try {
      await post('/api/v1/mail-deliveries/:mailDeliveryId/retry', { params: { mailDeliveryId: m.id } });
      setNotice(t('retried', { to: m.toAddress }));
      await load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Heading level={1}>{t('mailTitle')}</Heading>
      <Paragraph>{t('mailIntro')}</Paragraph>
      {data && !data.smtpConfigured && (
        <Alert type="warning">
          <Paragraph>{t('noSmtp')}</Paragraph>
        </Alert>
      )}
      <div className="regie-filters">
        <FilterSelect
          label={t('status')}
          value={status}
          onChange={(e) => {
            setNotice(null);
            setStatus(e.target.value as MailStatus | '');
          }}
          options={[{ value: '', label: t('allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(s) }))]}
        />
      </div>
      <LiveNotice text={notice} />
      <PagedTable
        list={list}
        error={retryError ?? list.error}
        empty={t('noMail')}
        head={[
          t('to'),
          t('subject'),
          t('status'),
          t('attempts'),
          t('lastError'),
          t('nextAttempt'),
          t('sentAt'),
          <span className="regie-visually-hidden">{t('action')}</span>,
        ]}
        row={(m) => (
          <TableRow key={m.id} className={m.status === 'failed' ? 'regie-row-mail-failed' : undefined}>
            <TableCell>{m.toAddress}</TableCell>
            <TableCell>
              {m.subject ?? (
                <span className="regie-muted">
                  {`kind_${m.kind}` in TEXTS.nl ? t(`kind_${m.kind}` as TextKey) : m.kind} ({t('notYetWritten')})
                </span>
              )}
            </TableCell>
            <TableCell>
              <span className={`regie-badge regie-mail-status--${m.status}`}>{t(m.status)}</span>
            </TableCell>
            <TableCell>{m.attempts}</TableCell>
            <TableCell>{m.lastError ? <code className="regie-mail-error">{m.lastError}</code> : '—'}</TableCell>
            <TableCell>
              {m.nextAttemptAt ? (new Date(m.nextAttemptAt).getTime() <= Date.now() ? t('now') : fmtDateTime(m.nextAttemptAt, lang)) : '—'}
            </TableCell>
            <TableCell>{fmtDateTime(m.sentAt, lang)}</TableCell>
            <TableCell>
              {(m.status === 'failed' || m.status === 'pending') && (
                <Button appearance={m.status === 'failed' ? 'primary-action-button' : 'secondary-action-button'} onClick={() => retry(m)}>
                  {t('retry')}
                  <span className="regie-visually-hidden">: {m.toAddress}</span>
                </Button>
              )}
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
