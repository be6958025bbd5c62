import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useApi } from '../../data.js';
import { useSession } from '../../session.js';
import { DraftNotice, ProblemAlert, Select, SubmitRow, TextArea, TextInput, useDraft, useFormAction } from '../../ui/forms.js';
import { ConfirmStepForm } from '../../ui/confirm-form.js';
import { useProfessionals } from '../families/CaseSection.js';
import { professionalOptions } from '../families/CaseForms.js';
import { emptyPerson, PersonFields, personPayload, type PersonDraft } from '../families/MemberForms.js';
import { RadioGroup } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import type { SignalDetailData } from './drafts.js';
import { ReceivingProfessional } from '../handovers/ReceivingProfessional.js';
import { ConfirmPanel, useConfirmStep } from '../../ui/confirm.js';
import { useTriageConfirm, type TriageDone } from './TriageConfirm.js';
import { membersFromSignal } from './triage-members.js';
import { TargetSelect } from './TargetSelect.js';

type Assessment = NonNullable<SignalDetailData['triage']>['safetyAssessment'];
type Decision = 'advice' | 'open_case' | 'join_case' | 'handover' | 'close';
interface Draft {
  safetyAssessment: Assessment | '';
  safetyReasons: string;
  decision: Decision | '';
  note: string;
  closeReason: string;
  targetOrganisationId: string;
  coordinatorUserId: string;
  members?: PersonDraft[];
  targetUserId?: string;
}

/** The triage decision: safety with reasons, then what happens next. Only for the receiving organisation. */
export function TriageForm({ signal, onDone }: { signal: SignalDetailData; onDone: (msg: string, done?: TriageDone) => void }) {
  const t = useSignalT();
  const lbl = useSignalLabels();
  const me = useSession().session!.user;
  const coordinators = useProfessionals(true);
  const initial: Draft = {
    safetyAssessment: '',
    safetyReasons: '',
    decision: '',
    note: '',
    closeReason: '',
    targetOrganisationId: '',
    coordinatorUserId: '',
    members: membersFromSignal(signal),
  };
  // A signal about a family Regie does not know yet: "open a case" creates the family too.
  const newFamily = !signal.subject.familyId;
  const [d, setD, draft] = useDraft<Draft>(`${me.id}.triage.${signal.id}`, initial);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((p) => ({ ...p, [k]: v }));
  const { error, busy, run, errors, bind } = useFormAction(d, { set });
  // Only organisations with the task to take over a signal: the own region's first, then those of other regions (a family that moved).
  const receivers = useApi('/api/v1/handover-receivers', { query: { subjectType: 'signal' } }).data?.items ?? [];
  const target = receivers.find((o) => o.id === d.targetOrganisationId);
  const elsewhere = !!target && target.regionId !== me.regionId;
  const members = d.members ?? initial.members!; // drafts saved before this field existed
  const setMember = (i: number, m: PersonDraft) =>
    set(
      'members',
      members.map((x, j) => (j === i ? m : x)),
    );
  // Opening a case and handing over cannot be undone: once the form can succeed, a confirm step first.
  const step = useConfirmStep();
  const chosen = coordinators.find((p) => p.id === d.coordinatorUserId);
  const basics = !!d.safetyAssessment && d.safetyReasons.trim().length >= 3;
  const planned: TriageDone | null = !basics
    ? null
    : d.decision === 'open_case' && chosen
      ? { decision: 'open_case', coordinator: chosen.displayName, coordinatorIsMe: chosen.id === me.id, newFamily }
      : d.decision === 'handover' && target
        ? { decision: 'handover', org: target.name, region: elsewhere ? target.regionName : null }
        : null;
  const confirm = useTriageConfirm({ signal, assessment: d.safetyAssessment, members, newFamily, named: !!d.targetUserId, planned });

  const submit = () =>
    run(async () => {
      await post('/api/v1/signals/:signalId/triage', {
        params: { signalId: signal.id },
        body: {
          safetyAssessment: d.safetyAssessment || undefined,
          safetyReasons: d.safetyReasons,
          decision: d.decision || undefined,
          version: signal.version,
          ...(d.note.trim() ? { note: d.note.trim() } : {}),
          ...(d.decision === 'close' ? { closeReason: d.closeReason.trim() || undefined } : {}),
          ...(d.decision === 'handover'
            ? {
                targetOrganisationId: d.targetOrganisationId || undefined,
                targetRegionId: target?.regionId,
                targetUserId: (!elsewhere && d.targetUserId) || undefined,
              }
            : {}),
          ...(d.decision === 'open_case' ? { coordinatorUserId: d.coordinatorUserId || undefined } : {}),
          ...(d.decision === 'open_case' && newFamily ? { newFamily: { members: members.map((m) => personPayload(m)) } } : {}),
        },
      });
      draft.clear();
      onDone(t('decided'), planned ?? undefined);
    });

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
            options={professionalOptions(coordinators)}
          />
        )}
        {d.decision === 'open_case' && newFamily && (
          <fieldset className="utrecht-form-fieldset regie-fieldset">
            <legend className="utrecht-form-fieldset__legend">{t('newFamilyTitle')}</legend>
            <Paragraph>{t('newFamilyIntro')}</Paragraph>
            {errors.newFamily && (
              <Alert type="error">
                <Paragraph>{errors.newFamily}</Paragraph>
              </Alert>
            )}
            {members.map((m, i) => (
              <fieldset key={i} className="utrecht-form-fieldset regie-fieldset">
                <legend className="utrecht-form-fieldset__legend">{t('memberN', { n: i + 1 })}</legend>
                <PersonFields value={m} prefix={`newFamily.members[${i}].`} errors={errors} onChange={(p) => setMember(i, p)} />
                {members.length > 1 && (
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    aria-label={`${t('removeMember')}: ${t('memberN', { n: i + 1 })}`}
                    onClick={() =>
                      set(
                        'members',
                        members.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('removeMember')}
                  </button>
                )}
              </fieldset>
            ))}
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() =>
                set('members', [
                  ...members,
                  {
                    ...emptyPerson(''),
                    street: members[0]?.street ?? '',
                    houseNumber: members[0]?.houseNumber ?? '',
                    postcode: members[0]?.postcode ?? '',
                    city: members[0]?.city ?? '',
                  },
                ])
              }
            >
              {t('addMember')}
            </Button>
          </fieldset>
        )}
        {d.decision === 'join_case' && !signal.caseId && (
          <Paragraph id="caseId" className={errors.caseId ? 'regie-overdue' : undefined}>
            {errors.caseId ?? (signal.subject.familyId ? t('joinFamilyCase') : t('joinLinkFirst'))}
          </Paragraph>
        )}
        {d.decision === 'handover' && (
          <TargetSelect
            receivers={receivers.filter((o) => !(o.id === signal.receivingOrganisation.id && o.regionId === me.regionId))}
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
        {d.decision === 'handover' && elsewhere && (
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
