// The family network council's form: offered, answered and met (its outcome: OutcomeForm.tsx).
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { put } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea, useAction } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { Disclosure } from './Disclosure.js';
import { councilBody, councilDraft } from './council-data.js';
import type { Safety } from './safety-data.js';
import type { ST } from './texts.js';

export function CouncilForm({ st, caseId, council, onSaved }: { st: ST; caseId: string; council: Safety['council']; onSaved: () => void }) {
  const { lang } = useI18n();
  const [v, setV] = useState(() => councilDraft(council));
  const { error, run } = useAction();
  const errors = fieldErrors(error, lang);
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  const submit = () =>
    run(async () => {
      await put('/api/v1/cases/:caseId/council', { params: { caseId }, body: councilBody(v, council.version) });
      onSaved();
    });
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
