import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { ProblemAlert, Select, TextInput } from '../../ui/forms.js';
import { AuditTable, type AuditItem } from './AuditTable.js';
import { fmtDateTime } from '../../ui/time.js';

interface Filters { bsn: string; userId: string; organisationId: string; from: string; to: string; action: string }

export function AuditLog() {
  const { t, label, lang } = useI18n();
  const [f, setF] = useState<Filters>({ bsn: '', userId: '', organisationId: '', from: '', to: '', action: '' });
  const [applied, setApplied] = useState<Filters>(f);
  const [cursors, setCursors] = useState<string[]>([]);
  const [data, setData] = useState<{ items: AuditItem[]; nextCursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [orgs, setOrgs] = useState<{ id: string; name: string }[]>([]);
  const [users, setUsers] = useState<{ id: string; displayName: string; organisationName: string }[]>([]);
  const [verify, setVerify] = useState<{ ok: boolean; rows: number; problems: { stripe: number; seq: number; problem: string; detail: string }[];
    checkpoint: { seq: number; at: string; chains: number } | null } | null>(null);
  useEffect(() => {
    get<{ items: { id: string; name: string }[] }>('/api/v1/organisations').then((r) => setOrgs(r.items), () => undefined);
    get<{ items: { id: string; displayName: string; organisationName: string }[] }>('/api/v1/professionals').then((r) => setUsers(r.items), () => undefined);
  }, []);
  const cursor = cursors[cursors.length - 1];
  const anchor = (cp: { seq: number; at: string; chains: number } | null) =>
    cp ? t('verifyCheckpoint', { at: fmtDateTime(cp.at, lang), seq: cp.seq, chains: cp.chains }) : t('verifyNoCheckpoint');
  useEffect(() => {
    const p = new URLSearchParams({ limit: '50' });
    for (const [k, v] of Object.entries(applied)) if (v) p.set(k, v);
    if (cursor) p.set('cursor', cursor);
    get<{ items: AuditItem[]; nextCursor: string | null }>(`/api/v1/audit-events?${p}`).then((d) => { setData(d); setError(null); }, setError);
  }, [applied, cursor]);
  return (
    <>
      <div className="regie-title-row">
        <Heading level={1}>{t('auditLog')}</Heading>
        <Button appearance="secondary-action-button" onClick={() => post<typeof verify>('/api/v1/audit-verifications', {}).then(setVerify, setError)}>{t('verify')}</Button>
      </div>
      {verify && (verify.ok
        ? <Alert type="ok" role="status"><Paragraph>{t('verifyOk', { rows: verify.rows })}</Paragraph><Paragraph>{anchor(verify.checkpoint)}</Paragraph></Alert>
        : <Alert type="error" role="alert"><Paragraph>{t('verifyBroken')}</Paragraph><Paragraph>{anchor(verify.checkpoint)}</Paragraph>
          <ul className="utrecht-unordered-list">{verify.problems.slice(0, 20).map((p, i) => <li key={i} className="utrecht-unordered-list__item">{t('verifyPlace', { stripe: p.stripe, seq: p.seq })}: {label(p.problem)} — {p.detail}</li>)}</ul></Alert>)}
      <form className="regie-filters" onSubmit={(e) => { e.preventDefault(); setCursors([]); setApplied(f); }}>
        <TextInput label={t('bsn')} inputMode="numeric" value={f.bsn} onChange={(e) => setF({ ...f, bsn: e.target.value })} />
        <Select label={t('user')} value={f.userId} onChange={(e) => setF({ ...f, userId: e.target.value })} options={users.map((u) => ({ value: u.id, label: `${u.displayName} — ${u.organisationName}` }))} />
        <Select label={t('organisation')} value={f.organisationId} onChange={(e) => setF({ ...f, organisationId: e.target.value })} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        <TextInput label={t('from')} type="date" value={f.from} onChange={(e) => setF({ ...f, from: e.target.value })} />
        <TextInput label={t('to')} type="date" value={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} />
        <Select label={t('action')} value={f.action} onChange={(e) => setF({ ...f, action: e.target.value })} options={['create', 'read', 'update', 'delete', 'export'].map((a) => ({ value: a, label: label(a) }))} />
        <Button appearance="primary-action-button" type="submit">{t('filter')}</Button>
      </form>
      <ProblemAlert error={error} />
      {data && <AuditTable items={data.items} />}
      <nav className="regie-pager" aria-label="Paginering">
        {cursors.length > 0 && <Button appearance="secondary-action-button" onClick={() => setCursors(cursors.slice(0, -1))}>{t('previous')}</Button>}
        {data?.nextCursor && <Button appearance="secondary-action-button" onClick={() => setCursors([...cursors, data.nextCursor!])}>{t('next')}</Button>}
      </nav>
    </>
  );
}
