import { useEffect, useState } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { get, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { fieldErrors, ProblemAlert, Select, TextArea, TextInput, useDraft } from '../../ui/forms.js';
import { useProfessionals } from '../families/CaseSection.js';
import { RadioGroup } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import type { Organisation, SignalDetailData } from './types.js';

type Assessment = 'unsafe' | 'concerns' | 'safe';
type Decision = 'advice' | 'open_case' | 'join_case' | 'handover' | 'close';
interface Draft { safetyAssessment: Assessment | ''; safetyReasons: string; decision: Decision | ''; note: string; closeReason: string;
  targetOrganisationId: string; coordinatorUserId: string; caseId: string }

/** The triage decision: safety with reasons, then what happens next. Only for the receiving organisation. */
export function TriageForm({ signal, onDone }: { signal: SignalDetailData; onDone: (msg: string) => void }) {
  const { lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const me = useSession().session!.user;
  const coordinators = useProfessionals(true);
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const initial: Draft = { safetyAssessment: '', safetyReasons: '', decision: '', note: '', closeReason: '', targetOrganisationId: '', coordinatorUserId: '', caseId: '' };
  const [d, setD, draft] = useDraft<Draft>(`${me.id}.triage.${signal.id}`, initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, lang);
  useEffect(() => { get<{ items: Organisation[] }>('/api/v1/organisations').then((r) => setOrgs(r.items), () => undefined); }, []);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((p) => ({ ...p, [k]: v }));

  const submit = async () => {
    setBusy(true); setError(null);
    try {
      await post(`/api/v1/signals/${signal.id}/triage`, {
        safetyAssessment: d.safetyAssessment || undefined, safetyReasons: d.safetyReasons, decision: d.decision || undefined, version: signal.version,
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
        ...(d.decision === 'close' ? { closeReason: d.closeReason.trim() || undefined } : {}),
        ...(d.decision === 'handover' ? { targetOrganisationId: d.targetOrganisationId || undefined } : {}),
        ...(d.decision === 'open_case' ? { coordinatorUserId: d.coordinatorUserId || undefined } : {}),
        ...(d.decision === 'join_case' && d.caseId.trim() ? { caseId: d.caseId.trim() } : {}),
      });
      draft.clear();
      onDone(t('decided'));
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  return (
    <section aria-labelledby="triage-form-title" className="regie-section">
      <Heading level={2} id="triage-form-title">{t('triageTitle')}</Heading>
      <ProblemAlert error={error} />
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <RadioGroup name="safetyAssessment" legend={t('assessment')} value={d.safetyAssessment} onChange={(v) => set('safetyAssessment', v)}
          error={errors.safetyAssessment} options={(['unsafe', 'concerns', 'safe'] as const).map((v) => ({ value: v, label: lbl('assessment', v) }))} />
        <TextArea label={t('reasons')} value={d.safetyReasons} error={errors.safetyReasons} onChange={(e) => set('safetyReasons', e.target.value)} />
        <RadioGroup name="decision" legend={t('decision')} value={d.decision} onChange={(v) => set('decision', v)} error={errors.decision}
          options={(['advice', 'open_case', 'join_case', 'handover', 'close'] as const).map((v) => ({ value: v, label: lbl('decision', v) }))} />
        {d.decision === 'open_case' && <Select label={t('coordinator')} hint={t('coordinatorHint')} value={d.coordinatorUserId} error={errors.coordinatorUserId}
          onChange={(e) => set('coordinatorUserId', e.target.value)} options={coordinators.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }))} />}
        {d.decision === 'join_case' && !signal.caseId && <TextInput label={`${t('caseId')} ${t('optional')}`} hint={t('caseIdHint')} value={d.caseId}
          error={errors.caseId} onChange={(e) => set('caseId', e.target.value)} />}
        {d.decision === 'handover' && <Select label={t('target')} value={d.targetOrganisationId} error={errors.targetOrganisationId}
          onChange={(e) => set('targetOrganisationId', e.target.value)}
          options={orgs.filter((o) => o.id !== signal.receivingOrganisation.id).map((o) => ({ value: o.id, label: o.name }))} />}
        {d.decision === 'close' && <TextInput label={t('closeReason')} value={d.closeReason} error={errors.closeReason} onChange={(e) => set('closeReason', e.target.value)} />}
        <TextArea label={`${t('note')} ${t('optional')}`} value={d.note} error={errors.note} onChange={(e) => set('note', e.target.value)} />
        <div className="regie-actions">
          <Button appearance="primary-action-button" type="submit" disabled={busy}>{t('decide')}</Button>
        </div>
      </form>
    </section>
  );
}
