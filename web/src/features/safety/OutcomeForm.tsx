// The family network council's outcome: the family's own goals and the actions of its network.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { put } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea, TextInput, useAction } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { Disclosure } from './Disclosure.js';
import { emptyOutcomeAction, outcomeActions, outcomeGoals, type OutcomeAction } from './council-data.js';
import type { Party, Safety } from './safety-data.js';
import type { ST } from './texts.js';

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
  const [actions, setActions] = useState(() => outcomeActions(council.outcome));
  const { error, run } = useAction();
  const errors = fieldErrors(error, lang);
  const setAction = (i: number, k: keyof OutcomeAction, value: string) =>
    setActions(actions.map((a, j) => (j === i ? { ...a, [k]: value } : a)));
  const submit = () =>
    run(async () => {
      await put('/api/v1/cases/:caseId/council/outcome', {
        params: { caseId },
        body: { goals: outcomeGoals(goals), actions, version: council.version ?? 1 },
      });
      onSaved();
    });
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
          <Button appearance="secondary-action-button" type="button" onClick={() => setActions([...actions, emptyOutcomeAction])}>
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
