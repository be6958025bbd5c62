// Form controls of the administrator's screens that ui/forms.tsx does not have: a select without
// the "— kies —" option (every choice is meaningful), and a group of checkboxes with one error.
import { useRef } from 'react';
import { FieldsetError, useFieldId } from '../../ui/forms.js';
import { OptionSelect } from '../../ui/list-controls.js';

/** A select without "— kies —": see ui/list-controls.tsx. */
export const PlainSelect = OptionSelect;

let n = 0;

export function CheckboxGroup({
  legend,
  hint,
  error,
  field,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  error?: string;
  field?: string;
  options: Array<{ value: string; label: string }>;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const id = useRef(`cbg-${++n}`).current;
  const firstId = useFieldId(field);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset regie-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy}
    >
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {hint && (
        <div id={`${id}-hint`} className="utrecht-form-field-description">
          {hint}
        </div>
      )}
      {error && <FieldsetError id={`${id}-err`}>{error}</FieldsetError>}
      {options.map((o, i) => (
        <div key={o.value} className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            id={i === 0 && firstId ? firstId : `${id}-${o.value}`}
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />{' '}
          <label htmlFor={i === 0 && firstId ? firstId : `${id}-${o.value}`} className="utrecht-form-label utrecht-form-label--checkbox">
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
