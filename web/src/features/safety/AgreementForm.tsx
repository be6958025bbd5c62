// Adding an agreement to the safety plan: what, who does it, by when, and how it is checked.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { Disclosure } from './Disclosure.js';
import { key, type Party } from './safety-data.js';
import type { ST } from './texts.js';

const ownerOptions = (st: ST, parties: Party[]) =>
  parties.map((p) => ({ value: `${p.kind}:${p.id}`, label: `${p.name} (${st(key(`o_${p.kind}`))})` }));

export function AgreementForm({ st, caseId, parties, onSaved }: { st: ST; caseId: string; parties: Party[]; onSaved: () => void }) {
  const { lang } = useI18n();
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [checkHow, setCheckHow] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const submit = async () => {
    setError(null);
    const [kind = '', id = ''] = owner.split(':');
    const ownerKind = kind === 'person' ? 'family_member' : kind;
    try {
      await post('/api/v1/cases/:caseId/safety/plan', {
        params: { caseId },
        body: { what, ownerKind: ownerKind, ownerId: id, checkHow, ...(dueOn ? { dueOn } : {}) },
      });
      setWhat('');
      setOwner('');
      setDueOn('');
      setCheckHow('');
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Disclosure summary={st('addAgreement')}>
      <SubmitForm onSubmit={submit}>
        <ProblemAlert error={error} />
        <TextArea label={st('what')} value={what} onChange={(e) => setWhat(e.target.value)} error={errors.what} required />
        <Select
          label={st('owner')}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          error={errors.ownerId ?? errors.ownerKind}
          required
          options={ownerOptions(st, parties)}
        />
        <DateInput label={`${st('dueOn')} ${st('optional')}`} value={dueOn} onChange={setDueOn} error={errors.dueOn} />
        <TextArea label={st('checkHow')} value={checkHow} onChange={(e) => setCheckHow(e.target.value)} error={errors.checkHow} required />
        <Button appearance="primary-action-button" type="submit">
          {st('save')}
        </Button>
      </SubmitForm>
    </Disclosure>
  );
}
