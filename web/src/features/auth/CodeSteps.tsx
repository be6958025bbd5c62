// The steps after the password: the six-digit code of the authenticator app, or enrolling one.
import { useEffect, useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, setCsrf, type ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, formError, ProblemAlert, SubmitForm, TextInput, useAction } from '../../ui/forms.js';
import { Code } from '@contract/session.js';
import { msgParts } from '@contract/shared/primitives.js';

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
