// The fields both account forms share: the roles (with the first error under them) and the e-mail address.
import { useI18n, useLocalT } from '../../i18n.js';
import { TextInput } from '../../ui/forms.js';
import { CheckboxGroup } from './controls.js';
import { ROLES, TEXTS } from './texts.js';

export function RoleChoice({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string }) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  return (
    <CheckboxGroup
      legend={t('roles')}
      hint={t('rolesHint')}
      error={error}
      value={value}
      onChange={onChange}
      options={ROLES.map((r) => ({ value: r, label: label(r) }))}
    />
  );
}

/** The first error under the roles field, e.g. "roles" or "roles[0]". */
export const rolesError = (errors: Record<string, string>) =>
  errors.roles ?? Object.entries(errors).find(([k]) => k.startsWith('roles['))?.[1];

/** The e-mail field: required when e-mail notifications are on (the list says so), else optional. */
export function EmailInput({
  required,
  value,
  onChange,
  error,
  field,
}: {
  required: boolean;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error?: string;
  field?: string;
}) {
  const t = useLocalT(TEXTS);
  return (
    <TextInput
      label={required ? t('email') : `${t('email')} ${t('optional')}`}
      hint={required ? t('emailRequiredHint') : t('emailHint')}
      type="email"
      autoComplete="off"
      value={value}
      onChange={onChange}
      field={field}
      error={error}
      aria-required={required || undefined}
    />
  );
}
