import { useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { useSession } from '../../session.js';
import { ProblemAlert, Select, TextInput } from '../../ui/forms.js';
import { ago, fmtDateTime } from '../../ui/time.js';

const OWN = {
  nl: { ownGrant: 'Dit is uw eigen noodtoegang. Een andere privacyfunctionaris beoordeelt die.' },
  en: { ownGrant: 'This is your own break-the-glass access. Another privacy officer reviews it.' },
};

/** The privacy officer's list of break-the-glass accesses to review; never one's own (separation of duties). */
export function Reviews() {
  const { t, lang } = useI18n();
  const local = useLocalT(OWN);
  const me = useSession().session?.user.id;
  const [status, setStatus] = useState<'open' | 'reviewed'>('open');
  const reviews = useApi('/api/v1/break-glass-reviews', { query: { status } });
  const items = reviews.data?.items ?? null;
  const { error } = reviews;
  const load = () => reviews.refetch();
  return (
    <>
      <Heading level={1}>{t('reviews')}</Heading>
      <Select
        label={t('filter')}
        value={status}
        onChange={(e) => setStatus(e.target.value === 'reviewed' ? 'reviewed' : 'open')}
        options={[
          { value: 'open', label: t('reviewOpen') },
          { value: 'reviewed', label: t('reviewDone') },
        ]}
      />
      <ProblemAlert error={error} />
      {items && items.length === 0 && <Paragraph>—</Paragraph>}
      <ul className="regie-cards">
        {items?.map((r) => (
          <li key={r.id} className="regie-card">
            <Heading level={2} appearanceLevel={4}>
              {r.user.name} ({r.organisation.name}) → {r.family.name}
            </Heading>
            <Paragraph>
              {fmtDateTime(r.startedAt, lang)} ({ago(t, r.startedAt)}) – {fmtDateTime(r.expiresAt, lang)}
            </Paragraph>
            <blockquote className="utrecht-blockquote">
              <p className="utrecht-paragraph">{r.reason}</p>
            </blockquote>
            {r.review ? (
              <Paragraph>
                <strong>{r.review.outcome === 'justified' ? t('justified') : t('unjustified')}</strong> — {r.review.reviewedBy.name},{' '}
                {fmtDateTime(r.review.reviewedAt, lang)}
                {r.review.note && `: ${r.review.note}`}
              </Paragraph>
            ) : r.user.id === me ? (
              <Paragraph className="regie-muted">{local('ownGrant')}</Paragraph>
            ) : (
              <ReviewForm id={r.id} onDone={load} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReviewForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = (outcome: 'justified' | 'unjustified') =>
    post('/api/v1/break-glass-reviews/:breakGlassId', {
      params: { breakGlassId: id },
      body: { outcome, ...(note.trim() ? { note: note.trim() } : {}) },
    }).then(onDone, setError);
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <ProblemAlert error={error} />
      <TextInput label={t('reviewNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="regie-actions">
        <Button appearance="primary-action-button" onClick={() => send('justified')}>
          {t('justified')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => send('unjustified')}>
          {t('unjustified')}
        </Button>
      </div>
    </form>
  );
}
