import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { A, useNavigate } from '../../router.js';
import { mayBreakGlass, useSession } from '../../session.js';
import { fieldErrors, ProblemAlert, TextArea, TextInput } from '../../ui/forms.js';
import { BsnInput } from '../../ui/date-fields.js';

/** Break the glass: one family, 60 minutes, a second factor and a written reason. */
export function BreakGlass() {
  const navigate = useNavigate();
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [bsn, setBsn] = useState('');
  const [reason, setReason] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  if (!mayBreakGlass(session?.user)) return <><Heading level={1}>{t('breakGlass')}</Heading><Alert type="info"><Paragraph>{t('breakGlassNotAllowed')}</Paragraph></Alert></>;
  const submit = async () => {
    setError(null);
    try {
      const r = await post('/api/v1/break-glass', { body: { bsn: bsn.trim(), reason: reason.trim(), totpCode: code.trim() } });
      navigate(`/gezinnen/${r.familyId}`);
    } catch (err) { setError(err); }
  };
  return (
    <section className="regie-narrow">
      <Heading level={1}>{t('breakGlass')}</Heading>
      <Alert type="warning"><Paragraph>{t('breakGlassIntro')}</Paragraph></Alert>
      {!session?.user.totpEnrolled && <Alert type="info"><Paragraph>{t('totpFirst')} <A href="/account/authenticator">{t('enrolTitle')}</A></Paragraph></Alert>}
      <ProblemAlert error={error} />
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <BsnInput label={t('breakGlassBsn')} hint="" value={bsn} onChange={setBsn} field="bsn" error={errors.bsn} />
        <TextArea label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} field="reason" error={errors.reason} />
        <TextInput label={t('codeLabel')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} field="totpCode" error={errors.totpCode} />
        <Button appearance="primary-action-button" type="submit">{t('breakGlassButton')}</Button>
      </form>
    </section>
  );
}
