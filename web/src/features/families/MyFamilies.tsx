import { useEffect, useState } from 'react';
import {
  Heading,
  Paragraph,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { Pager, usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { A } from '../../router.js';
import { useSession } from '../../session.js';
import { ProblemAlert, Select, TextInput } from '../../ui/forms.js';
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
  const [q, setQ] = useState(params.get('q') ?? '');
  const [query, setQuery] = useState(q);
  const [sort, setSort] = useState(params.get('sort') ?? 'name');
  const [scope, setScope] = useState<'mine' | 'organisation'>('mine');
  const [filter, setFilter] = useState<Filter>(asFilter(params.get('filter')));
  const list = usePagedList('/api/v1/families', { query: { sort, limit: 20, scope, q: query, ...(filter ? { filter } : {}) } });
  const { data, error } = list;
  useEffect(() => {
    history.replaceState(null, '', `/?${new URLSearchParams({ ...(query ? { q: query } : {}), sort, ...(filter ? { filter } : {}) })}`);
  }, [query, sort, filter]);

  return (
    <>
      <div className="regie-title-row">
        <Heading level={1}>{scope === 'mine' ? t('myFamilies') : t('teamFamilies')}</Heading>
        <A href="/gezinnen/nieuw" className="utrecht-button-link utrecht-button-link--primary-action">
          {t('registerFamily')}
        </A>
      </div>
      <form
        className="regie-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
        }}
      >
        <TextInput label={t('searchLabel')} hint={t('searchHint')} name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        <Button appearance="secondary-action-button" type="submit">
          {t('search')}
        </Button>
        <Select
          label={t('sort')}
          name="sort"
          value={sort}
          onChange={(e) => {
            setSort(e.target.value || 'name');
          }}
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
          onChange={(e) => {
            setFilter(asFilter(e.target.value));
          }}
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
            onChange={(e) => {
              setScope(e.target.value === 'organisation' ? 'organisation' : 'mine');
            }}
            options={[
              { value: 'mine', label: t('myFamilies') },
              { value: 'organisation', label: t('teamFamilies') },
            ]}
          />
        )}
      </form>
      <ProblemAlert error={error} />
      {data && data.items.length === 0 && <Paragraph>{query ? t('noFamilies') : t('noFamiliesYet')}</Paragraph>}
      {data && data.items.length > 0 && (
        <Table className="regie-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('family')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('members')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('phase')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('coordinator')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('caseOpened')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('lastActivity')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.map((f) => {
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
            })}
          </TableBody>
        </Table>
      )}
      <Pager list={list} />
    </>
  );
}
