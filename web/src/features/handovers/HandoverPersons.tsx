// The persons whose information goes with a handover: one checkbox per member of the family.
import { useI18n } from '../../i18n.js';
import { FieldsetError, useFieldId } from '../../ui/forms.js';
import type { ApiResponse } from '../../api.js';
import { Checkbox } from '../signals/controls.js';
import { toggled } from './send-handover.js';
import { useHandoverT } from './texts.js';

type Member = ApiResponse<'GET', '/api/v1/families/:familyId'>['members'][number];

/** The family's members to choose from (the first checkbox carries the field's id `personIds`), with the field's error. */
export function HandoverPersons({
  members,
  value,
  onChange,
  error,
}: {
  members: Member[];
  value: string[];
  onChange: (personIds: string[]) => void;
  error?: string;
}) {
  const t = useHandoverT();
  const { label } = useI18n();
  const personsId = useFieldId('personIds');
  return (
    <fieldset className={`utrecht-form-fieldset regie-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <legend className="utrecht-form-fieldset__legend">{t('personsLegend')}</legend>
      {error && <FieldsetError>{error}</FieldsetError>}
      {members.map((m, i) => (
        <Checkbox
          key={m.personId}
          id={i === 0 ? personsId : undefined}
          label={`${m.fullName} (${label(m.relation)})`}
          checked={value.includes(m.personId)}
          onChange={(on) => onChange(toggled(value, m.personId, on))}
        />
      ))}
    </fieldset>
  );
}
