import { useState } from 'react';
import { usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { A } from '../../router.js';
import { useSession } from '../../session.js';
import { Select } from '../../ui/forms.js';
import { SearchForm } from '../../ui/list-controls.js';
import { useQueryInAddress } from '../../ui/page-hooks.js';
import { TitleRow } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { FamilyRow } from './FamilyRow.js';
import { asFilter, TEXTS, type Filter } from './my-families.js';

/** "Mijn gezinnen": the families whose case team I am on, with how old each case is. */
export function MyFamilies() {
  const { t } = useI18n();
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
        row={(f) => <FamilyRow key={f.id} f={f} />}
      />
    </>
  );
}
