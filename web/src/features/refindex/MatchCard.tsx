// One match as a card: who it is about, since when, its match coordinator or the deadline for one,
// the "Ik word matchcoördinator" button, and the organisations involved.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { fmtDate } from '../../ui/time.js';
import { who } from './match-format.js';
import { MatchParties } from './MatchParties.js';
import { TEXTS, type Match } from './texts.js';

export function MatchCard({ match: m, onChanged }: { match: Match; onChanged: () => Promise<unknown> }) {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState(false);
  const headingId = `match-${m.id}`;

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/v1/refindex/matches/:matchId/coordinator', { params: { matchId: m.id }, body: {} });
      setNotice(true);
      await onChanged();
    } catch (e) {
      setError(e);
      await onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="regie-card">
      <Heading level={3} id={headingId}>
        {t(m.kind === 'client' ? 'clientAbout' : 'familyAbout', { who: who(m.persons) })}
      </Heading>
      <Paragraph>
        {t(m.kind === 'client' ? 'clientExplain' : 'familyExplain')} {t('matchedOn', { date: fmtDate(m.matchedOn, lang) })}
      </Paragraph>
      {m.closedAt && <Paragraph>{t('closedOn', { date: fmtDate(m.closedAt, lang) })}</Paragraph>}
      {m.coordinator ? (
        <Paragraph>
          <strong>
            {t('coordinator', {
              org: m.coordinator.organisation.name ?? '—',
              user: m.coordinator.user.name ?? '—',
              date: fmtDate(m.coordinator.acceptedAt, lang),
            })}
          </strong>
        </Paragraph>
      ) : (
        !m.closedAt && (
          <>
            <Paragraph>
              {t('noCoordinator')}{' '}
              {m.overdue ? (
                <strong className="regie-overdue">{t('overdue', { date: fmtDate(m.dueOn, lang) })}</strong>
              ) : (
                t('due', { date: fmtDate(m.dueOn, lang) })
              )}
            </Paragraph>
            {m.escalatedAt && <Paragraph>{t('escalated')}</Paragraph>}
          </>
        )
      )}
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{t('accepted')}</Paragraph>
        </Alert>
      )}
      <ProblemAlert error={error} />
      {m.canAccept && (
        <Button
          appearance="primary-action-button"
          disabled={busy}
          onClick={() => {
            void accept();
          }}
        >
          {t('accept')}
        </Button>
      )}
      <MatchParties parties={m.parties} />
    </li>
  );
}
