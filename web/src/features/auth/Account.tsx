// The own account: choose a new password (forced after a one-time password) and replace the
// authenticator app with a code of the current one.
import { useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { get, post, put, type ApiResponse } from '../../api.js';
import { useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ProblemAlert, SubmitForm, TextInput, useFormAction } from '../../ui/forms.js';
import { LiveNotice } from '../../ui/notice.js';
import { TEXTS } from './texts.js';

const noPasswords = { currentPassword: '', newPassword: '', repeatPassword: '' };
/** A password field, named as the request names it (password managers go by name and autocomplete). */
const password = (name: keyof typeof noPasswords, autoComplete: 'current-password' | 'new-password') => ({
  name,
  type: 'password',
  autoComplete,
  required: true,
});

export function ChangePassword({ forced, onDone, headingLevel = 1 }: { forced: boolean; onDone?: () => void; headingLevel?: 1 | 2 }) {
  const t = useLocalT(TEXTS);
  const [v, setV] = useState(noPasswords);
  const { error, setError, busy, run, bind } = useFormAction(v, setV);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const submit = () => {
    setError(null);
    setDone(false);
    setMismatch(v.newPassword !== v.repeatPassword);
    if (v.newPassword !== v.repeatPassword) return;
    return run(async () => {
      const { currentPassword, newPassword } = v;
      await put('/api/v1/session/password', { body: forced ? { newPassword } : { currentPassword, newPassword } });
      setV(noPasswords);
      setDone(true);
      onDone?.();
    });
  };
  return (
    <section className="regie-narrow" aria-labelledby="password-title">
      <Heading level={headingLevel} id="password-title">
        {forced ? t('forcedTitle') : t('passwordTitle')}
      </Heading>
      {forced && <Paragraph>{t('forcedIntro')}</Paragraph>}
      <LiveNotice text={done ? t('passwordChanged') : null} />
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        {!forced && (
          <TextInput label={t('currentPassword')} {...password('currentPassword', 'current-password')} {...bind('currentPassword')} />
        )}
        <TextInput
          label={t('newPassword')}
          hint={t('passwordHint')}
          {...password('newPassword', 'new-password')}
          {...bind('newPassword')}
          minLength={12}
        />
        <TextInput
          label={t('repeatPassword')}
          {...password('repeatPassword', 'new-password')}
          value={v.repeatPassword}
          onChange={(e) => setV({ ...v, repeatPassword: e.target.value })}
          error={mismatch ? t('mismatch') : undefined}
        />
        <Button appearance="primary-action-button" type="submit" disabled={busy}>
          {t('savePassword')}
        </Button>
      </SubmitForm>
    </section>
  );
}

const noCodes = { currentCode: '', code: '' };
const digits = (v: string) => v.replace(/\D/g, '').slice(0, 6);

function ReplaceAuthenticator() {
  const t = useLocalT(TEXTS);
  const [data, setData] = useState<ApiResponse<'GET', '/api/v1/session/totp-replacement'> | null>(null);
  const [v, setV] = useState(noCodes);
  // Only digits are kept as typed.
  const { error, busy, run, bind } = useFormAction(v, (next) => setV({ currentCode: digits(next.currentCode), code: digits(next.code) }));
  const [done, setDone] = useState(false);
  const start = () => {
    setDone(false);
    return run(async () => setData(await get('/api/v1/session/totp-replacement')));
  };
  const submit = () =>
    run(async () => {
      await post('/api/v1/session/totp-replacement', { body: v });
      setDone(true);
      setData(null);
      setV(noCodes);
    });
  return (
    <section className="regie-narrow regie-section" aria-labelledby="replace-title">
      <Heading level={2} id="replace-title">
        {t('replaceTitle')}
      </Heading>
      <Paragraph>{t('replaceIntro')}</Paragraph>
      <LiveNotice text={done ? t('replaced') : null} />
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
        <SubmitForm onSubmit={submit}>
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
            {...bind('currentCode')}
            required
          />
          <TextInput label={t('newCode')} name="code" inputMode="numeric" autoComplete="off" maxLength={6} {...bind('code')} required />
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {t('replaceConfirm')}
          </Button>
        </SubmitForm>
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
