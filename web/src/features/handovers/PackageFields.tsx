// The information package of a handover as fields: reason, safety, what is known, the legal basis
// and whether the sender's access ends.
import { useI18n } from '../../i18n.js';
import { Select, TextArea, type FieldBinder } from '../../ui/forms.js';
import { RadioGroup } from '../signals/controls.js';
import type { SendDraft } from './send-handover.js';
import { useHandoverT } from './texts.js';

export function PackageFields({ bind }: { bind: FieldBinder<SendDraft> }) {
  const t = useHandoverT();
  const { label } = useI18n();
  return (
    <>
      <TextArea label={t('reason')} name="reason" {...bind('reason')} />
      <RadioGroup
        legend={t('safety')}
        name="safetyAssessment"
        {...bind.value('safetyAssessment')}
        options={(['unsafe', 'concerns', 'safe'] as const).map((v) => ({ value: v, label: t(v) }))}
      />
      <TextArea label={t('safetyNotes')} name="safetyNotes" {...bind('safetyNotes')} />
      <TextArea label={t('known')} hint={t('knownHint')} name="knownInformation" {...bind('knownInformation')} rows={5} />
      <div className="regie-grid">
        <Select
          label={t('legalBasis')}
          name="legalBasis"
          {...bind('legalBasis')}
          options={['statutory_task', 'safety', 'consent'].map((b) => ({ value: b, label: label(b) }))}
        />
      </div>
      <RadioGroup
        legend={t('senderAccess')}
        name="senderAccess"
        {...bind.value('senderAccess')}
        options={[
          { value: 'ends' as const, label: t('ends') },
          { value: 'continues' as const, label: t('continues') },
        ]}
      />
    </>
  );
}
