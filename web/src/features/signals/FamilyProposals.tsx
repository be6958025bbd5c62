// "Possibly the same family" on a signal: the proposals, confirmed or rejected by the triaging professional.
import { useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { A } from '../../router.js';
import { ProblemAlert } from '../../ui/forms.js';
import { useSignalT } from './texts.js';
import type { SignalDetailData } from './drafts.js';

type FamilyProposal = SignalDetailData['proposals'][number];

/** "Possibly the same family": proposals at the same address, linked only when the triaging professional confirms. */
export function Proposals({ signal, onDone }: { signal: SignalDetailData; onDone: (msg: string) => void }) {
  const t = useSignalT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const answer = async (p: FamilyProposal, decision: 'confirmed' | 'rejected') => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/v1/signals/:signalId/family-proposals', {
        params: { signalId: signal.id },
        body: { ...(p.caseId ? { caseId: p.caseId } : { otherSignalId: p.signalId ?? undefined }), decision, version: signal.version },
      });
      onDone(decision === 'confirmed' ? t('proposalConfirmedNotice') : t('proposalRejectedNotice'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const describe = (p: FamilyProposal) =>
    p.kind === 'case'
      ? t('proposalCase', { label: p.label ?? '—', coordinator: p.coordinatorName ?? '—' })
      : t('proposalSignal', { ref: p.reference ?? '—', label: p.label ?? '—' });
  return (
    <section aria-labelledby="proposals-title" className="regie-section">
      <Heading level={2} id="proposals-title">
        {t('proposalsTitle')}
      </Heading>
      <Paragraph>{t('proposalsIntro')}</Paragraph>
      <ProblemAlert error={error} />
      <ul className="utrecht-unordered-list">
        {signal.proposals.map((p) => (
          <li key={p.caseId ?? p.signalId} className="utrecht-unordered-list__item">
            {p.kind === 'signal' && p.signalId ? <A href={`/meldingen/${p.signalId}`}>{describe(p)}</A> : describe(p)}
            {p.status === 'confirmed' ? (
              <>
                <br />
                <strong>{t('proposalConfirmed')}</strong>
              </>
            ) : (
              signal.status === 'open' && (
                <div className="regie-actions">
                  <Button
                    appearance="primary-action-button"
                    disabled={busy}
                    aria-label={`${t('confirmProposal')}: ${describe(p)}`}
                    onClick={() => void answer(p, 'confirmed')}
                  >
                    {t('confirmProposal')}
                  </Button>
                  <Button
                    appearance="secondary-action-button"
                    disabled={busy}
                    aria-label={`${t('rejectProposal')}: ${describe(p)}`}
                    onClick={() => void answer(p, 'rejected')}
                  >
                    {t('rejectProposal')}
                  </Button>
                </div>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
