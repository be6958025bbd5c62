// Adding a goal to the draft: per life domain (or the family's own, in their words), for a person, with a target score and date.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { DOMAINS, DOMAIN_LABELS } from '@contract/shared/domains.js';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea, TextInput, useAction } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { Checkbox } from '../signals/controls.js';
import { usePlanT } from './texts.js';
import type { Overview, Version } from './VersionContent.js';

export function GoalForm({ overview, draft, onSaved }: { overview: Overview; draft: Version; onSaved: () => void }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const empty = { domain: '', personId: '', description: '', targetScore: '', targetDate: '', familyOwn: false };
  const [g, setG] = useState(empty);
  const { error, run } = useAction();
  const errors = fieldErrors(error, lang);
  const submit = () =>
    run(async () => {
      await post('/api/v1/plan-versions/:versionId/goals', {
        params: { versionId: draft.id },
        body: {
          version: draft.version,
          domain: g.domain,
          description: g.description,
          familyOwn: g.familyOwn,
          ...(g.personId ? { personId: g.personId } : {}),
          ...(g.targetScore ? { targetScore: Number(g.targetScore) } : {}),
          ...(g.targetDate ? { targetDate: g.targetDate } : {}),
        },
      });
      setG(empty);
      onSaved();
    });
  return (
    <details className="regie-disclosure">
      <summary>{t('addGoal')}</summary>
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        <Checkbox label={t('familyOwn')} checked={g.familyOwn} onChange={(v) => setG({ ...g, familyOwn: v })} />
        <Select
          label={t('domain')}
          name="domain"
          value={g.domain}
          onChange={(e) => setG({ ...g, domain: e.target.value })}
          error={errors.domain}
          options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[lang][d] }))}
        />
        <TextArea
          label={t('description')}
          name="description"
          value={g.description}
          onChange={(e) => setG({ ...g, description: e.target.value })}
          error={errors.description}
        />
        <Select
          label={t('person')}
          name="personId"
          value={g.personId}
          onChange={(e) => setG({ ...g, personId: e.target.value })}
          error={errors.personId}
          options={overview.options.familyMembers.map((m) => ({ value: m.personId, label: m.name }))}
        />
        <TextInput
          label={t('targetScore')}
          name="targetScore"
          inputMode="numeric"
          value={g.targetScore}
          onChange={(e) => setG({ ...g, targetScore: e.target.value })}
          error={errors.targetScore}
        />
        <DateInput
          label={t('targetDate')}
          name="targetDate"
          value={g.targetDate}
          onChange={(v) => setG({ ...g, targetDate: v })}
          error={errors.targetDate}
        />
        <Button appearance="secondary-action-button" type="submit">
          {t('addGoal')}
        </Button>
      </SubmitForm>
    </details>
  );
}
