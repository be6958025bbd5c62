// Editing one recorded family member in place, below the members table.
import { Button } from '@rijkshuisstijl-community/components-react';
import { put, ApiError } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { FieldScope, ProblemAlert, SaveOrCancel, SubmitForm, useDraft, useFormAction } from '../../ui/forms.js';
import { useSession } from '../../session.js';
import type { FamilyPageData } from './FamilyPage.js';
import { memberDraft, personPayload } from './person-draft.js';
import { PersonFields } from './PersonFields.js';

type Member = FamilyPageData['members'][number];

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
  const [person, setPerson, draft] = useDraft(`${session?.user.id}.person.${member.personId}`, memberDraft(member));
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
