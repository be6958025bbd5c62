// Per case: the moments of the chain and the days between them; the coordinator records first
// contact and the agreed plan here.
import { useEffect, useState } from 'react';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { ProblemAlert, Select } from '../../ui/forms.js';
import { Section } from '../../ui/page-parts.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDateTime } from '../../ui/time.js';
import { fmtDays } from './lead-times.js';
import { RecordMoment } from './RecordMoment.js';
import { momentKey, stepText, useHandoverT } from './texts.js';

export function CaseChain({ initialCaseId }: { initialCaseId: string }) {
  const t = useHandoverT();
  const { lang } = useI18n();
  const families = useApi('/api/v1/families', { query: { scope: 'mine', limit: 100 } }).data?.items ?? [];
  const cases = families.flatMap((f) => (f.caseId ? [{ caseId: f.caseId, name: f.name, isCoordinator: f.isCoordinator }] : []));
  const [caseId, setCaseId] = useState(initialCaseId);
  const chain = useApi('/api/v1/cases/:caseId/lead-times', { params: { caseId } }, { enabled: !!caseId });
  const data = caseId ? chain.data : undefined;
  const error = caseId ? chain.error : null;
  const reloadChain = () => {
    void chain.refetch();
  };
  useEffect(() => {
    if (caseId) history.replaceState(null, '', `/doorlooptijden?caseId=${caseId}`);
  }, [caseId]);
  const mine = cases.find((c) => c.caseId === caseId);
  return (
    <Section id="case-chain-title" title={t('perCase')}>
      <Select
        label={t('caseLabelSelect')}
        name="caseId"
        value={caseId}
        onChange={(e) => setCaseId(e.target.value)}
        options={cases.map((c) => ({ value: c.caseId, label: c.name }))}
      />
      <ProblemAlert error={error} />
      {data && data.moments.length === 0 && <Paragraph>{t('noMoments')}</Paragraph>}
      {data && data.moments.length > 0 && (
        <div className="regie-answer-grid">
          <ListTable
            items={data.moments}
            head={[t('moment'), t('when'), t('by')]}
            row={(m) => (
              <TableRow key={`${m.moment}-${m.occurredAt}`}>
                <TableCell>{t(momentKey(m.moment))}</TableCell>
                <TableCell>{fmtDateTime(m.occurredAt, lang)}</TableCell>
                <TableCell>{m.organisationName}</TableCell>
              </TableRow>
            )}
          />
          <ListTable
            items={data.intervals}
            head={[t('interval'), t('days')]}
            row={(i) => (
              <TableRow key={i.to}>
                <TableHeaderCell scope="row">{stepText(t, i.from, i.to)}</TableHeaderCell>
                <TableCell>{fmtDays(i.days, lang)}</TableCell>
              </TableRow>
            )}
          />
        </div>
      )}
      {data && mine?.isCoordinator && <RecordMoment caseId={data.caseId} onDone={reloadChain} />}
    </Section>
  );
}
