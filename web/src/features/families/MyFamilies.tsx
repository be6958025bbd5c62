import { useState } from 'react';
import { TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { A } from '../../router.js';
import { useSession } from '../../session.js';
import { Select } from '../../ui/forms.js';
import { SearchForm } from '../../ui/list-controls.js';
import { useQueryInAddress } from '../../ui/page-hooks.js';
import { TitleRow } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { ago, daysSince, fmtDate } from '../../ui/time.js';

const TEXTS = {
  nl: {
    filter: 'Toon',
    councilOverdue: 'FNB te laat',
    councilOverdueLong: 'Familienetwerkberaad niet op tijd aangeboden',
    noAgreedPlan: 'Geen akkoord op plan',
    noAgreedPlanLong: 'Na zes weken nog geen akkoord op het plan',
    actionsOverdue_one: '1 actie te laat',
    actionsOverdue_other: '{n} acties te laat',
    actionsOverdueLong: 'Acties van het plan te laat',
  },
  en: {
    filter: 'Show',
    councilOverdue: 'FNC overdue',
    councilOverdueLong: 'Family network council not offered in time',
    noAgreedPlan: 'No agreed plan',
    noAgreedPlanLong: 'No agreed plan after six weeks',
    actionsOverdue_one: '1 action overdue',
    actionsOverdue_other: '{n} actions overdue',
    actionsOverdueLong: 'Plan actions overdue',
  },
};

const FILTERS = ['council_overdue', 'no_agreed_plan', 'actions_overdue'] as const;
type Filter = '' | (typeof FILTERS)[number];
const asFilter = (v: string | null): Filter => FILTERS.find((f) => f === v) ?? '';

/** "Mijn gezinnen": the families whose case team I am on, with how old each case is. */
export function MyFamilies() {
  const { t, label, lang } = useI18n();
  const { session } = useSession();
  const local = useLocalT(TEXTS);
  const isLead = !!session?.user.roles.includes('team_lead');
  const params = new URLSearchParams(location.search);
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [sort, setSort] = useState(params.get('sort') ?? 'name');
  const [scope, setScope] = useState<'mine' | 'organisation'>('mine');
  const [filter, setFilter] = useState<Filter>(asFilter(params.get('filter')));
  const list = usePagedList('/api/v1/families', { query: { sort, limit: 20, scope, q: query, ...(filter ? { filter } : {}) } });
  useQueryInAddress('/', { q: query, sort, filter });

  return (
    <>
      <TitleRow title={scope === 'mine' ? t('myFamilies') : t('teamFamilies')}>
        <A href="/gezinnen/nieuw" className="utrecht-button-link utrecht-button-link--primary-action">
          {t('registerFamily')}
        </A>
      </TitleRow>
      <SearchForm label={t('searchLabel')} hint={t('searchHint')} initial={query} onSearch={setQuery}>
        <Select
          label={t('sort')}
          name="sort"
          value={sort}
          onChange={(e) => setSort(e.target.value || 'name')}
          options={[
            { value: 'name', label: t('sortName') },
            { value: '-name', label: t('sortNameDesc') },
            { value: 'opened', label: t('sortOpened') },
            { value: '-opened', label: t('sortOpenedDesc') },
            { value: 'activity', label: t('sortActivity') },
            { value: '-activity', label: t('sortActivityDesc') },
          ]}
        />
        <Select
          label={local('filter')}
          name="filter"
          value={filter}
          onChange={(e) => setFilter(asFilter(e.target.value))}
          options={[
            { value: 'council_overdue', label: local('councilOverdueLong') },
            { value: 'no_agreed_plan', label: local('noAgreedPlanLong') },
            { value: 'actions_overdue', label: local('actionsOverdueLong') },
          ]}
        />
        {isLead && (
          <Select
            label={t('teamFamilies')}
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value === 'organisation' ? 'organisation' : 'mine')}
            options={[
              { value: 'mine', label: t('myFamilies') },
              { value: 'organisation', label: t('teamFamilies') },
            ]}
          />
        )}
      </SearchForm>
      <PagedTable
        list={list}
        empty={query ? t('noFamilies') : t('noFamiliesYet')}
        head={[t('family'), t('members'), t('phase'), t('coordinator'), t('caseOpened'), t('lastActivity')]}
        row={(f) => {
          const quiet = daysSince(f.lastActivityAt) ?? 0;
          return (
            <TableRow key={f.id}>
              <TableCell>
                <A href={`/gezinnen/${f.id}`}>{f.name}</A>
                {f.councilOverdue && (
                  <>
                    <br />
                    <span className="regie-overdue" title={local('councilOverdueLong')}>
                      {local('councilOverdue')}
                    </span>
                  </>
                )}
                {f.noAgreedPlan && (
                  <>
                    <br />
                    <span className="regie-overdue" title={local('noAgreedPlanLong')}>
                      {local('noAgreedPlan')}
                    </span>
                  </>
                )}
                {f.actionsOverdue > 0 && (
                  <>
                    <br />
                    <span className="regie-overdue">{local('actionsOverdue', { n: f.actionsOverdue })}</span>
                  </>
                )}
              </TableCell>
              <TableCell>{f.members.map((m) => `${m.name}${m.age !== null ? ` (${m.age})` : ''}`).join(', ')}</TableCell>
              <TableCell>
                <span className={`regie-badge regie-badge--${f.caseStatus}`}>{label(f.caseStatus)}</span>
              </TableCell>
              <TableCell>
                {f.coordinatorName ?? '—'}
                {f.isCoordinator && <span className="regie-muted"> ({t('youAreCoordinator')})</span>}
              </TableCell>
              <TableCell>
                {fmtDate(f.openedAt, lang)}
                <br />
                <span className="regie-muted">{ago(t, f.openedAt)}</span>
              </TableCell>
              <TableCell className={quiet > 42 ? 'regie-overdue' : undefined}>
                {ago(t, f.lastActivityAt)}
                {quiet > 42 && (
                  <>
                    <br />
                    <span className="regie-overdue__why">{t('quietTooLong')}</span>
                  </>
                )}
              </TableCell>
            </TableRow>
          );
        }}
      />
    </>
  );
}
