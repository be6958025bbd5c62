// Creating an account: the temporary password is shown once. Input is kept as a draft.
import { useState } from 'react';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { post, type ApiResponse } from '../../api.js';
import { useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { Section } from '../../ui/page-parts.js';
import { ProblemAlert, Select, SubmitForm, SubmitRow, TextInput, useDraft, useFormAction } from '../../ui/forms.js';
import { EmailInput, RoleChoice, rolesError } from './AccountFields.js';
import { NEW_ACCOUNT, newAccountBody, type NewDraft } from './account-drafts.js';
import { CreatedAccount } from './CreatedAccount.js';
import { TEXTS, type Organisation } from './texts.js';

export function NewAccount({
  orgs,
  onCreated,
  emailRequired = false,
}: {
  orgs: Organisation[];
  onCreated: () => void;
  emailRequired?: boolean;
}) {
  const t = useLocalT(TEXTS);
  const { session } = useSession();
  const [d, setD, draft] = useDraft<NewDraft>(`${session!.user.id}.admin.account-new`, NEW_ACCOUNT);
  const { error, busy, run, errors, bind } = useFormAction(d, setD);
  const [created, setCreated] = useState<ApiResponse<'POST', '/api/v1/accounts'> | null>(null);
  const submit = () => {
    setCreated(null);
    return run(async () => {
      const r = await post('/api/v1/accounts', { body: newAccountBody(d) });
      draft.clear();
      setD({ ...NEW_ACCOUNT, organisationId: d.organisationId });
      setCreated(r);
      onCreated();
    });
  };
  return (
    <Section id="admin-account-new" title={t('newAccount')}>
      <div role="status">{created && <CreatedAccount created={created} />}</div>
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        <div className="regie-grid">
          <Select label={t('organisation')} {...bind('organisationId')} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          <TextInput label={t('displayName')} hint={t('displayNameHint')} autoComplete="off" {...bind('displayName')} />
          <TextInput label={t('username')} hint={t('usernameHint')} autoComplete="off" spellCheck={false} {...bind('username')} />
          <EmailInput required={emailRequired} {...bind('email')} />
        </div>
        <RoleChoice value={d.roles} onChange={(roles) => setD({ ...d, roles })} error={rolesError(errors)} />
        <Paragraph className="regie-muted">{t('fourEyesHint')}</Paragraph>
        <SubmitRow label={t('create')} busy={busy} />
      </SubmitForm>
    </Section>
  );
}
