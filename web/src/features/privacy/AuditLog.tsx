import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post, type ApiResponse } from '../../api.js';
import { Pager, useApi, usePagedList } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { ProblemAlert, Select } from '../../ui/forms.js';
import { AuditTable } from './AuditTable.js';
import { fmtDateTime } from '../../ui/time.js';
import { BsnInput, DateInput } from '../../ui/date-fields.js';
import { FilterForm } from '../../ui/list-controls.js';

interface Filters {
  bsn: string;
  userId: string;
  organisationId: string;
  from: string;
  to: string;
  action: string;
}

export function AuditLog() {
  const { t, label, lang } = useI18n();
  const [f, setF] = useState<Filters>({ bsn: '', userId: '', organisationId: '', from: '', to: '', action: '' });
  const [applied, setApplied] = useState<Filters>(f);
  const [verifyError, setError] = useState<unknown>(null);
  const orgs = useApi('/api/v1/organisations').data?.items ?? [];
  const users = useApi('/api/v1/professionals').data?.items ?? [];
  const [verify, setVerify] = useState<ApiResponse<'POST', '/api/v1/audit-verifications'> | null>(null);
  const anchor = (cp: { seq: number; at: string; chains: number } | null) =>
    cp ? t('verifyCheckpoint', { at: fmtDateTime(cp.at, lang), seq: cp.seq, chains: cp.chains }) : t('verifyNoCheckpoint');
  const list = usePagedList('/api/v1/audit-events', { query: { limit: 50, ...applied } });
  const { data } = list;
  const error = verifyError ?? list.error;
  return (
    <>
      <div className="regie-title-row">
        <Heading level={1}>{t('auditLog')}</Heading>
        <Button appearance="secondary-action-button" onClick={() => post('/api/v1/audit-verifications').then(setVerify, setError)}>
          {t('verify')}
        </Button>
      </div>
      {verify &&
        (verify.ok ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('verifyOk', { rows: verify.rows })}</Paragraph>
            <Paragraph>{anchor(verify.checkpoint)}</Paragraph>
          </Alert>
        ) : (
          <Alert type="error" role="alert">
            <Paragraph>{t('verifyBroken')}</Paragraph>
            <Paragraph>{anchor(verify.checkpoint)}</Paragraph>
            <ul className="utrecht-unordered-list">
              {verify.problems.slice(0, 20).map((p, i) => (
                <li key={i} className="utrecht-unordered-list__item">
                  {t('verifyPlace', { stripe: p.stripe, seq: p.seq })}: {label(p.problem)} — {p.detail}
                </li>
              ))}
            </ul>
          </Alert>
        ))}
      <FilterForm
        primary
        submitLabel={t('filter')}
        onApply={() => {
          list.first();
          setApplied(f);
        }}
      >
        <BsnInput label={t('bsn')} hint="" value={f.bsn} onChange={(v) => setF({ ...f, bsn: v })} />
        <Select
          label={t('user')}
          value={f.userId}
          onChange={(e) => setF({ ...f, userId: e.target.value })}
          options={users.map((u) => ({ value: u.id, label: `${u.displayName} — ${u.organisationName}` }))}
        />
        <Select
          label={t('organisation')}
          value={f.organisationId}
          onChange={(e) => setF({ ...f, organisationId: e.target.value })}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        />
        <DateInput label={t('from')} value={f.from} onChange={(v) => setF({ ...f, from: v })} />
        <DateInput label={t('to')} value={f.to} onChange={(v) => setF({ ...f, to: v })} />
        <Select
          label={t('action')}
          value={f.action}
          onChange={(e) => setF({ ...f, action: e.target.value })}
          options={['create', 'read', 'update', 'delete', 'export'].map((a) => ({ value: a, label: label(a) }))}
        />
      </FilterForm>
      <ProblemAlert error={error} />
      {data && <AuditTable items={data.items} />}
      <Pager list={list} />
    </>
  );
}
