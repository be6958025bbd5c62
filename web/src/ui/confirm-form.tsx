// A form with a confirm step (ui/confirm.tsx): what cannot be undone is checked and confirmed first.
import type { ReactNode } from 'react';
import type { ConfirmStep } from './confirm.js';
import { SubmitForm } from './forms.js';

/**
 * The form behind a confirm step: hidden while the step is open (its input stays as typed).
 * Submitting asks for confirmation when `confirm` holds (the request can succeed); otherwise it
 * sends at once, and the refusal names what is missing.
 */
export function ConfirmStepForm({
  step,
  confirm,
  onSend,
  children,
}: {
  step: ConfirmStep;
  confirm: boolean;
  onSend: () => unknown;
  children: ReactNode;
}) {
  return (
    <SubmitForm ref={step.formRef} hidden={step.open} onSubmit={() => (confirm ? step.ask() : onSend())}>
      {children}
    </SubmitForm>
  );
}
