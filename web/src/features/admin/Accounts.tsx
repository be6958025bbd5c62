// "Accounts": the professionals' accounts of the region — search and filter, page, create (with a
// temporary password shown once), change name, e-mail and roles, deactivate and reactivate.
import { useState } from 'react';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useApi, usePagedList } from '../../data.js';
import { useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { SearchForm } from '../../ui/list-controls.js';
import { LiveNotice } from '../../ui/notice.js';
import { useRowEditing } from '../../ui/page-hooks.js';
import { Section } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { FilterSelect } from '../notifications/FilterSelect.js';
import { EditAccount } from './AccountForms.js';
import { AccountRow } from './AccountRow.js';
import { NewAccount } from './NewAccount.js';
import { TEXTS, type Account } from './texts.js';
import { UnreachableAccounts } from './UnreachableAccounts.js';

type Status = 'active' | 'inactive' | '';

export function Accounts() {
  const t = useLocalT(TEXTS);
  const { session } = useSession();
  const [filter, setFilter] = useState<{ q: string; organisationId: string; status: Status }>({ q: '', organisationId: '', status: '' });
  const orgsAnswer = useApi('/api/v1/organisations', { query: { limit: 500 } });
  const orgs = orgsAnswer.data?.items ?? [];
  const list = usePagedList('/api/v1/accounts', {
    query: { limit: 25, q: filter.q, organisationId: filter.organisationId, status: filter.status },
  });
  const unreachableAnswer = useApi('/api/v1/accounts', { query: { status: 'active', reachable: 'false', limit: 100 } });
  const data = list.data;
  const unreachable = unreachableAnswer.data;
  const error = list.error ?? unreachableAnswer.error ?? orgsAnswer.error;
  const load = () => Promise.all([list.refetch(), unreachableAnswer.refetch()]);
  const { editing, notice, setNotice, edit, cancel, done } = useRowEditing<Account>(load);
  const emailRequired = data?.emailRequired ?? false;
  const refilter = (f: Partial<typeof filter>) => {
    setNotice(null);
    setFilter({ ...filter, ...f });
  };

  return (
    <>
      <Heading level={1}>{t('accountsTitle')}</Heading>
      <Paragraph className="regie-lead">{t('accountsIntro')}</Paragraph>
      <LiveNotice text={notice} />
      {editing && (
        <EditAccount
          key={editing.id}
          account={editing}
          self={editing.id === session?.user.id}
          onDone={done}
          onCancel={cancel}
          emailRequired={emailRequired}
        />
      )}

      {unreachable && <UnreachableAccounts unreachable={unreachable} onEdit={edit} />}

      <Section id="admin-accounts-list" title={t('accountsTitle')}>
        <SearchForm label={t('searchAccount')} onSearch={(q) => refilter({ q })} />
        <div className="regie-filters">
          <FilterSelect
            label={t('organisation')}
            value={filter.organisationId}
            onChange={(e) => refilter({ organisationId: e.target.value })}
            options={[{ value: '', label: t('allOrganisations') }, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <FilterSelect
            label={t('status')}
            value={filter.status}
            onChange={(e) => refilter({ status: e.target.value as Status })}
            options={[
              { value: '', label: t('allStatuses') },
              { value: 'active', label: t('active') },
              { value: 'inactive', label: t('inactive') },
            ]}
          />
        </div>
        <PagedTable
          list={list}
          error={error}
          empty={t('noAccounts')}
          pagerLabel={t('accountsTitle')}
          scroll="regie-admin-scroll"
          head={[t('displayName'), t('organisation'), t('roles'), t('status'), t('actions')]}
          row={(a) => <AccountRow key={a.id} account={a} self={a.id === session?.user.id} onEdit={edit} />}
        />
      </Section>

      <NewAccount
        orgs={orgs}
        onCreated={() => {
          list.first();
          void load();
        }}
        emailRequired={emailRequired}
      />
    </>
  );
}
