// Changing the case team: ending a membership, changing its legal basis, adding a team member.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { LEGAL_BASES } from '@contract/shared/enums.js';
import { useI18n } from '../../i18n.js';
import { FieldScope, fieldErrors, Select, TextInput } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { useProfessionals } from './professionals.js';

const BASES = LEGAL_BASES;

export function EndMembership({ name, onEnd }: { caseId: string; membershipId: string; name: string; onEnd: (reason: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)} aria-label={`${t('endMembership')}: ${name}`}>
        {t('endMembership')}
      </Button>
    );
  return (
    <FieldScope name={`end-${name}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onEnd(reason);
        }}
        className="regie-inline-form"
      >
        <TextInput label={`${t('endReason')} (${name})`} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button appearance="primary-action-button" type="submit">
          {t('endMembership')}
        </Button>
        <Button appearance="subtle-button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </form>
    </FieldScope>
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
  const [open, setOpen] = useState(false);
  const [basis, setBasis] = useState('');
  const errors = fieldErrors(error, lang);
  if (!open)
    return (
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)} aria-label={`${t('changeBasis')}: ${name}`}>
        {t('changeBasis')}
      </Button>
    );
  return (
    <FieldScope name={`basis-${name}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange(basis);
        }}
        className="regie-inline-form"
        noValidate
      >
        <Select
          label={`${t('newBasis')} (${name})`}
          value={basis}
          onChange={(e) => setBasis(e.target.value)}
          field="legalBasis"
          error={errors.legalBasis}
          options={BASES.filter((b) => b !== current).map((b) => ({ value: b, label: label(b) }))}
        />
        <Button appearance="primary-action-button" type="submit">
          {t('save')}
        </Button>
        <Button appearance="subtle-button" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </form>
    </FieldScope>
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
  const [userId, setUserId] = useState('');
  const [basis, setBasis] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure">
      <summary>{t('addTeamMember')}</summary>
      <FieldScope name="team">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(userId, basis, startsOn);
          }}
          noValidate
        >
          <div className="regie-grid">
            <Select
              label={t('person')}
              value={userId}
              onChange={(e) => setUserId(e.target.value)}
              field="userId"
              error={errors.userId}
              options={pros.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }))}
            />
            <Select
              label={t('legalBasis')}
              value={basis}
              onChange={(e) => setBasis(e.target.value)}
              field="legalBasis"
              error={errors.legalBasis}
              options={BASES.map((b) => ({ value: b, label: label(b) }))}
            />
            <DateInput
              label={`${t('startsOn')} ${t('optional')}`}
              hint={t('startsOnHint')}
              value={startsOn}
              onChange={setStartsOn}
              field="startsOn"
              error={errors.startsOn}
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
