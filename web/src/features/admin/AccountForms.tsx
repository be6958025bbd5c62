// Changing an account: name, e-mail, roles, the pending role change, deactivate and reactivate, the
// security resets. Input is kept as a draft; a 409 keeps it and offers the latest version.
// (Creating one: NewAccount.tsx.)
import { useEffect, useRef, useState } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { SaveOrCancel, SubmitForm, TextInput } from '../../ui/forms.js';
import { AccountLifecycle, PendingRoleChange, SecurityActions } from './AccountActions.js';
import { EmailInput, RoleChoice, rolesError } from './AccountFields.js';
import { StaleAlert } from './StaleAlert.js';
import { TEXTS, type Account } from './texts.js';
import { useAccountEdit } from './useAccountEdit.js';

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
  const { account, name, d, setD, draft, reloaded, error, busy, errors, bind, actions } = useAccountEdit(initialAccount, onDone);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const pending = account.pendingRoleChange;
  const active = account.active ? t('active') : t('inactive');

  return (
    <section className="regie-section regie-edit" aria-labelledby="admin-account-edit">
      <Heading level={2} id="admin-account-edit" ref={heading} tabIndex={-1}>
        {t('editAccount', { name })}
      </Heading>
      <Paragraph className="regie-muted">
        {account.username} · {account.organisation.name} · {active}
      </Paragraph>
      {reloaded && !error && (
        <Alert type="info">
          <Paragraph>
            {t('latestLoaded', {
              values: `${account.displayName}, ${account.email ?? '—'}, ${account.roles.map(label).join(', ')}, ${active}`,
            })}
          </Paragraph>
        </Alert>
      )}
      <StaleAlert error={error} onReload={() => void actions.reload()} />
      {pending && (
        <PendingRoleChange
          pending={pending}
          ownProposal={pending.proposedBy.id === session!.user.id}
          self={self}
          name={name}
          busy={busy}
          onDecide={(what) => {
            void actions.decide(what);
          }}
        />
      )}
      <SubmitForm onSubmit={actions.save}>
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
        onDeactivate={() => void actions.deactivate()}
        onReactivate={() => void actions.reactivate()}
      />
      {!self && (
        <SecurityActions
          account={account}
          name={name}
          busy={busy}
          onResetTotp={() => void actions.resetTotp()}
          onResetPassword={() => void actions.resetPassword()}
        />
      )}
    </section>
  );
}
