// The one pattern for an irreversible step (accepting a handover from another region, opening a
// case or handing over from triage, break the glass, closing a case): after the form is filled
// and its action pressed, a confirm step says in plain words what will happen and asks to
// confirm ("Terug" returns to the form, its input intact, focus on its action button); after
// success a focused result panel says what happened and what comes next, with links onward.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useLocalT } from '../i18n.js';
import { A } from '../router.js';

const TEXTS = {
  nl: {
    checkTitle: 'Controleer en bevestig',
    checkIntro: 'Als u bevestigt, gebeurt het volgende:',
    noUndo: 'U kunt dit daarna niet ongedaan maken.',
    back: 'Terug',
    nextTitle: 'Wat nu?',
  },
  en: {
    checkTitle: 'Check and confirm',
    checkIntro: 'When you confirm, the following happens:',
    noUndo: 'You cannot undo this afterwards.',
    back: 'Back',
    nextTitle: 'What next?',
  },
};

type Level = 2 | 3 | 4;
const headingId = (id: string, part: string) => `${part}-${id.replace(/:/g, '')}`;

/** Moves focus to the panel's heading (tabIndex -1) once, when the panel appears. */
function useFocusHeading() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-focus-heading]')?.focus();
  }, []);
  return ref;
}

/**
 * The state of a form's confirm step. Put `formRef` on the form and `hidden={step.open}` on it
 * (its fields stay mounted, so the input stays as typed); `back()` closes the step and returns
 * focus to the form's submit button; `close()` closes it without moving focus (after a refusal
 * the error summary takes focus; after success the result panel does).
 */
export function useConfirmStep() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    formRef.current?.querySelector<HTMLElement>('button[type="submit"]')?.focus();
  }, [open]);
  return {
    open,
    busy,
    formRef,
    ask: () => setOpen(true),
    back: () => {
      refocus.current = true;
      setOpen(false);
    },
    close: () => setOpen(false),
    /** Runs the step; closes the confirm step when it fails (the form shows why), or when `closeOnSuccess`. */
    run: async (send: () => Promise<boolean>, closeOnSuccess = false) => {
      setBusy(true);
      try {
        const ok = await send();
        if (!ok || closeOnSuccess) setOpen(false);
      } finally {
        setBusy(false);
      }
    },
  };
}
export type ConfirmStep = ReturnType<typeof useConfirmStep>;

/** "Controleer en bevestig": what will happen, line by line, with the confirm button and "Terug". */
export function ConfirmPanel({
  step,
  lines,
  confirmLabel,
  onConfirm,
  level = 3,
}: {
  step: ConfirmStep;
  lines: ReactNode[];
  confirmLabel: string;
  onConfirm: () => void;
  level?: Level;
}) {
  const t = useLocalT(TEXTS);
  const ref = useFocusHeading();
  const id = headingId(useId(), 'confirm');
  return (
    <section ref={ref} className="regie-confirm" aria-labelledby={id}>
      <Heading level={level} id={id} tabIndex={-1} data-focus-heading="" className="regie-confirm__title">
        {t('checkTitle')}
      </Heading>
      <Paragraph>{t('checkIntro')}</Paragraph>
      <ul className="utrecht-unordered-list">
        {lines.map((line, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            {line}
          </li>
        ))}
      </ul>
      <Paragraph>
        <strong>{t('noUndo')}</strong>
      </Paragraph>
      <div className="regie-actions">
        <Button appearance="primary-action-button" type="button" disabled={step.busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button appearance="secondary-action-button" type="button" disabled={step.busy} onClick={step.back}>
          {t('back')}
        </Button>
      </div>
    </section>
  );
}

export interface Outcome {
  title: string;
  /** What happened, one paragraph each. */
  happened: ReactNode[];
  /** What comes next, one paragraph each. */
  next?: ReactNode[];
  /** Where to go next. */
  links?: Array<{ href: string; label: string }>;
}

/** After success: a heading that takes focus, what happened, what comes next and the links onward. */
export function ResultPanel({ outcome, level = 2 }: { outcome: Outcome; level?: Level }) {
  const t = useLocalT(TEXTS);
  const ref = useFocusHeading();
  const id = headingId(useId(), 'result');
  return (
    <section ref={ref} className="regie-result" aria-labelledby={id}>
      <Heading level={level} id={id} tabIndex={-1} data-focus-heading="" className="regie-result__title">
        {outcome.title}
      </Heading>
      {outcome.happened.map((p, i) => (
        <Paragraph key={i}>{p}</Paragraph>
      ))}
      {outcome.next && outcome.next.length > 0 && (
        <>
          <Heading level={(level + 1) as Level}>{t('nextTitle')}</Heading>
          {outcome.next.map((p, i) => (
            <Paragraph key={i}>{p}</Paragraph>
          ))}
        </>
      )}
      {outcome.links && outcome.links.length > 0 && (
        <ul className="utrecht-unordered-list regie-result__links">
          {outcome.links.map((l) => (
            <li key={l.href} className="utrecht-unordered-list__item">
              <A href={l.href}>{l.label}</A>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
