// The own account: choose a new password (forced after a one-time password) and replace the
// authenticator app with a code of the current one.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, put, type ApiResponse } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { fieldErrors, ProblemAlert, TextInput } from '../../ui/forms.js';
import { TEXTS } from './texts.js';

export function ChangePassword({ forced, onDone, headingLevel = 1 }: { forced: boolean; onDone?: () => void; headingLevel?: 1 | 2 }) {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, lang);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    try {
      await put('/api/v1/session/password', { body: forced ? { newPassword: next } : { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="regie-narrow" aria-labelledby="password-title">
      <Heading level={headingLevel} id="password-title">
        {forced ? t('forcedTitle') : t('passwordTitle')}
      </Heading>
      {forced && <Paragraph>{t('forcedIntro')}</Paragraph>}
      <div role="status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t('passwordChanged')}</Paragraph>
          </Alert>
        )}
      </div>
      <ProblemAlert error={error} />
      <form onSubmit={submit} noValidate>
        {!forced && (
          <TextInput
            label={t('currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            field="currentPassword"
            error={errors.currentPassword}
            required
          />
        )}
        <TextInput
          label={t('newPassword')}
          hint={t('passwordHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          field="newPassword"
          error={errors.newPassword}
          required
          minLength={12}
        />
        <TextInput
          label={t('repeatPassword')}
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={mismatch ? t('mismatch') : undefined}
          required
        />
        <Button appearance="primary-action-button" type="submit" disabled={busy}>
          {t('savePassword')}
        </Button>
      </form>
    </section>
  );
}

function ReplaceAuthenticator() {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const [data, setData] = useState<ApiResponse<'GET', '/api/v1/session/totp-replacement'> | null>(null);
  const [currentCode, setCurrentCode] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, lang);
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 6);
  const start = async () => {
    setError(null);
    setDone(false);
    try {
      setData(await get('/api/v1/session/totp-replacement'));
    } catch (e) {
      setError(e);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/api/v1/session/totp-replacement', { body: { currentCode, code } });
      setDone(true);
      setData(null);
      setCurrentCode('');
      setCode('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="regie-narrow regie-section" aria-labelledby="replace-title">
      <Heading level={2} id="replace-title">
        {t('replaceTitle')}
      </Heading>
      <Paragraph>{t('replaceIntro')}</Paragraph>
      <div role="status">
        {done && (
          <Alert type="ok" role="none">
            <Paragraph>{t('replaced')}</Paragraph>
          </Alert>
        )}
      </div>
      <ProblemAlert error={error} />
      {!data && (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            void start();
          }}
        >
          {t('replaceStart')}
        </Button>
      )}
      {data && (
        <form onSubmit={submit} noValidate>
          <img src={data.qrDataUrl} width={220} height={220} alt={`QR-code: ${t('secret')} ${data.secret}`} />
          <Paragraph>
            {t('secret')} <code data-testid="totp-replacement-secret">{data.secret}</code>
          </Paragraph>
          <TextInput
            label={t('currentCode')}
            name="currentCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={currentCode}
            onChange={(e) => setCurrentCode(digits(e.target.value))}
            field="currentCode"
            error={errors.currentCode}
            required
          />
          <TextInput
            label={t('newCode')}
            name="code"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(digits(e.target.value))}
            field="code"
            error={errors.code}
            required
          />
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {t('replaceConfirm')}
          </Button>
        </form>
      )}
      <Paragraph className="regie-muted">{t('lost')}</Paragraph>
    </section>
  );
}

/** /account: the own password, and the authenticator app when one is linked. */
export function MyAccount() {
  const t = useLocalT(TEXTS);
  const { session } = useSession();
  return (
    <>
      <Heading level={1}>{t('accountTitle')}</Heading>
      <Paragraph className="regie-lead">{t('accountIntro')}</Paragraph>
      <ChangePassword forced={false} headingLevel={2} />
      {session?.user.totpEnrolled && <ReplaceAuthenticator />}
    </>
  );
}
