// Form building blocks on NL Design System (Utrecht) classes, with errors tied to fields.
import { useEffect, useRef, useState, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError, type Problem } from '../api.js';
import { problemText, useI18n } from '../i18n.js';

let idCounter = 0;
const useId = (prefix: string) => useRef(`${prefix}-${++idCounter}`).current;

interface FieldProps { label: string; hint?: string; error?: string; children: (id: string, describedBy?: string) => ReactNode }
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId('f');
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={id}>{label}</label></div>
      {hint && <div className="utrecht-form-field-description" id={`${id}-hint`}>{hint}</div>}
      {error && <div className="utrecht-form-field-error-message" id={`${id}-err`} role="alert">{error}</div>}
      <div className="utrecht-form-field__input">{children(id, describedBy)}</div>
    </div>
  );
}

export function TextInput({ label, hint, error, ...rest }: { label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} hint={hint} error={error}>{(id, d) => (
    <input id={id} aria-describedby={d} aria-invalid={error ? true : undefined} className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`} {...rest} />
  )}</Field>;
}

export function TextArea({ label, hint, error, ...rest }: { label: string; hint?: string; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} hint={hint} error={error}>{(id, d) => (
    <textarea id={id} aria-describedby={d} aria-invalid={error ? true : undefined} className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} {...rest} />
  )}</Field>;
}

export function Select({ label, hint, error, options, ...rest }: { label: string; hint?: string; error?: string; options: Array<{ value: string; label: string }> } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useI18n();
  return <Field label={label} hint={hint} error={error}>{(id, d) => (
    <select id={id} aria-describedby={d} aria-invalid={error ? true : undefined} className="utrecht-select utrecht-select--html-select" {...rest}>
      <option value="">{t('choose')}</option>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  )}</Field>;
}

/** Field errors from a problem+json answer, keyed by field path. */
export function fieldErrors(err: unknown, lang: 'nl' | 'en'): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const p = err.problem;
  const out: Record<string, string> = {};
  for (const e of p.errors ?? []) out[e.field] = lang === 'en' ? e.detailEn : e.detail;
  if (p.field && !out[p.field]) out[p.field] = problemText(lang, p);
  return out;
}

export function ProblemAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { lang, t } = useI18n();
  if (!error) return null;
  const p: Problem = error instanceof ApiError ? error.problem : { status: 0, title: 'Fout', detail: String(error) };
  return (
    <Alert type="error" role="alert">
      <Paragraph><strong>{lang === 'en' && p.titleEn ? p.titleEn : p.title}</strong>: {problemText(lang, p)}</Paragraph>
      {p.errors && p.errors.length > 1 && (<><Paragraph>{t('errorsTitle')}:</Paragraph>
        <ul className="utrecht-unordered-list">{p.errors.map((e) => <li key={e.field} className="utrecht-unordered-list__item">{e.field}: {lang === 'en' ? e.detailEn : e.detail}</li>)}</ul></>)}
      {children}
    </Alert>
  );
}

/**
 * A form's state saved as the user types (per user, in this browser), so a session timeout,
 * a reload or a lost connection never loses work. Cleared after a successful submit.
 */
export function useDraft<T>(key: string, initial: T): [T, (v: T | ((prev: T) => T)) => void, { restored: boolean; clear: () => void; savedAt: number | null }] {
  const storageKey = `regie.draft.${key}`;
  const [state, setState] = useState<T>(() => {
    try { const raw = localStorage.getItem(storageKey); if (raw) return JSON.parse(raw).value as T; } catch { /* ignore */ }
    return initial;
  });
  const [restored] = useState(() => localStorage.getItem(storageKey) !== null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    const h = setTimeout(() => { localStorage.setItem(storageKey, JSON.stringify({ value: state, at: Date.now() })); setSavedAt(Date.now()); }, 400);
    return () => clearTimeout(h);
  }, [state, storageKey]);
  const clear = () => { localStorage.removeItem(storageKey); setSavedAt(null); };
  return [state, setState, { restored, clear, savedAt }];
}

export function clearAllDrafts() {
  for (const k of Object.keys(localStorage)) if (k.startsWith('regie.draft.')) localStorage.removeItem(k);
}
