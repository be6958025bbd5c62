import { Heading } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { fmtDateTime } from '../../ui/time.js';
import { DataList } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { nameWithOrganisation, type SignalDetailData } from './drafts.js';

/** The triage decision recorded on a signal: assessment and reasons, decision, target, who decided and when. */
export function TriageDecision({ signal: s }: { signal: SignalDetailData & { triage: NonNullable<SignalDetailData['triage']> } }) {
  const { lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const me = useSession().session?.user;
  return (
    <section aria-labelledby="decision-title" className="regie-section">
      <Heading level={2} id="decision-title">
        {t('triageTitle')}
      </Heading>
      <DataList
        items={[
          [t('assessment'), <strong>{lbl('assessment', s.triage.safetyAssessment)}</strong>],
          [t('reasons'), s.triage.safetyReasons],
          [t('decision'), lbl('decision', s.triage.decision)],
          ...(s.triage.targetOrganisationName
            ? [
                [
                  t('target'),
                  s.triage.targetRegionName && s.triage.targetRegionId !== me?.regionId
                    ? t('targetWithRegion', { org: s.triage.targetOrganisationName, region: s.triage.targetRegionName })
                    : s.triage.targetOrganisationName,
                ] as [string, string],
              ]
            : []),
          ...(s.triage.closeReason ? [[t('closeReason'), s.triage.closeReason] as [string, string]] : []),
          ...(s.triage.note ? [[t('note'), s.triage.note] as [string, string]] : []),
          [t('decidedBy'), nameWithOrganisation(s.triage.decidedBy)],
          [t('decidedAt'), fmtDateTime(s.triage.decidedAt, lang)],
        ]}
      />
    </section>
  );
}
