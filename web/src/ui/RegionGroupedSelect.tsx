import type { ApiResponse } from '../api.js';
import { useI18n } from '../i18n.js';
import { Field } from './forms.js';

/** An organisation that may receive a handover, in the own region or another one (GET /api/v1/handover-receivers). */
export type RegionOrganisation = ApiResponse<'GET', '/api/v1/handover-receivers'>['items'][number];

/**
 * A choice of organisations that may lie in other regions (handovers when a family moves):
 * grouped by region, the user's own region first; a plain list when all are in one region.
 */
export function RegionGroupedSelect({
  label,
  hint,
  regionsHint,
  groupLabel,
  name,
  organisations,
  ownRegionId,
  value,
  onChange,
  error,
  field,
}: {
  label: string;
  hint: string;
  regionsHint: string;
  groupLabel: (own: boolean, regionName: string) => string;
  name: string;
  organisations: RegionOrganisation[];
  ownRegionId: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  field?: string;
}) {
  const { label: typeLabel, t } = useI18n();
  const regions = [...new Map(organisations.map((o) => [o.regionId, o.regionName])).entries()].sort(([a], [b]) =>
    a === ownRegionId ? -1 : b === ownRegionId ? 1 : 0,
  );
  const grouped = regions.some(([id]) => id !== ownRegionId);
  const option = (o: RegionOrganisation) => (
    <option key={`${o.regionId}.${o.id}`} value={o.id}>{`${o.name} (${typeLabel(o.type)})`}</option>
  );
  return (
    <Field label={label} hint={grouped ? `${hint}. ${regionsHint}.` : hint} error={error} field={field}>
      {(id, describedBy) => (
        <select
          id={id}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="utrecht-select utrecht-select--html-select"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('choose')}</option>
          {grouped
            ? regions.map(([regionId, regionName]) => (
                <optgroup key={regionId} label={groupLabel(regionId === ownRegionId, regionName)}>
                  {organisations.filter((o) => o.regionId === regionId).map(option)}
                </optgroup>
              ))
            : organisations.map(option)}
        </select>
      )}
    </Field>
  );
}
