// "Registraties van mijn organisatie": who is registered, until when, on which basis, with how
// many open matches, and a button to end a registration (asked once more before it happens).
import { useEffect, useState } from 'react';
import { Alert, Button, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { Section } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { Checkbox } from '../signals/controls.js';
import { REFINDEX_CHANGED, TEXTS, type Registration } from './texts.js';

export function Registrations({ version }: { version: number }) {
  const t = useLocalT(TEXTS);
  const { lang, label } = useI18n();
  const [showEnded, setShowEnded] = useState(false);
  const [endError, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedList('/api/v1/refindex/registrations', { query: { status: showEnded ? 'all' : 'running', limit: 20 } });
  const load = list.refetch;
  // A new registration (version) shows on the first page.
  useEffect(() => {
    if (version) {
      list.first();
      void load();
    }
  }, [version]); // eslint-disable-line react-hooks/exhaustive-deps

  const end = async (r: Registration, who: string) => {
    setError(null);
    try {
      await post('/api/v1/refindex/registrations/:registrationId/end', { params: { registrationId: r.id }, body: {} });
      setConfirming(null);
      setNotice(t('endedNotice', { who }));
      window.dispatchEvent(new Event(REFINDEX_CHANGED));
      await load();
    } catch (e) {
      setError(e);
    }
  };

  const statusText = (r: Registration) =>
    r.status === 'ended' ? t(`reason_${r.endedReason ?? 'ended'}`) : r.status === 'expired' ? t('expired') : t('active');

  return (
    <Section id="refindex-registrations" title={t('registrations')}>
      <Checkbox id="refindex-show-ended" label={t('showEnded')} checked={showEnded} onChange={setShowEnded} />
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <PagedTable
        list={list}
        error={endError ?? list.error}
        empty={t('noRegistrations')}
        pagerLabel={t('registrations')}
        scroll="regie-refindex-scroll"
        head={[t('person'), t('contact'), t('period'), t('basis'), t('status'), t('matchCount'), t('actions')]}
        row={(r) => {
          const who = r.person.bsn ? `BSN ${r.person.bsn}` : '—';
          return (
            <TableRow key={r.id}>
              <TableCell>BSN {r.person.bsn ?? '—'}</TableCell>
              <TableCell>
                {r.contactName}
                <br />
                <span className="regie-muted">{[r.contactPhone, r.contactEmail].filter(Boolean).join(' · ')}</span>
              </TableCell>
              <TableCell>
                {fmtDate(r.startDate, lang)} {t('until')} {fmtDate(r.endDate, lang)}
              </TableCell>
              <TableCell>{label(r.legalBasis)}</TableCell>
              <TableCell className={r.status === 'expired' ? 'regie-overdue' : undefined}>{statusText(r)}</TableCell>
              <TableCell>{r.openMatches}</TableCell>
              <TableCell>
                {r.status !== 'ended' && confirming !== r.id && (
                  <Button
                    appearance="secondary-action-button"
                    aria-label={t('endLabel', { who })}
                    onClick={() => {
                      setNotice(null);
                      setConfirming(r.id);
                    }}
                  >
                    {t('end')}
                  </Button>
                )}
                {confirming === r.id && (
                  <div className="regie-refindex-confirm" role="group" aria-label={t('endLabel', { who })}>
                    <Paragraph>{t('endConfirm', { who })}</Paragraph>
                    <Button
                      appearance="primary-action-button"
                      onClick={() => {
                        void end(r, who);
                      }}
                    >
                      {t('endYes')}
                    </Button>
                    <Button appearance="subtle-button" onClick={() => setConfirming(null)}>
                      {t('cancel')}
                    </Button>
                  </div>
                )}
              </TableCell>
            </TableRow>
          );
        }}
      />
    </Section>
  );
}
