import { useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get } from '../../api.js';
import { Pager, usePagedList } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { useNavigate } from '../../router.js';
import { ProblemAlert, TextInput } from '../../ui/forms.js';
import { AuditTable } from './AuditTable.js';

/** Per person: who looked at or changed their data, when, for which organisation and why. */
export function AccessLog({ personId }: { personId?: string }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const [bsn, setBsn] = useState('');
  const [findError, setError] = useState<unknown>(null);
  const list = usePagedList('/api/v1/persons/:personId/access-log', { params: { personId: personId ?? '' } }, { enabled: !!personId });
  const data = personId ? list.data : undefined;
  const error = findError ?? (personId ? list.error : null);
  const find = async () => {
    setError(null);
    try {
      const r = await get('/api/v1/persons', { query: { bsn: bsn.trim() } });
      if (r.items[0]) navigate(`/privacy/personen/${r.items[0].id}`);
      else setError(new Error(t('notFound')));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <Heading level={1}>{t('accessLog')}</Heading>
      <form
        className="regie-search"
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <TextInput label={t('findPerson')} inputMode="numeric" value={bsn} onChange={(e) => setBsn(e.target.value)} />
        <Button appearance="primary-action-button" type="submit">
          {t('search')}
        </Button>
      </form>
      <ProblemAlert error={error} />
      {data && (
        <>
          <Heading level={2}>{t('whoLooked', { name: data.person?.fullName ?? '' })}</Heading>
          {data.items.length === 0 ? <Paragraph>—</Paragraph> : <AuditTable items={data.items} showPerson={false} />}
          <Pager list={list} />
        </>
      )}
    </>
  );
}
