// Sending a case to another organisation with its information package, also to an organisation
// in another region when the family moves (grouped by region in the picker). Signals are handed
// over from the triage screen (the triage decision "hand over").
import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { RegionGroupedSelect } from '../../ui/RegionGroupedSelect.js';
import { A, useNavigate } from '../../router.js';
import { useSession } from '../../session.js';
import {
  DraftNotice,
  fieldBinder,
  fieldErrors,
  FieldsetError,
  ProblemAlert,
  Select,
  SubmitForm,
  useDraft,
  useFieldId,
  TextArea,
} from '../../ui/forms.js';
import { Checkbox, RadioGroup } from '../signals/controls.js';
import { useHandoverT } from './texts.js';
import type { RegionOrganisation as Org } from '../../ui/RegionGroupedSelect.js';
import { ReceivingProfessional } from './ReceivingProfessional.js';

interface MyCase {
  familyId: string;
  caseId: string;
  name: string;
}
interface Draft {
  caseId: string;
  toOrganisationId: string;
  reason: string;
  safetyAssessment: '' | 'unsafe' | 'concerns' | 'safe';
  safetyNotes: string;
  knownInformation: string;
  personIds: string[];
  legalBasis: string;
  senderAccess: '' | 'ends' | 'continues';
  toUserId?: string;
}
const EMPTY: Draft = {
  caseId: '',
  toOrganisationId: '',
  toUserId: '',
  reason: '',
  safetyAssessment: '',
  safetyNotes: '',
  knownInformation: '',
  personIds: [],
  legalBasis: '',
  senderAccess: 'ends',
};

export function SendHandover() {
  const navigate = useNavigate();
  const t = useHandoverT();
  const { lang, label, t: tt } = useI18n();
  const { session } = useSession();
  const preset = new URLSearchParams(location.search).get('caseId') ?? '';
  // One draft per case it is for (coming from a family page, ?caseId=…, that case): a reason typed
  // for one family never appears in another's handover; choosing another case shows its own draft.
  const [caseId, setCaseId] = useState(preset);
  const [d, setD, draft] = useDraft<Draft>(`${session?.user.id}.handover.${caseId || 'none'}`, { ...EMPTY, caseId });
  const [sendError, setError] = useState<unknown>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((prev) => ({ ...prev, [k]: v }));

  const families = useApi('/api/v1/families', { query: { scope: 'mine', limit: 100 } });
  const cases: MyCase[] | null = families.data
    ? families.data.items.flatMap((f) =>
        f.caseId && f.isCoordinator && f.caseStatus !== 'closed' ? [{ familyId: f.id, caseId: f.caseId, name: f.name }] : [],
      )
    : null;
  const receiversAnswer = useApi('/api/v1/handover-receivers', { query: { subjectType: 'case' } });
  const receivers: Org[] = receiversAnswer.data?.items ?? [];
  const chosen = cases?.find((c) => c.caseId === caseId);
  const familyAnswer = useApi('/api/v1/families/:familyId', { params: { familyId: chosen?.familyId ?? '' } }, { enabled: !!chosen });
  // The chosen family's page only (the previous one stays in the cache while the next loads).
  const page = chosen && familyAnswer.data?.id === chosen.familyId ? familyAnswer.data : undefined;
  const members = page?.members ?? [];
  useEffect(() => {
    if (!page) return;
    setD((prev) =>
      prev.personIds.length && prev.personIds.every((id) => page.members.some((m) => m.personId === id))
        ? prev
        : { ...prev, personIds: page.members.map((m) => m.personId) },
    );
  }, [page, setD]);
  const error = sendError ?? families.error ?? receiversAnswer.error ?? (chosen ? familyAnswer.error : null);

  const submit = async () => {
    setError(null);
    try {
      const r = await post('/api/v1/handovers', {
        body: {
          caseId: caseId || undefined,
          toOrganisationId: d.toOrganisationId,
          toRegionId: receivers.find((o) => o.id === d.toOrganisationId)?.regionId,
          toUserId: (!elsewhere && d.toUserId) || undefined,
          reason: d.reason,
          safetyAssessment: d.safetyAssessment || undefined,
          safetyNotes: d.safetyNotes || undefined,
          knownInformation: d.knownInformation,
          personIds: d.personIds,
          legalBasis: d.legalBasis || undefined,
          senderAccess: d.senderAccess || undefined,
        },
      });
      draft.clear();
      navigate(`/overdrachten/${r.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const errors = fieldErrors(error, lang);
  const bind = fieldBinder(d, { set }, errors);
  const receiver = receivers.find((o) => o.id === d.toOrganisationId);
  const elsewhere = !!receiver && receiver.regionId !== session?.user.regionId;
  const personsError = errors.personIds;
  const personsId = useFieldId('personIds');

  return (
    <>
      <Paragraph>
        <A href="/overdrachten">{t('back')}</A>
      </Paragraph>
      <Heading level={1}>{t('sendTitle')}</Heading>
      <Paragraph>{t('sendIntro')}</Paragraph>
      <DraftNotice draft={draft} about={chosen?.name} />
      <ProblemAlert error={error} />
      {cases && cases.length === 0 && <Paragraph>{t('noCases')}</Paragraph>}
      <SubmitForm onSubmit={submit}>
        <div className="regie-grid">
          <Select
            label={t('chooseCase')}
            hint={t('chooseCaseHint')}
            name="caseId"
            value={caseId}
            onChange={(e) => setCaseId(e.target.value)}
            field="caseId"
            error={errors.caseId}
            options={(cases ?? []).map((c) => ({ value: c.caseId, label: c.name }))}
          />
          <div className="regie-receiver">
            <ReceiverSelect
              receivers={receivers}
              ownRegionId={session?.user.regionId ?? ''}
              value={d.toOrganisationId}
              onChange={(v) => setD((prev) => ({ ...prev, toOrganisationId: v, toUserId: '' }))}
              error={errors.toOrganisationId}
            />
          </div>
          {receiver && !elsewhere && (
            <ReceivingProfessional
              organisationId={receiver.id}
              value={d.toUserId ?? ''}
              onChange={(v) => set('toUserId', v)}
              field="toUserId"
              error={errors.toUserId}
            />
          )}
        </div>
        {elsewhere && (
          <Alert type="info">
            <Paragraph>{t('elsewhereNote', { org: receiver.name, region: receiver.regionName })}</Paragraph>
          </Alert>
        )}
        {members.length > 0 && (
          <fieldset className={`utrecht-form-fieldset regie-fieldset${personsError ? ' utrecht-form-fieldset--invalid' : ''}`}>
            <legend className="utrecht-form-fieldset__legend">{t('personsLegend')}</legend>
            {personsError && <FieldsetError>{personsError}</FieldsetError>}
            {members.map((m, i) => (
              <Checkbox
                key={m.personId}
                id={i === 0 ? personsId : undefined}
                label={`${m.fullName} (${label(m.relation)})`}
                checked={d.personIds.includes(m.personId)}
                onChange={(on) => set('personIds', on ? [...d.personIds, m.personId] : d.personIds.filter((x) => x !== m.personId))}
              />
            ))}
          </fieldset>
        )}
        <TextArea label={t('reason')} name="reason" {...bind('reason')} />
        <RadioGroup
          legend={t('safety')}
          name="safetyAssessment"
          {...bind.value('safetyAssessment')}
          options={(['unsafe', 'concerns', 'safe'] as const).map((v) => ({ value: v, label: t(v) }))}
        />
        <TextArea label={t('safetyNotes')} name="safetyNotes" {...bind('safetyNotes')} />
        <TextArea label={t('known')} hint={t('knownHint')} name="knownInformation" {...bind('knownInformation')} rows={5} />
        <div className="regie-grid">
          <Select
            label={t('legalBasis')}
            name="legalBasis"
            {...bind('legalBasis')}
            options={['statutory_task', 'safety', 'consent'].map((b) => ({ value: b, label: label(b) }))}
          />
        </div>
        <RadioGroup
          legend={t('senderAccess')}
          name="senderAccess"
          {...bind.value('senderAccess')}
          options={[
            { value: 'ends' as const, label: t('ends') },
            { value: 'continues' as const, label: t('continues') },
          ]}
        />
        <div className="regie-actions">
          <Button appearance="primary-action-button" type="submit">
            {t('send')}
          </Button>
          {draft.savedAt && (
            <span className="regie-muted" role="status">
              {tt('draftSaved')}
            </span>
          )}
        </div>
      </SubmitForm>
    </>
  );
}

/** The receivers of the own region first; those of other regions grouped per region. */
function ReceiverSelect({
  receivers,
  ownRegionId,
  value,
  onChange,
  error,
}: {
  receivers: Org[];
  ownRegionId: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const t = useHandoverT();
  return (
    <RegionGroupedSelect
      label={t('receiver')}
      hint={t('receiverHint')}
      regionsHint={t('receiverHintRegions')}
      name="toOrganisationId"
      organisations={receivers}
      ownRegionId={ownRegionId}
      value={value}
      onChange={onChange}
      field="toOrganisationId"
      error={error}
      groupLabel={(own, name) => (own ? t('ownRegion', { name }) : t('otherRegion', { name }))}
    />
  );
}
