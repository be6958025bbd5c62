// "Plan": the current version (goals, the family's own goals, actions, who agreed), the draft
// being edited, the versions, open disagreements, and links to compare and to the PDF.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { usePlanT, type PlanKey } from './texts.js';
import { DraftEditor } from './DraftEditor.js';
import { Answers } from './Answers.js';
import { VersionContent } from './VersionContent.js';
import { VersionSafetyPlan } from './VersionSafetyPlan.js';
import { ProgressForms } from './ProgressForms.js';

export type { Overview, Version } from './VersionContent.js';

export function PlanScreen({ caseId }: { caseId: string }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const q = useApi('/api/v1/cases/:caseId/plan', { params: { caseId } });
  const family = useApi('/api/v1/families/:familyId', { params: { familyId: q.data?.familyId ?? '' } }, { enabled: !!q.data });
  const [error, setError] = useState<unknown>(null);
  const reload = () => {
    void q.refetch();
  };
  if (q.error && !q.data)
    return (
      <>
        <Heading level={1}>{t('plan')}</Heading>
        <ProblemAlert error={q.error} />
      </>
    );
  const d = q.data;
  if (!d) return <Paragraph>…</Paragraph>;
  const start = async () => {
    setError(null);
    try {
      await post('/api/v1/cases/:caseId/plan/drafts', { params: { caseId }, body: {} });
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const agreed = d.versions.find((v) => v.id === d.agreedVersionId);
  const earlier = d.versions.filter((v) => v.status !== 'draft');
  return (
    <>
      <Heading level={1}>{family.data ? t('planOf', { name: family.data.name }) : t('plan')}</Heading>
      <Paragraph>
        {t('intro')} <A href={`/gezinnen/${d.familyId}`}>{t('toFamily')}</A>
      </Paragraph>
      <ProblemAlert error={error} />
      {d.openDisagreements.length > 0 && (
        <Alert type="warning" role="status">
          <Heading level={2}>{t('disagreements')}</Heading>
          <ul className="utrecht-unordered-list">
            {d.openDisagreements.map((x) => (
              <li key={`${x.versionId}-${x.partyName}`} className="utrecht-unordered-list__item">
                {t('disagreementLine', { n: x.number, name: x.partyName, reason: x.reason, date: fmtDate(x.answeredOn, lang) })}
              </li>
            ))}
          </ul>
          <Paragraph className="regie-muted">{t('disagreementNote')}</Paragraph>
        </Alert>
      )}
      {!d.current && !d.draft && <Paragraph>{t('noPlan')}</Paragraph>}
      {!d.draft && !d.caseClosed && (
        <Button appearance="primary-action-button" onClick={() => void start()}>
          {d.versions.length ? t('startNextDraft') : t('startDraft')}
        </Button>
      )}
      {agreed && (
        <Paragraph>
          <a className="utrecht-link" href={`/api/v1/plan-versions/${agreed.id}/pdf`} download>
            {t('pdf', { n: agreed.number })}
          </a>
        </Paragraph>
      )}
      {d.current && (
        <section aria-labelledby="current-title" className="regie-section">
          <Heading level={2} id="current-title">
            {t('current')}: {t('version', { n: d.current.number })} — {t(`s_${d.current.status}` as PlanKey)}
          </Heading>
          <VersionContent v={d.current} level={3} />
          <VersionSafetyPlan v={d.current} level={3} />
          <ProgressForms v={d.current} onChanged={reload} />
          <Answers overview={d} v={d.current} onChanged={reload} />
        </section>
      )}
      {d.draft && <DraftEditor overview={d} draft={d.draft} onChanged={reload} />}
      {earlier.length > 0 && (
        <section aria-labelledby="versions-title" className="regie-section">
          <Heading level={2} id="versions-title">
            {t('versions')}
          </Heading>
          <ListTable
            items={earlier}
            head={[t('version', { n: '' }).trim(), t('status'), t('date'), t('proposedAt'), t('decidedAt')]}
            row={(v) => (
              <TableRow key={v.id}>
                <TableHeaderCell scope="row">{v.number}</TableHeaderCell>
                <TableCell>{t(`s_${v.status}` as PlanKey)}</TableCell>
                <TableCell>{fmtDate(v.planDate, lang)}</TableCell>
                <TableCell>{fmtDate(v.proposedAt, lang)}</TableCell>
                <TableCell>{fmtDate(v.decidedAt, lang)}</TableCell>
              </TableRow>
            )}
          />
          {d.versions.length > 1 && (
            <Paragraph>
              <A href={`/plannen/${caseId}/vergelijken`}>{t('compare')}</A>
            </Paragraph>
          )}
        </section>
      )}
    </>
  );
}
