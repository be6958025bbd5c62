// An account's actions beside its form: the pending role change, deactivate and reactivate, the security resets.
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n, useLocalT } from '../../i18n.js';
import { TEXTS, type Account } from './texts.js';

/** A proposed role change waiting for a second administrator: approve or reject it, or withdraw one's own proposal. */
export function PendingRoleChange({
  pending,
  ownProposal,
  self,
  name,
  busy,
  onDecide,
}: {
  pending: NonNullable<Account['pendingRoleChange']>;
  ownProposal: boolean;
  self: boolean;
  name: string;
  busy: boolean;
  onDecide: (what: 'approval' | 'rejection') => void;
}) {
  const t = useLocalT(TEXTS);
  const { label } = useI18n();
  return (
    <Alert type="warning">
      <Paragraph>
        <strong>{t('pending')}</strong> —{' '}
        {t('pendingDetail', {
          by: pending.proposedBy.name,
          roles: pending.roles.map(label).join(', '),
          activates: pending.activates ? t('pendingActivates') : '',
        })}
      </Paragraph>
      {ownProposal && <Paragraph>{t('ownProposal')}</Paragraph>}
      <div className="regie-actions">
        {!ownProposal && !self && (
          <Button
            appearance="primary-action-button"
            aria-label={t('approveLabel', { name })}
            disabled={busy}
            onClick={() => onDecide('approval')}
          >
            {t('approve')}
          </Button>
        )}
        {!self && (
          <Button appearance="secondary-action-button" disabled={busy} onClick={() => onDecide('rejection')}>
            {ownProposal ? t('withdraw') : t('reject')}
          </Button>
        )}
      </div>
    </Alert>
  );
}

/** Deactivating an account (after a confirmation) and reactivating it. */
export function AccountLifecycle({
  account,
  self,
  name,
  busy,
  confirming,
  setConfirming,
  onDeactivate,
  onReactivate,
}: {
  account: Account;
  self: boolean;
  name: string;
  busy: boolean;
  confirming: boolean;
  setConfirming: (v: boolean) => void;
  onDeactivate: () => void;
  onReactivate: () => void;
}) {
  const t = useLocalT(TEXTS);
  return (
    <div className="regie-actions">
      {account.active && !self && !confirming && (
        <Button appearance="secondary-action-button" aria-label={t('deactivateLabel', { name })} onClick={() => setConfirming(true)}>
          {t('deactivate')}
        </Button>
      )}
      {account.active && confirming && (
        <div className="regie-admin-confirm" role="group" aria-label={t('deactivateLabel', { name })}>
          <Paragraph>{t('deactivateConfirm', { name })}</Paragraph>
          <Button appearance="primary-action-button" disabled={busy} onClick={onDeactivate}>
            {t('deactivateYes')}
          </Button>
          <Button appearance="subtle-button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
        </div>
      )}
      {!account.active && !account.pendingRoleChange && (
        <Button appearance="secondary-action-button" aria-label={t('reactivateLabel', { name })} disabled={busy} onClick={onReactivate}>
          {t('reactivate')}
        </Button>
      )}
    </div>
  );
}

/** Resetting the authenticator (when one is enrolled) and the password. */
export function SecurityActions({
  account,
  name,
  busy,
  onResetTotp,
  onResetPassword,
}: {
  account: Account;
  name: string;
  busy: boolean;
  onResetTotp: () => void;
  onResetPassword: () => void;
}) {
  const t = useLocalT(TEXTS);
  return (
    <div className="regie-actions" role="group" aria-label={t('security')}>
      {account.totpEnrolled && (
        <Button appearance="secondary-action-button" aria-label={t('resetTotpLabel', { name })} disabled={busy} onClick={onResetTotp}>
          {t('resetTotp')}
        </Button>
      )}
      <Button appearance="secondary-action-button" aria-label={t('resetPasswordLabel', { name })} disabled={busy} onClick={onResetPassword}>
        {t('resetPassword')}
      </Button>
    </div>
  );
}
