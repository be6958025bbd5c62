// "Regio's": an installation administrator creates a region with its first organisation and
// functional administrator; the one-time password is shown once, in the answer, and is not kept
// (no draft either: the form holds a person's name and e-mail only while the page is open).
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { ApiError, post, type ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { ProblemAlert, Select, SubmitForm, TextInput, useFormAction } from '../../ui/forms.js';
import { LiveNotice } from '../../ui/notice.js';
import { Section } from '../../ui/page-parts.js';
import { ListTable } from '../../ui/paged-table.js';
import { ORGANISATION_TYPES } from '../admin/texts.js';
import '../admin/admin.css';
import { TEXTS } from './texts.js';

type Created = ApiResponse<'POST', '/api/v1/regions'>;
const EMPTY = {
  id: '',
  name: '',
  organisationName: '',
  organisationType: 'municipal_team',
  adminName: '',
  adminUsername: '',
  adminEmail: '',
};

export function Regions() {
  const t = useLocalT(TEXTS);
  const { lang, label } = useI18n();
  const [d, setD] = useState(EMPTY);
  const [created, setCreated] = useState<Created | null>(null);
  const regionsAnswer = useApi('/api/v1/regions');
  const regions = regionsAnswer.data?.items ?? null;
  const allowed = !(regionsAnswer.error instanceof ApiError && regionsAnswer.error.problem.status === 403);
  const loadError = allowed ? regionsAnswer.error : null;
  const load = () => regionsAnswer.refetch();
  const { error, busy, run, bind } = useFormAction(d, setD);
  const submit = () =>
    run(async () => {
      setCreated(null);
      const r = await post('/api/v1/regions', {
        body: {
          id: d.id,
          name: d.name,
          organisation: { name: d.organisationName, type: d.organisationType },
          admin: { username: d.adminUsername, displayName: d.adminName, ...(d.adminEmail.trim() ? { email: d.adminEmail.trim() } : {}) },
        },
      });
      setCreated(r);
      setD(EMPTY);
      void load();
    });
  return (
    <>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph className="regie-lead">{t('intro')}</Paragraph>
      {!allowed && (
        <Alert type="info">
          <Paragraph>{t('notAllowed')}</Paragraph>
        </Alert>
      )}
      <ProblemAlert error={loadError} />
      {allowed && regions && (
        <>
          <Section id="regions-new" title={t('newRegion')}>
            <LiveNotice>
              {created && (
                <>
                  <Paragraph>
                    {t('created', {
                      name: created.region.name,
                      id: created.region.id,
                      organisation: created.organisation.name,
                      username: created.admin.username,
                    })}
                  </Paragraph>
                  <Paragraph>
                    {t('initialPassword', { username: created.admin.username })}
                    <code className="regie-admin-password">{created.initialPassword}</code>
                  </Paragraph>
                  <Paragraph>{t('initialPasswordHint', { name: created.admin.displayName })}</Paragraph>
                </>
              )}
            </LiveNotice>
            <ProblemAlert error={error} />
            <SubmitForm onSubmit={submit}>
              <div className="regie-grid">
                <TextInput label={t('regionCode')} hint={t('regionCodeHint')} autoComplete="off" spellCheck={false} {...bind('id')} />
                <TextInput label={t('regionName')} autoComplete="off" {...bind('name')} />
                <TextInput
                  label={t('organisation')}
                  hint={t('organisationHint')}
                  autoComplete="off"
                  {...bind('organisationName', 'organisation.name')}
                />
                <Select
                  label={t('organisationType')}
                  {...bind('organisationType', 'organisation.type')}
                  options={ORGANISATION_TYPES.map((v) => ({ value: v, label: label(v) }))}
                />
                <TextInput label={t('adminName')} autoComplete="off" {...bind('adminName', 'admin.displayName')} />
                <TextInput
                  label={t('adminUsername')}
                  hint={t('adminUsernameHint')}
                  autoComplete="off"
                  spellCheck={false}
                  {...bind('adminUsername', 'admin.username')}
                />
                <TextInput label={t('adminEmail')} type="email" autoComplete="off" {...bind('adminEmail', 'admin.email')} />
              </div>
              <div className="regie-actions">
                <Button appearance="primary-action-button" type="submit" disabled={busy}>
                  {t('create')}
                </Button>
              </div>
            </SubmitForm>
          </Section>
          <Section id="regions-existing" title={t('existing')}>
            <ListTable
              items={regions}
              head={[t('code'), t('name'), t('createdAt')]}
              row={(r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.id}</TableCell>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{new Date(r.createdAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL')}</TableCell>
                </TableRow>
              )}
            />
          </Section>
        </>
      )}
    </>
  );
}
