// "Integraal beeld" on the family page: the latest scores per person and domain (both views side
// by side), the blind spots, and links to record a new set and to each person's course.
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { DOMAIN_LABELS, type Domain } from '@contract/shared/domains.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ListTable } from '../../ui/paged-table.js';
import { useAssessmentT } from './texts.js';

export function IntegralPicturePanel({ caseId, canWrite }: { caseId: string | null | undefined; canWrite: boolean }) {
  if (!caseId) return null;
  return <Panel caseId={caseId} canWrite={canWrite} />;
}

function Panel({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const t = useAssessmentT();
  const { lang, label } = useI18n();
  const picture = useApi('/api/v1/cases/:caseId/assessments', { params: { caseId } });
  const spots = useApi('/api/v1/cases/:caseId/blind-spots', { params: { caseId } });
  const data = picture.data;
  const names = new Map((data?.persons ?? []).map((p) => [p.personId, p.name]));
  const cell = (personId: string, domain: Domain, view: 'professional' | 'family') =>
    data?.latest.find((l) => l.personId === personId && l.domain === domain && l.view === view);
  return (
    <section aria-labelledby="integral-title" className="regie-section">
      <Heading level={2} id="integral-title">
        {t('panelTitle')}
      </Heading>
      <ProblemAlert error={picture.error ?? spots.error} />
      <Paragraph>{t('panelIntro')}</Paragraph>
      {canWrite && (
        <Paragraph>
          <A href={`/dossiers/${caseId}/integraal-beeld`} className="utrecht-button-link utrecht-button-link--secondary-action">
            {t('record')}
          </A>
        </Paragraph>
      )}
      {data && data.latest.length === 0 && <Paragraph className="regie-muted">{t('noScores')}</Paragraph>}
      {data?.persons
        .filter((p) => data.latest.some((l) => l.personId === p.personId))
        .map((p) => (
          <div key={p.personId}>
            <Heading level={3}>
              {p.name} ({p.age === null ? t('ageUnknown') : t('age', { age: p.age })})
            </Heading>
            <Paragraph>
              <A href={`/dossiers/${caseId}/personen/${p.personId}/verloop`}>{t('course', { name: p.name })}</A>
            </Paragraph>
            <ListTable
              items={p.validDomains.filter((d) => cell(p.personId, d, 'professional') || cell(p.personId, d, 'family'))}
              caption={p.name}
              head={[t('domain'), t('professional'), t('family')]}
              row={(d) => {
                const pro = cell(p.personId, d, 'professional');
                const fam = cell(p.personId, d, 'family');
                return (
                  <TableRow key={d}>
                    <TableHeaderCell scope="row">{DOMAIN_LABELS[lang][d]}</TableHeaderCell>
                    <TableCell>{pro ? <span title={pro.rationale}>{pro.score}</span> : t('notScored')}</TableCell>
                    <TableCell>{fam ? <span title={fam.rationale}>{fam.score}</span> : t('notScored')}</TableCell>
                  </TableRow>
                );
              }}
            />
          </div>
        ))}
      {spots.data && (
        <div className="regie-blind-spots">
          <Heading level={3}>{t('blindSpots')}</Heading>
          <Paragraph>
            {t('countsLine', {
              needed: spots.data.counts.partnersNeeded,
              onTeam: spots.data.counts.onTeam,
              contributed: spots.data.counts.contributed,
              missing: spots.data.counts.missing,
            })}
          </Paragraph>
          <Heading level={4}>{t('partnersTitle')}</Heading>
          {spots.data.partners.length === 0 ? (
            <Paragraph>{t('partnersNone')}</Paragraph>
          ) : (
            <ul className="regie-blind-spot-partners">
              {spots.data.partners.map((p) => (
                <li key={p.partnerType}>
                  <strong>{label(p.partnerType)}</strong>: {p.onTeam ? t('onTeam') : t('notOnTeam')},{' '}
                  {p.contributed ? t('contributed') : t('notContributed')} (
                  {t('because', { why: p.rules.map((r) => t(`rule_${r}`)).join(', ') })})
                </li>
              ))}
            </ul>
          )}
          <Heading level={4}>{t('unassessedTitle')}</Heading>
          {spots.data.unassessed.length === 0 ? (
            <Paragraph>{t('unassessedNone')}</Paragraph>
          ) : (
            <ul className="regie-blind-spot-domains">
              {spots.data.unassessed.map((u) => (
                <li key={u.personId}>
                  {t('unassessedOf', { name: names.get(u.personId) ?? u.name, n: u.domains.length })}:{' '}
                  {u.domains.map((d) => DOMAIN_LABELS[lang][d]).join(', ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
