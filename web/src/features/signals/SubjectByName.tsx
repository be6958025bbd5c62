// A signal about a person by name and birth date: the fields, and the persons Regie may already know by them.
import { TextInput } from '../../ui/forms.js';
import { BirthDateInput } from '../../ui/date-fields.js';
import { MatchSuggestions } from '../families/MatchSuggestions.js';
import { emptyPerson } from '../families/MemberForms.js';
import { useSignalT } from './texts.js';
import type { NamedPerson } from './signal-body.js';

/** The first person's names and birth date; changing one drops a confirmed link. */
export function SubjectByName({
  person,
  setPerson,
  errors,
}: {
  person: NamedPerson;
  setPerson: (v: Partial<NamedPerson>) => void;
  errors: Record<string, string>;
}) {
  const t = useSignalT();
  return (
    <>
      <div className="regie-grid">
        <TextInput
          label={t('givenNames')}
          autoComplete="off"
          value={person.givenNames}
          field="subjectPersons[0].givenNames"
          error={errors['subjectPersons[0].givenNames']}
          onChange={(e) => setPerson({ givenNames: e.target.value, personId: undefined })}
        />
        <TextInput
          label={`${t('familyNamePrefix')} ${t('optional')}`}
          autoComplete="off"
          value={person.familyNamePrefix}
          onChange={(e) => setPerson({ familyNamePrefix: e.target.value, personId: undefined })}
        />
        <TextInput
          label={t('familyName')}
          autoComplete="off"
          value={person.familyName}
          field="subjectPersons[0].familyName"
          error={errors['subjectPersons[0].familyName']}
          onChange={(e) => setPerson({ familyName: e.target.value, personId: undefined })}
        />
        <BirthDateInput
          label={t('birthDate')}
          value={person.birthDate}
          field="subjectPersons[0].birthDate"
          error={errors['subjectPersons[0].birthDate']}
          onChange={(v) => setPerson({ birthDate: v, personId: undefined })}
        />
      </div>
      <MatchSuggestions
        person={{ ...emptyPerson(), ...person }}
        existingPersonId={person.personId}
        rejected={person.rejected}
        onConfirm={(personId) => setPerson({ personId })}
        onReject={(id) => setPerson({ rejected: [...person.rejected, id] })}
      />
    </>
  );
}
