// Adding a family member or a network member on the family page; the member's fields and draft
// (PersonFields, person-draft.ts) are shared with registering a family and with triage.
import { useState } from 'react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { DraftNotice, FoldedForm, ProblemAlert, Select, TextInput, useDraft, useFormAction } from '../../ui/forms.js';
import { useSession } from '../../session.js';
import { emptyNetwork, emptyPerson, networkPayload, personPayload } from './person-draft.js';
import { PersonFields } from './PersonFields.js';

export { emptyPerson, personPayload, type PersonDraft } from './person-draft.js';
export { PersonFields } from './PersonFields.js';
export { EditMemberForm } from './EditMemberForm.js';

export function AddMemberForm({ familyId, onSaved }: { familyId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const [person, setPerson, draft] = useDraft(`${session?.user.id}.member.${familyId}`, emptyPerson('child'));
  const { error, run, errors } = useFormAction(person, setPerson);
  const [open, setOpen] = useState(draft.restored);
  const submit = () =>
    run(async () => {
      await post('/api/v1/families/:familyId/members', { params: { familyId }, body: personPayload(person) });
      draft.clear();
      setPerson(emptyPerson('child'));
      setOpen(false);
      onSaved();
    });
  return (
    <FoldedForm
      summary={t('addMember')}
      scope="add-member"
      submitLabel={t('save')}
      onSubmit={submit}
      open={open}
      onToggle={setOpen}
      top={
        <>
          <DraftNotice draft={draft} />
          <ProblemAlert error={error} />
        </>
      }
    >
      <PersonFields value={person} onChange={setPerson} errors={errors} prefix="" />
    </FoldedForm>
  );
}

export function AddNetworkForm({ familyId, onSaved }: { familyId: string; onSaved: () => void }) {
  const { t, label } = useI18n();
  const [v, setV] = useState(emptyNetwork);
  const { error, run, bind } = useFormAction(v, setV);
  const submit = () =>
    run(async () => {
      await post('/api/v1/families/:familyId/network-members', { params: { familyId }, body: networkPayload(v) });
      setV(emptyNetwork);
      onSaved();
    });
  return (
    <FoldedForm
      summary={t('addNetwork')}
      scope="add-network"
      submitLabel={t('save')}
      onSubmit={submit}
      top={<ProblemAlert error={error} />}
    >
      <div className="regie-grid">
        <TextInput label={t('name')} {...bind('name')} />
        <Select
          label={t('relation')}
          {...bind('relation')}
          options={['grandparent', 'other_family', 'neighbour', 'friend', 'other'].map((r) => ({ value: r, label: label(r) }))}
        />
        <TextInput label={`${t('phone')} ${t('optional')}`} {...bind('phone')} />
        <TextInput label={`${t('note')} ${t('optional')}`} {...bind('note')} />
      </div>
    </FoldedForm>
  );
}
