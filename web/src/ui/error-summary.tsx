// The error summary at the top of a form (ErrorSummary, ProblemAlert): takes focus after a failed
// submit and links each plain sentence to its field. With the field errors from a refusal
// (fieldErrors) and the form's own check as a refusal (formError), so both take the same way.
import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Heading } from '@rijkshuisstijl-community/components-react';
import { ApiError, type Problem } from '../api.js';
import { problemText, useI18n } from '../i18n.js';
import { messagesByField, problemMessages, summaryLines, type FieldMessage } from './form-errors.js';
import { useId, useIdOf } from './form-fields.js';
import { TEXTS, useFormT } from './form-texts.js';

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
