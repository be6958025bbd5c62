// Recording an integral picture: per person the domains valid for their age, each with a score
// (1–5, or left empty) and a rationale, and whose view the set gives. One save, all or nothing;
// a refused score is shown at its own field (the server names it: scores[3].domain).
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DOMAIN_LABELS, type Domain } from '@contract/shared/domains.js';
import { post } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A, useNavigate } from '../../router.js';
import { ProblemAlert, Select, SubmitForm, TextInput, useFormAction } from '../../ui/forms.js';
import { useAssessmentT } from './texts.js';

type View = 'professional' | 'family';
interface Entry {
  score: string;
  rationale: string;
}

export function RecordAssessment({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const t = useAssessmentT();
  const { lang } = useI18n();
  const picture = useApi('/api/v1/cases/:caseId/assessments', { params: { caseId } });
  const [v, setV] = useState<{ assessedOn: string; view: View }>(() => ({
    assessedOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }),
    view: 'professional',
  }));
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const { error, setError, busy, run, errors, bind } = useFormAction(v, setV);
  const [empty, setEmpty] = useState(false);
  const key = (personId: string, d: Domain) => `${personId}|${d}`;
  const set = (k: string, v: Partial<Entry>) => setEntries((e) => ({ ...e, [k]: { ...(e[k] ?? { score: '', rationale: '' }), ...v } }));
  const data = picture.data;

  const filled = Object.entries(entries).filter(([, e]) => e.score !== '');
  const submit = () => {
    setEmpty(!filled.length);
    if (!filled.length) return setError(null);
    return run(async () => {
      await post('/api/v1/cases/:caseId/assessments', {
        params: { caseId },
        body: {
          assessedOn: v.assessedOn,
          scores: filled.map(([k, e]) => {
            const [personId, domain] = k.split('|') as [string, Domain];
            return { personId, domain, score: Number(e.score), rationale: e.rationale, view: v.view };
          }),
        },
      });
      void picture.refetch();
      navigate(`/gezinnen/${data?.familyId ?? ''}`);
    });
  };
  // The server names a score by its place in the list it was sent; map it back to the field.
  const errorAt = (k: string, field: 'score' | 'rationale' | 'domain' | 'personId') => {
    const i = filled.findIndex(([x]) => x === k);
    return i < 0
      ? undefined
      : (errors[`scores[${i}].${field}`] ?? (field === 'score' ? (errors[`scores[${i}].domain`] ?? errors[`scores[${i}]`]) : undefined));
  };

  return (
    <>
      <Heading level={1}>{t('recordTitle')}</Heading>
      <Paragraph className="regie-lead">{t('recordIntro')}</Paragraph>
      {data && (
        <Paragraph>
          <A href={`/gezinnen/${data.familyId}`}>{t('backToFamily')}</A>
        </Paragraph>
      )}
      <ProblemAlert error={picture.error ?? error} />
      {empty && (
        <Alert type="error">
          <Paragraph>{t('nothingFilled')}</Paragraph>
        </Alert>
      )}
      {data && (
        <SubmitForm onSubmit={submit}>
          <div className="regie-grid">
            <TextInput label={t('assessedOn')} type="date" {...bind('assessedOn')} />
            <Select
              label={t('view')}
              {...bind('view')}
              options={[
                { value: 'professional', label: t('viewProfessional') },
                { value: 'family', label: t('viewFamily') },
              ]}
            />
          </div>
          {data.persons.map((p) => (
            <fieldset key={p.personId} className="utrecht-form-fieldset regie-fieldset">
              <legend className="utrecht-form-fieldset__legend">
                {p.name} ({p.age === null ? t('ageUnknown') : t('age', { age: p.age })})
              </legend>
              {p.validDomains.map((d) => {
                const k = key(p.personId, d);
                const e = entries[k];
                const names = { domain: DOMAIN_LABELS[lang][d], name: p.name };
                return (
                  <div key={d} className="regie-grid">
                    <Select
                      label={t('scoreOf', names)}
                      value={e?.score ?? ''}
                      onChange={(ev) => set(k, { score: ev.target.value })}
                      error={errorAt(k, 'score')}
                      options={['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: s }))}
                    />
                    {e?.score && (
                      <TextInput
                        label={t('rationaleOf', names)}
                        value={e.rationale}
                        onChange={(ev) => set(k, { rationale: ev.target.value })}
                        error={errorAt(k, 'rationale')}
                      />
                    )}
                  </div>
                );
              })}
            </fieldset>
          ))}
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </Button>
        </SubmitForm>
      )}
    </>
  );
}
