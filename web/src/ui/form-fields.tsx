// The form's fields on the design system's form-field components: Field (label, description, error
// message, input) and TextInput / TextArea / Select on it, FieldsetError for checkbox lists and
// radio groups, and FieldScope, which keeps the field ids of several forms on one page apart.
import {
  createContext,
  useContext,
  useRef,
  type ReactNode,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import {
  FormField,
  FormFieldErrorMessage,
  SelectOption,
  Textarea as DsTextarea,
  TextInput as DsTextInput,
} from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../i18n.js';
import { fieldId } from './form-errors.js';

let idCounter = 0;
export const useId = (prefix: string) => useRef(`${prefix}-${++idCounter}`).current;

const Scope = createContext('');
/**
 * Names one form among others on the same page (the family page has several), so its fields'
 * ids stay unique and its error summary links to its own fields. Wrap the form and its summary.
 */
export function FieldScope({ name, children }: { name: string; children: ReactNode }) {
  return <Scope.Provider value={name}>{children}</Scope.Provider>;
}
/** The input id for a request field within the current FieldScope (for controls outside this file). */
export function useFieldId(field: string | undefined): string | undefined {
  const idOf = useIdOf();
  return field ? idOf(field) : undefined;
}
export function useIdOf() {
  const scope = useContext(Scope);
  return (field: string) => fieldId(scope ? `${scope}.${field}` : field);
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  field?: string;
  children: (id: string, describedBy?: string) => ReactNode;
}
/** A labelled field on the design system's FormField: label, description, error message, input. */
export function Field({ label, hint, error, id: givenId, field, children }: FieldProps) {
  const ownId = useId('f');
  const idOf = useIdOf();
  const id = givenId ?? (field ? idOf(field) : ownId);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      className="utrecht-form-field--text"
      id={id}
      invalid={!!error}
      label={label}
      statusId={`${id}-status`}
      errorMessageId={`${id}-err`}
      descriptionId={`${id}-hint`}
      errorMessage={error}
      description={
        hint ? (
          <div className="utrecht-form-field-description" id={`${id}-hint`}>
            {hint}
          </div>
        ) : undefined
      }
      input={children(id, describedBy)}
    >
      {null}
    </FormField>
  );
}

type Own = { label: string; hint?: string; error?: string; field?: string };

export function TextInput({ label, hint, error, field, id, ...rest }: Own & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error} field={field} id={id}>
      {(fid, d) => (
        <DsTextInput
          id={fid}
          aria-describedby={d}
          invalid={!!error}
          aria-invalid={error ? true : undefined}
          className="utrecht-textbox--html-input"
          {...rest}
        />
      )}
    </Field>
  );
}

export function TextArea({ label, hint, error, field, id, ...rest }: Own & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} field={field} id={id}>
      {(fid, d) => (
        <DsTextarea id={fid} aria-describedby={d} invalid={!!error} aria-invalid={error ? true : undefined} rows={3} {...rest} />
      )}
    </Field>
  );
}

export function Select({
  label,
  hint,
  error,
  field,
  id,
  options,
  ...rest
}: Own & { options: Array<{ value: string; label: string }> } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useI18n();
  return (
    <Field label={label} hint={hint} error={error} field={field} id={id}>
      {(fid, d) => (
        <select
          id={fid}
          aria-describedby={d}
          aria-invalid={error ? true : undefined}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          {...rest}
        >
          <SelectOption value="">{t('choose')}</SelectOption>
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </select>
      )}
    </Field>
  );
}

/** An error message inside a fieldset (checkbox lists, radio groups), as at a single field. */
export function FieldsetError({ id, children }: { id?: string; children: ReactNode }) {
  return <FormFieldErrorMessage id={id}>{children}</FormFieldErrorMessage>;
}
