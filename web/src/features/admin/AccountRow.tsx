// One account in the list: name (and "you"), username and e-mail, organisation, roles, its status
// (active, a pending role change, the authenticator, last seen) and the button that opens its form.
import { Button, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n, useLocalT } from '../../i18n.js';
import { fmtDateTime } from '../../ui/time.js';
import { TEXTS, type Account } from './texts.js';

export function AccountRow({ account: a, self, onEdit }: { account: Account; self: boolean; onEdit: (a: Account) => void }) {
  const t = useLocalT(TEXTS);
  const { lang, label } = useI18n();
  return (
    <TableRow className={a.active ? undefined : 'regie-admin-inactive'}>
      <TableCell>
        {a.displayName}
        {self && <> ({t('you')})</>}
        <br />
        <span className="regie-muted">
          {a.username}
          {a.email ? ` · ${a.email}` : ''}
        </span>
      </TableCell>
      <TableCell>{a.organisation.name}</TableCell>
      <TableCell>{a.roles.map(label).join(', ')}</TableCell>
      <TableCell>
        {a.active ? t('active') : <strong>{t('inactive')}</strong>}
        {a.pendingRoleChange && (
          <>
            <br />
            <strong>{t('pending')}</strong>
          </>
        )}
        <br />
        <span className="regie-muted">
          {t('authenticator')}: {a.totpEnrolled ? t('linked') : a.totpRequired ? t('notLinked') : t('notRequired')}
        </span>
        <br />
        <span className="regie-muted">
          {t('lastSeen')}: {a.lastSeenAt ? fmtDateTime(a.lastSeenAt, lang) : t('never')}
        </span>
      </TableCell>
      <TableCell>
        <Button appearance="secondary-action-button" aria-label={t('editAccountLabel', { name: a.displayName })} onClick={() => onEdit(a)}>
          {t('edit')}
        </Button>
      </TableCell>
    </TableRow>
  );
}
