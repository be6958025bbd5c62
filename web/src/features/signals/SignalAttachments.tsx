// A signal's files: the list to download, and the form to add one.
import { useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, SubmitForm, TextInput, useAction } from '../../ui/forms.js';
import { fmtDateTime } from '../../ui/time.js';
import { useSignalT } from './texts.js';
import { readFile, type SignalDetailData } from './drafts.js';

export function Attachments({ signal, onAdded }: { signal: SignalDetailData; onAdded: () => void }) {
  const { lang } = useI18n();
  const t = useSignalT();
  const [file, setFile] = useState<File | null>(null);
  const { error, busy, run } = useAction();
  const errors = fieldErrors(error, lang);
  const upload = () =>
    file &&
    run(async () => {
      const f = await readFile(file);
      await post('/api/v1/signals/:signalId/attachments', {
        params: { signalId: signal.id },
        body: { filename: f.filename, mediaType: f.mediaType, contentBase64: f.contentBase64 },
      });
      setFile(null);
      onAdded();
    });
  return (
    <section aria-labelledby="attachments-title" className="regie-section">
      <Heading level={2} id="attachments-title">
        {t('attachments')}
      </Heading>
      {signal.attachments.length === 0 ? (
        <Paragraph>{t('noAttachments')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {signal.attachments.map((a) => (
            <li key={a.id} className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={`/api/v1/signals/${signal.id}/attachments/${a.id}`} download={a.filename}>
                {t('download')}: {a.filename}
              </a>{' '}
              <span className="regie-muted">
                ({Math.max(1, Math.round(a.sizeBytes / 1024))} KB, {fmtDateTime(a.uploadedAt, lang)}
                {a.fromPublic ? `, ${t('fromPublic')}` : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {signal.access.mayAddAttachment && (
        <SubmitForm onSubmit={upload} className="regie-inline-form">
          <ProblemAlert error={error} />
          <TextInput
            label={t('addAttachment')}
            hint={t('attachmentsHint')}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
            field="contentBase64"
            error={errors.contentBase64}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Button appearance="secondary-action-button" type="submit" disabled={!file || busy}>
            {t('upload')}
          </Button>
        </SubmitForm>
      )}
    </section>
  );
}
