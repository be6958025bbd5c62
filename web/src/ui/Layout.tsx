import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { api, busyEvents, lastApiActivity, get, requestsInFlight } from '../api.js';
import { queryClient } from '../data.js';
import { useI18n, useLocalT } from '../i18n.js';
import { A, navigate, useLocation } from '../router.js';
import { isCareProfessional, isPrivacyOfficer, mayBreakGlass, useSession } from '../session.js';
import { clearAllDrafts } from './forms.js';
import { ModalDialog } from './ModalDialog.js';
import { useTableReflow } from './reflow.js';
import { InboxBadge } from '../features/notifications/index.js';
import { ADMIN_TEXTS } from '../features/admin/index.js';
import { REGION_TEXTS } from '../features/regions/index.js';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang, label } = useI18n();
  const ta = useLocalT(ADMIN_TEXTS);
  const tr = useLocalT(REGION_TEXTS);
  const { session, refresh } = useSession();
  const { path, search } = useLocation();
  usePageTitleAndFocus(`${path}${search}`, t('appName'));
  useTableReflow();
  const busy = useBusy();
  // On a narrow screen the menu folds behind a button; a navigation folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => { setMenuOpen(false); }, [path, search]);
  // The citizen's public form shows only what a citizen needs: no tagline, no API link.
  const publicPage = path === '/zorg-melden';
  const user = session?.state === 'active' ? session.user : null;
  const nav: Array<[string, string]> = [];
  if (isCareProfessional(user)) nav.push(['/', t('myFamilies')], ['/gezinnen/nieuw', t('registerFamily')], ['/triage', t('navTriage')],
    ['/meldingen/nieuw', t('navSignal')], ['/verwijsindex', t('navRefIndex')], ['/overdrachten', t('navHandovers')], ['/doorlooptijden', t('navLeadTimes')]);
  if (user?.roles.includes('functional_admin')) nav.push(['/beheer/regio', ta('navSettings')], ['/beheer/organisaties', ta('navOrganisations')],
    ['/beheer/accounts', ta('navAccounts')], ['/beheer/toegangsregels', ta('navAccessRules')], ['/doorlooptijden', t('navLeadTimes')], ['/beheer/e-mail', t('navMail')],
    ['/installatie/regios', tr('nav')]);
  if (mayBreakGlass(user)) nav.push(['/noodtoegang', t('breakGlass')]);
  if (isPrivacyOfficer(user)) nav.push(['/privacy/audit', t('auditLog')], ['/privacy/noodtoegang', t('reviews')], ['/privacy/personen', t('accessLog')]);
  // The access rules in words: for the privacy officer too (once, if someone holds both roles).
  if (isPrivacyOfficer(user) && !nav.some(([href]) => href === '/beheer/toegangsregels')) nav.push(['/beheer/toegangsregels', ta('navAccessRules')]);
  const logout = async () => {
    await api('DELETE', '/api/v1/session').catch(() => undefined);
    clearAllDrafts();
    queryClient.clear();
    await refresh();
    navigate('/login', true);
  };
  return (
    <div className="regie-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">{t('skip')}</a>
      <header className="regie-header">
        <div className="regie-header__inner">
          <A href="/" className="regie-brand"><span className="regie-logo" aria-hidden="true">R</span> <span>{t('appName')}</span> {!publicPage && <small>{t('tagline')}</small>}</A>
          <div className="regie-header__tools">
            {nav.length > 0 && (
              <button type="button" className="regie-header-button regie-menu-button" aria-expanded={menuOpen} aria-controls="regie-nav"
                onClick={() => setMenuOpen((o) => !o)}>{t('menu')}</button>
            )}
            {user && <InboxBadge />}
            {user && <span className="regie-user"><A href="/account">{user.displayName}</A><span className="regie-user__roles"> · {user.roles.map(label).join(', ')}</span></span>}
            <button type="button" className="regie-header-button" lang={lang === 'nl' ? 'en' : 'nl'} onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}>{t('language')}</button>
            {user && <button type="button" className="regie-header-button" onClick={logout}>{t('logout')}</button>}
          </div>
        </div>
        {nav.length > 0 && (
          <nav id="regie-nav" className="regie-nav" data-open={menuOpen} aria-label={t('mainMenu')}>
            <ul>{nav.map(([href, text]) => (
              <li key={href}><A href={href} aria-current={path === href ? 'page' : undefined}>{text}</A></li>
            ))}</ul>
          </nav>
        )}
      </header>
      <main id="main" className="regie-main" tabIndex={-1} aria-busy={busy || undefined}>{children}</main>
      <div className="regie-visually-hidden" role="status" aria-live="polite">{busy ? t('loading') : ''}</div>
      {user && <SessionWarning idleMinutes={session!.idleMinutes} />}
      <footer className="regie-footer"><Paragraph>Regie · EUPL-1.2{!publicPage && <> · <a className="utrecht-link" href="/docs">API</a></>}</Paragraph></footer>
    </div>
  );
}

/**
 * Every screen names itself: the page title follows the main heading ("<heading> – Regie"), also
 * when the heading changes after its data arrived; after a navigation, focus moves to that
 * heading (once), so keyboard and screen-reader users start at the new content, not on the link.
 */
function usePageTitleAndFocus(location: string, appName: string) {
  const firstScreen = useRef(true);
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    let focused = firstScreen.current; // the page as loaded keeps the browser's own focus
    firstScreen.current = false;
    const update = () => {
      const h1 = main.querySelector('h1');
      const text = h1?.textContent?.trim();
      document.title = text ? `${text} – ${appName}` : appName;
      if (!focused && h1) {
        focused = true;
        // The user already went into the new content (clicked a field): leave focus there.
        const active = document.activeElement;
        if (active && active !== main && main.contains(active)) return;
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: true });
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    // No heading within a moment (an error, a slow answer): focus the content itself.
    const fallback = setTimeout(() => {
      if (focused) return;
      focused = true;
      const active = document.activeElement;
      if (!active || active === document.body || !main.contains(active)) main.focus({ preventScroll: true });
    }, 3_000);
    return () => { observer.disconnect(); clearTimeout(fallback); };
  }, [location, appName]);
}

/** True while a request takes longer than a moment: the content is marked busy and "Laden…" is announced. */
function useBusy() {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const change = () => {
      clearTimeout(timer);
      if (requestsInFlight() === 0) setBusy(false);
      else timer = setTimeout(() => setBusy(requestsInFlight() > 0), 400);
    };
    busyEvents.addEventListener('change', change);
    return () => { busyEvents.removeEventListener('change', change); clearTimeout(timer); };
  }, []);
  return busy;
}

/** Warns two minutes before the idle timeout and keeps the session alive on request. */
function SessionWarning({ idleMinutes }: { idleMinutes: number }) {
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
  const stay = () => get('/api/v1/session').then(() => setLeft(null), () => undefined);
  // A modal dialog: focus goes to its button, the page waits behind it, and focus returns after.
  return (
    <ModalDialog labelledBy="session-warning-text" className="regie-session-warning" onCancel={() => void stay()}>
      <Paragraph id="session-warning-text">{t('sessionWarning', { n: left })}</Paragraph>
      <Button appearance="primary-action-button" onClick={() => void stay()}>{t('stayLoggedIn')}</Button>
    </ModalDialog>
  );
}
