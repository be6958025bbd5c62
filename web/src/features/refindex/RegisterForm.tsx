// Registering involvement with a young person: BSN, contact details, period and legal basis.
// Never the content of care. Problems come back per field (problem+json) and the input stays.
import { useState } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import {
  check,
  DraftNotice,
  formError,
  ProblemAlert,
  Select,
  SubmitForm,
  SubmitRow,
  TextInput,
  useDraft,
  useFormAction,
} from '../../ui/forms.js';
import { isValidBsn } from '@contract/shared/bsn.js';
import { isCalendarDate } from '@contract/shared/primitives.js';
import { REFINDEX_CHANGED, TEXTS } from './texts.js';
import { BirthDateInput, BsnInput, DateInput } from '../../ui/date-fields.js';

interface Draft {
  bsn: string;
  birthDate: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  startDate: string;
  endDate: string;
  legalBasis: string;
}

export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  const { session } = useSession();
  const me = session!.user;
  const initial: Draft = {
    bsn: '',
    birthDate: '',
    contactName: me.displayName,
    contactPhone: '',
    contactEmail: '',
    startDate: '',
    endDate: '',
    legalBasis: '',
  };
  const [d, setD, draft] = useDraft<Draft>(`${me.id}.refindex-register`, initial);
  const [done, setDone] = useState<string | null>(null);
  const { error, busy, run, bind } = useFormAction(d, setD);

  /** The form's own check first: one message per field, the first rule that fails (missing, then 9 digits, then the elfproef). */
  const own = () => {
    const bsn = d.bsn.replace(/\s/g, '');
    const m = (k: keyof typeof TEXTS.nl) => [TEXTS.nl[k], TEXTS.en[k]] as const;
    return check([
      [
        'bsn',
        [
          [!bsn, ...m('bsnMissing')],
          [!/^\d{9}$/.test(bsn), ...m('bsnDigits')],
          [!isValidBsn(bsn), ...m('bsnElfproef')],
        ],
      ],
      [
        'birthDate',
        [
          [!d.birthDate, ...m('birthDateMissing')],
          [!isCalendarDate(d.birthDate), ...m('birthDateWrong')],
        ],
      ],
      ['legalBasis', [[!d.legalBasis, ...m('legalBasisMissing')]]],
    ]);
  };
  const submit = () => {
    setDone(null);
    return run(async () => {
      const bad = own();
      if (bad.length) throw formError(bad);
      const optional = (k: keyof Draft) => (d[k].trim() ? { [k]: d[k].trim() } : {});
      const r = await post('/api/v1/refindex/registrations', {
        body: {
          bsn: d.bsn.replace(/\s/g, ''),
          birthDate: d.birthDate,
          contactName: d.contactName.trim(),
          legalBasis: d.legalBasis,
          ...optional('contactPhone'),
          ...optional('contactEmail'),
          ...optional('startDate'),
          ...optional('endDate'),
        },
      });
      draft.clear();
      setD({
        ...initial,
        contactName: d.contactName,
        contactPhone: d.contactPhone,
        contactEmail: d.contactEmail,
        legalBasis: d.legalBasis,
      });
      setDone(r.newMatches.length ? t('registeredMatch', { n: r.newMatches.length }) : t('registered'));
      window.dispatchEvent(new Event(REFINDEX_CHANGED));
      onRegistered();
    });
  };

  return (
    <section className="regie-section" aria-labelledby="refindex-register">
      <Heading level={2} id="refindex-register">
        {t('registerTitle')}
      </Heading>
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      <DraftNotice draft={draft} />
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit} className="regie-refindex-form">
        <div className="regie-grid">
          <BsnInput label={t('bsn')} {...bind.value('bsn')} />
          <BirthDateInput label={t('birthDate')} hint={t('birthDateHint')} {...bind.value('birthDate')} />
          <Select
            label={t('legalBasis')}
            hint={t('legalHint')}
            {...bind('legalBasis')}
            options={['statutory_task', 'consent'].map((b) => ({ value: b, label: label(b) }))}
          />
        </div>
        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('contactDetails')}</legend>
          <Paragraph className="regie-muted">{t('contactHint')}</Paragraph>
          <div className="regie-grid">
            <TextInput label={t('contactName')} autoComplete="name" {...bind('contactName')} />
            <TextInput label={t('contactPhone')} type="tel" autoComplete="tel" {...bind('contactPhone')} />
            <TextInput label={t('contactEmail')} type="email" autoComplete="email" {...bind('contactEmail')} />
          </div>
        </fieldset>
        <div className="regie-grid">
          <DateInput label={`${t('startDate')} ${t('optional')}`} hint={t('startHint')} {...bind.value('startDate')} />
          <DateInput label={`${t('endDate')} ${t('optional')}`} hint={t('endHint')} {...bind.value('endDate')} />
        </div>
        <SubmitRow label={t('register')} busy={busy} />
      </SubmitForm>
    </section>
  );
}
