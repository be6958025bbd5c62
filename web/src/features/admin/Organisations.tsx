// "Organisaties": the organisations of the region — search, page, add, change (name, type, safety
// task). A change saved by someone else in the meantime is reported (409), never overwritten.
import { useState } from 'react';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { Pager, usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { ProblemAlert, TextInput } from '../../ui/forms.js';
import { EditOrganisation, NewOrganisation } from './OrganisationForms.js';
import { TEXTS, type Organisation } from './texts.js';

export function Organisations() {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedList('/api/v1/organisations', { query: { limit: 20, q: query } });
  const { data, error } = list;
  const load = () => list.refetch();

  const done = (text: string) => {
    setNotice(text);
    setEditing(null);
    void load();
  };

  return (
    <>
      <Heading level={1}>{t('orgsTitle')}</Heading>
      <Paragraph className="regie-lead">{t('orgsIntro')}</Paragraph>
      <div role="status">
        {notice && (
          <Alert type="ok" role="none">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {editing && (
        <EditOrganisation
          key={editing.id}
          org={editing}
          onSaved={(o) => done(t('orgSaved', { name: o.name }))}
          onCancel={() => setEditing(null)}
        />
      )}

      <section className="regie-section" aria-labelledby="admin-orgs-list">
        <Heading level={2} id="admin-orgs-list">
          {t('orgsTitle')}
        </Heading>
        <form
          className="regie-search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            list.first();
            setQuery(q.trim());
          }}
        >
          <TextInput label={t('searchOrg')} name="q" value={q} onChange={(e) => setQ(e.target.value)} />
          <Button appearance="secondary-action-button" type="submit">
            {t('search')}
          </Button>
        </form>
        <ProblemAlert error={error} />
        {data && data.items.length === 0 && <Paragraph>{t('noOrgs')}</Paragraph>}
        {data && data.items.length > 0 && (
          <Table className="regie-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('type')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('safetyTask')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{o.name}</TableCell>
                  <TableCell>{label(o.type)}</TableCell>
                  <TableCell>{o.safetyTask ? t('yes') : t('no')}</TableCell>
                  <TableCell>
                    <Button
                      appearance="secondary-action-button"
                      aria-label={t('editOrgLabel', { name: o.name })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(o);
                      }}
                    >
                      {t('edit')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Pager list={list} label={t('orgsTitle')} />
      </section>

      <NewOrganisation
        onCreated={(o) => {
          list.first();
          done(t('orgCreated', { name: o.name }));
        }}
      />
    </>
  );
}
