// The receiving professional of a handover, when the sender knows who will take it on: a
// professional of the receiving organisation (in the sender's own region; another region
// chooses for itself). Used by the send screen and the triage decision "hand over".
import { useApi } from '../../data.js';
import { Select } from '../../ui/forms.js';
import { useHandoverT } from './texts.js';

export function ReceivingProfessional({
  organisationId,
  value,
  onChange,
  error,
  name = 'toUserId',
  field = name,
}: {
  organisationId: string;
  value: string;
  onChange: (userId: string) => void;
  error?: string;
  name?: string;
  field?: string;
}) {
  const t = useHandoverT();
  const all = useApi('/api/v1/professionals', { query: { limit: 500 } }, { enabled: !!organisationId });
  const pros = organisationId && !all.error ? (all.data?.items ?? []).filter((p) => p.organisationId === organisationId) : [];
  return (
    <Select
      label={`${t('toUser')} ${t('optionalLabel')}`}
      hint={t('toUserHint')}
      name={name}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      field={field}
      error={error}
      options={pros.map((p) => ({ value: p.id, label: p.displayName }))}
    />
  );
}
