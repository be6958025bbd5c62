// A filter whose first option means "no filter" (the shared Select always starts with "— kies —").
import type { SelectHTMLAttributes } from 'react';
import { Field } from '../../ui/forms.js';

export function FilterSelect({
  label,
  options,
  ...rest
}: { label: string; options: Array<{ value: string; label: string }> } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} className="utrecht-select utrecht-select--html-select regie-filter-select" {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
