import { RegionGroupedSelect, type RegionOrganisation } from '../../ui/RegionGroupedSelect.js';
import { useSignalT } from './texts.js';

/** The organisations to hand over to: the own region's first; those of other regions grouped per region (as on the handover screen). */
export function TargetSelect({
  receivers,
  ownRegionId,
  value,
  onChange,
  error,
}: {
  receivers: RegionOrganisation[];
  ownRegionId: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const t = useSignalT();
  return (
    <RegionGroupedSelect
      label={t('target')}
      hint={t('targetHint')}
      regionsHint={t('targetHintRegions')}
      name="targetOrganisationId"
      organisations={receivers}
      ownRegionId={ownRegionId}
      value={value}
      onChange={onChange}
      field="targetOrganisationId"
      error={error}
      groupLabel={(own, name) => (own ? t('ownRegion', { name }) : t('otherRegion', { name }))}
    />
  );
}
