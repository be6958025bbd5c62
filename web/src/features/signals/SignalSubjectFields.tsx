// The signal form's subject: whom the signal is about (a BSN, a name and birth date, a description,
// or the family it was started from), more persons, an address, a description and a place.
import { TextInput, type FieldBinder } from '../../ui/forms.js';
import { BsnInput } from '../../ui/date-fields.js';
import { RadioGroup } from './controls.js';
import { useSignalT } from './texts.js';
import { emptyAddress } from './drafts.js';
import { SubjectAddressFields, SubjectPersonsFields } from './SubjectFields.js';
import { SubjectByName } from './SubjectByName.js';
import type { NamedPerson, SignalDraft } from './signal-body.js';

/** The choice "about whom" and the fields it asks for; with `familyId`, "about this family" is the first choice. */
export function SignalSubjectFields({
  d,
  set,
  bind,
  errors,
  person,
  setPerson,
  familyId,
  familyName,
}: {
  d: SignalDraft;
  set: <K extends keyof SignalDraft>(k: K, v: SignalDraft[K]) => void;
  bind: FieldBinder<SignalDraft>;
  errors: Record<string, string>;
  person: NamedPerson;
  setPerson: (v: Partial<NamedPerson>) => void;
  familyId: string | null;
  familyName: string | null;
}) {
  const t = useSignalT();
  return (
    <>
      <RadioGroup
        name="about"
        legend={t('aboutWhom')}
        value={d.about}
        onChange={(v) => set('about', v)}
        error={errors.personId ?? errors.familyId}
        options={[
          ...(familyId ? [{ value: 'family' as const, label: `${t('aboutFamily')}${familyName ? `: ${familyName}` : ''}` }] : []),
          { value: 'bsn' as const, label: t('aboutBsn') },
          { value: 'name' as const, label: t('aboutName') },
          { value: 'description' as const, label: t('aboutDescription') },
        ]}
      />
      {d.about === 'bsn' && <BsnInput label={t('bsn')} {...bind.value('bsn')} />}
      {d.about === 'name' && <SubjectByName person={person} setPerson={setPerson} errors={errors} />}
      {(d.about === 'name' || d.about === 'description') && (
        <SubjectPersonsFields
          persons={d.others ?? []}
          onChange={(others) => set('others', others)}
          errors={errors}
          first={d.about === 'name' ? 2 : 1}
          offset={d.about === 'name' && !person.personId ? 1 : 0}
        />
      )}
      {d.about !== 'family' && (
        <SubjectAddressFields address={d.address ?? emptyAddress()} onChange={(address) => set('address', address)} errors={errors} />
      )}
      <div className="regie-grid">
        <TextInput
          label={`${t('description')}${d.about === 'description' ? '' : ` ${t('optional')}`}`}
          hint={t('descriptionHint')}
          {...bind('subjectDescription')}
        />
        <TextInput label={`${t('place')} ${t('optional')}`} {...bind('subjectPlace')} />
      </div>
    </>
  );
}
