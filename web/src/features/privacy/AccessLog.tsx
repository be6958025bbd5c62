import { useEffect, useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { navigate } from '../../router.js';
import { ProblemAlert, TextInput } from '../../ui/forms.js';
import { AuditTable, type AuditItem } from './AuditTable.js';

/** Per person: who looked at or changed their data, when, for which organisation and why. */
export function AccessLog({ personId }: { personId?: string }) {
  const { t } = useI18n();
  const [bsn, setBsn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [data, setData] = useState<{ person?: { id: string; fullName: string }; items: AuditItem[]; nextCursor: string | null } | null>(null);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    if (!personId) return;
    get<{ person?: { id: string; fullName: string }; items: AuditItem[]; nextCursor: string | null }>(`/api/v1/persons/${personId}/access-log${cursor ? `?cursor=${cursor}` : ''}`)
      .then((d) => { setData(d); setError(null); }, setError);
  }, [personId, cursor]);
  const find = async () => {
    setError(null);
    try {
      const r = await get<{ items: { id: string }[] }>(`/api/v1/persons?bsn=${encodeURIComponent(bsn.trim())}`);
      if (r.items[0]) navigate(`/privacy/personen/${r.items[0].id}`); else setError(new Error(t('notFound')));
    } catch (err) { setError(err); }
  };
  return (
    <>
      <Heading level={1}>{t('accessLog')}</Heading>
      <form className="regie-search" onSubmit={(e) => { e.preventDefault(); void find(); }}>
        <TextInput label={t('findPerson')} inputMode="numeric" value={bsn} onChange={(e) => setBsn(e.target.value)} />
        <Button appearance="primary-action-button" type="submit">{t('search')}</Button>
      </form>
      <ProblemAlert error={error} />
      {data && (<>
        <Heading level={2}>{t('whoLooked', { name: data.person?.fullName ?? '' })}</Heading>
        {data.items.length === 0 ? <Paragraph>—</Paragraph> : <AuditTable items={data.items} showPerson={false} />}
        <nav className="regie-pager" aria-label="Paginering">
          {cursors.length > 0 && <Button appearance="secondary-action-button" onClick={() => setCursors(cursors.slice(0, -1))}>{t('previous')}</Button>}
          {data.nextCursor && <Button appearance="secondary-action-button" onClick={() => setCursors([...cursors, data.nextCursor!])}>{t('next')}</Button>}
        </nav>
      </>)}
    </>
  );
}
