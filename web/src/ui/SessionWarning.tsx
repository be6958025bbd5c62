// The warning before the idle timeout, as a modal dialog that keeps the session on request.
import { useEffect, useState } from 'react';
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, lastApiActivity } from '../api.js';
import { useI18n } from '../i18n.js';
import { ModalDialog } from './ModalDialog.js';

/** Warns two minutes before the idle timeout and keeps the session alive on request. */
export function SessionWarning({ idleMinutes }: { idleMinutes: number }) {
  const { t } = useI18n();
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const h = setInterval(() => {
      const remaining = idleMinutes * 60_000 - (Date.now() - lastApiActivity());
      setLeft(remaining < 2 * 60_000 ? Math.max(0, Math.ceil(remaining / 60_000)) : null);
    }, 5_000);
    return () => clearInterval(h);
  }, [idleMinutes]);
  if (left === null) return null;
  const stay = () =>
    get('/api/v1/session').then(
      () => setLeft(null),
      () => undefined,
    );
  // A modal dialog: focus goes to its button, the page waits behind it, and focus returns after.
  return (
    <ModalDialog labelledBy="session-warning-text" className="regie-session-warning" onCancel={() => void stay()}>
      <Paragraph id="session-warning-text">{t('sessionWarning', { n: left })}</Paragraph>
      <Button appearance="primary-action-button" onClick={() => void stay()}>
        {t('stayLoggedIn')}
      </Button>
    </ModalDialog>
  );
}
