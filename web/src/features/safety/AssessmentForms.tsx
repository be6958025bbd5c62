// The safety assessment's forms: recording or changing it, and the behavioural scientist's review of it.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { post, put } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea, TextInput } from '../../ui/forms.js';
import { Disclosure } from './Disclosure.js';
import { key, type Safety } from './safety-data.js';
import type { ST } from './texts.js';

export function AssessmentForm({ st, data, onSaved }: { st: ST; data: Safety; onSaved: () => void }) {
  const { lang } = useI18n();
  const a = data.assessment;
  const scaled = data.parties.filter((p) => p.kind !== 'network_member');
  const [dangers, setDangers] = useState(a?.dangers ?? '');
  const [goingWell, setGoingWell] = useState(a?.goingWell ?? '');
  const [safetyGoals, setSafetyGoals] = useState(a?.safetyGoals ?? '');
  const [decision, setDecision] = useState<string>(a?.decision ?? '');
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries((a?.scalings ?? []).map((s) => [`${s.partyKind}:${s.partyId}`, String(s.score)])),
  );
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const entries = scaled.map((p) => ({ p, value: scores[`${p.kind}:${p.id}`] ?? '' })).filter((e) => e.value.trim() !== '');
  const submit = async () => {
    setError(null);
    try {
      await put('/api/v1/cases/:caseId/safety/assessment', {
        params: { caseId: data.caseId },
        body: {
          dangers,
          goingWell,
          safetyGoals,
          decision: decision,
          scalings: entries.map(({ p, value }) => ({
            partyKind: p.kind as 'person' | 'organisation',
            partyId: p.id,
            score: Number(value),
          })),
          ...(a ? { version: a.version } : {}),
        },
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Disclosure summary={st(a ? 'changeAssessment' : 'recordAssessment')}>
      <SubmitForm onSubmit={submit}>
        <ProblemAlert error={error} />
        <TextArea label={st('dangers')} value={dangers} onChange={(e) => setDangers(e.target.value)} error={errors.dangers} required />
        <TextArea label={st('goingWell')} value={goingWell} onChange={(e) => setGoingWell(e.target.value)} error={errors.goingWell} />
        <TextArea
          label={st('safetyGoals')}
          value={safetyGoals}
          onChange={(e) => setSafetyGoals(e.target.value)}
          error={errors.safetyGoals}
        />
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{st('scaling')}</legend>
          <div className="regie-grid">
            {scaled.map((p) => {
              const i = entries.findIndex((e) => e.p === p);
              return (
                <TextInput
                  key={`${p.kind}:${p.id}`}
                  label={st('scoreOf', { name: p.name })}
                  type="number"
                  min={0}
                  max={10}
                  step={1}
                  inputMode="numeric"
                  value={scores[`${p.kind}:${p.id}`] ?? ''}
                  onChange={(e) => setScores({ ...scores, [`${p.kind}:${p.id}`]: e.target.value })}
                  error={i >= 0 ? (errors[`scalings[${i}].score`] ?? errors[`scalings[${i}].partyId`]) : undefined}
                />
              );
            })}
          </div>
        </fieldset>
        <Select
          label={st('decision')}
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
          error={errors.decision}
          required
          options={(['safe', 'conditionally_safe', 'unsafe'] as const).map((d) => ({ value: d, label: st(key(`d_${d}`)) }))}
        />
        <Button appearance="primary-action-button" type="submit">
          {st('save')}
        </Button>
      </SubmitForm>
    </Disclosure>
  );
}

export function ReviewForm({ st, caseId, version, onSaved }: { st: ST; caseId: string; version: number; onSaved: () => void }) {
  const { lang } = useI18n();
  const [verdict, setVerdict] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const submit = async () => {
    setError(null);
    try {
      await post('/api/v1/cases/:caseId/safety/reviews', {
        params: { caseId },
        body: { verdict: verdict, comment: comment || undefined, version },
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Disclosure summary={st('reviewAction')}>
      <SubmitForm onSubmit={submit}>
        <ProblemAlert error={error} />
        <Select
          label={st('verdict')}
          value={verdict}
          onChange={(e) => setVerdict(e.target.value)}
          error={errors.verdict}
          required
          options={[
            { value: 'agree', label: st('v_agree') },
            { value: 'comment', label: st('v_comment') },
          ]}
        />
        <TextArea label={st('comment')} value={comment} onChange={(e) => setComment(e.target.value)} error={errors.comment} />
        <Button appearance="primary-action-button" type="submit">
          {st('save')}
        </Button>
      </SubmitForm>
    </Disclosure>
  );
}
