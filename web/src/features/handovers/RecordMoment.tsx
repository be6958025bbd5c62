// The coordinator records a moment of the case's chain (first contact, plan agreed), today or on a chosen date.
import { useState } from 'react';
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm } from '../../ui/forms.js';
import { momentKey, useHandoverT } from './texts.js';
import { DateInput } from '../../ui/date-fields.js';

export function RecordMoment({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useHandoverT();
  const { lang } = useI18n();
  const [moment, setMoment] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const submit = async () => {
    setError(null);
    setNotice('');
    try {
      // A chosen date is recorded at noon (Dutch time), today's moment as now.
      await post('/api/v1/cases/:caseId/moments', {
        params: { caseId },
        body: { moment: moment || undefined, ...(date ? { occurredAt: new Date(`${date}T12:00:00`).toISOString() } : {}) },
      });
      setNotice(t('recorded'));
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure">
      <summary>{t('record')}</summary>
      <Paragraph className="regie-muted">{t('recordHint')}</Paragraph>
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit} className="regie-filters">
        <Select
          label={t('moment')}
          name="moment"
          value={moment}
          onChange={(e) => setMoment(e.target.value)}
          field="moment"
          error={errors.moment}
          options={['first_contact', 'plan_agreed'].map((m) => ({ value: m, label: t(momentKey(m)) }))}
        />
        <DateInput label={t('occurredAt')} name="occurredAt" value={date} onChange={setDate} field="occurredAt" error={errors.occurredAt} />
        <Button appearance="secondary-action-button" type="submit">
          {t('recordButton')}
        </Button>
      </SubmitForm>
    </details>
  );
}
