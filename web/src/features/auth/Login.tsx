import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, setCsrf, type ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, formError, ProblemAlert, SubmitForm, TextInput, useAction, useFormAction } from '../../ui/forms.js';
import { Code } from '@contract/session.js';
import { msgParts } from '@contract/shared/primitives.js';

type State = ApiResponse<'POST', '/api/v1/session'>['state'];

/** Username + password, then (when needed) the TOTP code or the enrolment of an authenticator app. */
export function Login({ onDone, headingLevel = 1 }: { onDone: () => void; headingLevel?: 1 | 2 }) {
  const { t } = useI18n();
  const [step, setStep] = useState<'password' | State>('password');
  const [v, setV] = useState({ username: '', password: '' });
  const { error, busy, run, bind } = useFormAction(v, setV);
  const [oidc, setOidc] = useState<ApiResponse<'GET', '/api/v1/oidc/config'> | null>(null);
  const oidcError = ({ 'oidc-onbekend': 'oidcUnknown', 'oidc-mislukt': 'oidcFailed', 'oidc-inactief': 'oidcInactive' } as const)[
    new URLSearchParams(location.search).get('fout') ?? ''
  ];
  useEffect(() => {
    get('/api/v1/oidc/config').then(setOidc, () => setOidc(null));
  }, []);

  const submit = () =>
    run(async () => {
      // The form's own first check: an empty field is said at once, without a round trip or a failed attempt.
      const missing = [
        ...(v.username.trim() ? [] : [{ field: 'username', nl: 'Vul uw gebruikersnaam in.', en: 'Enter your username.' }]),
        ...(v.password ? [] : [{ field: 'password', nl: 'Vul uw wachtwoord in.', en: 'Enter your password.' }]),
      ];
      if (missing.length) throw formError(missing);
      const r = await post('/api/v1/session', { body: v });
      setCsrf(r.csrfToken);
      setV({ ...v, password: '' });
      // A one-time password: the application asks for a new one (main.tsx, by the session's state).
      if (r.state === 'active' || r.state === 'password_change_required') onDone();
      else setStep(r.state);
    });

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
      <SubmitForm onSubmit={submit}>
        <TextInput label={t('username')} name="username" autoComplete="username" {...bind('username')} required />
        <TextInput label={t('password')} name="password" type="password" autoComplete="current-password" {...bind('password')} required />
        <Button appearance="primary-action-button" type="submit" disabled={busy}>
          {t('loginButton')}
        </Button>
      </SubmitForm>
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

/**
 * The six-digit code and its refusal: a code that is not six digits is said at once, by the
 * server's own schema and sentence; a good one goes to `send`, whose new session's CSRF token is kept.
 */
function CodeStep({
  send,
  onDone,
  loadError,
}: {
  send: (code: string) => Promise<{ csrfToken: string }>;
  onDone: () => void;
  loadError?: unknown;
}) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState('');
  const { error, setError, busy, run } = useAction();
  const submit = () => {
    const checked = Code.safeParse(code);
    if (!checked.success) return setError(formError([{ field: 'code', ...msgParts(checked.error.issues[0]?.message)! }]));
    return run(async () => {
      setCsrf((await send(checked.data)).csrfToken);
      onDone();
    });
  };
  return (
    <>
      <ProblemAlert error={error ?? loadError} />
      <SubmitForm onSubmit={submit}>
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
      </SubmitForm>
    </>
  );
}

export function SecondFactor({ onDone, headingLevel = 1, takeFocus = false }: StepProps) {
  const { t } = useI18n();
  useFocusOnMount('tf-title', takeFocus);
  return (
    <section className="regie-narrow" aria-labelledby="tf-title">
      <Heading level={headingLevel} id="tf-title" tabIndex={-1}>
        {t('secondFactor')}
      </Heading>
      <CodeStep send={(code) => post('/api/v1/session/second-factor', { body: { code } })} onDone={onDone} />
    </section>
  );
}

export function Enrol({ onDone, headingLevel = 1, takeFocus = false }: StepProps) {
  const { t } = useI18n();
  useFocusOnMount('enrol-title', takeFocus);
  const [data, setData] = useState<ApiResponse<'GET', '/api/v1/session/totp-enrolment'> | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    get('/api/v1/session/totp-enrolment').then(setData, setLoadError);
  }, []);
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
      <CodeStep send={(code) => post('/api/v1/session/totp-enrolment', { body: { code } })} onDone={onDone} loadError={loadError} />
    </section>
  );
}
