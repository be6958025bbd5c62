import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles.css';
import { get, sessionEvents, setCsrf } from './api.js';
import { DataProvider, refreshApi } from './data.js';
import { I18nProvider, useI18n } from './i18n.js';
import { match, navigate, useLocation } from './router.js';
import { SessionCtx, isCareProfessional, isPrivacyOfficer, type SessionInfo } from './session.js';
import { ModalDialog } from './ui/ModalDialog.js';
import { Layout } from './ui/Layout.js';
import { Login, SecondFactor, Enrol } from './features/auth/Login.js';
import { ChangePassword, MyAccount } from './features/auth/Account.js';
import { MyFamilies } from './features/families/MyFamilies.js';
import { FamilyPage } from './features/families/FamilyPage.js';
import { RegisterFamily } from './features/families/RegisterFamily.js';
import { BreakGlass } from './features/breakglass/BreakGlass.js';
import { AuditLog } from './features/privacy/AuditLog.js';
import { Reviews } from './features/privacy/Reviews.js';
import { AccessLog } from './features/privacy/AccessLog.js';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { SignalForm, TriageQueue, SignalDetail, PublicConcernForm } from './features/signals/index.js';
import { RefIndex } from './features/refindex/index.js';
import { Handovers, HandoverDetail, LeadTimes } from './features/handovers/index.js';
import { Inbox, MailDeliveries } from './features/notifications/index.js';
import { AccessRules, Accounts, AdminHome, Organisations, RegionSettings } from './features/admin/index.js';
import { Regions } from './features/regions/index.js';
import { BlindSpotRules, PersonCourse, RecordAssessment } from './features/assessments/index.js';
import { Plan, PlanCompare } from './features/plans/index.js';

function Routes({ session, refresh }: { session: SessionInfo; refresh: () => Promise<void> }) {
  const location_ = useLocation();
  const { t } = useI18n();
  // A privacy officer's start page is the audit log; after a login the address is tidied up.
  // Both are decided here while rendering, and the address bar follows in an effect.
  const privacyOnly = isPrivacyOfficer(session.user) && session.user.roles.length === 1;
  // A functional administrator without care roles starts at Beheer (they see no families).
  const adminOnly = session.user.roles.includes('functional_admin') && !isCareProfessional(session.user) && !privacyOnly;
  const home = privacyOnly ? '/privacy/audit' : adminOnly ? '/beheer' : '/';
  const path = location_.path === '/' && home !== '/' ? home : location_.path.startsWith('/login') ? '/' : location_.path;
  useEffect(() => { if (path !== location_.path) navigate(path, true); }, [path, location_.path]);
  let m: Record<'id' | 'caseId' | 'personId', string> | null;
  if (path === '/') return <MyFamilies />;
  if (path === '/gezinnen/nieuw') return <RegisterFamily />;
  if ((m = match('/gezinnen/:id', path))) return <FamilyPage key={m.id} familyId={m.id} />;
  if (path === '/noodtoegang') return <BreakGlass />;
  if (path === '/account') return <MyAccount />;
  if (path === '/account/authenticator') return <Enrol onDone={() => { void refresh().then(() => navigate('/noodtoegang')); }} />;
  if (path === '/meldingen/nieuw') return <SignalForm />;
  if (path === '/triage') return <TriageQueue />;
  if ((m = match('/meldingen/:id', path))) return <SignalDetail key={m.id} signalId={m.id} />;
  if (path === '/verwijsindex') return <RefIndex />;
  if (path === '/overdrachten') return <Handovers />;
  if ((m = match('/overdrachten/:id', path))) return <HandoverDetail key={m.id} handoverId={m.id} />;
  if (path === '/doorlooptijden') return <LeadTimes />;
  if ((m = match('/plannen/:caseId', path))) return <Plan key={m.caseId} caseId={m.caseId} />;
  if ((m = match('/plannen/:caseId/vergelijken', path))) return <PlanCompare key={m.caseId} caseId={m.caseId} />;
  if (path === '/berichten') return <Inbox />;
  if (path === '/beheer/e-mail') return <MailDeliveries />;
  if (path === '/beheer') return <AdminHome />;
  if (path === '/beheer/regio') return <RegionSettings />;
  if (path === '/beheer/organisaties') return <Organisations />;
  if (path === '/beheer/accounts') return <Accounts />;
  if (path === '/beheer/toegangsregels') return <AccessRules />;
  if (path === '/beheer/blinde-vlekken') return <BlindSpotRules />;
  if ((m = match('/dossiers/:caseId/integraal-beeld', path))) return <RecordAssessment key={m.caseId} caseId={m.caseId} />;
  if ((m = match('/dossiers/:caseId/personen/:personId/verloop', path))) return <PersonCourse key={`${m.caseId}-${m.personId}`} caseId={m.caseId} personId={m.personId} />;
  if (path === '/installatie/regios') return <Regions />;
  if (path === '/privacy/audit') return <AuditLog />;
  if (path === '/privacy/noodtoegang') return <Reviews />;
  if (path === '/privacy/personen') return <AccessLog />;
  if ((m = match('/privacy/personen/:id', path))) return <AccessLog personId={m.id} />;
  return <><Heading level={1}>{t('notFound')}</Heading><Paragraph><a className="utrecht-link" href="/">{t('home')}</a></Paragraph></>;
}

function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const refresh = useCallback(async () => {
    try {
      const s = await get('/api/v1/session');
      setCsrf(s.csrfToken);
      setSession(s);
    } catch { setSession(null); }
  }, []);
  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => {
    const onExpired = () => setExpired(true);
    sessionEvents.addEventListener('expired', onExpired);
    return () => sessionEvents.removeEventListener('expired', onExpired);
  }, []);
  const done = async () => { setExpired(false); await refresh(); void refreshApi(); if (location.pathname.startsWith('/login')) navigate('/', true); };

  let content;
  const publicPage = location.pathname === '/zorg-melden';
  if (publicPage) content = <PublicConcernForm />;
  else if (session === undefined) content = <Paragraph>{t('loading')}</Paragraph>;
  else if (!session) content = <Login onDone={done} />;
  else if (session.state === 'totp_required') content = <SecondFactor onDone={done} />;
  else if (session.state === 'enrolment_required') content = <Enrol onDone={done} />;
  else if (session.state === 'password_change_required') content = <ChangePassword forced onDone={done} />;
  else content = <Routes session={session} refresh={refresh} />;

  return (
    <SessionCtx.Provider value={{ session: session ?? null, refresh }}>
      <Layout>
        {content}
        {expired && session?.state === 'active' && (
          // The screen underneath stays mounted, so whatever was typed survives the re-login.
          // A real modal: focus goes to it and the page behind is inert until the user logged in again.
          <ModalDialog labelledBy="session-expired-text">
            <Alert type="warning"><Paragraph id="session-expired-text">{t('sessionExpired')}</Paragraph></Alert>
            <Login onDone={done} headingLevel={2} />
          </ModalDialog>
        )}
      </Layout>
    </SessionCtx.Provider>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><DataProvider><I18nProvider><App /></I18nProvider></DataProvider></StrictMode>);
