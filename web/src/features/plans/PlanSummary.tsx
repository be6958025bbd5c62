// The plan at a glance on the family page: the current version, agreed or not and by whom, open
// disagreements, the agreed plan's actions due this week and overdue. Self-contained: it loads
// its own data, so the family page needs one line.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { fmtDate } from '../../ui/time.js';
import { usePlanT, type PlanKey } from './texts.js';

export function PlanSummary({ familyId }: { familyId: string }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const { data } = useApi('/api/v1/families/:familyId/plan-summary', { params: { familyId } });
  if (!data || !data.caseId) return null;
  const list = (items: typeof data.overdue) =>
    items.length === 0 ? (
      <Paragraph>{t('none')}</Paragraph>
    ) : (
      <ul className="utrecht-unordered-list">
        {items.map((a) => (
          <li key={a.id} className="utrecht-unordered-list__item">
            {a.description} — {a.ownerName}, {fmtDate(a.dueOn, lang)}
          </li>
        ))}
      </ul>
    );
  return (
    <section aria-labelledby="plan-summary-title" className="regie-section">
      <Heading level={2} id="plan-summary-title">
        {t('summaryTitle')}
      </Heading>
      {!data.current && !data.draft && <Paragraph>{t('summaryNone')}</Paragraph>}
      {data.current && (
        <Paragraph>{t('summaryCurrent', { n: data.current.number, status: t(`s_${data.current.status}` as PlanKey) })}</Paragraph>
      )}
      <Paragraph>
        <strong>
          {data.agreed ? t('summaryAgreed', { n: data.agreed.number, date: fmtDate(data.agreed.decidedAt, lang) }) : t('summaryNotAgreed')}
        </strong>
      </Paragraph>
      {data.agreed && data.agreed.by.length > 0 && (
        <Paragraph>
          {t('summaryBy')}: {data.agreed.by.map((b) => b.name).join(', ')}
        </Paragraph>
      )}
      {data.draft && <Paragraph>{t('summaryDraft', { n: data.draft.number })}</Paragraph>}
      {data.openDisagreements.length > 0 && (
        <>
          <Heading level={3}>{t('disagreements')}</Heading>
          <ul className="utrecht-unordered-list">
            {data.openDisagreements.map((x) => (
              <li key={`${x.versionId}-${x.partyName}`} className="utrecht-unordered-list__item">
                {t('disagreementLine', { n: x.number, name: x.partyName, reason: x.reason, date: fmtDate(x.answeredOn, lang) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.agreed && (
        <>
          <Heading level={3}>{t('overdue')}</Heading>
          {list(data.overdue)}
          <Heading level={3}>{t('dueThisWeek')}</Heading>
          {list(data.dueThisWeek)}
        </>
      )}
      <Paragraph>
        <A href={`/plannen/${data.caseId}`}>{t('summaryToPlan')}</A>
      </Paragraph>
    </section>
  );
}
