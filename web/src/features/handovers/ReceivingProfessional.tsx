// The receiving professional of a handover, when the sender knows who will take it on: a
// professional of the receiving organisation (in the sender's own region; another region
// chooses for itself). Used by the send screen and the triage decision "hand over".
import { useEffect, useState } from 'react';
import { get, type ApiResponse } from '../../api.js';
import { Select } from '../../ui/forms.js';
import { useHandoverT } from './texts.js';

type Professional = ApiResponse<'GET', '/api/v1/professionals'>['items'][number];

export function ReceivingProfessional({ organisationId, value, onChange, error, name = 'toUserId' }: {
  organisationId: string; value: string; onChange: (userId: string) => void; error?: string; name?: string;
}) {
  const t = useHandoverT();
  const [pros, setPros] = useState<Professional[]>([]);
  useEffect(() => {
    if (!organisationId) { setPros([]); return; }
    get('/api/v1/professionals', { query: { limit: 500 } })
      .then((r) => setPros(r.items.filter((p) => p.organisationId === organisationId)), () => setPros([]));
  }, [organisationId]);
  return <Select label={`${t('toUser')} ${t('optionalLabel')}`} hint={t('toUserHint')} name={name} value={value} onChange={(e) => onChange(e.target.value)} error={error}
    options={pros.map((p) => ({ value: p.id, label: p.displayName }))} />;
}
