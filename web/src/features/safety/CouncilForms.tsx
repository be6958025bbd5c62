// The family network council's forms: offered, answered and met; and its outcome (the family's goals, actions).
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { put } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea, TextInput } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { Disclosure } from './Disclosure.js';
import type { Party, Safety } from './safety-data.js';
import type { ST } from './texts.js';

export function CouncilForm({ st, caseId, council, onSaved }: { st: ST; caseId: string; council: Safety['council']; onSaved: () => void }) {
  const { lang } = useI18n();
  const [v, setV] = useState({
    offeredOn: council.offeredOn ?? '',
    answer: council.answer ?? '',
    declinedReason: council.declinedReason ?? '',
    answeredOn: council.answeredOn ?? '',
    metOn: council.metOn ?? '',
    safetyReason: council.safetyReason ?? '',
  });
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  const submit = async () => {
    setError(null);
    const orNull = (s: string) => s.trim() || null;
    try {
      await put('/api/v1/cases/:caseId/council', {
        params: { caseId },
        body: {
          offeredOn: orNull(v.offeredOn),
          answer: orNull(v.answer),
          declinedReason: orNull(v.declinedReason),
          answeredOn: orNull(v.answeredOn),
          metOn: orNull(v.metOn),
          safetyReason: orNull(v.safetyReason),
          ...(council.version ? { version: council.version } : {}),
        },
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Disclosure summary={st('recordCouncil')}>
      <SubmitForm onSubmit={submit}>
        <ProblemAlert error={error} />
        <DateInput label={st('offeredOn')} value={v.offeredOn} onChange={set('offeredOn')} error={errors.offeredOn} />
        <Select
          label={`${st('answer')} ${st('optional')}`}
          value={v.answer}
          onChange={(e) => set('answer')(e.target.value)}
          error={errors.answer}
          options={[
            { value: 'accepted', label: st('a_accepted') },
            { value: 'declined', label: st('a_declined') },
          ]}
        />
        <DateInput
          label={`${st('answeredOn')} ${st('optional')}`}
          value={v.answeredOn}
          onChange={set('answeredOn')}
          error={errors.answeredOn}
        />
        {v.answer === 'declined' && (
          <TextArea
            label={st('declinedReason')}
            value={v.declinedReason}
            onChange={(e) => set('declinedReason')(e.target.value)}
            error={errors.declinedReason}
            required
          />
        )}
        {v.answer === 'accepted' && (
          <DateInput label={`${st('metOn')} ${st('optional')}`} value={v.metOn} onChange={set('metOn')} error={errors.metOn} />
        )}
        <TextArea
          label={`${st('safetyReason')} ${st('optional')}`}
          value={v.safetyReason}
          onChange={(e) => set('safetyReason')(e.target.value)}
          error={errors.safetyReason}
        />
        <Button appearance="primary-action-button" type="submit">
          {st('save')}
        </Button>
      </SubmitForm>
    </Disclosure>
  );
}

export function OutcomeForm({
  st,
  caseId,
  council,
  parties,
  onSaved,
}: {
  st: ST;
  caseId: string;
  council: Safety['council'];
  parties: Party[];
  onSaved: () => void;
}) {
  const { lang } = useI18n();
  const network = parties.filter((p) => p.kind === 'network_member');
  const [goals, setGoals] = useState(council.outcome.goals.join('\n'));
  const [actions, setActions] = useState(
    council.outcome.actions.map((a) => ({ what: a.what, networkMemberId: a.networkMemberId, dueOn: a.dueOn })),
  );
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const setAction = (i: number, k: 'what' | 'networkMemberId' | 'dueOn', value: string) =>
    setActions(actions.map((a, j) => (j === i ? { ...a, [k]: value } : a)));
  const submit = async () => {
    setError(null);
    try {
      await put('/api/v1/cases/:caseId/council/outcome', {
        params: { caseId },
        body: {
          goals: goals
            .split('\n')
            .map((g) => g.trim())
            .filter(Boolean),
          actions,
          version: council.version ?? 1,
        },
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Disclosure summary={st('recordOutcome')}>
      <SubmitForm onSubmit={submit}>
        <ProblemAlert error={error} />
        <TextArea label={st('goals')} value={goals} onChange={(e) => setGoals(e.target.value)} error={errors.goals} />
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{st('actions')}</legend>
          {actions.map((a, i) => (
            <div key={i} className="regie-grid">
              <TextInput
                label={`${st('what')} ${i + 1}`}
                value={a.what}
                onChange={(e) => setAction(i, 'what', e.target.value)}
                error={errors[`actions[${i}].what`]}
                required
              />
              <Select
                label={`${st('networkMember')} ${i + 1}`}
                value={a.networkMemberId}
                onChange={(e) => setAction(i, 'networkMemberId', e.target.value)}
                error={errors[`actions[${i}].networkMemberId`]}
                required
                options={network.map((n) => ({ value: n.id, label: n.name }))}
              />
              <DateInput
                label={`${st('dueOn')} ${i + 1}`}
                value={a.dueOn}
                onChange={(value) => setAction(i, 'dueOn', value)}
                error={errors[`actions[${i}].dueOn`]}
                required
              />
              <Button appearance="subtle-button" type="button" onClick={() => setActions(actions.filter((_, j) => j !== i))}>
                {st('removeAction')} {i + 1}
              </Button>
            </div>
          ))}
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => setActions([...actions, { what: '', networkMemberId: '', dueOn: '' }])}
          >
            {st('addAction')}
          </Button>
        </fieldset>
        <Button appearance="primary-action-button" type="submit">
          {st('save')}
        </Button>
      </SubmitForm>
    </Disclosure>
  );
}
