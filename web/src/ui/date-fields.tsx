// Date and BSN fields as a Dutch professional types them, whatever the browser's language:
// dates as day-month-year (stored and sent as ISO), birth dates as three fields, BSNs with the
// 9-digit limit and the elfproef checked on leaving the field.
import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { isValidBsn } from '@contract/shared/bsn.js';
import { useI18n } from '../i18n.js';
import { datePartProblem, formatDutchDate, parseDutchDate, partsOf, valueOfParts, type DateParts } from './dates.js';
import { TextInput } from './forms.js';

type Base = { label: string; hint?: string; error?: string; field?: string };
type Rest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;
/** A field whose `onChange` hands over the value itself (what `bind.value(k)` gives). */
type ValueField = Base & Rest & { value: string; onChange: (value: string) => void };

/** A date typed as dd-mm-jjjj; `value` and `onChange` carry ISO (or the raw text while it is no date yet). */
export function DateInput({ label, hint, error, field, value, onChange, ...rest }: ValueField) {
  const { t } = useI18n();
  const [text, setText] = useState(() => formatDutchDate(value));
  const [own, setOwn] = useState<string | undefined>();
  // A new value from outside (a restored draft, a reset) replaces what is shown.
  useEffect(() => {
    if ((parseDutchDate(text) ?? text) !== value) setText(formatDutchDate(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <TextInput
      label={label}
      hint={hint ? `${hint} ${t('dateHint')}` : t('dateHint')}
      field={field}
      error={error ?? own}
      inputMode="numeric"
      autoComplete="off"
      {...rest}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        setOwn(undefined);
        onChange(parseDutchDate(e.target.value) ?? e.target.value.trim());
      }}
      onBlur={(e) => {
        const iso = parseDutchDate(text);
        if (iso) setText(formatDutchDate(iso));
        else if (text.trim()) setOwn(t('dateInvalid'));
        rest.onBlur?.(e);
      }}
    />
  );
}

/** The parts of a birth date, in the order typed, with their length; the first carries the request field. */
const DATE_PARTS = [
  ['day', 2],
  ['month', 2],
  ['year', 4],
] as const;

/** A birth date as three fields (day, month, year) in one group, with one message for the first wrong part. */
export function BirthDateInput({
  label,
  hint,
  error,
  field,
  value,
  onChange,
}: Base & { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const [parts, setParts] = useState<DateParts>(() => partsOf(value));
  const [own, setOwn] = useState<string | undefined>();
  useEffect(() => {
    if (valueOfParts(parts) !== value) setParts(partsOf(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (k: keyof DateParts) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [k]: e.target.value.replace(/\D/g, '') };
    setParts(next);
    setOwn(undefined);
    onChange(valueOfParts(next));
  };
  const check = (e: React.FocusEvent<HTMLDivElement>) => {
    if (e.currentTarget.contains(e.relatedTarget)) return; // still inside the group
    const problem = datePartProblem(parts);
    setOwn(problem ? t(`birthDate_${problem}` as const) : undefined);
  };
  const shown = error ?? own;
  const id = useId().replace(/:/g, '');
  return (
    // A group named by its label (role="group", not a <fieldset>, so that the member's own fieldset
    // stays the only fieldset of a person in the form).
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      className={`regie-date-parts${shown ? ' utrecht-form-field--invalid' : ''}`}
      aria-describedby={[hint ? `${id}-hint` : '', shown ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
      onBlur={check}
    >
      <div className="utrecht-form-label regie-date-parts__label" id={`${id}-label`}>
        {label}
      </div>
      {hint && (
        <div className="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {shown && (
        <div className="utrecht-form-field-error-message" id={`${id}-err`}>
          {shown}
        </div>
      )}
      <div className="regie-date-parts__fields">
        {DATE_PARTS.map(([k, maxLength], i) => (
          <TextInput
            key={k}
            label={t(k)}
            field={i === 0 ? field : undefined}
            inputMode="numeric"
            maxLength={maxLength}
            autoComplete={`bday-${k}`}
            value={parts[k]}
            onChange={set(k)}
            aria-invalid={shown ? true : undefined}
          />
        ))}
      </div>
    </div>
  );
}

/** A BSN: at most 9 digits; on leaving the field, one message: 9 digits first, then the elfproef. */
export function BsnInput({ label, hint, error, field, value, onChange, ...rest }: ValueField) {
  const { t } = useI18n();
  const [own, setOwn] = useState<string | undefined>();
  return (
    <TextInput
      label={label}
      hint={hint ?? t('bsnHint')}
      field={field}
      error={error ?? own}
      inputMode="numeric"
      autoComplete="off"
      maxLength={9}
      pattern="[0-9]{9}"
      {...rest}
      value={value}
      onChange={(e) => {
        setOwn(undefined);
        onChange(e.target.value.replace(/\s/g, ''));
      }}
      onBlur={(e) => {
        const v = value.trim();
        setOwn(!v ? undefined : !/^\d{9}$/.test(v) ? t('bsnNineDigits') : !isValidBsn(v) ? t('bsnElfproef') : undefined);
        rest.onBlur?.(e);
      }}
    />
  );
}
