// "Regio-instellingen": the triage norms per urgency and the front door of the public concern
// form. The input is kept as a draft while typing; a save based on an older version is refused by
// the server (409), and the latest version can be loaded without losing what the user changed.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, put } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ProblemAlert, SubmitForm, SubmitRow, TextInput, useFormAction } from '../../ui/forms.js';
import { StaleAlert } from './StaleAlert.js';
import { PlainSelect } from './controls.js';
import { rebase } from './rebase.js';
import { useVersionedDraft } from '../../ui/versioned-draft.js';
import {
  LIBERATION_DAY_RULES,
  TEXTS,
  type LiberationDay,
  type Organisation,
  type RegionSettings as Settings,
  type Urgency,
} from './texts.js';

const LIBERATION_DAY = LIBERATION_DAY_RULES;

const URGENCIES: Urgency[] = ['acute', 'high', 'normal'];
interface Draft {
  acute: string;
  high: string;
  normal: string;
  frontDoor: string;
  liberationDay?: LiberationDay;
}
const toDraft = (s: Settings): Draft => ({
  acute: String(s.workingDays.acute),
  high: String(s.workingDays.high),
  normal: String(s.workingDays.normal),
  frontDoor: s.frontDoorOrganisation?.id ?? '',
  liberationDay: s.liberationDay,
});
const latestSettings = () => get('/api/v1/region-settings');

export function RegionSettings() {
  const t = useLocalT(TEXTS);
  const settingsAnswer = useApi('/api/v1/region-settings');
  const orgsAnswer = useApi('/api/v1/organisations', { query: { limit: 500 } });
  const settings = settingsAnswer.data;
  const orgs = orgsAnswer.data?.items ?? [];
  const error = settingsAnswer.error ?? orgsAnswer.error;
  // A new key mounts a fresh form, which starts from the saved settings (after a discarded draft).
  const [formKey, setFormKey] = useState(0);
  const load = () => Promise.all([settingsAnswer.refetch(), orgsAnswer.refetch()]);
  return (
    <>
      <Heading level={1}>{t('settingsTitle')}</Heading>
      <Paragraph className="regie-lead">{t('settingsIntro')}</Paragraph>
      <ProblemAlert error={error} />
      {settings && (
        <SettingsForm
          key={formKey}
          initial={settings}
          orgs={orgs}
          onDiscard={() => {
            void load().then(() => setFormKey((k) => k + 1));
          }}
        />
      )}
    </>
  );
}

function SettingsForm({ initial, orgs, onDiscard }: { initial: Settings; orgs: Organisation[]; onDiscard: () => void }) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  const { session } = useSession();
  /** The saved settings this form is based on; its version goes with the save. */
  const { base, setBase, d, setD, draft, reloaded, setReloaded, rebaseOn } = useVersionedDraft(
    `${session!.user.id}.admin.region-settings`,
    initial,
    toDraft,
    rebase,
  );
  const { error, busy, run, errors, bind } = useFormAction(d, setD);
  const [notice, setNotice] = useState<string | null>(null);
  const [showRestored, setShowRestored] = useState(draft.restored);
  // The current front door stays in the list even if its type no longer fits, so the form shows the truth.
  const doors = orgs.filter((o) => base.frontDoorTypes.includes(o.type) || o.id === base.frontDoorOrganisation?.id);

  const submit = () => {
    setNotice(null);
    const num = (v: string) => (v.trim() === '' ? undefined : Number(v)); // left out: the server names the field
    return run(async () => {
      const saved = await put('/api/v1/region-settings', {
        body: {
          workingDays: { acute: num(d.acute), high: num(d.high), normal: num(d.normal) },
          frontDoorOrganisationId: d.frontDoor || null,
          liberationDay: d.liberationDay ?? base.liberationDay,
          version: base.version,
        },
      });
      // The form already shows what was saved; only the draft goes.
      draft.clear();
      setBase(saved);
      setShowRestored(false);
      setReloaded(false);
      setNotice(t('saved'));
    });
  };
  const reload = () => run(async () => rebaseOn(await latestSettings()));
  const saved = `${URGENCIES.map((u) => `${t(u)} ${base.workingDays[u]}`).join(', ')} ${t('workingDays')}; ${t('frontDoor')}: ${base.frontDoorOrganisation?.name ?? t('closed')}; ${t('liberationDay')}: ${t(`lib_${base.liberationDay}`)}`;

  return (
    <SubmitForm onSubmit={submit}>
      <div role="status">
        {notice && (
          <Alert type="ok" role="none">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
        {reloaded && !error && (
          <Alert type="info" role="none">
            <Paragraph>{t('latestLoaded', { values: saved })}</Paragraph>
          </Alert>
        )}
      </div>
      {showRestored && (
        <Alert type="info">
          <Paragraph>
            {t('draftRestored')}{' '}
            <Button
              appearance="subtle-button"
              onClick={() => {
                draft.clear();
                onDiscard();
              }}
            >
              {t('discardDraft')}
            </Button>
          </Paragraph>
        </Alert>
      )}
      <StaleAlert error={error} onReload={() => void reload()} />
      {!base.saved && <Paragraph className="regie-muted">{t('defaults')}</Paragraph>}

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
          options={[
            { value: '', label: t('frontDoorNone') },
            ...doors.map((o) => ({ value: o.id, label: `${o.name} (${label(o.type)})` })),
          ]}
        />
      </fieldset>

      <fieldset className="utrecht-form-fieldset regie-fieldset regie-admin-wide">
        <legend className="utrecht-form-fieldset__legend">{t('holidaysTitle')}</legend>
        <Paragraph>{t('holidaysIntro')}</Paragraph>
        <PlainSelect
          label={t('liberationDay')}
          hint={t('liberationDayHint')}
          value={d.liberationDay ?? base.liberationDay}
          onChange={(e) => setD({ ...d, liberationDay: e.target.value as LiberationDay })}
          field="liberationDay"
          error={errors.liberationDay}
          options={LIBERATION_DAY.map((v) => ({ value: v, label: t(`lib_${v}`) }))}
        />
      </fieldset>

      <SubmitRow label={t('save')} busy={busy} />
    </SubmitForm>
  );
}
