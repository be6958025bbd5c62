// Changing the case team: ending a membership, changing its legal basis, adding a team member.
import { useState, type ReactNode } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { FieldScope, fieldBinder, fieldErrors, FoldedForm, Select, SubmitForm, TextInput } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { useProfessionals } from './professionals.js';
import { legalBasisOptions, professionalOptions } from './CaseForms.js';

/** A small form about one team member behind a button of its own: it opens in place, with save and cancel. */
function MemberAction({
  action,
  name,
  scope,
  submitLabel,
  onSubmit,
  children,
}: {
  action: string;
  name: string;
  scope: string;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)} aria-label={`${action}: ${name}`}>
        {action}
      </Button>
    );
  return (
    <FieldScope name={scope}>
      <SubmitForm onSubmit={onSubmit} className="regie-inline-form">
        {children}
        <Button appearance="primary-action-button" type="submit">
          {submitLabel}
        </Button>
        <Button appearance="subtle-button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </SubmitForm>
    </FieldScope>
  );
}

export function EndMembership({ name, onEnd }: { caseId: string; membershipId: string; name: string; onEnd: (reason: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <MemberAction
      action={t('endMembership')}
      name={name}
      scope={`end-${name}`}
      submitLabel={t('endMembership')}
      onSubmit={() => onEnd(reason)}
    >
      <TextInput label={`${t('endReason')} (${name})`} value={reason} onChange={(e) => setReason(e.target.value)} />
    </MemberAction>
  );
}

/** The legal basis of one membership; the version it was shown with goes along, so a change made meanwhile answers 409 and the choice stays. */
export function ChangeBasis({
  name,
  current,
  onChange,
  error,
}: {
  name: string;
  current: string;
  onChange: (legalBasis: string) => void;
  error: unknown;
}) {
  const { t, label, lang } = useI18n();
  const [v, setV] = useState({ legalBasis: '' });
  const bind = fieldBinder(v, setV, fieldErrors(error, lang));
  return (
    <MemberAction
      action={t('changeBasis')}
      name={name}
      scope={`basis-${name}`}
      submitLabel={t('save')}
      onSubmit={() => onChange(v.legalBasis)}
    >
      <Select label={`${t('newBasis')} (${name})`} {...bind('legalBasis')} options={legalBasisOptions(label, current)} />
    </MemberAction>
  );
}

export function AddTeamMemberForm({
  onSubmit,
  error,
}: {
  onSubmit: (userId: string, legalBasis: string, startsOn: string) => void;
  error: unknown;
}) {
  const { t, label, lang } = useI18n();
  const pros = useProfessionals(false);
  const [v, setV] = useState({ userId: '', legalBasis: '', startsOn: '' });
  const bind = fieldBinder(v, setV, fieldErrors(error, lang));
  return (
    <FoldedForm
      summary={t('addTeamMember')}
      scope="team"
      submitLabel={t('save')}
      onSubmit={() => onSubmit(v.userId, v.legalBasis, v.startsOn)}
    >
      <div className="regie-grid">
        <Select label={t('person')} {...bind('userId')} options={professionalOptions(pros)} />
        <Select label={t('legalBasis')} {...bind('legalBasis')} options={legalBasisOptions(label)} />
        <DateInput label={`${t('startsOn')} ${t('optional')}`} hint={t('startsOnHint')} {...bind.value('startsOn')} />
      </div>
    </FoldedForm>
  );
}
