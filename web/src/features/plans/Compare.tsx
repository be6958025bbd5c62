// Comparing two versions of a plan side by side: each goal and action added, removed or changed
// (naming what changed), before and after in two columns.
import { useState } from 'react';
import { Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { ProblemAlert, Select } from '../../ui/forms.js';
import { fmtDate } from '../../ui/time.js';
import { FilterForm } from '../../ui/list-controls.js';
import { ListTable } from '../../ui/paged-table.js';
import { usePlanT, type PlanKey } from './texts.js';
import { domainLabel, ownerName } from './plan-labels.js';
import type { ApiResponse } from '../../api.js';

type Comparison = ApiResponse<'GET', '/api/v1/plan-versions/compare'>;

export function CompareScreen({ caseId }: { caseId: string }) {
  const t = usePlanT();
  const plan = useApi('/api/v1/cases/:caseId/plan', { params: { caseId } });
  const versions = plan.data?.versions ?? [];
  const last = versions[versions.length - 1];
  const before = versions[versions.length - 2];
  const [form, setForm] = useState<{ from: string; to: string } | null>(null);
  const chosen = form ?? (before && last ? { from: before.id, to: last.id } : null);
  const [query, setQuery] = useState<{ from: string; to: string } | null>(null);
  const q = query ?? chosen;
  const cmp = useApi('/api/v1/plan-versions/compare', { query: q ?? { from: '', to: '' } }, { enabled: !!q });
  const options = versions.map((v) => ({ value: v.id, label: `${t('version', { n: v.number })} — ${t(`s_${v.status}` as PlanKey)}` }));
  return (
    <>
      <Heading level={1}>{t('compare')}</Heading>
      <Paragraph>
        <A href={`/plannen/${caseId}`}>{t('back')}</A>
      </Paragraph>
      <ProblemAlert error={plan.error ?? cmp.error} />
      {chosen && (
        <FilterForm submitLabel={t('compareShow')} onApply={() => setQuery(chosen)}>
          <Select
            label={t('compareFrom')}
            name="from"
            value={chosen.from}
            onChange={(e) => setForm({ ...chosen, from: e.target.value })}
            options={options}
          />
          <Select
            label={t('compareTo')}
            name="to"
            value={chosen.to}
            onChange={(e) => setForm({ ...chosen, to: e.target.value })}
            options={options}
          />
        </FilterForm>
      )}
      {cmp.data && q && <ComparisonView c={cmp.data} />}
    </>
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const domain = (x: string) => domainLabel(lang, x);
  const changes = <T,>(items: Array<{ change: string; before: T | null; after: T | null; fields: string[] }>) =>
    items.filter((i) => i.change !== 'unchanged');
  const goal = (g: Comparison['goals'][number]['before']) =>
    g
      ? `${domain(g.domain)}: ${g.description}${g.targetScore ? ` (${g.targetScore})` : ''}${g.targetDate ? `, ${fmtDate(g.targetDate, lang)}` : ''}`
      : '—';
  const action = (a: Comparison['actions'][number]['before']) =>
    a ? `${a.description} — ${ownerName(a.owner)}, ${fmtDate(a.dueOn, lang)}, ${t(`a_${a.status}` as PlanKey)}` : '—';
  const table = <T,>(
    title: string,
    items: Array<{ change: string; before: T | null; after: T | null; fields: string[] }>,
    show: (x: T | null) => string,
    counts: { added: number; changed: number; removed: number },
  ) => (
    <section className="regie-section" aria-label={title}>
      <Heading level={2}>{title}</Heading>
      <Paragraph>{t('counts', counts)}</Paragraph>
      <ListTable
        items={changes(items)}
        head={[
          t('status'),
          <>
            {t('before')} ({t('version', { n: c.from.number })})
          </>,
          <>
            {t('after')} ({t('version', { n: c.to.number })})
          </>,
        ]}
        row={(i, n) => (
          <TableRow key={n}>
            <TableCell>
              {t(`c_${i.change}` as PlanKey)}
              {i.fields.length > 0 && (
                <>
                  <br />
                  <span className="regie-muted">{t('changedFields', { fields: i.fields.join(', ') })}</span>
                </>
              )}
            </TableCell>
            <TableCell>{show(i.before)}</TableCell>
            <TableCell>{show(i.after)}</TableCell>
          </TableRow>
        )}
      />
    </section>
  );
  return (
    <>
      {table(t('goals'), c.goals, goal, c.counts.goals)}
      {table(t('actions'), c.actions, action, c.counts.actions)}
    </>
  );
}
