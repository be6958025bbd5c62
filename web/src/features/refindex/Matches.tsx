// "Mijn matches": the organisation's matches, open, closed or all, each a card (MatchCard.tsx) with the
// other organisations involved, the deadline for a match coordinator and the "Ik word matchcoördinator" button.
import { useEffect, useState } from 'react';
import { usePagedList } from '../../data.js';
import { useLocalT } from '../../i18n.js';
import { Select } from '../../ui/forms.js';
import { Section } from '../../ui/page-parts.js';
import { PagedItems } from '../../ui/paged-table.js';
import { MatchCard } from './MatchCard.js';
import { REFINDEX_CHANGED, TEXTS } from './texts.js';

type Status = 'open' | 'closed' | 'all';

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
