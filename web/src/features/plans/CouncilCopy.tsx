// The network council's plan offered for the draft: each of the family's goals with a life domain to choose, the network's actions, one button.
import { useState } from 'react';
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DOMAINS, DOMAIN_LABELS } from '@contract/shared/domains.js';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm } from '../../ui/forms.js';
import { fmtDate } from '../../ui/time.js';
import { usePlanT } from './texts.js';
import type { Overview, Version } from './VersionContent.js';

export function CouncilCopy({ overview, draft, onSaved }: { overview: Overview; draft: Version; onSaved: () => void }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const outcome = overview.councilOutcome;
  const [domains, setDomains] = useState<string[]>(() => (outcome?.goals ?? []).map(() => ''));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ goals: number; actions: number } | null>(null);
  if (!outcome) return null;
  const errors = fieldErrors(error, lang);
  const submit = async () => {
    setError(null);
    setDone(null);
    try {
      const r = await post('/api/v1/plan-versions/:versionId/council-outcome', {
        params: { versionId: draft.id },
        body: { version: draft.version, domains },
      });
      setDone(r);
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <details className="regie-disclosure">
      <summary>{t('councilTitle')}</summary>
      <Paragraph>{t('councilIntro')}</Paragraph>
      <ProblemAlert error={error} />
      {done && (
        <Paragraph role="status">
          {t('councilCopied', { goals: t('councilGoals', { n: done.goals }), actions: t('councilActions', { n: done.actions }) })}
        </Paragraph>
      )}
      <SubmitForm onSubmit={submit}>
        {outcome.goals.map((goal, i) => (
          <Select
            key={`${i}-${goal}`}
            label={t('councilGoalDomain', { goal })}
            name={`domains[${i}]`}
            value={domains[i] ?? ''}
            error={errors[`domains[${i}]`] ?? (i === 0 ? errors.domains : undefined)}
            onChange={(e) => setDomains(domains.map((d, j) => (j === i ? e.target.value : d)))}
            options={DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[lang][d] }))}
          />
        ))}
        {outcome.actions.length > 0 && (
          <ul className="utrecht-unordered-list">
            {outcome.actions.map((a, i) => (
              <li key={`${i}-${a.what}`} className="utrecht-unordered-list__item">
                {t('councilActionLine', { what: a.what, name: a.networkMemberName, date: fmtDate(a.dueOn, lang) })}
              </li>
            ))}
          </ul>
        )}
        <Button appearance="secondary-action-button" type="submit">
          {t('councilCopy')}
        </Button>
      </SubmitForm>
    </details>
  );
}
