// Lowering a signal's (raised) urgency with a reason, before the triage decision.
import { useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, FieldScope, ProblemAlert, Select, SubmitForm, TextArea, useAction } from '../../ui/forms.js';
import { useSignalLabels, useSignalT } from './texts.js';
import type { SignalDetailData, Urgency } from './drafts.js';

/** The triaging professional lowers a (raised) urgency with a reason, before the triage decision. */
export function LowerUrgency({ signal, onDone }: { signal: SignalDetailData; onDone: (msg: string) => void }) {
  const { lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const [urgency, setUrgency] = useState<Urgency | ''>('');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useAction();
  const errors = fieldErrors(error, lang);
  const lower = (['acute', 'high', 'normal'] as const).slice((['acute', 'high', 'normal'] as const).indexOf(signal.urgency) + 1);
  const submit = () =>
    run(async () => {
      await post('/api/v1/signals/:signalId/urgency', {
        params: { signalId: signal.id },
        body: { urgency: urgency || undefined, reason, version: signal.version },
      });
      onDone(t('urgencyLoweredNotice'));
    });
  return (
    <details className="regie-section">
      <summary>{t('lowerUrgencyTitle')}</summary>
      <FieldScope name="lower-urgency">
        <SubmitForm onSubmit={submit} className="regie-inline-form">
          <ProblemAlert error={error} />
          <Select
            label={t('newUrgency')}
            value={urgency}
            field="urgency"
            error={errors.urgency}
            onChange={(e) => setUrgency(e.target.value as Urgency)}
            options={lower.map((u) => ({ value: u, label: lbl('urgency', u) }))}
          />
          <TextArea
            label={t('lowerReason')}
            value={reason}
            field="reason"
            error={errors.reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button appearance="secondary-action-button" type="submit" disabled={busy}>
            {t('lowerUrgency')}
          </Button>
        </SubmitForm>
      </FieldScope>
    </details>
  );
}
