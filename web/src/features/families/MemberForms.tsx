import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { put, post, ApiError } from '../../api.js';
import type { FamilyPageData } from './FamilyPage.js';

type Member = FamilyPageData['members'][number];
import { useI18n } from '../../i18n.js';
import { DraftNotice, FieldScope, fieldErrors, ProblemAlert, Select, TextInput, useDraft } from '../../ui/forms.js';
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
  const set = (k: keyof PersonDraft) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  const err = (k: string) => errors[`${prefix}${k}`];
  return (
    <div className="regie-grid">
      <TextInput
        label={t('givenNames')}
        value={value.givenNames}
        onChange={set('givenNames')}
        field={`${prefix}givenNames`}
        error={err('givenNames')}
        required
      />
      <TextInput
        label={`${t('prefix')} ${t('optional')}`}
        value={value.familyNamePrefix}
        onChange={set('familyNamePrefix')}
        field={`${prefix}familyNamePrefix`}
        error={err('familyNamePrefix')}
      />
      <TextInput
        label={t('familyName')}
        value={value.familyName}
        onChange={set('familyName')}
        field={`${prefix}familyName`}
        error={err('familyName')}
        required
      />
      {!hideRelation && (
        <Select
          label={t('relation')}
          value={value.relation}
          onChange={set('relation')}
          field={`${prefix}relation`}
          error={err('relation')}
          required
          options={['parent', 'child', 'partner', 'carer', 'other'].map((r) => ({ value: r, label: label(r) }))}
        />
      )}
      <BirthDateInput
        label={`${t('birthDate')} ${t('optional')}`}
        value={value.birthDate}
        onChange={(v) => set('birthDate')({ target: { value: v } })}
        field={`${prefix}birthDate`}
        error={err('birthDate')}
      />
      <BsnInput
        label={`${t('bsn')} ${t('optional')}`}
        value={value.bsn}
        onChange={(v) => set('bsn')({ target: { value: v } })}
        field={`${prefix}bsn`}
        error={err('bsn')}
      />
      <Select
        label={`${t('gender')} ${t('optional')}`}
        value={value.gender}
        onChange={set('gender')}
        field={`${prefix}gender`}
        error={err('gender')}
        options={['female', 'male', 'other', 'unknown'].map((r) => ({ value: r, label: label(r) }))}
      />
      <TextInput
        label={`${t('street')} ${t('optional')}`}
        value={value.street}
        onChange={set('street')}
        field={`${prefix}street`}
        error={err('street')}
      />
      <TextInput
        label={`${t('houseNumber')} ${t('optional')}`}
        value={value.houseNumber}
        onChange={set('houseNumber')}
        field={`${prefix}houseNumber`}
        error={err('houseNumber')}
      />
      <TextInput
        label={`${t('postcode')} ${t('optional')}`}
        value={value.postcode}
        onChange={set('postcode')}
        field={`${prefix}postcode`}
        error={err('postcode')}
      />
      <TextInput
        label={`${t('city')} ${t('optional')}`}
        value={value.city}
        onChange={set('city')}
        field={`${prefix}city`}
        error={err('city')}
      />
    </div>
  );
}

export function AddMemberForm({ familyId, onSaved }: { familyId: string; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [person, setPerson, draft] = useDraft(`${session?.user.id}.member.${familyId}`, emptyPerson('child'));
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(draft.restored);
  const submit = async () => {
    setError(null);
    try {
      await post('/api/v1/families/:familyId/members', { params: { familyId }, body: personPayload(person) });
      draft.clear();
      setPerson(emptyPerson('child'));
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="regie-disclosure" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('addMember')}</summary>
      <FieldScope name="add-member">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <DraftNotice draft={draft} />
          <ProblemAlert error={error} />
          <PersonFields value={person} onChange={setPerson} errors={fieldErrors(error, lang)} prefix="" />
          <Button appearance="primary-action-button" type="submit">
            {t('save')}
          </Button>
        </form>
      </FieldScope>
    </details>
  );
}

export function AddNetworkForm({ familyId, onSaved }: { familyId: string; onSaved: () => void }) {
  const { t, label, lang } = useI18n();
  const [v, setV] = useState({ name: '', relation: '', phone: '', note: '' });
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const submit = async () => {
    setError(null);
    try {
      await post('/api/v1/families/:familyId/network-members', {
        params: { familyId },
        body: {
          name: v.name.trim() || undefined,
          relation: v.relation || undefined,
          phone: v.phone.trim() || undefined,
          note: v.note.trim() || undefined,
        },
      });
      setV({ name: '', relation: '', phone: '', note: '' });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details className="regie-disclosure">
      <summary>{t('addNetwork')}</summary>
      <FieldScope name="add-network">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <ProblemAlert error={error} />
          <div className="regie-grid">
            <TextInput
              label={t('name')}
              value={v.name}
              onChange={(e) => setV({ ...v, name: e.target.value })}
              field="name"
              error={errors.name}
            />
            <Select
              label={t('relation')}
              value={v.relation}
              onChange={(e) => setV({ ...v, relation: e.target.value })}
              field="relation"
              error={errors.relation}
              options={['grandparent', 'other_family', 'neighbour', 'friend', 'other'].map((r) => ({ value: r, label: label(r) }))}
            />
            <TextInput
              label={`${t('phone')} ${t('optional')}`}
              value={v.phone}
              onChange={(e) => setV({ ...v, phone: e.target.value })}
              field="phone"
              error={errors.phone}
            />
            <TextInput
              label={`${t('note')} ${t('optional')}`}
              value={v.note}
              onChange={(e) => setV({ ...v, note: e.target.value })}
              field="note"
              error={errors.note}
            />
          </div>
          <Button appearance="primary-action-button" type="submit">
            {t('save')}
          </Button>
        </form>
      </FieldScope>
    </details>
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
  const { t, lang } = useI18n();
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
  const [error, setError] = useState<unknown>(null);
  const stale = error instanceof ApiError && error.problem.code === 'stale_version';
  const submit = async () => {
    setError(null);
    const { relation: _relation, ...fields } = personPayload(person);
    try {
      await put('/api/v1/persons/:personId', {
        params: { personId: member.personId },
        body: { ...fields, phone: member.phone ?? undefined, version: member.version },
      });
      draft.clear();
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <FieldScope name={`person-${member.personId}`}>
      <form
        className="regie-edit"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
        aria-label={`${t('edit')}: ${member.fullName}`}
      >
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
        <PersonFields value={person} onChange={setPerson} errors={fieldErrors(error, lang)} prefix="" hideRelation />
        <div className="regie-actions">
          <Button appearance="primary-action-button" type="submit">
            {t('save')}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              draft.clear();
              onCancel();
            }}
          >
            {t('cancel')}
          </Button>
        </div>
      </form>
    </FieldScope>
  );
}
