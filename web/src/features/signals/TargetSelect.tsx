import { ReceiverSelect, type ReceiverChoice } from '../../ui/ReceiverSelect.js';
import { useSignalT } from './texts.js';

/** The organisations to hand over to: the own region's first; those of other regions grouped per region (as on the handover screen). */
export function TargetSelect(props: ReceiverChoice) {
  const t = useSignalT();
  return (
    <ReceiverSelect
      {...props}
      name="targetOrganisationId"
      label={t('target')}
      hint={t('targetHint')}
      regionsHint={t('targetHintRegions')}
      t={t}
    />
  );
}
