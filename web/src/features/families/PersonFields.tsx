// The fields of one family member: names, relation, birth date, BSN, gender and address.
import { useI18n } from '../../i18n.js';
import { fieldBinder, Select, TextInput } from '../../ui/forms.js';
import { BirthDateInput, BsnInput } from '../../ui/date-fields.js';
import type { PersonDraft } from './person-draft.js';

export function PersonFields({
  value,
  onChange,
  errors,
  prefix,
  hideRelation,
}: {
  value: PersonDraft;
  onChange: (p: PersonDraft) => void;
  errors: Record<string, string>;
  prefix: string;
  hideRelation?: boolean;
}) {
  const { t, label } = useI18n();
  const bind = fieldBinder(value, onChange, errors, prefix);
  const optional = (k: Parameters<typeof t>[0]) => `${t(k)} ${t('optional')}`;
  return (
    <div className="regie-grid">
      <TextInput label={t('givenNames')} {...bind('givenNames')} required />
      <TextInput label={optional('prefix')} {...bind('familyNamePrefix')} />
      <TextInput label={t('familyName')} {...bind('familyName')} required />
      {!hideRelation && (
        <Select
          label={t('relation')}
          {...bind('relation')}
          required
          options={['parent', 'child', 'partner', 'carer', 'other'].map((r) => ({ value: r, label: label(r) }))}
        />
      )}
      <BirthDateInput label={optional('birthDate')} {...bind.value('birthDate')} />
      <BsnInput label={optional('bsn')} {...bind.value('bsn')} />
      <Select
        label={optional('gender')}
        {...bind('gender')}
        options={['female', 'male', 'other', 'unknown'].map((r) => ({ value: r, label: label(r) }))}
      />
      <TextInput label={optional('street')} {...bind('street')} />
      <TextInput label={optional('houseNumber')} {...bind('houseNumber')} />
      <TextInput label={optional('postcode')} {...bind('postcode')} />
      <TextInput label={optional('city')} {...bind('city')} />
    </div>
  );
}
