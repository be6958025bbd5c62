// "Accounts": the professionals' accounts of the region — search and filter, page, create (with a
// temporary password shown once), change name, e-mail and roles, deactivate and reactivate.
import { useState } from 'react';
import { Button, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useApi, usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { SearchForm } from '../../ui/list-controls.js';
import { LiveNotice } from '../../ui/notice.js';
import { useRowEditing } from '../../ui/page-hooks.js';
import { Section } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { fmtDateTime } from '../../ui/time.js';
import { FilterSelect } from '../notifications/FilterSelect.js';
import { EditAccount, NewAccount } from './AccountForms.js';
import { TEXTS, type Account } from './texts.js';

type Status = 'active' | 'inactive' | '';

export function Accounts() {
  const t = useLocalT(TEXTS);
  const { lang, label } = useI18n();
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

      {unreachable && (
        <Section id="admin-accounts-unreachable" title={t('unreachableTitle')}>
          {!unreachable.emailRequired && <Paragraph>{t('unreachableMailOff')}</Paragraph>}
          {unreachable.items.length === 0 ? (
            <Paragraph>{t('unreachableNone')}</Paragraph>
          ) : (
            <>
              <Paragraph>
                {t('unreachableIntro', {
                  n: `${unreachable.items.length}${unreachable.nextCursor ? '+' : ''}`,
                  count: unreachable.items.length,
                })}
              </Paragraph>
              <ul className="regie-unreachable">
                {unreachable.items.map((a) => (
                  <li key={a.id}>
                    {a.displayName}{' '}
                    <span className="regie-muted">
                      ({a.username}, {a.organisation.name})
                    </span>{' '}
                    <Button
                      appearance="secondary-action-button"
                      aria-label={t('addEmailLabel', { name: a.displayName })}
                      onClick={() => edit(a)}
                    >
                      {t('addEmail')}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>
      )}

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
          row={(a) => (
            <TableRow key={a.id} className={a.active ? undefined : 'regie-admin-inactive'}>
              <TableCell>
                {a.displayName}
                {a.id === session?.user.id && <> ({t('you')})</>}
                <br />
                <span className="regie-muted">
                  {a.username}
                  {a.email ? ` · ${a.email}` : ''}
                </span>
              </TableCell>
              <TableCell>{a.organisation.name}</TableCell>
              <TableCell>{a.roles.map(label).join(', ')}</TableCell>
              <TableCell>
                {a.active ? t('active') : <strong>{t('inactive')}</strong>}
                {a.pendingRoleChange && (
                  <>
                    <br />
                    <strong>{t('pending')}</strong>
                  </>
                )}
                <br />
                <span className="regie-muted">
                  {t('authenticator')}: {a.totpEnrolled ? t('linked') : a.totpRequired ? t('notLinked') : t('notRequired')}
                </span>
                <br />
                <span className="regie-muted">
                  {t('lastSeen')}: {a.lastSeenAt ? fmtDateTime(a.lastSeenAt, lang) : t('never')}
                </span>
              </TableCell>
              <TableCell>
                <Button
                  appearance="secondary-action-button"
                  aria-label={t('editAccountLabel', { name: a.displayName })}
                  onClick={() => edit(a)}
                >
                  {t('edit')}
                </Button>
              </TableCell>
            </TableRow>
          )}
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
