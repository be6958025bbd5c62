// "Plan en familienetwerkberaad": the region's plan rules — whether a team lead approves a plan
// before it is proposed, and within how many working days the network council is offered. Each is
// saved with its version; when someone else saved in the meantime, the form shows the latest.
import { useState, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, put } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { fieldErrors, ProblemAlert, SubmitForm, TextInput } from '../../ui/forms.js';
import { Section } from '../../ui/page-parts.js';
import { RadioGroup } from '../signals/controls.js';
import { isStale } from './StaleAlert.js';
import { TEXTS } from './texts.js';

export function PlanRules() {
  const t = useLocalT(TEXTS);
  const plan = useApi('/api/v1/plan-settings');
  const council = useApi('/api/v1/admin/council-settings');
  return (
    <>
      <Heading level={1}>{t('navPlanRules')}</Heading>
      <Paragraph className="regie-lead">{t('planRulesIntro')}</Paragraph>
      <ProblemAlert error={plan.error ?? council.error} />
      {plan.data && <ApprovalForm initial={plan.data} />}
      {council.data && <CouncilDaysForm initial={council.data} />}
    </>
  );
}

/** Runs a save; a stale version loads the latest state into the form and says so. */
function useSave<T>(reload: () => Promise<T>, apply: (latest: T) => void) {
  const t = useLocalT(TEXTS);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = async (save: () => Promise<T>) => {
    setError(null);
    setNotice(null);
    try {
      apply(await save());
      setNotice(t('saved'));
    } catch (e) {
      setError(e);
      if (isStale(e)) {
        apply(await reload());
        setError(null);
        setNotice(t('staleSaved'));
      }
    }
  };
  return { error, notice, run };
}

/** One rule's form: its heading, its refusal or notice, its fields and "Opslaan". */
function RuleSection({
  id,
  title,
  error,
  notice,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  error: unknown;
  notice: string | null;
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  const t = useLocalT(TEXTS);
  return (
    <Section id={id} title={title}>
      <ProblemAlert error={error} />
      {notice && <Paragraph role="status">{notice}</Paragraph>}
      <SubmitForm onSubmit={onSubmit}>
        {children}
        <Button appearance="primary-action-button" type="submit">
          {t('save')}
        </Button>
      </SubmitForm>
    </Section>
  );
}

function ApprovalForm({ initial }: { initial: { teamLeadApproval: boolean; version: number } }) {
  const t = useLocalT(TEXTS);
  const [base, setBase] = useState(initial);
  const [value, setValue] = useState<'yes' | 'no'>(initial.teamLeadApproval ? 'yes' : 'no');
  const { error, notice, run } = useSave(
    () => get('/api/v1/plan-settings'),
    (s) => {
      setBase(s);
      setValue(s.teamLeadApproval ? 'yes' : 'no');
    },
  );
  return (
    <RuleSection
      id="approval-title"
      title={t('approvalTitle')}
      error={error}
      notice={notice}
      onSubmit={() => run(() => put('/api/v1/plan-settings', { body: { teamLeadApproval: value === 'yes', version: base.version } }))}
    >
      <RadioGroup
        legend={t('approvalLegend')}
        name="teamLeadApproval"
        value={value}
        onChange={setValue}
        options={[
          { value: 'no', label: t('approvalNo') },
          { value: 'yes', label: t('approvalYes') },
        ]}
      />
    </RuleSection>
  );
}

function CouncilDaysForm({ initial }: { initial: { workingDays: number; version: number } }) {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const [base, setBase] = useState(initial);
  const [days, setDays] = useState(String(initial.workingDays));
  const { error, notice, run } = useSave(
    () => get('/api/v1/admin/council-settings'),
    (s) => {
      setBase(s);
      setDays(String(s.workingDays));
    },
  );
  const errors = fieldErrors(error, lang);
  const number = days.trim() === '' ? undefined : Number(days); // left out: the server names the field
  return (
    <RuleSection
      id="council-days-title"
      title={t('councilTitle')}
      error={error}
      notice={notice}
      onSubmit={() => run(() => put('/api/v1/admin/council-settings', { body: { workingDays: number, version: base.version } }))}
    >
      <TextInput
        label={t('councilDays')}
        hint={t('councilDaysHint')}
        name="workingDays"
        inputMode="numeric"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={errors.workingDays}
      />
    </RuleSection>
  );
}
