// A form's submit and its busy and refusal state: useAction, and useFormAction, which adds the
// refusal's field errors and a fieldBinder on the form's state.
import { useState } from 'react';
import { useI18n } from '../i18n.js';
import { fieldErrors } from './error-summary.js';
import { fieldBinder, type FieldWriter } from './field-binder.js';

/** What a form does besides keeping the refusal: `onError` after it is kept (scroll to it, fetch a fresh token). */
export interface ActionOptions {
  onError?: (error: unknown) => void;
}

/**
 * A form's submit (or another action) with its refusal and busy state: `run(work)` clears the
 * previous refusal, marks busy, and keeps what `work` throws as `error` (for ProblemAlert and
 * fieldErrors; the form's own check throws `formError(...)`); busy ends either way. `run` answers
 * whether the work succeeded (a confirm step closes on it).
 */
export function useAction({ onError }: ActionOptions = {}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      onError?.(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/**
 * A form's submit and its fields in one: `useAction` with the refusal's field errors and a
 * `fieldBinder` on the form's state, so a field reads `<TextInput label={t('street')} {...bind('street')} />`.
 */
export function useFormAction<T extends object>(value: T, onChange: FieldWriter<T>, options: ActionOptions = {}) {
  const { lang } = useI18n();
  const action = useAction(options);
  const errors = fieldErrors(action.error, lang);
  return { ...action, errors, bind: fieldBinder(value, onChange, errors) };
}
