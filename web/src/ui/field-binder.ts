// Binding a form's fields to its state and its field errors, so each field is one line:
// `<TextInput label={t('street')} {...bind('street')} />` (see form-fields.tsx for the fields themselves).

/** The keys of a form's state that hold text (what a text field, select or date field edits). */
export type TextKey<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;

/** What `bind(k)` gives a TextInput, Select or TextArea: spread it, then add label and the rest. */
export interface BoundField {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  field: string;
  error: string | undefined;
}
/** What `bind.value(k)` gives a field whose onChange hands over the value itself (DateInput, BsnInput, …). */
export interface BoundValueField {
  value: string;
  onChange: (value: string) => void;
  field: string;
  error: string | undefined;
}
/** Where a bound field writes: the whole next value, or one key through the form's own `set(k, v)`. */
export type FieldWriter<T> = ((next: T) => void) | { set: (k: TextKey<T>, v: string) => void };
export interface FieldBinder<T> {
  (k: TextKey<T>, field?: string): BoundField;
  value: (k: TextKey<T>, field?: string) => BoundValueField;
}

/**
 * Binds a form's fields to its state (a `useDraft` or `useState` object) and its field errors:
 * `bind('street')` is `{ value: v.street, onChange, field: prefix + 'street', error: errors[prefix + 'street'] }`,
 * so a field reads `<TextInput label={t('street')} {...bind('street')} />`. The field name is the
 * request field (the error summary links to it): the state key, or the second argument where the
 * request names it otherwise (`bind('adminName', 'admin.displayName')`). `onChange` writes
 * `{ ...value, [k]: text }` from the value this render shows; a form whose own `set(k, v)` writes
 * one key (on the latest state) passes `{ set }` instead.
 */
export function fieldBinder<T extends object>(
  value: T,
  onChange: FieldWriter<T>,
  errors: Record<string, string | undefined>,
  prefix = '',
): FieldBinder<T> {
  const text = (k: TextKey<T>, field: string = k) => ({
    value: value[k] as string,
    field: `${prefix}${field}`,
    error: errors[`${prefix}${field}`],
  });
  const put = (k: TextKey<T>, v: string) => (typeof onChange === 'function' ? onChange({ ...value, [k]: v }) : onChange.set(k, v));
  const bind = (k: TextKey<T>, field?: string): BoundField => ({ ...text(k, field), onChange: (e) => put(k, e.target.value) });
  bind.value = (k: TextKey<T>, field?: string): BoundValueField => ({ ...text(k, field), onChange: (v) => put(k, v) });
  return bind;
}
