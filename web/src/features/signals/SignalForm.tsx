import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { DraftNotice, ProblemAlert, Select, SubmitForm, SubmitRow, TextArea } from '../../ui/forms.js';
import { RadioGroup } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { ConcernFields } from './ConcernFields.js';
import { MeldcodeFields } from './MeldcodeFields.js';
import { AttachmentFields } from './AttachmentFields.js';
import { SignalSubjectFields } from './SignalSubjectFields.js';
import { SOURCES } from './drafts.js';
import { useSignalForm } from './useSignalForm.js';

/** Record a signal: whom it is about, what was seen, concerns per life domain, safety (Meldcode), urgency, files. */
export function SignalForm() {
  const { t: tg } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const { d, set, draft, error, busy, errors, bind, days, submit, ...f } = useSignalForm();

  return (
    <>
      <Heading level={1}>{t('newTitle')}</Heading>
      <Paragraph>{t('newIntro')}</Paragraph>
      <DraftNotice draft={draft} />
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        <div className="regie-grid">
          <Select
            label={t('receiving')}
            hint={t('receivingHint')}
            {...bind('receivingOrganisationId')}
            options={f.orgs.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select label={t('source')} {...bind('source')} options={SOURCES.map((s) => ({ value: s, label: lbl('source', s) }))} />
        </div>

        <SignalSubjectFields
          d={d}
          set={set}
          bind={bind}
          errors={errors}
          person={f.person}
          setPerson={f.setPerson}
          familyId={f.familyId}
          familyName={f.familyName}
        />

        <TextArea label={t('whatSeen')} hint={t('whatSeenHint')} rows={6} {...bind('whatSeen')} />

        <ConcernFields concerns={d.concerns} onChange={(concerns) => set('concerns', concerns)} errors={errors} />

        <MeldcodeFields
          safetyAtStake={d.safetyAtStake}
          onSafetyAtStake={(v) => set('safetyAtStake', v)}
          steps={d.steps}
          onSteps={(steps) => set('steps', steps)}
          errors={errors}
        />

        <RadioGroup
          name="urgency"
          legend={t('urgency')}
          {...bind.value('urgency')}
          options={(['acute', 'high', 'normal'] as const).map((u) => ({
            value: u,
            label: lbl('urgency', u),
            hint: days(u) === 0 ? t('sameDay') : t('withinDays', { n: days(u) }),
          }))}
        />

        <AttachmentFields files={f.files} onChange={f.setFiles} error={f.fileError} onError={f.setFileError} />

        <SubmitRow label={busy ? t('sending') : t('send')} busy={busy}>
          {draft.savedAt && (
            <span className="regie-muted" role="status">
              {tg('draftSaved')}
            </span>
          )}
        </SubmitRow>
      </SubmitForm>
    </>
  );
}
