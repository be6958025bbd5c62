// The header's link to the inbox with the unread count ("Berichten, 3 ongelezen").
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, peek } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { A, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { NOTIFICATIONS_CHANGED, TEXTS } from './texts.js';

const POLL_MS = 60_000;
/**
 * The unread-count route does not slide the server's idle timeout (route option
 * touchSession: false), and a plain fetch does not count as the user's activity here either,
 * so polling never keeps an unattended session open. Also refreshed on every page change.
 */

export function InboxBadge() {
  const t = useLocalT(TEXTS);
  const { path } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  // E-mails are written in the language the user reads Regie in: when the user chooses another
  // language than the account's, the server is told. Only a choice: the language a page opens in
  // (the default, a render before the account's is adopted) is not one — telling the server that
  // one raced the account's own and could turn an English account Dutch.
  const { lang, chosen } = useI18n();
  const { session } = useSession();
  const account = session?.state === 'active' ? session.user.language : undefined;
  const told = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!chosen || !account || lang === (told.current ?? account)) return;
    told.current = lang;
    api('PUT', '/api/v1/notifications/language', { body: { language: lang } }).catch(() => {
      told.current = undefined;
    });
  }, [lang, chosen, account]);
  const load = useCallback(async () => {
    try {
      setCount((await peek('/api/v1/notifications/unread-count')).count);
    } catch {
      /* offline or refused: keep the last count */
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, path]);
  useEffect(() => {
    const poll = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    const onChanged = () => {
      void load();
    };
    window.addEventListener(NOTIFICATIONS_CHANGED, onChanged);
    return () => {
      clearInterval(poll);
      window.removeEventListener(NOTIFICATIONS_CHANGED, onChanged);
    };
  }, [load]);
  // The name says what the pill shows: "Berichten, 3 ongelezen" (a label, because screen readers
  // would otherwise read the hidden comma as a separate word).
  const name = count ? `${t('inbox')}${t('badgeSeparator')}${count} ${t('badgeUnread')}` : t('inbox');
  return (
    <A href="/berichten" className="regie-inbox-badge" aria-label={name} aria-current={path === '/berichten' ? 'page' : undefined}>
      {t('inbox')} {!!count && <span className="regie-inbox-badge__count">{count}</span>}
    </A>
  );
}
