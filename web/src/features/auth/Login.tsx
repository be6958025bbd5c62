import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, setCsrf, type ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { formError, ProblemAlert, SubmitForm, TextInput, useFormAction } from '../../ui/forms.js';
import { Enrol, SecondFactor } from './CodeSteps.js';
import { missingLogin, oidcErrorKey } from './login-checks.js';

export { Enrol, SecondFactor } from './CodeSteps.js';

type State = ApiResponse<'POST', '/api/v1/session'>['state'];

/** Username + password, then (when needed) the TOTP code or the enrolment of an authenticator app. */
export function Login({ onDone, headingLevel = 1 }: { onDone: () => void; headingLevel?: 1 | 2 }) {
  const { t } = useI18n();
  const [step, setStep] = useState<'password' | State>('password');
  const [v, setV] = useState({ username: '', password: '' });
  const { error, busy, run, bind } = useFormAction(v, setV);
  const [oidc, setOidc] = useState<ApiResponse<'GET', '/api/v1/oidc/config'> | null>(null);
  const oidcError = oidcErrorKey(location.search);
  useEffect(() => {
    get('/api/v1/oidc/config').then(setOidc, () => setOidc(null));
  }, []);

  const submit = () =>
    run(async () => {
      // The form's own first check: an empty field is said at once, without a round trip or a failed attempt.
      const missing = missingLogin(v);
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
