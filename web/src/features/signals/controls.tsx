// Checkboxes, radio groups and definition lists on NL Design System (Utrecht) classes, with the
// label tied to the input and the error at the group (the form's error summary announces it), like ui/forms.tsx does for text fields.
import { useRef, type ReactNode } from 'react';
import { FieldsetError, useFieldId } from '../../ui/forms.js';

let n = 0;
const useId = (p: string) => useRef(`${p}-${++n}`).current;

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
  name,
  id: givenId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  hint?: string;
  name?: string;
  id?: string;
}) {
  const ownId = useId('cb');
  const id = givenId ?? ownId;
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <input
        id={id}
        name={name}
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="utrecht-form-field-description">
          {hint}
        </div>
      )}
    </div>
  );
}

export function RadioGroup<V extends string>({
  legend,
  value,
  options,
  onChange,
  error,
  name,
  field,
}: {
  legend: string;
  value: V | '';
  options: Array<{ value: V; label: string; hint?: string }>;
  onChange: (v: V) => void;
  error?: string;
  name: string;
  field?: string;
}) {
  const id = useId('rg');
  // The error summary links to the group's first choice.
  const firstId = useFieldId(field ?? name);
  return (
    <fieldset
      className={`utrecht-form-fieldset regie-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={error ? `${id}-err` : undefined}
    >
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {error && <FieldsetError id={`${id}-err`}>{error}</FieldsetError>}
      {options.map((o, i) => (
        <div key={o.value} className="utrecht-form-field utrecht-form-field--radio">
          <input
            id={i === 0 && firstId ? firstId : `${id}-${o.value}`}
            type="radio"
            name={name}
            value={o.value}
            className="utrecht-radio-button utrecht-radio-button--html-input"
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />{' '}
          <label htmlFor={i === 0 && firstId ? firstId : `${id}-${o.value}`} className="utrecht-form-label utrecht-form-label--radio">
            {o.label}
            {o.hint && <span className="regie-muted"> — {o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function DataList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map(([k, v]) => (
        <div key={k} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key" style={{ fontWeight: 700 }}>
            {k}
          </dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
