// Adding an organisation and changing one (name, type, safety task); a 409 keeps the input and offers the latest version.
import { useEffect, useRef } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, put } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ProblemAlert, SaveOrCancel, Select, SubmitForm, SubmitRow, TextInput, useDraft, useFormAction } from '../../ui/forms.js';
import type { FieldBinder } from '../../ui/field-binder.js';
import { Section } from '../../ui/page-parts.js';
import { Checkbox } from '../signals/controls.js';
import { StaleAlert } from './StaleAlert.js';
import { rebase } from './rebase.js';
import { useVersionedDraft } from '../../ui/versioned-draft.js';
import { ORGANISATION_TYPES, SAFETY_TYPES, TEXTS, type Organisation } from './texts.js';

interface Draft {
  name: string;
  type: string;
  safetyTask: boolean;
}
const toDraft = (o: Organisation): Draft => ({ name: o.name, type: o.type, safetyTask: o.safetyTask });

function OrganisationFields({
  d,
  setD,
  bind,
  errors,
}: {
  d: Draft;
  setD: (d: Draft) => void;
  bind: FieldBinder<Draft>;
  errors: Record<string, string>;
}) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
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
  const { session } = useSession();
  const initial: Draft = { name: '', type: '', safetyTask: false };
  const [d, setD, draft] = useDraft<Draft>(`${session!.user.id}.admin.organisation-new`, initial);
  const { error, busy, run, errors, bind } = useFormAction(d, setD);
  const submit = () =>
    run(async () => {
      const o = await post('/api/v1/organisations', { body: { name: d.name, type: d.type, safetyTask: d.safetyTask } });
      draft.clear();
      setD(initial);
      onCreated(o);
    });
  return (
    <Section id="admin-org-new" title={t('newOrg')}>
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        <OrganisationFields d={d} setD={setD} bind={bind} errors={errors} />
        <SubmitRow label={t('add')} busy={busy} />
      </SubmitForm>
    </Section>
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
  const { label } = useI18n();
  const { session } = useSession();
  const {
    base: org,
    d,
    setD,
    draft,
    reloaded,
    rebaseOn,
  } = useVersionedDraft(`${session!.user.id}.admin.organisation.${initialOrg.id}`, initialOrg, toDraft, rebase);
  const { error, busy, run, errors, bind } = useFormAction(d, setD);
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
  const reload = () =>
    run(async () => rebaseOn(await get('/api/v1/organisations/:organisationId', { params: { organisationId: org.id } })));
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
      <StaleAlert error={error} onReload={() => void reload()} />
      <SubmitForm onSubmit={submit}>
        <OrganisationFields d={d} setD={setD} bind={bind} errors={errors} />
        <SaveOrCancel busy={busy} draft={draft} onCancel={onCancel} />
      </SubmitForm>
    </section>
  );
}
