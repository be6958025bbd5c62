import { useEffect, useState, type ReactNode } from 'react';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { api } from '../api.js';
import { queryClient } from '../data.js';
import { useI18n, useLocalT } from '../i18n.js';
import { A, useLocation, useNavigate } from '../router.js';
import { isCareProfessional, isPrivacyOfficer, mayBreakGlass, useSession } from '../session.js';
import { clearAllDrafts } from './forms.js';
import { SessionWarning } from './SessionWarning.js';
import { useBusy, usePageTitleAndFocus } from './page-hooks.js';
import { useTableReflow } from './reflow.js';
// Straight from their files, not the features' index: the screens there load when first opened (screens.ts).
import { InboxBadge } from '../features/notifications/InboxBadge.js';
import { TEXTS as ADMIN_TEXTS } from '../features/admin/texts.js';
import { TEXTS as REGION_TEXTS } from '../features/regions/texts.js';
import '../features/admin/admin.css';
import '../features/notifications/notifications.css';

/** The page frame; `stage` counts the steps of logging in, each a new screen like a navigation. */
export function Layout({ children, stage = 0 }: { children: ReactNode; stage?: number }) {
  const { t, lang, setLang, label } = useI18n();
  const ta = useLocalT(ADMIN_TEXTS);
  const tr = useLocalT(REGION_TEXTS);
  const { session, refresh } = useSession();
  const { path, search } = useLocation();
  const navigate = useNavigate();
  usePageTitleAndFocus(`${path}${search}#${stage}`, t('appName'));
  useTableReflow();
  const busy = useBusy();
  // On a narrow screen the menu folds behind a button; a navigation folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    setMenuOpen(false);
  }, [path, search]);
  // The citizen's public form shows only what a citizen needs: no tagline, no API link.
  const publicPage = path === '/zorg-melden';
  const user = session?.state === 'active' ? session.user : null;
  const nav: Array<[string, string]> = [];
  if (isCareProfessional(user))
    nav.push(
      ['/', t('myFamilies')],
      ['/gezinnen/nieuw', t('registerFamily')],
      ['/triage', t('navTriage')],
      ['/meldingen/nieuw', t('navSignal')],
      ['/verwijsindex', t('navRefIndex')],
      ['/overdrachten', t('navHandovers')],
      ['/doorlooptijden', t('navLeadTimes')],
    );
  if (user?.roles.includes('functional_admin'))
    nav.push(
      ['/beheer/regio', ta('navSettings')],
      ['/beheer/organisaties', ta('navOrganisations')],
      ['/beheer/accounts', ta('navAccounts')],
      ['/beheer/toegangsregels', ta('navAccessRules')],
      ['/doorlooptijden', t('navLeadTimes')],
      ['/beheer/e-mail', t('navMail')],
      ['/installatie/regios', tr('nav')],
    );
  if (mayBreakGlass(user)) nav.push(['/noodtoegang', t('breakGlass')]);
  if (isPrivacyOfficer(user))
    nav.push(['/privacy/audit', t('auditLog')], ['/privacy/noodtoegang', t('reviews')], ['/privacy/personen', t('accessLog')]);
  // The access rules in words: for the privacy officer too (once, if someone holds both roles).
  if (isPrivacyOfficer(user) && !nav.some(([href]) => href === '/beheer/toegangsregels'))
    nav.push(['/beheer/toegangsregels', ta('navAccessRules')]);
  const logout = async () => {
    await api('DELETE', '/api/v1/session').catch(() => undefined);
    clearAllDrafts();
    queryClient.clear();
    await refresh();
    navigate('/login', true);
  };
  return (
    <div className="regie-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('skip')}
      </a>
      <header className="regie-header">
        <div className="regie-header__inner">
          <A href="/" className="regie-brand">
            <span className="regie-logo" aria-hidden="true">
              R
            </span>{' '}
            <span>{t('appName')}</span> {!publicPage && <small>{t('tagline')}</small>}
          </A>
          <div className="regie-header__tools">
            {nav.length > 0 && (
              <button
                type="button"
                className="regie-header-button regie-menu-button"
                aria-expanded={menuOpen}
                aria-controls="regie-nav"
                onClick={() => setMenuOpen((o) => !o)}
              >
                {t('menu')}
              </button>
            )}
            {user && <InboxBadge />}
            {user && (
              <span className="regie-user">
                <A href="/account">{user.displayName}</A>
                <span className="regie-user__roles"> · {user.roles.map(label).join(', ')}</span>
              </span>
            )}
            <button
              type="button"
              className="regie-header-button"
              lang={lang === 'nl' ? 'en' : 'nl'}
              onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}
            >
              {t('language')}
            </button>
            {user && (
              <button type="button" className="regie-header-button" onClick={logout}>
                {t('logout')}
              </button>
            )}
          </div>
        </div>
        {nav.length > 0 && (
          <nav id="regie-nav" className="regie-nav" data-open={menuOpen} aria-label={t('mainMenu')}>
            <ul>
              {nav.map(([href, text]) => (
                <li key={href}>
                  <A href={href} aria-current={path === href ? 'page' : undefined}>
                    {text}
                  </A>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="regie-main" tabIndex={-1} aria-busy={busy || undefined}>
        {children}
      </main>
      <div className="regie-visually-hidden" role="status" aria-live="polite">
        {busy ? t('loading') : ''}
      </div>
      {user && <SessionWarning idleMinutes={session!.idleMinutes} />}
      <footer className="regie-footer">
        <Paragraph>
          Regie · EUPL-1.2
          {!publicPage && (
            <>
              {' '}
              ·{' '}
              <a className="utrecht-link" href="/docs">
                API
              </a>
            </>
          )}
        </Paragraph>
      </footer>
    </div>
  );
}
