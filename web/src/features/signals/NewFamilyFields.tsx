// Triage's "open a case" for a family Regie does not know yet: its members, drafted from the signal.
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { PersonFields, type PersonDraft } from '../families/MemberForms.js';
import { useSignalT } from './texts.js';
import { withNewMember } from './triage-members.js';

/** The members of the family to register, each removable while more than one is left; another one lives at the first one's address. */
export function NewFamilyFields({
  members,
  onChange,
  errors,
}: {
  members: PersonDraft[];
  onChange: (members: PersonDraft[]) => void;
  errors: Record<string, string>;
}) {
  const t = useSignalT();
  const setMember = (i: number, m: PersonDraft) => onChange(members.map((x, j) => (j === i ? m : x)));
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset">
      <legend className="utrecht-form-fieldset__legend">{t('newFamilyTitle')}</legend>
      <Paragraph>{t('newFamilyIntro')}</Paragraph>
      {errors.newFamily && (
        <Alert type="error">
          <Paragraph>{errors.newFamily}</Paragraph>
        </Alert>
      )}
      {members.map((m, i) => (
        <fieldset key={i} className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('memberN', { n: i + 1 })}</legend>
          <PersonFields value={m} prefix={`newFamily.members[${i}].`} errors={errors} onChange={(p) => setMember(i, p)} />
          {members.length > 1 && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              aria-label={`${t('removeMember')}: ${t('memberN', { n: i + 1 })}`}
              onClick={() => onChange(members.filter((_, j) => j !== i))}
            >
              {t('removeMember')}
            </button>
          )}
        </fieldset>
      ))}
      <Button appearance="secondary-action-button" type="button" onClick={() => onChange(withNewMember(members))}>
        {t('addMember')}
      </Button>
    </fieldset>
  );
}
