// The case's own forms: transferring coordination, changing the phase, and opening a case.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { CaseStatus } from '@contract/shared/primitives.js';
import { LEGAL_BASES } from '@contract/shared/enums.js';
import { useI18n } from '../../i18n.js';
import { FieldScope, fieldBinder, fieldErrors, FoldedForm, ProblemAlert, Select, TextInput, useFormAction } from '../../ui/forms.js';
import { ConfirmStepForm } from '../../ui/confirm-form.js';
import { useProfessionals } from './professionals.js';
import { ConfirmPanel, useConfirmStep } from '../../ui/confirm.js';
import { useCloseLines } from './CloseCase.js';

const PHASES = CaseStatus.options;

/** The professionals to choose from, by name and organisation (coordinator, team member, transfer). */
export const professionalOptions = (pros: Array<{ id: string; displayName: string; organisationName: string }>) =>
  pros.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }));

/** The legal bases to choose from, but the current one. */
export const legalBasisOptions = (label: (v: string) => string, except?: string) =>
  LEGAL_BASES.filter((b) => b !== except).map((b) => ({ value: b, label: label(b) }));

export function TransferForm({
  currentUserId,
  onSubmit,
  error,
}: {
  currentUserId?: string;
  onSubmit: (to: string, reason: string) => void;
  error: unknown;
}) {
  const { t, lang } = useI18n();
  const pros = useProfessionals(true).filter((p) => p.id !== currentUserId);
  const [v, setV] = useState({ toUserId: '', reason: '' });
  const bind = fieldBinder(v, setV, fieldErrors(error, lang));
  return (
    <FoldedForm summary={t('transfer')} scope="transfer" submitLabel={t('transfer')} onSubmit={() => onSubmit(v.toUserId, v.reason)}>
      <div className="regie-grid">
        <Select label={t('transferTo')} hint={t('coordinatorHint')} {...bind('toUserId')} options={professionalOptions(pros)} />
        <TextInput label={t('transferReason')} {...bind('reason')} />
      </div>
    </FoldedForm>
  );
}

/**
 * The phase change. Closing cannot be undone (a closed case only moves on to monitoring): with a
 * reason given, a confirm step first; other phase changes are saved at once. `onSubmit` answers
 * whether it succeeded.
 */
export function PhaseForm({
  status,
  family,
  onSubmit,
  error,
}: {
  status: string;
  family: string;
  onSubmit: (status: string, reason: string) => Promise<boolean>;
  error: unknown;
}) {
  const { t, label, lang } = useI18n();
  const empty = { status: '', closedReason: '' };
  const [v, setV] = useState(empty);
  const bind = fieldBinder(v, setV, fieldErrors(error, lang));
  const step = useConfirmStep();
  const confirm = useCloseLines(family, v.closedReason);
  const save = async () => {
    const ok = await onSubmit(v.status, v.closedReason);
    if (ok) setV(empty);
    return ok;
  };
  return (
    <details className="regie-disclosure">
      <summary>{t('changePhase')}</summary>
      <FieldScope name="phase">
        <ConfirmStepForm step={step} confirm={v.status === 'closed' && v.closedReason.trim().length >= 3} onSend={save}>
          <div className="regie-grid">
            <Select
              label={t('newPhase')}
              {...bind('status')}
              options={PHASES.filter((p) => p !== status).map((p) => ({ value: p, label: label(p) }))}
            />
            {v.status === 'closed' && <TextInput label={t('closedReason')} {...bind('closedReason')} />}
          </div>
          <Button appearance="primary-action-button" type="submit">
            {t('save')}
          </Button>
        </ConfirmStepForm>
      </FieldScope>
      {step.open && (
        <ConfirmPanel step={step} lines={confirm.lines} confirmLabel={confirm.confirmLabel} onConfirm={() => void step.run(save, true)} />
      )}
    </details>
  );
}

export function OpenCaseForm({ familyId, onDone }: { familyId: string; onDone: (msg: string) => void }) {
  const { t, label } = useI18n();
  const pros = useProfessionals(true);
  const [v, setV] = useState({ coordinatorUserId: '', legalBasis: '' });
  const { error, run, bind } = useFormAction(v, setV);
  const submit = () =>
    run(async () => {
      await post('/api/v1/families/:familyId/cases', { params: { familyId }, body: v });
      onDone(t('saved'));
    });
  return (
    <FoldedForm
      summary={t('openCase')}
      scope="open-case"
      submitLabel={t('openCase')}
      onSubmit={submit}
      top={<ProblemAlert error={error} />}
    >
      <div className="regie-grid">
        <Select label={t('coordinator')} hint={t('coordinatorHint')} {...bind('coordinatorUserId')} options={professionalOptions(pros)} />
        <Select label={t('legalBasis')} {...bind('legalBasis')} options={legalBasisOptions(label)} />
      </div>
    </FoldedForm>
  );
}
