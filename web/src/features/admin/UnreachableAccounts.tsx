// The active accounts without an e-mail address (they miss the notifications), each with a button
// that opens its form to add one.
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useLocalT } from '../../i18n.js';
import { Section } from '../../ui/page-parts.js';
import { TEXTS, type Account, type AccountPage } from './texts.js';

export function UnreachableAccounts({ unreachable, onEdit }: { unreachable: AccountPage; onEdit: (a: Account) => void }) {
  const t = useLocalT(TEXTS);
  return (
    <Section id="admin-accounts-unreachable" title={t('unreachableTitle')}>
      {!unreachable.emailRequired && <Paragraph>{t('unreachableMailOff')}</Paragraph>}
      {unreachable.items.length === 0 ? (
        <Paragraph>{t('unreachableNone')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('unreachableIntro', {
              n: `${unreachable.items.length}${unreachable.nextCursor ? '+' : ''}`,
              count: unreachable.items.length,
            })}
          </Paragraph>
          <ul className="regie-unreachable">
            {unreachable.items.map((a) => (
              <li key={a.id}>
                {a.displayName}{' '}
                <span className="regie-muted">
                  ({a.username}, {a.organisation.name})
                </span>{' '}
                <Button
                  appearance="secondary-action-button"
                  aria-label={t('addEmailLabel', { name: a.displayName })}
                  onClick={() => onEdit(a)}
                >
                  {t('addEmail')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
