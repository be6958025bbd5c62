import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { put, post, ApiError } from '../../api.js';
import type { FamilyPageData } from './FamilyPage.js';

type Member = FamilyPageData['members'][number];
import { useI18n } from '../../i18n.js';
import {
  DraftNotice,
  FieldScope,
  fieldBinder,
  FoldedForm,
  ProblemAlert,
  SaveOrCancel,
  Select,
  SubmitForm,
  TextInput,
  useDraft,
  useFormAction,
} from '../../ui/forms.js';
import { useSession } from '../../session.js';
import { BirthDateInput, BsnInput } from '../../ui/date-fields.js';

export interface PersonDraft {
  givenNames: string;
  familyNamePrefix: string;
  familyName: string;
  birthDate: string;
  bsn: string;
  relation: string;
  gender: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}
export const emptyPerson = (relation = ''): PersonDraft => ({
  givenNames: '',
  familyNamePrefix: '',
  familyName: '',
  birthDate: '',
  bsn: '',
  relation,
  gender: '',
  street: '',
  houseNumber: '',
  postcode: '',
  city: '',
});

/** Drops empty optional fields so the API gets only what was filled in. */
export function personPayload(p: PersonDraft) {
  const opt = (v: string) => v.trim() || undefined;
  // A required field left empty is left out too: the server names it as missing.
  return {
    givenNames: opt(p.givenNames),
    familyName: opt(p.familyName),
    relation: opt(p.relation),
    familyNamePrefix: opt(p.familyNamePrefix),
    birthDate: opt(p.birthDate),
    bsn: opt(p.bsn),
    gender: opt(p.gender),
    street: opt(p.street),
    houseNumber: opt(p.houseNumber),
    postcode: opt(p.postcode),
    city: opt(p.city),
  };
}

export function PersonFields({
  value,
  onChange,
  errors,
  prefix,
  hideRelation,
}: {
  value: PersonDraft;
  onChange: (p: PersonDraft) => void;
  errors: Record<string, string>;
  prefix: string;
  hideRelation?: boolean;
}) {
  const { t, label } = useI18n();
  const bind = fieldBinder(value, onChange, errors, prefix);
  const optional = (k: Parameters<typeof t>[0]) => `${t(k)} ${t('optional')}`;
  return (
    <div className="regie-grid">
      <TextInput label={t('givenNames')} {...bind('givenNames')} required />
      <TextInput label={optional('prefix')} {...bind('familyNamePrefix')} />
      <TextInput label={t('familyName')} {...bind('familyName')} required />
      {!hideRelation && (
        <Select
          label={t('relation')}
          {...bind('relation')}
          required
          options={['parent', 'child', 'partner', 'carer', 'other'].map((r) => ({ value: r, label: label(r) }))}
        />
      )}
      <BirthDateInput label={optional('birthDate')} {...bind.value('birthDate')} />
      <BsnInput label={optional('bsn')} {...bind.value('bsn')} />
      <Select
        label={optional('gender')}
        {...bind('gender')}
        options={['female', 'male', 'other', 'unknown'].map((r) => ({ value: r, label: label(r) }))}
      />
      <TextInput label={optional('street')} {...bind('street')} />
      <TextInput label={optional('houseNumber')} {...bind('houseNumber')} />
      <TextInput label={optional('postcode')} {...bind('postcode')} />
      <TextInput label={optional('city')} {...bind('city')} />
    </div>
  );
}

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

const emptyNetwork = { name: '', relation: '', phone: '', note: '' };

export function AddNetworkForm({ familyId, onSaved }: { familyId: string; onSaved: () => void }) {
  const { t, label } = useI18n();
  const [v, setV] = useState(emptyNetwork);
  const { error, run, bind } = useFormAction(v, setV);
  const submit = () =>
    run(async () => {
      await post('/api/v1/families/:familyId/network-members', {
        params: { familyId },
        body: {
          name: v.name.trim() || undefined,
          relation: v.relation || undefined,
          phone: v.phone.trim() || undefined,
          note: v.note.trim() || undefined,
        },
      });
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

/** Edits one member; a change saved by someone else in the meantime is reported, not overwritten. */
export function EditMemberForm({
  member,
  onSaved,
  onReload,
  onCancel,
}: {
  member: Member;
  onSaved: () => void;
  onReload: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const initial: PersonDraft = {
    givenNames: member.givenNames,
    familyNamePrefix: member.familyNamePrefix ?? '',
    familyName: member.familyName,
    birthDate: member.birthDate ?? '',
    bsn: member.bsn ?? '',
    relation: member.relation,
    gender: member.gender ?? '',
    street: member.street ?? '',
    houseNumber: member.houseNumber ?? '',
    postcode: member.postcode ?? '',
    city: member.city ?? '',
  };
  const [person, setPerson, draft] = useDraft(`${session?.user.id}.person.${member.personId}`, initial);
  const { error, setError, run, errors } = useFormAction(person, setPerson);
  const stale = error instanceof ApiError && error.problem.code === 'stale_version';
  const submit = () =>
    run(async () => {
      const { relation: _relation, ...fields } = personPayload(person);
      await put('/api/v1/persons/:personId', {
        params: { personId: member.personId },
        body: { ...fields, phone: member.phone ?? undefined, version: member.version },
      });
      draft.clear();
      onSaved();
    });
  return (
    <FieldScope name={`person-${member.personId}`}>
      <SubmitForm onSubmit={submit} className="regie-edit" aria-label={`${t('edit')}: ${member.fullName}`}>
        <ProblemAlert error={error}>
          {stale && (
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setError(null);
                onReload();
              }}
            >
              {t('reloadKeep')}
            </Button>
          )}
        </ProblemAlert>
        <PersonFields value={person} onChange={setPerson} errors={errors} prefix="" hideRelation />
        <SaveOrCancel draft={draft} onCancel={onCancel} />
      </SubmitForm>
    </FieldScope>
  );
}
