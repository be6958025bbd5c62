// "Organisaties": the organisations of the region — search, page, add, change (name, type, safety
// task). A change saved by someone else in the meantime is reported (409), never overwritten.
import { useState } from 'react';
import { Button, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { SearchForm } from '../../ui/list-controls.js';
import { LiveNotice } from '../../ui/notice.js';
import { useRowEditing } from '../../ui/page-hooks.js';
import { Section } from '../../ui/page-parts.js';
import { PagedTable } from '../../ui/paged-table.js';
import { EditOrganisation, NewOrganisation } from './OrganisationForms.js';
import { TEXTS, type Organisation } from './texts.js';

export function Organisations() {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  const [query, setQuery] = useState('');
  const list = usePagedList('/api/v1/organisations', { query: { limit: 20, q: query } });
  const { editing, notice, edit, cancel, done } = useRowEditing<Organisation>(list.refetch);

  return (
    <>
      <Heading level={1}>{t('orgsTitle')}</Heading>
      <Paragraph className="regie-lead">{t('orgsIntro')}</Paragraph>
      <LiveNotice text={notice} />
      {editing && (
        <EditOrganisation key={editing.id} org={editing} onSaved={(o) => done(t('orgSaved', { name: o.name }))} onCancel={cancel} />
      )}

      <Section id="admin-orgs-list" title={t('orgsTitle')}>
        <SearchForm
          label={t('searchOrg')}
          onSearch={(q) => {
            list.first();
            setQuery(q);
          }}
        />
        <PagedTable
          list={list}
          empty={t('noOrgs')}
          pagerLabel={t('orgsTitle')}
          head={[t('name'), t('type'), t('safetyTask'), t('actions')]}
          row={(o) => (
            <TableRow key={o.id}>
              <TableCell>{o.name}</TableCell>
              <TableCell>{label(o.type)}</TableCell>
              <TableCell>{o.safetyTask ? t('yes') : t('no')}</TableCell>
              <TableCell>
                <Button appearance="secondary-action-button" aria-label={t('editOrgLabel', { name: o.name })} onClick={() => edit(o)}>
                  {t('edit')}
                </Button>
              </TableCell>
            </TableRow>
          )}
        />
      </Section>

      <NewOrganisation
        onCreated={(o) => {
          list.first();
          done(t('orgCreated', { name: o.name }));
        }}
      />
    </>
  );
}
