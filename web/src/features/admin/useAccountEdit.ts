// Changing one account: its draft on the version the form is based on (a 409 keeps the input and
// offers the latest version), and the actions on it, each answering with a notice for the list.
import { get, post, put } from '../../api.js';
import { useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useFormAction } from '../../ui/forms.js';
import { useVersionedDraft } from '../../ui/versioned-draft.js';
import { accountBody, toDraft } from './account-drafts.js';
import { rebase } from './rebase.js';
import { TEXTS, type Account } from './texts.js';

export function useAccountEdit(initialAccount: Account, onDone: (notice: string) => void) {
  const t = useLocalT(TEXTS);
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
  const name = account.displayName;
  /** The account, at the version the form is based on: what every action but a save sends. */
  const onAccount = { params: { userId: account.id }, body: { version: account.version } };

  /** An account action whose answer (a notice) goes to the list. */
  const run = (fn: () => Promise<string>) => act(async () => onDone(await fn()));
  const save = () =>
    run(async () => {
      const saved = await put('/api/v1/accounts/:userId', { params: onAccount.params, body: accountBody(d, account.version) });
      draft.clear();
      return saved.pendingRoleChange && !account.pendingRoleChange
        ? t('proposed', { name: saved.displayName })
        : t('accountSaved', { name: saved.displayName });
    });
  const decide = (what: 'approval' | 'rejection') =>
    run(async () => {
      await post(what === 'approval' ? '/api/v1/accounts/:userId/role-change-approval' : '/api/v1/accounts/:userId/role-change-rejection', {
        params: onAccount.params,
        body: { proposalId: account.pendingRoleChange!.id },
      });
      draft.clear();
      return t(what === 'approval' ? 'approved' : 'rejectedNotice', { name });
    });
  const resetTotp = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/authenticator-reset', onAccount);
      return t('totpReset', { name, n: r.sessionsEnded });
    });
  const resetPassword = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/password-reset', onAccount);
      return t('passwordReset', { name, password: r.initialPassword, n: r.sessionsEnded });
    });
  const deactivate = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/deactivate', onAccount);
      draft.clear();
      return t('deactivated', { name, n: r.sessionsEnded });
    });
  const reactivate = () =>
    run(async () => {
      const r = await post('/api/v1/accounts/:userId/reactivate', onAccount);
      draft.clear();
      return r.pendingRoleChange ? t('proposed', { name }) : t('reactivated', { name });
    });
  const reload = () => act(async () => rebaseOn(await get('/api/v1/accounts/:userId', { params: onAccount.params })));

  return {
    account,
    name,
    d,
    setD,
    draft,
    reloaded,
    error,
    busy,
    errors,
    bind,
    actions: { save, decide, resetTotp, resetPassword, deactivate, reactivate, reload },
  };
}
