// The case's own forms: transferring coordination, changing the phase, and opening a case.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { CaseStatus } from '@contract/shared/primitives.js';
import { LEGAL_BASES } from '@contract/shared/enums.js';
import { useI18n } from '../../i18n.js';
import { FieldScope, fieldErrors, ProblemAlert, Select, TextInput } from '../../ui/forms.js';
import { useProfessionals } from './professionals.js';
import { ConfirmPanel, useConfirmStep } from '../../ui/confirm.js';
import { useCloseLines } from './CloseCase.js';

const PHASES = CaseStatus.options;
const BASES = LEGAL_BASES;

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
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure">
      <summary>{t('transfer')}</summary>
      <FieldScope name="transfer">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(to, reason);
          }}
          noValidate
        >
          <div className="regie-grid">
            <Select
              label={t('transferTo')}
              hint={t('coordinatorHint')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              field="toUserId"
              error={errors.toUserId}
              options={pros.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }))}
            />
            <TextInput
              label={t('transferReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              field="reason"
              error={errors.reason}
            />
          </div>
          <Button appearance="primary-action-button" type="submit">
            {t('transfer')}
          </Button>
        </form>
      </FieldScope>
    </details>
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
  const [next, setNext] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(error, lang);
  const step = useConfirmStep();
  const confirm = useCloseLines(family, reason);
  const save = async () => {
    const ok = await onSubmit(next, reason);
    if (ok) {
      setNext('');
      setReason('');
    }
    return ok;
  };
  return (
    <details className="regie-disclosure">
      <summary>{t('changePhase')}</summary>
      <FieldScope name="phase">
        <form
          ref={step.formRef}
          hidden={step.open}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (next === 'closed' && reason.trim().length >= 3) step.ask();
            else void save();
          }}
        >
          <div className="regie-grid">
            <Select
              label={t('newPhase')}
              value={next}
              onChange={(e) => setNext(e.target.value)}
              field="status"
              error={errors.status}
              options={PHASES.filter((p) => p !== status).map((p) => ({ value: p, label: label(p) }))}
            />
            {next === 'closed' && (
              <TextInput
                label={t('closedReason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                field="closedReason"
                error={errors.closedReason}
              />
            )}
          </div>
          <Button appearance="primary-action-button" type="submit">
            {t('save')}
          </Button>
        </form>
      </FieldScope>
      {step.open && (
        <ConfirmPanel step={step} lines={confirm.lines} confirmLabel={confirm.confirmLabel} onConfirm={() => void step.run(save, true)} />
      )}
    </details>
  );
}

export function OpenCaseForm({ familyId, onDone }: { familyId: string; onDone: (msg: string) => void }) {
  const { t, label, lang } = useI18n();
  const pros = useProfessionals(true);
  const [coordinatorUserId, setCoordinator] = useState('');
  const [legalBasis, setBasis] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure">
      <summary>{t('openCase')}</summary>
      <FieldScope name="open-case">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            post('/api/v1/families/:familyId/cases', { params: { familyId }, body: { coordinatorUserId, legalBasis } }).then(
              () => onDone(t('saved')),
              setError,
            );
          }}
          noValidate
        >
          <ProblemAlert error={error} />
          <div className="regie-grid">
            <Select
              label={t('coordinator')}
              hint={t('coordinatorHint')}
              value={coordinatorUserId}
              onChange={(e) => setCoordinator(e.target.value)}
              field="coordinatorUserId"
              error={errors.coordinatorUserId}
              options={pros.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }))}
            />
            <Select
              label={t('legalBasis')}
              value={legalBasis}
              onChange={(e) => setBasis(e.target.value)}
              field="legalBasis"
              error={errors.legalBasis}
              options={BASES.map((b) => ({ value: b, label: label(b) }))}
            />
          </div>
          <Button appearance="primary-action-button" type="submit">
            {t('openCase')}
          </Button>
        </form>
      </FieldScope>
    </details>
  );
}
