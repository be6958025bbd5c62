import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DraftNotice, ProblemAlert, Select, SubmitRow, TextArea, TextInput } from '../../ui/forms.js';
import { ConfirmStepForm } from '../../ui/confirm-form.js';
import { ConfirmPanel } from '../../ui/confirm.js';
import { professionalOptions } from '../families/CaseForms.js';
import { ReceivingProfessional } from '../handovers/ReceivingProfessional.js';
import { RadioGroup } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import type { SignalDetailData } from './drafts.js';
import type { TriageDone } from './TriageConfirm.js';
import { TargetSelect } from './TargetSelect.js';
import { NewFamilyFields } from './NewFamilyFields.js';
import { useTriageForm } from './useTriageForm.js';

/** The triage decision: safety with reasons, then what happens next. Only for the receiving organisation. */
export function TriageForm({ signal, onDone }: { signal: SignalDetailData; onDone: (msg: string, done?: TriageDone) => void }) {
  const t = useSignalT();
  const lbl = useSignalLabels();
  const { d, set, setD, draft, error, busy, errors, bind, me, target, elsewhere, step, confirm, submit, ...f } = useTriageForm(
    signal,
    onDone,
  );

  return (
    <section aria-labelledby="triage-form-title" className="regie-section">
      <Heading level={2} id="triage-form-title">
        {t('triageTitle')}
      </Heading>
      <DraftNotice draft={draft} />
      <ProblemAlert error={error} />
      <ConfirmStepForm step={step} confirm={!!confirm} onSend={submit}>
        <RadioGroup
          name="safetyAssessment"
          legend={t('assessment')}
          {...bind.value('safetyAssessment')}
          options={(['unsafe', 'concerns', 'safe'] as const).map((v) => ({ value: v, label: lbl('assessment', v) }))}
        />
        <TextArea label={t('reasons')} {...bind('safetyReasons')} />
        <RadioGroup
          name="decision"
          legend={t('decision')}
          {...bind.value('decision')}
          options={(['advice', 'open_case', 'join_case', 'handover', 'close'] as const).map((v) => ({
            value: v,
            label: lbl('decision', v),
          }))}
        />
        {d.decision === 'open_case' && (
          <Select
            label={t('coordinator')}
            hint={t('coordinatorHint')}
            {...bind('coordinatorUserId')}
            options={professionalOptions(f.coordinators)}
          />
        )}
        {d.decision === 'open_case' && f.newFamily && (
          <NewFamilyFields members={f.members} onChange={(members) => set('members', members)} errors={errors} />
        )}
        {d.decision === 'join_case' && !signal.caseId && (
          <Paragraph id="caseId" className={errors.caseId ? 'regie-overdue' : undefined}>
            {errors.caseId ?? (signal.subject.familyId ? t('joinFamilyCase') : t('joinLinkFirst'))}
          </Paragraph>
        )}
        {d.decision === 'handover' && (
          <TargetSelect
            receivers={f.targets}
            ownRegionId={me.regionId}
            value={d.targetOrganisationId}
            error={errors.targetOrganisationId ?? errors.targetRegionId}
            onChange={(v) => setD((p) => ({ ...p, targetOrganisationId: v, targetUserId: '' }))}
          />
        )}
        {d.decision === 'handover' && target && !elsewhere && (
          <ReceivingProfessional
            name="targetUserId"
            organisationId={target.id}
            value={d.targetUserId ?? ''}
            onChange={(v) => set('targetUserId', v)}
            field="targetUserId"
            error={errors.targetUserId}
          />
        )}
        {d.decision === 'handover' && elsewhere && target && (
          <Alert type="info">
            <Paragraph>{t('targetElsewhere', { org: target.name, region: target.regionName })}</Paragraph>
          </Alert>
        )}
        {d.decision === 'close' && <TextInput label={t('closeReason')} {...bind('closeReason')} />}
        <TextArea label={`${t('note')} ${t('optional')}`} {...bind('note')} />
        <SubmitRow label={t('decide')} busy={busy} />
      </ConfirmStepForm>
      {step.open && confirm && (
        <ConfirmPanel step={step} lines={confirm.lines} confirmLabel={confirm.confirmLabel} onConfirm={() => void step.run(submit)} />
      )}
    </section>
  );
}
