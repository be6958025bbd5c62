import { StrictMode, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes as RouterRoutes } from 'react-router';
import { createRoot } from 'react-dom/client';
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles.css';
import { get, sessionEvents, setCsrf } from './api.js';
import { DataProvider, refreshApi } from './data.js';
import { I18nProvider, useI18n } from './i18n.js';
import { useLocation, useNavigate, useParams } from './router.js';
import { SessionCtx, isCareProfessional, isPrivacyOfficer, type SessionInfo } from './session.js';
import { ModalDialog } from './ui/ModalDialog.js';
import { Layout } from './ui/Layout.js';
import { Login, SecondFactor, Enrol } from './features/auth/Login.js';
import { ChangePassword, MyAccount } from './features/auth/Account.js';
import { MyFamilies } from './features/families/MyFamilies.js';
import { FamilyPage } from './features/families/FamilyPage.js';
import { RegisterFamily } from './features/families/RegisterFamily.js';
import { BreakGlass } from './features/breakglass/BreakGlass.js';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import {
  AccessLog,
  AccessRules,
  Accounts,
  AdminHome,
  AuditLog,
  BlindSpotRules,
  HandoverDetail,
  Handovers,
  Inbox,
  LeadTimes,
  MailDeliveries,
  Organisations,
  PersonCourse,
  Plan,
  PlanCompare,
  PlanRules,
  PublicConcernForm,
  RecordAssessment,
  RefIndex,
  Regions,
  RegionSettings,
  Reviews,
  SignalDetail,
  SignalForm,
  TriageQueue,
} from './screens.js';

/** A screen that takes the address's `:name` parts (remounted when they change, so no state carries over). */
function WithParams({ render }: { render: (p: Record<string, string>) => ReactNode }) {
  const params = useParams();
  return <>{render(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v ?? ''])))}</>;
}

function Routes({ session, refresh }: { session: SessionInfo; refresh: () => Promise<void> }) {
  const { path } = useLocation();
  const navigate = useNavigate();
  const { t } = useI18n();
  // A privacy officer's start page is the audit log; after a login the address is tidied up.
  const privacyOnly = isPrivacyOfficer(session.user) && session.user.roles.length === 1;
  // A functional administrator without care roles starts at Beheer (they see no families).
  const adminOnly = session.user.roles.includes('functional_admin') && !isCareProfessional(session.user) && !privacyOnly;
  const home = privacyOnly ? '/privacy/audit' : adminOnly ? '/beheer' : '/';
  if (path.startsWith('/login')) return <Navigate to="/" replace />;
  const p = (render: (p: Record<string, string>) => ReactNode) => <WithParams render={render} />;
  return (
    <RouterRoutes>
      <Route path="/" element={home === '/' ? <MyFamilies /> : <Navigate to={home} replace />} />
      <Route path="/gezinnen/nieuw" element={<RegisterFamily />} />
      <Route
        path="/gezinnen/:id"
        element={p(({ id }) => (
          <FamilyPage key={id} familyId={id!} />
        ))}
      />
      <Route path="/noodtoegang" element={<BreakGlass />} />
      <Route path="/account" element={<MyAccount />} />
      <Route
        path="/account/authenticator"
        element={
          <Enrol
            onDone={() => {
              void refresh().then(() => navigate('/noodtoegang'));
            }}
          />
        }
      />
      <Route path="/meldingen/nieuw" element={<SignalForm />} />
      <Route path="/triage" element={<TriageQueue />} />
      <Route
        path="/meldingen/:id"
        element={p(({ id }) => (
          <SignalDetail key={id} signalId={id!} />
        ))}
      />
      <Route path="/verwijsindex" element={<RefIndex />} />
      <Route path="/overdrachten" element={<Handovers />} />
      <Route
        path="/overdrachten/:id"
        element={p(({ id }) => (
          <HandoverDetail key={id} handoverId={id!} />
        ))}
      />
      <Route path="/doorlooptijden" element={<LeadTimes />} />
      <Route
        path="/plannen/:caseId"
        element={p(({ caseId }) => (
          <Plan key={caseId} caseId={caseId!} />
        ))}
      />
      <Route
        path="/plannen/:caseId/vergelijken"
        element={p(({ caseId }) => (
          <PlanCompare key={caseId} caseId={caseId!} />
        ))}
      />
      <Route path="/berichten" element={<Inbox />} />
      <Route path="/beheer/e-mail" element={<MailDeliveries />} />
      <Route path="/beheer" element={<AdminHome />} />
      <Route path="/beheer/regio" element={<RegionSettings />} />
      <Route path="/beheer/organisaties" element={<Organisations />} />
      <Route path="/beheer/accounts" element={<Accounts />} />
      <Route path="/beheer/toegangsregels" element={<AccessRules />} />
      <Route path="/beheer/blinde-vlekken" element={<BlindSpotRules />} />
      <Route path="/beheer/plan" element={<PlanRules />} />
      <Route
        path="/dossiers/:caseId/integraal-beeld"
        element={p(({ caseId }) => (
          <RecordAssessment key={caseId} caseId={caseId!} />
        ))}
      />
      <Route
        path="/dossiers/:caseId/personen/:personId/verloop"
        element={p(({ caseId, personId }) => (
          <PersonCourse key={`${caseId}-${personId}`} caseId={caseId!} personId={personId!} />
        ))}
      />
      <Route path="/installatie/regios" element={<Regions />} />
      <Route path="/privacy/audit" element={<AuditLog />} />
      <Route path="/privacy/noodtoegang" element={<Reviews />} />
      <Route path="/privacy/personen" element={<AccessLog />} />
      <Route
        path="/privacy/personen/:id"
        element={p(({ id }) => (
          <AccessLog key={id} personId={id} />
        ))}
      />
      <Route
        path="*"
        element={
          <>
            <Heading level={1}>{t('notFound')}</Heading>
            <Paragraph>
              <a className="utrecht-link" href="/">
                {t('home')}
              </a>
            </Paragraph>
          </>
        }
      />
    </RouterRoutes>
  );
}

function App() {
  const { t, adopt } = useI18n();
  const navigate = useNavigate();
  const { path } = useLocation();
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const refresh = useCallback(async () => {
    try {
      const s = await get('/api/v1/session');
      setCsrf(s.csrfToken);
      setSession(s);
    } catch {
      setSession(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // After a login the interface speaks the account's language (also on a device used for the first time).
  const accountLanguage = session?.state === 'active' ? session.user.language : undefined;
  useEffect(() => {
    if (accountLanguage) adopt(accountLanguage);
  }, [accountLanguage, adopt, session?.user.id]);
  useEffect(() => {
    const onExpired = () => setExpired(true);
    sessionEvents.addEventListener('expired', onExpired);
    return () => sessionEvents.removeEventListener('expired', onExpired);
  }, []);
  // Each step of logging in is a new screen for the page frame (title, focus to its heading); a
  // re-login in the session-expired dialog is not: focus goes back to where the user was.
  const [stage, setStage] = useState(0);
  const done = async () => {
    const relogin = expired;
    setExpired(false);
    await refresh();
    if (!relogin) setStage((n) => n + 1); // after the new screen is there, so its heading is the one focused
    void refreshApi();
    if (location.pathname.startsWith('/login')) navigate('/', true);
  };

  let content;
  const publicPage = path === '/zorg-melden';
  if (publicPage) content = <PublicConcernForm />;
  else if (session === undefined) content = <Paragraph>{t('loading')}</Paragraph>;
  else if (!session) content = <Login onDone={done} />;
  else if (session.state === 'totp_required') content = <SecondFactor onDone={done} />;
  else if (session.state === 'enrolment_required') content = <Enrol onDone={done} />;
  else if (session.state === 'password_change_required') content = <ChangePassword forced onDone={done} />;
  else content = <Routes session={session} refresh={refresh} />;

  return (
    <SessionCtx.Provider value={{ session: session ?? null, refresh }}>
      <Layout stage={stage}>
        <Suspense fallback={<Paragraph>{t('loading')}</Paragraph>}>{content}</Suspense>
        {expired && session?.state === 'active' && (
          // The screen underneath stays mounted, so whatever was typed survives the re-login.
          // A real modal: focus goes to it and the page behind is inert until the user logged in again.
          <ModalDialog labelledBy="session-expired-text">
            <Alert type="warning">
              <Paragraph id="session-expired-text">{t('sessionExpired')}</Paragraph>
            </Alert>
            <Login onDone={done} headingLevel={2} />
          </ModalDialog>
        )}
      </Layout>
    </SessionCtx.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <DataProvider>
        <I18nProvider>
          <App />
        </I18nProvider>
      </DataProvider>
    </BrowserRouter>
  </StrictMode>,
);
