// "Regels voor blinde vlekken" (Beheer): per rule on/off, the partner kind it calls for, and its
// age range or score threshold. Each rule saves with its version; a save on an older version is
// refused (409) and the latest version is loaded to check and save again.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ORGANISATION_TYPES } from '@contract/shared/enums.js';
import { ApiError, put, type ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { FieldScope, ProblemAlert, Select, SubmitForm, TextInput, useFormAction } from '../../ui/forms.js';
import { useAssessmentT } from './texts.js';

type Rule = ApiResponse<'GET', '/api/v1/admin/blind-spot-rules'>['items'][number];
const AGE_RULES = ['school_age_child', 'young_child'];

export function BlindSpotRules() {
  const t = useAssessmentT();
  const rules = useApi('/api/v1/admin/blind-spot-rules');
  return (
    <>
      <Heading level={1}>{t('rulesTitle')}</Heading>
      <Paragraph className="regie-lead">{t('rulesIntro')}</Paragraph>
      <ProblemAlert error={rules.error} />
      {rules.data?.items.map((r) => (
        <RuleForm
          key={`${r.rule}-${r.version}`}
          rule={r}
          onStale={() => {
            void rules.refetch();
          }}
        />
      ))}
    </>
  );
}

function RuleForm({ rule, onStale }: { rule: Rule; onStale: () => void }) {
  const t = useAssessmentT();
  const { label } = useI18n();
  const [d, setD] = useState({
    enabled: rule.enabled,
    partnerType: rule.partnerType,
    minAge: String(rule.minAge ?? ''),
    maxAge: String(rule.maxAge ?? ''),
    maxScore: String(rule.maxScore ?? ''),
  });
  const [base, setBase] = useState(rule);
  const { error, run, bind } = useFormAction(d, setD);
  const [notice, setNotice] = useState<string | null>(null);
  const ageRule = AGE_RULES.includes(rule.rule);
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const id = `rule-${rule.rule}`;
  /** A number field within its range (the server checks it too). */
  const number = (min: number, max: number) => ({ type: 'number', inputMode: 'numeric' as const, min, max });
  const submit = () => {
    setNotice(null);
    return run(async () => {
      try {
        const saved = await put('/api/v1/admin/blind-spot-rules/:rule', {
          params: { rule: rule.rule },
          body: {
            version: base.version,
            enabled: d.enabled,
            partnerType: d.partnerType,
            ...(ageRule ? { minAge: num(d.minAge), maxAge: num(d.maxAge) } : { maxScore: num(d.maxScore) }),
          },
        });
        setBase(saved);
        setNotice(t('ruleSaved'));
      } catch (e) {
        // Saved by someone else meantime: the latest version is loaded to check and save again.
        if (!(e instanceof ApiError && e.problem.status === 409)) throw e;
        setNotice(t('stale'));
        onStale();
      }
    });
  };
  return (
    <FieldScope name={id}>
      <SubmitForm onSubmit={submit} className="regie-section" aria-labelledby={id}>
        <Heading level={2} id={id}>
          {t(`rule_${rule.rule}`)}
        </Heading>
        <div role="status">
          {notice && (
            <Alert type="info" role="none">
              <Paragraph>{notice}</Paragraph>
            </Alert>
          )}
        </div>
        <ProblemAlert error={error} />
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={d.enabled}
            onChange={(e) => setD({ ...d, enabled: e.target.checked })}
          />
          <label htmlFor={`${id}-enabled`} className="utrecht-form-label utrecht-form-label--checkbox">
            {t('ruleEnabled')}
          </label>
        </div>
        <div className="regie-grid">
          <Select
            label={t('partnerType')}
            {...bind('partnerType')}
            options={ORGANISATION_TYPES.map((o) => ({ value: o, label: label(o) }))}
          />
          {ageRule ? (
            <>
              <TextInput label={t('minAge')} {...number(0, 17)} {...bind('minAge')} />
              <TextInput label={t('maxAge')} {...number(0, 17)} {...bind('maxAge')} />
            </>
          ) : (
            <TextInput label={t('maxScore')} {...number(1, 4)} {...bind('maxScore')} />
          )}
        </div>
        <Button appearance="primary-action-button" type="submit">
          {t('save')}
        </Button>
      </SubmitForm>
    </FieldScope>
  );
}
