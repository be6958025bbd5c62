// What is past on the family page: the ended team memberships of the case, and the family's earlier cases.
import { Heading } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { fmtDate } from '../../ui/time.js';
import type { FamilyPageData } from './FamilyPage.js';

type Case = NonNullable<FamilyPageData['currentCase']>;

/** The ended memberships, folded away under their count; nothing when there are none. */
export function EndedTeam({ c }: { c: Case }) {
  const { t, label, lang } = useI18n();
  const endedTeam = c.team.filter((m) => m.endedAt);
  if (endedTeam.length === 0) return null;
  return (
    <details className="regie-disclosure">
      <summary>
        {t('ended')} ({endedTeam.length})
      </summary>
      <ul className="utrecht-unordered-list">
        {endedTeam.map((m) => (
          <li key={m.id} className="utrecht-unordered-list__item">
            {m.userName} ({m.organisationName}) — {label(m.role)}, {fmtDate(m.startedOn, lang)} – {fmtDate(m.endedAt, lang)}
            {m.endedReason && `: ${m.endedReason}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The family's closed cases; nothing when there are none. */
export function PastCases({ pastCases }: { pastCases: FamilyPageData['pastCases'] }) {
  const { t, label, lang } = useI18n();
  if (pastCases.length === 0) return null;
  return (
    <>
      <Heading level={3}>{t('pastCases')}</Heading>
      <ul className="utrecht-unordered-list">
        {pastCases.map((p) => (
          <li key={p.id} className="utrecht-unordered-list__item">
            {fmtDate(p.openedAt, lang)} – {fmtDate(p.closedAt, lang)}: {label(p.status)}
            {p.closedReason && ` (${p.closedReason})`}
          </li>
        ))}
      </ul>
    </>
  );
}
