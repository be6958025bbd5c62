// The choice of the organisation to hand over to (a case on the handover screen, a signal at
// triage): one wrapper of RegionGroupedSelect, the screen passing its own words and field name.
import { RegionGroupedSelect, type RegionOrganisation } from './RegionGroupedSelect.js';

/** What the screen that shows a receiver choice hands it: the receivers, the own region, the value. */
export interface ReceiverChoice {
  receivers: RegionOrganisation[];
  ownRegionId: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}

/** The words of the choice; `t` names a region's group ("Uw regio ({name})", "Regio {name}"). */
export interface ReceiverWords {
  label: string;
  hint: string;
  regionsHint: string;
  t: (key: 'ownRegion' | 'otherRegion', vars: { name: string }) => string;
}

/** The receivers of the own region first; those of other regions grouped per region. `name` is also the request field. */
export function ReceiverSelect({ name, receivers, t, ...rest }: ReceiverChoice & ReceiverWords & { name: string }) {
  return (
    <RegionGroupedSelect
      {...rest}
      name={name}
      field={name}
      organisations={receivers}
      groupLabel={(own, region) => (own ? t('ownRegion', { name: region }) : t('otherRegion', { name: region }))}
    />
  );
}
