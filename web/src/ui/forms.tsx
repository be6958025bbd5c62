// The one form pattern (GOV.UK / NL Design System): fields built on the design system's form-field
// components, an error summary at the top of the form that takes focus after a failed submit and
// links each plain sentence to its field, and the same sentence at the field (not announced on
// its own: the summary is the one announcement). Server refusals and the form's own checks take
// the same way (form-errors.ts maps them). Every screen imports the form parts from here: this
// file holds the forms and their buttons (SubmitForm, DisclosureForm, FoldedForm, SubmitRow,
// SaveOrCancel, DraftNotice) and re-exports the rest: the fields (form-fields.tsx), the error
// summary (error-summary.tsx), the submit hooks (form-actions.ts), the drafts (drafts.ts) and the
// field binder (field-binder.ts).
import { forwardRef, type ReactNode, type FormHTMLAttributes } from 'react';
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../i18n.js';
import { ProblemAlert } from './error-summary.js';
import { FieldScope } from './form-fields.js';
import { useFormT } from './form-texts.js';

export { fieldId, check, type FieldMessage } from './form-errors.js';
export { clearAllDrafts, useDraft, type DraftMeta } from './drafts.js';
import type { DraftMeta } from './drafts.js';
export { fieldBinder, type BoundField, type BoundValueField, type FieldBinder, type FieldWriter, type TextKey } from './field-binder.js';
export { Field, FieldScope, FieldsetError, Select, TextArea, TextInput, useFieldId } from './form-fields.js';
export { ErrorSummary, ProblemAlert, fieldErrors, formError } from './error-summary.js';
export { useAction, useFormAction, type ActionOptions } from './form-actions.js';

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
