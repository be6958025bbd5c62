// Why a signal is back in the triage queue: its handover was refused, with the receiver's reason,
// or not answered in time.
// Shown in the triage queue (compact) and on the signal (as an alert above the triage form).
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { fmtDate } from '../../ui/time.js';
import { useHandoverT } from './texts.js';

export type HandoverRefusal = NonNullable<ApiResponse<'GET', '/api/v1/signals/:signalId'>['handoverRefusal']>;

export function RefusalNote({ refusal, compact = false }: { refusal: HandoverRefusal; compact?: boolean }) {
  const t = useHandoverT();
  const { lang } = useI18n();
  const text = t(refusal.outcome === 'refused' ? 'refusedBack' : 'expiredBack', {
    org: refusal.organisationName,
    date: fmtDate(refusal.refusedAt, lang),
  });
  if (compact)
    return (
      <>
        <br />
        <span className="regie-muted">
          {text}
          {refusal.reason && (
            <>
              : <q>{refusal.reason}</q>
            </>
          )}
        </span>
      </>
    );
  return (
    <Alert type="warning">
      <Paragraph>
        <strong>{t('newDecisionNeeded')}</strong> {text}.
      </Paragraph>
      {refusal.reason && (
        <Paragraph>
          {t('refusalReason')}: {refusal.reason}
        </Paragraph>
      )}
      <Paragraph>
        <A href={`/overdrachten/${refusal.handoverId}`}>{t('toRefusedHandover')}</A>
      </Paragraph>
    </Alert>
  );
}
