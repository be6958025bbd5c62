// "Mijn matches": the other organisations involved, their contact details, the deadline for a
// match coordinator (overdue in red and in words) and the "Ik word matchcoördinator" button.
import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { ProblemAlert, Select } from '../../ui/forms.js';
import { Section } from '../../ui/page-parts.js';
import { ListTable, PagedItems } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { REFINDEX_CHANGED, TEXTS, type Match, type PersonLabel } from './texts.js';

type Status = 'open' | 'closed' | 'all';
const who = (persons: PersonLabel[]) => persons.map((p) => (p.bsn ? `BSN ${p.bsn}` : '—')).join(', ') || '—';

export function Matches() {
  const t = useLocalT(TEXTS);
  const [status, setStatus] = useState<Status>('open');
  const list = usePagedList('/api/v1/refindex/matches', { query: { status, limit: 10 } });
  const load = list.refetch;
  useEffect(() => {
    const reload = () => {
      void load();
    };
    window.addEventListener(REFINDEX_CHANGED, reload);
    return () => window.removeEventListener(REFINDEX_CHANGED, reload);
  }, [load]);

  return (
    <Section id="refindex-matches" title={t('matches')}>
      <div className="regie-filters">
        <Select
          label={t('show')}
          value={status}
          onChange={(e) => {
            setStatus((e.target.value || 'open') as Status);
          }}
          options={[
            { value: 'open', label: t('open') },
            { value: 'closed', label: t('closed') },
            { value: 'all', label: t('all') },
          ]}
        />
      </div>
      <PagedItems list={list} empty={status === 'open' ? t('noMatches') : t('noMatchesFilter')} pagerLabel={t('matches')}>
        {(items) => (
          <ul className="regie-cards">
            {items.map((m) => (
              <MatchCard key={m.id} match={m} onChanged={load} />
            ))}
          </ul>
        )}
      </PagedItems>
    </Section>
  );
}

function MatchCard({ match: m, onChanged }: { match: Match; onChanged: () => Promise<unknown> }) {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState(false);
  const headingId = `match-${m.id}`;

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/v1/refindex/matches/:matchId/coordinator', { params: { matchId: m.id }, body: {} });
      setNotice(true);
      await onChanged();
    } catch (e) {
      setError(e);
      await onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="regie-card">
      <Heading level={3} id={headingId}>
        {t(m.kind === 'client' ? 'clientAbout' : 'familyAbout', { who: who(m.persons) })}
      </Heading>
      <Paragraph>
        {t(m.kind === 'client' ? 'clientExplain' : 'familyExplain')} {t('matchedOn', { date: fmtDate(m.matchedOn, lang) })}
      </Paragraph>
      {m.closedAt && <Paragraph>{t('closedOn', { date: fmtDate(m.closedAt, lang) })}</Paragraph>}
      {m.coordinator ? (
        <Paragraph>
          <strong>
            {t('coordinator', {
              org: m.coordinator.organisation.name ?? '—',
              user: m.coordinator.user.name ?? '—',
              date: fmtDate(m.coordinator.acceptedAt, lang),
            })}
          </strong>
        </Paragraph>
      ) : (
        !m.closedAt && (
          <>
            <Paragraph>
              {t('noCoordinator')}{' '}
              {m.overdue ? (
                <strong className="regie-overdue">{t('overdue', { date: fmtDate(m.dueOn, lang) })}</strong>
              ) : (
                t('due', { date: fmtDate(m.dueOn, lang) })
              )}
            </Paragraph>
            {m.escalatedAt && <Paragraph>{t('escalated')}</Paragraph>}
          </>
        )
      )}
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{t('accepted')}</Paragraph>
        </Alert>
      )}
      <ProblemAlert error={error} />
      {m.canAccept && (
        <Button
          appearance="primary-action-button"
          disabled={busy}
          onClick={() => {
            void accept();
          }}
        >
          {t('accept')}
        </Button>
      )}
      <ListTable
        items={m.parties}
        caption={t('parties')}
        scroll="regie-refindex-scroll"
        head={[t('organisation'), t('contact'), t('phone'), t('email'), t('period'), t('status')]}
        row={(p) => (
          <TableRow key={p.organisation.id}>
            <TableCell>
              {p.organisation.name ?? '—'}
              {p.own && <span className="regie-muted"> ({t('yours')})</span>}
            </TableCell>
            <TableCell>{p.contactName}</TableCell>
            <TableCell>
              {p.contactPhone ? (
                <a className="utrecht-link" href={`tel:${p.contactPhone.replace(/[^\d+]/g, '')}`}>
                  {p.contactPhone}
                </a>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell>
              {p.contactEmail ? (
                <a className="utrecht-link" href={`mailto:${p.contactEmail}`}>
                  {p.contactEmail}
                </a>
              ) : (
                '—'
              )}
            </TableCell>
            <TableCell>
              {fmtDate(p.startDate, lang)} {t('until')} {fmtDate(p.endDate, lang)}
            </TableCell>
            <TableCell>{p.active ? t('active') : t('inactive')}</TableCell>
          </TableRow>
        )}
      />
    </li>
  );
}
