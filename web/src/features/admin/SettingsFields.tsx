// The region settings' field groups: the triage norms per urgency, the front door of the public
// concern form, and whether 5 May counts as a holiday in lead times.
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n, useLocalT } from '../../i18n.js';
import { TextInput, type FieldBinder } from '../../ui/forms.js';
import { PlainSelect } from './controls.js';
import { URGENCIES, type SettingsDraft } from './region-settings.js';
import { LIBERATION_DAY_RULES, TEXTS, type LiberationDay, type Organisation, type RegionSettings } from './texts.js';

export function NormFields({ base, bind }: { base: RegionSettings; bind: FieldBinder<SettingsDraft> }) {
  const t = useLocalT(TEXTS);
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset">
      <legend className="utrecht-form-fieldset__legend">{t('normsTitle')}</legend>
      <Paragraph>
        {t('normsIntro')} {t('orderHint')}
      </Paragraph>
      <div className="regie-grid">
        {URGENCIES.map((u) => (
          <TextInput
            key={u}
            label={`${t(u)} (${t('workingDays')})`}
            hint={t('rangeHint', { max: base.limits[u] })}
            type="number"
            inputMode="numeric"
            min={0}
            max={base.limits[u]}
            step={1}
            {...bind(u, `workingDays.${u}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function FrontDoorFields({ base, doors, bind }: { base: RegionSettings; doors: Organisation[]; bind: FieldBinder<SettingsDraft> }) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset regie-admin-wide">
      <legend className="utrecht-form-fieldset__legend">{t('frontDoorTitle')}</legend>
      <Paragraph>{t('frontDoorIntro')}</Paragraph>
      <Paragraph className={base.publicFormOpen ? undefined : 'regie-muted'}>
        <strong>{base.frontDoorOrganisation ? t('formOpen', { org: base.frontDoorOrganisation.name }) : t('formClosed')}</strong>
      </Paragraph>
      <PlainSelect
        label={t('frontDoor')}
        hint={t('frontDoorHint')}
        {...bind('frontDoor', 'frontDoorOrganisationId')}
        options={[{ value: '', label: t('frontDoorNone') }, ...doors.map((o) => ({ value: o.id, label: `${o.name} (${label(o.type)})` }))]}
      />
    </fieldset>
  );
}

export function HolidayFields({ value, onChange, error }: { value: LiberationDay; onChange: (v: LiberationDay) => void; error?: string }) {
  const t = useLocalT(TEXTS);
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset regie-admin-wide">
      <legend className="utrecht-form-fieldset__legend">{t('holidaysTitle')}</legend>
      <Paragraph>{t('holidaysIntro')}</Paragraph>
      <PlainSelect
        label={t('liberationDay')}
        hint={t('liberationDayHint')}
        value={value}
        onChange={(e) => onChange(e.target.value as LiberationDay)}
        field="liberationDay"
        error={error}
        options={LIBERATION_DAY_RULES.map((v) => ({ value: v, label: t(`lib_${v}`) }))}
      />
    </fieldset>
  );
}
