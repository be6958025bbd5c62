import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { A, useNavigate } from '../../router.js';
import { mayBreakGlass, useSession } from '../../session.js';
import { ProblemAlert, TextArea, TextInput, useFormAction } from '../../ui/forms.js';
import { ConfirmStepForm } from '../../ui/confirm-form.js';
import { BsnInput } from '../../ui/date-fields.js';
import { ConfirmPanel, useConfirmStep } from '../../ui/confirm.js';

// What happens on confirming (src/modules/breakglass/breakglass.service.ts): a grant of 60
// minutes, read only, the reason kept for the privacy officer's review, every view audited, and
// an event on the family's timeline that says that, not why.
const TEXTS = {
  nl: {
    lineAccess: 'U krijgt 60 minuten toegang tot het gezin van de persoon met BSN {bsn}: alleen inzage, wijzigen kan niet.',
    lineReason: 'Uw reden wordt vastgelegd en door de privacy officer beoordeeld: "{reason}"',
    lineAudit: 'Alles wat u in die 60 minuten bekijkt, komt in de auditlog, met uw reden.',
    lineTimeline: 'Op de tijdlijn van het gezin ziet het casusteam dat er noodtoegang is geopend (niet uw reden).',
    lineAfter: 'Na de bevestiging gaat u naar de gezinspagina; daar staat tot wanneer de noodtoegang loopt.',
    confirmButton: 'Ja, open noodtoegang',
  },
  en: {
    lineAccess: 'You get 60 minutes of access to the family of the person with BSN {bsn}: read only, you cannot make changes.',
    lineReason: 'Your reason is recorded and reviewed by the privacy officer: "{reason}"',
    lineAudit: 'Everything you view in those 60 minutes goes into the audit log, with your reason.',
    lineTimeline: "On the family's timeline the case team sees that emergency access was opened (not your reason).",
    lineAfter: 'After confirming you go to the family page; it shows until when the emergency access runs.',
    confirmButton: 'Yes, open emergency access',
  },
};

/** Break the glass: one family, 60 minutes, a second factor and a written reason; confirmed before it opens. */
export function BreakGlass() {
  const navigate = useNavigate();
  const { t } = useI18n();
  const local = useLocalT(TEXTS);
  const { session } = useSession();
  const [v, setV] = useState({ bsn: '', reason: '', totpCode: '' });
  const { error, run, bind } = useFormAction(v, setV);
  const step = useConfirmStep();
  const [bsn, reason, code] = [v.bsn.trim(), v.reason.trim(), v.totpCode.trim()];
  if (!mayBreakGlass(session?.user))
    return (
      <>
        <Heading level={1}>{t('breakGlass')}</Heading>
        <Alert type="info">
          <Paragraph>{t('breakGlassNotAllowed')}</Paragraph>
        </Alert>
      </>
    );
  // The result is the family page itself (with its banner): on success it opens there.
  const send = () =>
    run(async () => {
      const r = await post('/api/v1/break-glass', { body: { bsn, reason, totpCode: code } });
      navigate(`/gezinnen/${r.familyId}`);
    });
  // Only a request that can succeed is confirmed first; an incomplete one goes straight to the
  // server, whose refusal names the fields (nothing opens).
  const complete = /^\d{9}$/.test(bsn) && reason.length >= 20 && /^\d{6}$/.test(code);
  return (
    <section className="regie-narrow">
      <Heading level={1}>{t('breakGlass')}</Heading>
      <Alert type="warning">
        <Paragraph>{t('breakGlassIntro')}</Paragraph>
      </Alert>
      {!session?.user.totpEnrolled && (
        <Alert type="info">
          <Paragraph>
            {t('totpFirst')} <A href="/account/authenticator">{t('enrolTitle')}</A>
          </Paragraph>
        </Alert>
      )}
      <ProblemAlert error={error} />
      <ConfirmStepForm step={step} confirm={complete} onSend={send}>
        <BsnInput label={t('breakGlassBsn')} hint="" {...bind.value('bsn')} />
        <TextArea label={t('reason')} {...bind('reason')} />
        <TextInput label={t('codeLabel')} inputMode="numeric" autoComplete="one-time-code" {...bind('totpCode')} />
        <Button appearance="primary-action-button" type="submit">
          {t('breakGlassButton')}
        </Button>
      </ConfirmStepForm>
      {step.open && (
        <ConfirmPanel
          step={step}
          level={2}
          confirmLabel={local('confirmButton')}
          onConfirm={() => void step.run(send)}
          lines={[
            local('lineAccess', { bsn }),
            local('lineReason', { reason }),
            local('lineAudit'),
            local('lineTimeline'),
            local('lineAfter'),
          ]}
        />
      )}
    </section>
  );
}
