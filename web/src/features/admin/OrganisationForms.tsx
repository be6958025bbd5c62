// Adding an organisation and changing one (name, type, safety task); a 409 keeps the input and offers the latest version.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, put } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { fieldBinder, fieldErrors, ProblemAlert, Select, SubmitForm, TextInput, useAction, useDraft } from '../../ui/forms.js';
import { Checkbox } from '../signals/controls.js';
import { StaleAlert } from './StaleAlert.js';
import { rebase } from './rebase.js';
import { ORGANISATION_TYPES, SAFETY_TYPES, TEXTS, type Organisation } from './texts.js';

interface Draft {
  name: string;
  type: string;
  safetyTask: boolean;
}
const toDraft = (o: Organisation): Draft => ({ name: o.name, type: o.type, safetyTask: o.safetyTask });

function OrganisationFields({ d, setD, errors }: { d: Draft; setD: (d: Draft) => void; errors: Record<string, string> }) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  const bind = fieldBinder(d, setD, errors);
  return (
    <>
      <div className="regie-grid">
        <TextInput label={t('name')} {...bind('name')} autoComplete="organization" />
        <Select
          label={t('type')}
          value={d.type}
          field="type"
          error={errors.type}
          onChange={(e) => setD({ ...d, type: e.target.value, safetyTask: SAFETY_TYPES.includes(e.target.value) })}
          options={ORGANISATION_TYPES.map((v) => ({ value: v, label: label(v) }))}
        />
      </div>
      <Checkbox
        label={t('safetyTaskLabel')}
        hint={t('safetyTaskHint')}
        checked={d.safetyTask}
        onChange={(v) => setD({ ...d, safetyTask: v })}
      />
      {errors.safetyTask && <Paragraph className="utrecht-form-field-error-message">{errors.safetyTask}</Paragraph>}
    </>
  );
}

export function NewOrganisation({ onCreated }: { onCreated: (o: Organisation) => void }) {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const { session } = useSession();
  const initial: Draft = { name: '', type: '', safetyTask: false };
  const [d, setD, draft] = useDraft<Draft>(`${session!.user.id}.admin.organisation-new`, initial);
  const { error, busy, run } = useAction();
  const submit = () =>
    run(async () => {
      const o = await post('/api/v1/organisations', { body: { name: d.name, type: d.type, safetyTask: d.safetyTask } });
      draft.clear();
      setD(initial);
      onCreated(o);
    });
  return (
    <section className="regie-section" aria-labelledby="admin-org-new">
      <Heading level={2} id="admin-org-new">
        {t('newOrg')}
      </Heading>
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        <OrganisationFields d={d} setD={setD} errors={fieldErrors(error, lang)} />
        <div className="regie-actions">
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {t('add')}
          </Button>
        </div>
      </SubmitForm>
    </section>
  );
}

export function EditOrganisation({
  org: initialOrg,
  onSaved,
  onCancel,
}: {
  org: Organisation;
  onSaved: (o: Organisation) => void;
  onCancel: () => void;
}) {
  const t = useLocalT(TEXTS);
  const { lang, label } = useI18n();
  const { session } = useSession();
  const [org, setOrg] = useState(initialOrg);
  const [d, setD, draft] = useDraft<Draft>(`${session!.user.id}.admin.organisation.${org.id}`, toDraft(org));
  const { error, setError, busy, run } = useAction();
  const [reloaded, setReloaded] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const submit = () =>
    run(async () => {
      const saved = await put('/api/v1/organisations/:organisationId', {
        params: { organisationId: org.id },
        body: { name: d.name, type: d.type, safetyTask: d.safetyTask, version: org.version },
      });
      draft.clear();
      onSaved(saved);
    });
  const reload = async () => {
    setError(null);
    try {
      const latest = await get('/api/v1/organisations/:organisationId', { params: { organisationId: org.id } });
      setD(rebase(d, toDraft(org), toDraft(latest)));
      setOrg(latest);
      setReloaded(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="regie-section regie-edit" aria-labelledby="admin-org-edit">
      <Heading level={2} id="admin-org-edit" ref={heading} tabIndex={-1}>
        {t('editOrg', { name: org.name })}
      </Heading>
      {reloaded && !error && (
        <Alert type="info">
          <Paragraph>
            {t('latestLoaded', { values: `${org.name}, ${label(org.type)}, ${t('safetyTask')}: ${org.safetyTask ? t('yes') : t('no')}` })}
          </Paragraph>
        </Alert>
      )}
      <StaleAlert
        error={error}
        onReload={() => {
          void reload();
        }}
      />
      <SubmitForm onSubmit={submit}>
        <OrganisationFields d={d} setD={setD} errors={fieldErrors(error, lang)} />
        <div className="regie-actions">
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {t('save')}
          </Button>
          <Button
            appearance="subtle-button"
            onClick={() => {
              draft.clear();
              onCancel();
            }}
          >
            {t('cancel')}
          </Button>
        </div>
      </SubmitForm>
    </section>
  );
}
