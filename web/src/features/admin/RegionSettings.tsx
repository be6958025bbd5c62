// "Regio-instellingen": the triage norms per urgency and the front door of the public concern
// form. The input is kept as a draft while typing; a save based on an older version is refused by
// the server (409), and the latest version can be loaded without losing what the user changed.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, put } from '../../api.js';
import { useApi } from '../../data.js';
import { useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ProblemAlert, SubmitForm, SubmitRow, useFormAction } from '../../ui/forms.js';
import { StaleAlert } from './StaleAlert.js';
import { rebase } from './rebase.js';
import { useVersionedDraft } from '../../ui/versioned-draft.js';
import { frontDoors, settingsBody, toDraft, URGENCIES } from './region-settings.js';
import { FrontDoorFields, HolidayFields, NormFields } from './SettingsFields.js';
import { TEXTS, type Organisation, type RegionSettings as Settings } from './texts.js';

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

  const submit = () => {
    setNotice(null);
    return run(async () => {
      const saved = await put('/api/v1/region-settings', { body: settingsBody(d, base) });
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

      <NormFields base={base} bind={bind} />
      <FrontDoorFields base={base} doors={frontDoors(orgs, base)} bind={bind} />
      <HolidayFields
        value={d.liberationDay ?? base.liberationDay}
        onChange={(liberationDay) => setD({ ...d, liberationDay })}
        error={errors.liberationDay}
      />

      <SubmitRow label={t('save')} busy={busy} />
    </SubmitForm>
  );
}
