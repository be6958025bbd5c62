import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { A } from '../../router.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ago, fmtDate, fmtDateTime } from '../../ui/time.js';
import { CaseSection } from './CaseSection.js';
import { MembersSection } from './MembersSection.js';
import { NetworkSection } from './NetworkSection.js';
import { Timeline } from '../events/Timeline.js';
import { IntegralPicturePanel } from '../assessments/IntegralPicturePanel.js';
import { SafetySection } from '../safety/index.js';
import { PlanSummary } from '../plans/PlanSummary.js';

export type FamilyPageData = ApiResponse<'GET', '/api/v1/families/:familyId'>;

/** One page for the whole family: members, network, the case, its team and the timeline. */
const TEXTS = {
  nl: { readOnly: 'Noodtoegang geeft alleen inzage: wijzigingen doet het casusteam.' },
  en: { readOnly: 'Break the glass gives read access only: the case team makes changes.' },
};

export function FamilyPage({ familyId }: { familyId: string }) {
  const { t, label, lang } = useI18n();
  const local = useLocalT(TEXTS);
  const page = useApi('/api/v1/families/:familyId', { params: { familyId } });
  const { data, error } = page;
  const load = () => {
    void page.refetch();
  };
  if (error && !data)
    return (
      <>
        <Heading level={1}>{t('familyPage')}</Heading>
        <ProblemAlert error={error} />
      </>
    );
  if (!data) return <Paragraph>{t('loading')}</Paragraph>;
  const c = data.currentCase;
  // Break the glass gives read access only: the server refuses every change, so none is offered.
  const readOnly = data.access.breakGlass;
  return (
    <>
      {data.access.breakGlass && (
        <Alert type="warning" className="regie-breakglass-banner" role="status">
          <Paragraph>
            <strong>{t('breakGlass')}</strong> — {t('breakGlassBanner', { time: fmtDateTime(data.access.breakGlassExpiresAt, lang) })}{' '}
            {local('readOnly')}
          </Paragraph>
        </Alert>
      )}
      <div className="regie-title-row">
        <Heading level={1}>{data.name}</Heading>
        <div className="regie-actions">
          <A href={`/meldingen/nieuw?familyId=${data.id}`} className="utrecht-button-link utrecht-button-link--secondary-action">
            {t('navSignal')}
          </A>
          {c && c.status !== 'closed' && data.access.isCoordinator && (
            <A href={`/overdrachten/nieuw?caseId=${c.id}`} className="utrecht-button-link utrecht-button-link--secondary-action">
              {t('handOver')}
            </A>
          )}
        </div>
        {c && <span className={`regie-badge regie-badge--${c.status}`}>{label(c.status)}</span>}
      </div>
      {c && (
        <Paragraph className="regie-lead">
          {t('coordinator')}: <strong>{c.coordinator?.name ?? '—'}</strong>
          {c.coordinator && ` (${c.coordinator.organisationName})`} · {t('caseOpened')} {fmtDate(c.openedAt, lang)} ({ago(t, c.openedAt)})
          {data.access.legalBasis && (
            <>
              {' '}
              · {t('legalBasis')}: {label(data.access.legalBasis)}
            </>
          )}
        </Paragraph>
      )}
      <ProblemAlert error={error} />

      <div className="regie-family-grid">
        <div>
          <MembersSection data={data} readOnly={readOnly} load={load} />
          <CaseSection data={data} onChanged={load} />
          <PlanSummary familyId={data.id} />
          {c && <SafetySection key={c.id} caseId={c.id} />}
          <IntegralPicturePanel caseId={c?.id} canWrite={!readOnly && c?.status !== 'closed'} />

          <NetworkSection data={data} readOnly={readOnly} load={load} />
        </div>

        <Timeline familyId={data.id} events={data.timeline} cursor={data.timelineCursor} />
      </div>
    </>
  );
}
