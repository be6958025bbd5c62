// Form building blocks on NL Design System (Utrecht) classes, with errors tied to fields.
import { useEffect, useRef, useState, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError, currentCsrf, sessionEvents, type Problem } from '../api.js';
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
  const p: Problem = error instanceof ApiError ? error.problem : { type: 'about:blank', code: 'client_error', status: 0, title: 'Fout', titleEn: 'Error', detail: String(error), detailEn: String(error) };
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
 * Drafts hold personal data (names, BSNs, concerns), so they live only as long as the session
 * that wrote them, on this device (ADR 0009): in sessionStorage (gone with the tab), bound to the
 * session's identity (a draft of an ended session is never restored, even after logging in again)
 * and wiped at logout and as soon as the app learns the session expired.
 */
const DRAFT_PREFIX = 'regie.draft.';
const draftStore = (): Storage | null => { try { return window.sessionStorage; } catch { return null; } };

/** A short fingerprint of the session (never the CSRF token itself) that a draft is bound to. */
function sessionFingerprint(): string {
  const token = currentCsrf();
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) { h ^= token.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(36);
}

interface StoredDraft<T> { value: T; at: number; session: string }

function readDraft<T>(storageKey: string): StoredDraft<T> | null {
  const store = draftStore();
  try {
    const raw = store?.getItem(storageKey);
    if (!raw) return null;
    const d = JSON.parse(raw) as StoredDraft<T>;
    if (d.session === sessionFingerprint()) return d;
    store?.removeItem(storageKey); // written in another session: never restored
  } catch { store?.removeItem(storageKey); }
  return null;
}

/**
 * A form's state saved as the user types, so a reload or a lost connection never loses work.
 * `key` names what the draft is for (e.g. `<user>.handover.<case>`), so input typed for one family
 * never appears in another's form. Cleared after a successful submit.
 */
export function useDraft<T>(key: string, initial: T): [T, (v: T | ((prev: T) => T)) => void, { restored: boolean; restoredAt: number | null; clear: () => void; savedAt: number | null }] {
  const storageKey = `${DRAFT_PREFIX}${key}`;
  const [stored] = useState(() => readDraft<T>(storageKey));
  const [state, setState] = useState<T>(() => stored ? stored.value : initial);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    const h = setTimeout(() => {
      draftStore()?.setItem(storageKey, JSON.stringify({ value: state, at: Date.now(), session: sessionFingerprint() } satisfies StoredDraft<T>));
      setSavedAt(Date.now());
    }, 400);
    return () => clearTimeout(h);
  }, [state, storageKey]);
  const clear = () => { draftStore()?.removeItem(storageKey); setSavedAt(null); };
  return [state, setState, { restored: stored !== null, restoredAt: stored?.at ?? null, clear, savedAt }];
}

export function clearAllDrafts() {
  for (const store of [draftStore(), (() => { try { return window.localStorage; } catch { return null; } })()]) {
    if (!store) continue;
    // Also drafts that older versions kept in localStorage.
    for (const k of Object.keys(store)) if (k.startsWith(DRAFT_PREFIX)) store.removeItem(k);
  }
}
// The session is over (idle timeout, logout elsewhere, account deactivated): its drafts go with it.
// The form on screen keeps what was typed, so logging in again continues the work.
sessionEvents.addEventListener('expired', clearAllDrafts);
