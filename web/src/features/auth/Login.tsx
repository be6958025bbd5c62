import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, setCsrf, type ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, formError, ProblemAlert, TextInput } from '../../ui/forms.js';
import { Code } from '@contract/session.js';
import { msgParts } from '@contract/shared/primitives.js';

type State = ApiResponse<'POST', '/api/v1/session'>['state'];

/** Username + password, then (when needed) the TOTP code or the enrolment of an authenticator app. */
export function Login({ onDone, headingLevel = 1 }: { onDone: () => void; headingLevel?: 1 | 2 }) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<'password' | State>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState<ApiResponse<'GET', '/api/v1/oidc/config'> | null>(null);
  const oidcError = ({ 'oidc-onbekend': 'oidcUnknown', 'oidc-mislukt': 'oidcFailed', 'oidc-inactief': 'oidcInactive' } as const)[
    new URLSearchParams(location.search).get('fout') ?? ''
  ];
  useEffect(() => {
    get('/api/v1/oidc/config').then(setOidc, () => setOidc(null));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The form's own first check: an empty field is said at once, without a round trip or a failed attempt.
    const missing = [
      ...(username.trim() ? [] : [{ field: 'username', nl: 'Vul uw gebruikersnaam in.', en: 'Enter your username.' }]),
      ...(password ? [] : [{ field: 'password', nl: 'Vul uw wachtwoord in.', en: 'Enter your password.' }]),
    ];
    if (missing.length) {
      setError(formError(missing));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await post('/api/v1/session', { body: { username, password } });
      setCsrf(r.csrfToken);
      setPassword('');
      // A one-time password: the application asks for a new one (main.tsx, by the session's state).
      if (r.state === 'active' || r.state === 'password_change_required') onDone();
      else setStep(r.state);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const errs = fieldErrors(error, lang);
  // The next step replaces the form: its heading takes focus, as after a navigation.
  if (step === 'totp_required') return <SecondFactor onDone={onDone} headingLevel={headingLevel} takeFocus />;
  if (step === 'enrolment_required') return <Enrol onDone={onDone} headingLevel={headingLevel} takeFocus />;
  return (
    <section className="regie-narrow" aria-labelledby="login-title">
      <Heading level={headingLevel} id="login-title">
        {t('login')}
      </Heading>
      <Paragraph>{t('loginIntro')}</Paragraph>
      {oidcError && (
        <Alert type="warning">
          <Paragraph>{t(oidcError)}</Paragraph>
        </Alert>
      )}
      <ProblemAlert error={error} />
      <form onSubmit={submit} noValidate>
        <TextInput
          label={t('username')}
          field="username"
          error={errs.username}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <TextInput
          label={t('password')}
          field="password"
          error={errs.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <Button appearance="primary-action-button" type="submit" disabled={busy}>
          {t('loginButton')}
        </Button>
      </form>
      {oidc?.enabled && (
        <Paragraph>
          <a className="utrecht-button-link utrecht-button-link--secondary-action" href="/api/v1/oidc/login">
            {oidc.label || t('oidcButton')}
          </a>
        </Paragraph>
      )}
    </section>
  );
}

interface StepProps {
  onDone: () => void;
  headingLevel?: 1 | 2;
  /** Shown in place of the password form: the heading takes focus. */
  takeFocus?: boolean;
}

/** Focuses the element with this id once it is there (the design system's Heading takes no ref). */
function useFocusOnMount(id: string, on: boolean) {
  useEffect(() => {
    if (on) document.getElementById(id)?.focus();
  }, [id, on]);
}

/** The six-digit code; a code that is not six digits is said at once, by the server's own schema and sentence. */
function CodeForm({
  onSubmit,
  busy,
  error,
  onInvalid,
}: {
  onSubmit: (code: string) => void;
  busy: boolean;
  error: unknown;
  onInvalid: (e: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const checked = Code.safeParse(code);
        if (checked.success) onSubmit(checked.data);
        else onInvalid(formError([{ field: 'code', ...msgParts(checked.error.issues[0]?.message)! }]));
      }}
      noValidate
    >
      <TextInput
        label={t('codeLabel')}
        field="code"
        error={fieldErrors(error, lang).code}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        required
      />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>
        {t('confirm')}
      </Button>
    </form>
  );
}

export function SecondFactor({ onDone, headingLevel = 1, takeFocus = false }: StepProps) {
  const { t } = useI18n();
  useFocusOnMount('tf-title', takeFocus);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await post('/api/v1/session/second-factor', { body: { code } });
      setCsrf(r.csrfToken);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="regie-narrow" aria-labelledby="tf-title">
      <Heading level={headingLevel} id="tf-title" tabIndex={-1}>
        {t('secondFactor')}
      </Heading>
      <ProblemAlert error={error} />
      <CodeForm onSubmit={submit} busy={busy} error={error} onInvalid={setError} />
    </section>
  );
}

export function Enrol({ onDone, headingLevel = 1, takeFocus = false }: StepProps) {
  const { t } = useI18n();
  useFocusOnMount('enrol-title', takeFocus);
  const [data, setData] = useState<ApiResponse<'GET', '/api/v1/session/totp-enrolment'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    get('/api/v1/session/totp-enrolment').then(setData, setError);
  }, []);
  const submit = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await post('/api/v1/session/totp-enrolment', { body: { code } });
      setCsrf(r.csrfToken);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="regie-narrow" aria-labelledby="enrol-title">
      <Heading level={headingLevel} id="enrol-title" tabIndex={-1}>
        {t('enrolTitle')}
      </Heading>
      <Paragraph>{t('enrolIntro')}</Paragraph>
      {data && (
        <>
          <img src={data.qrDataUrl} width={220} height={220} alt={`QR-code: ${t('enrolSecret')} ${data.secret}`} />
          <Paragraph>
            {t('enrolSecret')} <code data-testid="totp-secret">{data.secret}</code>
          </Paragraph>
        </>
      )}
      <ProblemAlert error={error} />
      <CodeForm onSubmit={submit} busy={busy} error={error} onInvalid={setError} />
    </section>
  );
}
