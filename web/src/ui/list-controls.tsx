// The controls above a list: a search form, a form of filters with its one button, and a select of
// which every option is a choice (no "— kies —" first, unlike ui/form-fields.tsx's Select), for filters
// and settings.
import { useState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../i18n.js';
import { Field, TextInput } from './forms.js';

/** Filters above a list or figures and the button that applies them; `onApply` runs on submit. */
export function FilterForm({
  submitLabel,
  onApply,
  primary = false,
  children,
}: {
  submitLabel: string;
  onApply: () => void;
  /** The button as the page's main action (the audit trail's filter), else a secondary one. */
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      className="regie-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
      noValidate
    >
      {children}
      <Button appearance={primary ? 'primary-action-button' : 'secondary-action-button'} type="submit">
        {submitLabel}
      </Button>
    </form>
  );
}

/** A search box with its button; `onSearch` gets the trimmed text. Other controls go in `children`. */
export function SearchForm({
  label,
  hint,
  initial = '',
  onSearch,
  children,
}: {
  label: string;
  hint?: string;
  initial?: string;
  onSearch: (q: string) => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  return (
    <form
      className="regie-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim());
      }}
    >
      <TextInput label={label} hint={hint} name="q" value={q} onChange={(e) => setQ(e.target.value)} />
      <Button appearance="secondary-action-button" type="submit">
        {t('search')}
      </Button>
      {children}
    </form>
  );
}

export type OptionSelectProps = {
  label: string;
  hint?: string;
  error?: string;
  field?: string;
  options: Array<{ value: string; label: string }>;
} & SelectHTMLAttributes<HTMLSelectElement>;

/** A select whose options are all meaningful: the first one (often "all") is chosen by default. */
export function OptionSelect({ label, hint, error, field, options, className, ...rest }: OptionSelectProps) {
  return (
    <Field label={label} hint={hint} error={error} field={field}>
      {(id, d) => (
        <select
          id={id}
          aria-describedby={d}
          aria-invalid={error ? true : undefined}
          className={`utrecht-select utrecht-select--html-select${className ? ` ${className}` : ''}`}
          {...rest}
        >
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
