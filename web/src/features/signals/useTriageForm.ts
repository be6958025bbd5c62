// The triage form's state and submit: the draft, the organisations to hand over to, the decision
// that is confirmed first and the request that records it (triage-body.ts builds it).
import { post } from '../../api.js';
import { useApi } from '../../data.js';
import { useSession } from '../../session.js';
import { useDraft, useFormAction } from '../../ui/forms.js';
import { useConfirmStep } from '../../ui/confirm.js';
import { useProfessionals } from '../families/CaseSection.js';
import { useSignalT } from './texts.js';
import type { SignalDetailData } from './drafts.js';
import { useTriageConfirm, type TriageDone } from './TriageConfirm.js';
import { initialTriageDraft, plannedTriage, triageBody, type TriageDraft } from './triage-body.js';

export function useTriageForm(signal: SignalDetailData, onDone: (msg: string, done?: TriageDone) => void) {
  const t = useSignalT();
  const me = useSession().session!.user;
  const coordinators = useProfessionals(true);
  const initial = initialTriageDraft(signal);
  // A signal about a family Regie does not know yet: "open a case" creates the family too.
  const newFamily = !signal.subject.familyId;
  const [d, setD, draft] = useDraft<TriageDraft>(`${me.id}.triage.${signal.id}`, initial);
  const set = <K extends keyof TriageDraft>(k: K, v: TriageDraft[K]) => setD((p) => ({ ...p, [k]: v }));
  const action = useFormAction(d, { set });
  // Only organisations with the task to take over a signal: the own region's first, then those of other regions (a family that moved).
  const receivers = useApi('/api/v1/handover-receivers', { query: { subjectType: 'signal' } }).data?.items ?? [];
  const target = receivers.find((o) => o.id === d.targetOrganisationId);
  const elsewhere = !!target && target.regionId !== me.regionId;
  const members = d.members ?? initial.members!; // drafts saved before this field existed
  const context = { signal, newFamily, members, target, elsewhere };
  // Opening a case and handing over cannot be undone: once the form can succeed, a confirm step first.
  const step = useConfirmStep();
  const coordinator = coordinators.find((p) => p.id === d.coordinatorUserId);
  const planned = plannedTriage(d, context, coordinator, me.id);
  const confirm = useTriageConfirm({ signal, assessment: d.safetyAssessment, members, newFamily, named: !!d.targetUserId, planned });

  const submit = () =>
    action.run(async () => {
      await post('/api/v1/signals/:signalId/triage', { params: { signalId: signal.id }, body: triageBody(d, context) });
      draft.clear();
      onDone(t('decided'), planned ?? undefined);
    });

  return {
    ...action,
    d,
    set,
    setD,
    draft,
    me,
    coordinators,
    newFamily,
    members,
    // The own organisation in the own region is no target.
    targets: receivers.filter((o) => !(o.id === signal.receivingOrganisation.id && o.regionId === me.regionId)),
    target,
    elsewhere,
    step,
    confirm,
    submit,
  };
}
