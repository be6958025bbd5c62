// The one form pattern (GOV.UK / NL Design System): fields built on the design system's form-field
// components, an error summary at the top of the form that takes focus after a failed submit and
// links each plain sentence to its field, and the same sentence at the field (not announced on
// its own: the summary is the one announcement). Server refusals and the form's own checks take
// the same way (form-errors.ts maps them).
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import {
  Alert,
  Button,
  FormField,
  FormFieldErrorMessage,
  Heading,
  Paragraph,
  SelectOption,
  Textarea as DsTextarea,
  TextInput as DsTextInput,
} from '@rijkshuisstijl-community/components-react';
import { ApiError, type Problem } from '../api.js';
import { problemText, useI18n } from '../i18n.js';
import { fieldId, messagesByField, problemMessages, summaryLines, type FieldMessage } from './form-errors.js';

import { fieldBinder, type FieldWriter } from './field-binder.js';

export { fieldId, check, type FieldMessage } from './form-errors.js';
export { clearAllDrafts, useDraft, type DraftMeta } from './drafts.js';
import type { DraftMeta } from './drafts.js';
export { fieldBinder, type BoundField, type BoundValueField, type FieldBinder, type FieldWriter, type TextKey } from './field-binder.js';

let idCounter = 0;
const useId = (prefix: string) => useRef(`${prefix}-${++idCounter}`).current;

const nl = {
  summaryTitle: 'Er ging iets mis',
  draftRestored: 'Concept van {at} teruggezet.',
  draftRestoredFor: 'Concept voor {about} van {at} teruggezet.',
  discardDraft: 'Concept weggooien',
  invalidTitle: 'Ongeldige invoer',
};
const en: Record<keyof typeof nl, string> = {
  summaryTitle: 'There is a problem',
  draftRestored: 'Draft from {at} restored.',
  draftRestoredFor: 'Draft for {about} from {at} restored.',
  discardDraft: 'Discard draft',
  invalidTitle: 'Invalid input',
};
const TEXTS = { nl, en };
function useFormT() {
  const { lang } = useI18n();
  return (k: keyof typeof TEXTS.nl, vars: Record<string, string> = {}) =>
    Object.entries(vars).reduce((s, [key, v]) => s.replaceAll(`{${key}}`, v), TEXTS[lang === 'en' ? 'en' : 'nl'][k]);
}

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
function useIdOf() {
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

/**
 * A form that submits through `onSubmit` (not the browser's page load) and leaves the checks to
 * the form's own and the server's (no browser validation): the pattern of every form here.
 */
export const SubmitForm = forwardRef<
  HTMLFormElement,
  { onSubmit: () => unknown; children: ReactNode } & Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'>
>(function SubmitForm({ onSubmit, children, ...rest }, ref) {
  return (
    <form
      {...rest}
      ref={ref}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      {children}
    </form>
  );
});

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

/** An error message inside a fieldset (checkbox lists, radio groups), as at a single field. */
export function FieldsetError({ id, children }: { id?: string; children: ReactNode }) {
  return <FormFieldErrorMessage id={id}>{children}</FormFieldErrorMessage>;
}

/** The form's own check as a refusal, so it takes the same way as the server's (summary, field). */
export function formError(messages: FieldMessage[]): ApiError {
  const first = messages[0];
  return new ApiError({
    type: 'about:blank',
    code: 'validation',
    status: 400,
    title: TEXTS.nl.invalidTitle,
    titleEn: TEXTS.en.invalidTitle,
    detail: first?.nl ?? '',
    detailEn: first?.en ?? '',
    ...(first ? { field: first.field } : {}),
    errors: messages.map((m) => ({ field: m.field, detail: m.nl, detailEn: m.en })),
  });
}

/** Field errors from a refusal, keyed by field path: one message per field, also at the field it falls back to. */
export function fieldErrors(err: unknown, lang: 'nl' | 'en'): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return messagesByField(problemMessages(err.problem), lang);
}

const focusField = (id: string) => {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
};

/**
 * Takes focus when a new refusal arrives — a wrong password too — but not for "not found" pages or
 * an ended session (the re-login dialog takes focus then).
 */
function useFocusOn(error: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error) return;
    const p = error instanceof ApiError ? error.problem : null;
    if (p?.status === 404 || (p?.status === 401 && p.code !== 'wrong_credentials')) return;
    ref.current?.focus();
  }, [error]);
  return ref;
}

/**
 * The error summary: heading "Er ging iets mis", then per field one plain sentence that links to
 * (and on activation focuses) the field. Findings about fields the form does not show stay as text.
 */
export function ErrorSummary({ error, children }: { error: unknown; children?: ReactNode }) {
  const { lang } = useI18n();
  const ft = useFormT();
  const ref = useFocusOn(error);
  const idOf = useIdOf();
  const headingId = useId('summary');
  const p = error instanceof ApiError ? error.problem : null;
  const messages = problemMessages(p);
  if (!error) return null;
  const shown = (f: string) => !!document.getElementById(idOf(f));
  const order = Array.from(document.querySelectorAll('[id^="fld-"]'), (el) => el.id);
  const lines = messages.length ? summaryLines(messages, lang, shown, order, idOf) : [{ text: p ? problemText(lang, p) : String(error) }];
  return (
    <div className="regie-error-summary" tabIndex={-1} ref={ref} aria-labelledby={headingId}>
      <Alert type="error">
        <Heading level={2} id={headingId}>
          {p && !messages.length && p.status !== 400 ? (lang === 'en' && p.titleEn ? p.titleEn : p.title) : ft('summaryTitle')}
        </Heading>
        <ul className="utrecht-unordered-list regie-error-summary__list">
          {lines.map((l, i) => (
            <li key={l.id ?? `line-${i}`} className="utrecht-unordered-list__item">
              {l.id ? (
                <a
                  className="utrecht-link"
                  href={`#${l.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(l.id!);
                  }}
                >
                  {l.text}
                </a>
              ) : (
                l.text
              )}
            </li>
          ))}
        </ul>
        {children}
      </Alert>
    </div>
  );
}

/** A refusal shown at the top of a form or page: the error summary (kept under its old name). */
export function ProblemAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    const p: Problem = {
      type: 'about:blank',
      code: 'client_error',
      status: 0,
      title: 'Fout',
      titleEn: 'Error',
      detail: String(error),
      detailEn: String(error),
    };
    return <ErrorSummary error={new ApiError(p)}>{children}</ErrorSummary>;
  }
  return <ErrorSummary error={error}>{children}</ErrorSummary>;
}

/**
 * A small form folded behind its summary line (the design's disclosure), with the error summary
 * on top and no browser validation: the pattern of the forms inside a page (answers, actions, progress).
 */
export function DisclosureForm({
  summary,
  error,
  onSubmit,
  children,
}: {
  summary: ReactNode;
  error: unknown;
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  return (
    <details className="regie-disclosure">
      <summary>{summary}</summary>
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={onSubmit}>{children}</SubmitForm>
    </details>
  );
}

/**
 * A form folded behind its summary line, in its own field scope: `top` (an error summary, a draft
 * notice) above the fields, the submit button under them. `open` and `onToggle` where the page
 * opens it itself (a restored draft).
 */
export function FoldedForm({
  summary,
  scope,
  submitLabel,
  onSubmit,
  top,
  open,
  onToggle,
  children,
}: {
  summary: ReactNode;
  scope: string;
  submitLabel: string;
  onSubmit: () => unknown;
  top?: ReactNode;
  open?: boolean;
  onToggle?: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <details className="regie-disclosure" open={open} onToggle={onToggle && ((e) => onToggle((e.target as HTMLDetailsElement).open))}>
      <summary>{summary}</summary>
      <FieldScope name={scope}>
        <SubmitForm onSubmit={onSubmit}>
          {top}
          {children}
          <Button appearance="primary-action-button" type="submit">
            {submitLabel}
          </Button>
        </SubmitForm>
      </FieldScope>
    </details>
  );
}

/** A form's submit button (off while busy), with what goes beside it (cancel, "draft saved"). */
export function SubmitRow({ label, busy, children }: { label: string; busy?: boolean; children?: ReactNode }) {
  return (
    <div className="regie-actions">
      <Button appearance="primary-action-button" type="submit" disabled={busy}>
        {label}
      </Button>
      {children}
    </div>
  );
}

/** An edit form's buttons: submit, and "Annuleren", which leaves the form and throws its draft away. */
export function SaveOrCancel({
  submitLabel,
  busy,
  draft,
  onCancel,
}: {
  submitLabel?: string;
  busy?: boolean;
  draft?: DraftMeta;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <SubmitRow label={submitLabel ?? t('save')} busy={busy}>
      <Button
        appearance="subtle-button"
        onClick={() => {
          draft?.clear();
          onCancel();
        }}
      >
        {t('cancel')}
      </Button>
    </SubmitRow>
  );
}

/** Says that a draft was restored, whose it is for and when it was saved, with the way to throw it away. */
export function DraftNotice({ draft, about }: { draft: DraftMeta; about?: string }) {
  const ft = useFormT();
  const { lang } = useI18n();
  if (!draft.restored || draft.restoredAt === null) return null;
  const at = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(draft.restoredAt));
  return (
    <Alert type="info">
      <Paragraph className="regie-draft-notice">
        {about ? ft('draftRestoredFor', { about, at }) : ft('draftRestored', { at })}{' '}
        <Button appearance="subtle-button" onClick={draft.discard}>
          {ft('discardDraft')}
        </Button>
      </Paragraph>
    </Alert>
  );
}
