// Whom a signal is about, in structure: persons (names, birth date when known) and an address.
// Used by the professional's signal form and the public concern form; the address lets triage
// recognise a second signal about the same house ("possibly the same family").
import { Button } from '@rijkshuisstijl-community/components-react';
import { TextInput } from '../../ui/forms.js';
import { useSignalT } from './texts.js';
import { emptyPersonLite, type AddressDraft, type PersonDraftLite } from './drafts.js';
import { BirthDateInput } from '../../ui/date-fields.js';

/** Persons as fieldsets "Persoon n"; `first` is the number of the first one shown (a form may show person 1 elsewhere). */
export function SubjectPersonsFields({
  persons,
  onChange,
  errors,
  first = 1,
  offset = 0,
}: {
  persons: PersonDraftLite[];
  onChange: (p: PersonDraftLite[]) => void;
  errors: Record<string, string>;
  /** Number shown for the first person in this list. */
  first?: number;
  /** Index in the API's subjectPersons array of the first person in this list (for error messages). */
  offset?: number;
}) {
  const t = useSignalT();
  const set = (i: number, v: Partial<PersonDraftLite>) => onChange(persons.map((p, j) => (j === i ? { ...p, ...v } : p)));
  const err = (i: number, k: string) => errors[`subjectPersons[${i + offset}].${k}`];
  return (
    <>
      {persons.map((p, i) => (
        <fieldset key={i} className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('personN', { n: i + first })}</legend>
          <div className="regie-grid">
            <TextInput
              label={t('givenNames')}
              autoComplete="off"
              value={p.givenNames}
              field={`subjectPersons[${i + offset}].givenNames`}
              error={err(i, 'givenNames')}
              onChange={(e) => set(i, { givenNames: e.target.value })}
            />
            <TextInput
              label={`${t('familyNamePrefix')} ${t('optional')}`}
              autoComplete="off"
              value={p.familyNamePrefix}
              field={`subjectPersons[${i + offset}].familyNamePrefix`}
              error={err(i, 'familyNamePrefix')}
              onChange={(e) => set(i, { familyNamePrefix: e.target.value })}
            />
            <TextInput
              label={t('familyName')}
              autoComplete="off"
              value={p.familyName}
              field={`subjectPersons[${i + offset}].familyName`}
              error={err(i, 'familyName')}
              onChange={(e) => set(i, { familyName: e.target.value })}
            />
            <BirthDateInput
              label={`${t('birthDate')} ${t('ifKnown')}`}
              value={p.birthDate}
              field={`subjectPersons[${i + offset}].birthDate`}
              error={err(i, 'birthDate')}
              onChange={(v) => set(i, { birthDate: v })}
            />
          </div>
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            aria-label={`${t('removePerson')}: ${t('personN', { n: i + first })}`}
            onClick={() => onChange(persons.filter((_, j) => j !== i))}
          >
            {t('removePerson')}
          </button>
        </fieldset>
      ))}
      <Button appearance="secondary-action-button" type="button" onClick={() => onChange([...persons, emptyPersonLite()])}>
        {persons.length + first > 1 ? t('addAnotherPerson') : t('addPerson')}
      </Button>
    </>
  );
}

export function SubjectAddressFields({
  address,
  onChange,
  errors,
  legend,
}: {
  address: AddressDraft;
  onChange: (a: AddressDraft) => void;
  errors: Record<string, string>;
  legend?: string;
}) {
  const t = useSignalT();
  const set = (k: keyof AddressDraft) => (e: { target: { value: string } }) => onChange({ ...address, [k]: e.target.value });
  const err = (k: string) => errors[`subjectAddress.${k}`];
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset">
      <legend className="utrecht-form-fieldset__legend">
        {legend ?? t('addressTitle')} {t('optional')}
      </legend>
      <p className="utrecht-paragraph regie-muted">{t('addressHint')}</p>
      <div className="regie-grid">
        <TextInput
          label={t('street')}
          autoComplete="off"
          value={address.street}
          field={`subjectAddress.street`}
          error={err('street')}
          onChange={set('street')}
        />
        <TextInput
          label={t('houseNumber')}
          hint={t('houseNumberHint')}
          autoComplete="off"
          value={address.houseNumber}
          field={`subjectAddress.houseNumber`}
          error={err('houseNumber')}
          onChange={set('houseNumber')}
        />
        <TextInput
          label={t('postcode')}
          hint={t('postcodeHint')}
          autoComplete="off"
          value={address.postcode}
          field={`subjectAddress.postcode`}
          error={err('postcode')}
          onChange={set('postcode')}
        />
        <TextInput
          label={t('city')}
          autoComplete="off"
          value={address.city}
          field={`subjectAddress.city`}
          error={err('city')}
          onChange={set('city')}
        />
      </div>
    </fieldset>
  );
}
