// The notice after creating an account: its temporary password, shown this once.
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useLocalT } from '../../i18n.js';
import { TEXTS } from './texts.js';

/** The new account's username and temporary password, and whether its roles wait for a second administrator. */
export function CreatedAccount({ created }: { created: ApiResponse<'POST', '/api/v1/accounts'> }) {
  const t = useLocalT(TEXTS);
  return (
    <Alert type="ok" role="none">
      <Paragraph>{t('created', { username: created.account.username, name: created.account.displayName })}</Paragraph>
      <Paragraph>
        {t('initialPassword')}
        <code className="regie-admin-password">{created.initialPassword}</code>
      </Paragraph>
      <Paragraph>{t('initialPasswordHint', { name: created.account.displayName })}</Paragraph>
      {created.account.pendingRoleChange && <Paragraph>{t('proposed', { name: created.account.displayName })}</Paragraph>}
    </Alert>
  );
}
