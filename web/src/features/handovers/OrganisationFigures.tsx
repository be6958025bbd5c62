// Per organisation over a period: the median and 90th percentile of each step of the chain, as a
// table with bars beside it.
import { useState } from 'react';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { DateInput } from '../../ui/date-fields.js';
import { fieldErrors, ProblemAlert, Select } from '../../ui/forms.js';
import { FilterForm } from '../../ui/list-controls.js';
import { Section } from '../../ui/page-parts.js';
import { ListTable } from '../../ui/paged-table.js';
import { dutchIsoDay } from '../../ui/time.js';
import { LeadTimeBars } from './LeadTimeBars.js';
import { fmtDays } from './lead-times.js';
import { stepText, useHandoverT } from './texts.js';

export function OrganisationFigures() {
  const t = useHandoverT();
  const { lang } = useI18n();
  const { session } = useSession();
  const [form, setForm] = useState({
    organisationId: session?.user.organisationId ?? '',
    from: dutchIsoDay(new Date(Date.now() - 365 * 86_400_000)),
    to: dutchIsoDay(),
  });
  const [query, setQuery] = useState(form);
  const orgs = useApi('/api/v1/organisations').data?.items ?? [];
  const { data, error } = useApi('/api/v1/lead-times', { query });
  const errors = fieldErrors(error, lang);
  return (
    <Section id="org-title" title={data ? data.organisation.name : t('organisation')}>
      <FilterForm submitLabel={t('show')} onApply={() => setQuery(form)}>
        <Select
          label={t('organisation')}
          name="organisationId"
          value={form.organisationId}
          onChange={(e) => setForm({ ...form, organisationId: e.target.value })}
          field="organisationId"
          error={errors.organisationId}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        />
        <DateInput
          label={t('periodFrom')}
          name="from"
          value={form.from}
          onChange={(v) => setForm({ ...form, from: v })}
          error={errors.from ?? errors['querystring.from']}
        />
        <DateInput
          label={t('periodTo')}
          name="to"
          value={form.to}
          onChange={(v) => setForm({ ...form, to: v })}
          field="querystring.to"
          error={errors['querystring.to']}
        />
      </FilterForm>
      <ProblemAlert error={error} />
      {data && (
        <>
          <ListTable
            items={data.intervals}
            head={[t('interval'), t('count'), t('median'), t('p90')]}
            row={(i) => (
              <TableRow key={i.to}>
                <TableHeaderCell scope="row">{stepText(t, i.from, i.to)}</TableHeaderCell>
                <TableCell>{i.count}</TableCell>
                <TableCell>{fmtDays(i.medianDays, lang)}</TableCell>
                <TableCell>{fmtDays(i.p90Days, lang)}</TableCell>
              </TableRow>
            )}
          />
          {data.intervals.every((i) => i.count === 0) ? (
            <Paragraph>{t('leadNoneExplain')}</Paragraph>
          ) : (
            data.intervals.some((i) => i.count === 0) && <Paragraph className="regie-muted">{t('leadSomeExplain')}</Paragraph>
          )}
          {/* The same figures as bars; the table above is what assistive technology reads. */}
          <LeadTimeBars intervals={data.intervals} />
        </>
      )}
    </Section>
  );
}
