// Creating an account (the temporary password is shown once) and changing one: name, e-mail,
// roles, deactivate and reactivate. Input is kept as a draft; a 409 keeps it and offers the latest version.
import { useEffect, useRef, useState } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, put, type ApiResponse } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ProblemAlert, SaveOrCancel, Select, SubmitForm, SubmitRow, TextInput, useDraft, useFormAction } from '../../ui/forms.js';
import { AccountLifecycle, PendingRoleChange, SecurityActions } from './AccountActions.js';
import { CreatedAccount } from './CreatedAccount.js';
import { EmailInput, RoleChoice, rolesError } from './AccountFields.js';
import { StaleAlert } from './StaleAlert.js';
import { rebase } from './rebase.js';
import { useVersionedDraft } from '../../ui/versioned-draft.js';
import { TEXTS, type Account, type Organisation } from './texts.js';

interface NewDraft {
  organisationId: string;
  displayName: string;
  username: string;
  email: string;
  roles: string[];
}

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
  const initial: NewDraft = { organisationId: '', displayName: '', username: '', email: '', roles: ['professional'] };
  const [d, setD, draft] = useDraft<NewDraft>(`${session!.user.id}.admin.account-new`, initial);
  const { error, busy, run, errors, bind } = useFormAction(d, setD);
  const [created, setCreated] = useState<ApiResponse<'POST', '/api/v1/accounts'> | null>(null);
  const submit = () => {
    setCreated(null);
    return run(async () => {
      const r = await post('/api/v1/accounts', {
        body: {
          organisationId: d.organisationId,
          displayName: d.displayName,
          username: d.username,
          roles: d.roles,
          ...(d.email.trim() ? { email: d.email.trim() } : {}),
        },
      });
      draft.clear();
      setD({ ...initial, organisationId: d.organisationId });
      setCreated(r);
      onCreated();
    });
  };
  return (
    <section className="regie-section" aria-labelledby="admin-account-new">
      <Heading level={2} id="admin-account-new">
        {t('newAccount')}
      </Heading>
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
    </section>
  );
}

interface EditDraft {
  displayName: string;
  email: string;
  roles: string[];
}
const toDraft = (a: Account): EditDraft => ({ displayName: a.displayName, email: a.email ?? '', roles: a.roles });

export function EditAccount({
  account: initialAccount,
  self,
  onDone,
  onCancel,
  emailRequired = false,
}: {
  account: Account;
  self: boolean;
  onDone: (notice: string) => void;
  onCancel: () => void;
  emailRequired?: boolean;
}) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  const { session } = useSession();
  const {
    base: account,
    d,
    setD,
    draft,
    reloaded,
    rebaseOn,
  } = useVersionedDraft(`${session!.user.id}.admin.account.${initialAccount.id}`, initialAccount, toDraft, rebase);
  const { error, busy, run: act, errors, bind } = useFormAction(d, setD);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const name = account.displayName;

  /** An account action whose answer (a notice) goes to the list. */
  const run = (fn: () => Promise<string>) => act(async () => onDone(await fn()));
  const save = () =>
    run(async () => {
      const saved = await put('/api/v1/accounts/:userId', {
        params: { userId: account.id },
        body: { displayName: d.displayName, email: d.email.trim() || null, roles: d.roles, version: account.version },
      });
      draft.clear();
      return saved.pendingRoleChange && !account.pendingRoleChange
        ? t('proposed', { name: saved.displayName })
        : t('accountSaved', { name: saved.displayName });
    });
  const decide = (what: 'approval' | 'rejection') =>
    run(async () => {
      await post(what === 'approval' ? '/api/v1/accounts/:userId/role-change-approval' : '/api/v1/accounts/:userId/role-change-rejection', {
        params: { userId: account.id },
        body: { proposalId: account.pendingRoleChange!.id },
      });
      draft.clear();
      return t(what === 'approval' ? 'approved' : 'rejectedNotice', { name });
    });
  const resetTotp = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/authenticator-reset', {
        params: { userId: account.id },
        body: { version: account.version },
      });
      return t('totpReset', { name, n: r.sessionsEnded });
    });
  const resetPassword = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/password-reset', {
        params: { userId: account.id },
        body: { version: account.version },
      });
      return t('passwordReset', { name, password: r.initialPassword, n: r.sessionsEnded });
    });
  const pending = account.pendingRoleChange;
  const ownProposal = pending?.proposedBy.id === session!.user.id;
  const deactivate = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/deactivate', { params: { userId: account.id }, body: { version: account.version } });
      draft.clear();
      return t('deactivated', { name, n: r.sessionsEnded });
    });
  const reactivate = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/reactivate', { params: { userId: account.id }, body: { version: account.version } });
      draft.clear();
      return r.pendingRoleChange ? t('proposed', { name }) : t('reactivated', { name });
    });
  const reload = () => act(async () => rebaseOn(await get('/api/v1/accounts/:userId', { params: { userId: account.id } })));

  return (
    <section className="regie-section regie-edit" aria-labelledby="admin-account-edit">
      <Heading level={2} id="admin-account-edit" ref={heading} tabIndex={-1}>
        {t('editAccount', { name })}
      </Heading>
      <Paragraph className="regie-muted">
        {account.username} · {account.organisation.name} · {account.active ? t('active') : t('inactive')}
      </Paragraph>
      {reloaded && !error && (
        <Alert type="info">
          <Paragraph>
            {t('latestLoaded', {
              values: `${account.displayName}, ${account.email ?? '—'}, ${account.roles.map(label).join(', ')}, ${account.active ? t('active') : t('inactive')}`,
            })}
          </Paragraph>
        </Alert>
      )}
      <StaleAlert error={error} onReload={() => void reload()} />
      {pending && (
        <PendingRoleChange
          pending={pending}
          ownProposal={ownProposal}
          self={self}
          name={name}
          busy={busy}
          onDecide={(what) => {
            void decide(what);
          }}
        />
      )}
      <SubmitForm onSubmit={save}>
        <div className="regie-grid">
          <TextInput label={t('displayName')} hint={t('displayNameHint')} autoComplete="off" {...bind('displayName')} />
          <EmailInput required={emailRequired} {...bind('email')} />
        </div>
        <RoleChoice value={d.roles} onChange={(roles) => setD({ ...d, roles })} error={rolesError(errors)} />
        <Paragraph className="regie-muted">{t('fourEyesHint')}</Paragraph>
        <SaveOrCancel busy={busy} draft={draft} onCancel={onCancel} />
      </SubmitForm>
      <AccountLifecycle
        account={account}
        self={self}
        name={name}
        busy={busy}
        confirming={confirming}
        setConfirming={setConfirming}
        onDeactivate={() => void deactivate()}
        onReactivate={() => void reactivate()}
      />
      {!self && (
        <SecurityActions
          account={account}
          name={name}
          busy={busy}
          onResetTotp={() => void resetTotp()}
          onResetPassword={() => void resetPassword()}
        />
      )}
    </section>
  );
}
