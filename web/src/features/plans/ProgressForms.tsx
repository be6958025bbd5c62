// How the actions of the agreed plan go (issue 14): per action a small form for its stand — open,
// done, or not done and why — recorded beside the agreed version, which itself does not change.
import { useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { DisclosureForm, fieldErrors, FieldScope, Select, TextArea, useAction } from '../../ui/forms.js';
import { usePlanT } from './texts.js';
import type { Version } from './VersionContent.js';

type Action = Version['actions'][number];
type Stand = Action['progress']['status'];

export function ProgressForms({ v, onChanged }: { v: Version; onChanged: () => void }) {
  const t = usePlanT();
  if (v.status !== 'agreed' || v.actions.length === 0) return null;
  return (
    <>
      <Heading level={3}>{t('progressTitle')}</Heading>
      <Paragraph className="regie-muted">{t('progressIntro')}</Paragraph>
      {v.actions.map((a) => (
        <FieldScope key={a.id} name={`progress-${a.id}`}>
          <ProgressForm action={a} onSaved={onChanged} />
        </FieldScope>
      ))}
    </>
  );
}

function ProgressForm({ action, onSaved }: { action: Action; onSaved: () => void }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const [status, setStatus] = useState<Stand>(action.progress.status);
  const [reason, setReason] = useState(action.progress.notDoneReason ?? '');
  const { error, busy, run } = useAction();
  const errors = fieldErrors(error, lang);
  const submit = () =>
    run(async () => {
      await post('/api/v1/plan-actions/:actionId/progress', {
        params: { actionId: action.id },
        body: { status, version: action.progress.version, ...(status === 'not_done' && reason.trim() ? { notDoneReason: reason } : {}) },
      });
      onSaved();
    });
  return (
    <DisclosureForm summary={t('progressFor', { what: action.description })} error={error} onSubmit={submit}>
      <Select
        label={t('progressStand')}
        name="status"
        field="status"
        value={status}
        onChange={(e) => setStatus(e.target.value as Stand)}
        error={errors.status}
        options={[
          { value: 'open', label: t('a_open') },
          { value: 'done', label: t('a_done') },
          { value: 'not_done', label: t('a_not_done') },
        ]}
      />
      {status === 'not_done' && (
        <TextArea
          label={t('notDoneReason')}
          name="notDoneReason"
          field="notDoneReason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.notDoneReason}
        />
      )}
      <Button appearance="primary-action-button" type="submit" disabled={busy}>
        {t('progressSave')}
      </Button>
    </DisclosureForm>
  );
}
