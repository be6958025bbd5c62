// "Doorlooptijden": per organisation the median and 90th percentile of each step of the chain
// over a period (a table, with simple bars beside it), and per case the moments and the days
// between them, where the coordinator records first contact and the agreed plan.
import { useEffect, useState } from 'react';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { fieldErrors, ProblemAlert, Select } from '../../ui/forms.js';
import { dutchIsoDay, fmtDateTime } from '../../ui/time.js';
import { momentKey, useHandoverT } from './texts.js';
import { DateInput } from '../../ui/date-fields.js';
import { FilterForm } from '../../ui/list-controls.js';
import { ListTable } from '../../ui/paged-table.js';
import { RecordMoment } from './RecordMoment.js';

const fmtDays = (d: number | null, lang: string) =>
  d === null ? '—' : d.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });

export function LeadTimesScreen() {
  const t = useHandoverT();
  const caseParam = new URLSearchParams(location.search).get('caseId') ?? '';
  return (
    <>
      <Heading level={1}>{t('leadTimes')}</Heading>
      <Paragraph>{t('leadIntro')}</Paragraph>
      <OrganisationFigures />
      <CaseChain initialCaseId={caseParam} />
    </>
  );
}

function OrganisationFigures() {
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
  const max = Math.max(1, ...(data?.intervals ?? []).map((i) => i.p90Days ?? 0));
  const step = (from: string, to: string) => `${t(momentKey(from))} → ${t(momentKey(to))}`;
  return (
    <section aria-labelledby="org-title" className="regie-section">
      <Heading level={2} id="org-title">
        {data ? data.organisation.name : t('organisation')}
      </Heading>
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
                <TableHeaderCell scope="row">{step(i.from, i.to)}</TableHeaderCell>
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
          <div aria-hidden="true">
            <div className="regie-bars">
              {data.intervals.map((i) => (
                <div key={i.to} style={{ display: 'contents' }}>
                  <span className="regie-bars__label">{step(i.from, i.to)}</span>
                  <span className="regie-bars__track">
                    {i.count === 0 ? (
                      <span className="regie-muted">{t('noData')}</span>
                    ) : (
                      <>
                        <span className="regie-bar regie-bar--median" style={{ width: `${((i.medianDays ?? 0) / max) * 100}%` }} />
                        <span className="regie-bar regie-bar--p90" style={{ width: `${((i.p90Days ?? 0) / max) * 100}%` }} />
                      </>
                    )}
                  </span>
                </div>
              ))}
            </div>
            <div className="regie-bars__legend">
              <span>
                <span className="regie-bars__swatch regie-bar--median" />
                {t('medianLegend')}
              </span>
              <span>
                <span className="regie-bars__swatch regie-bar--p90" />
                {t('p90Legend')}
              </span>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function CaseChain({ initialCaseId }: { initialCaseId: string }) {
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
    <section aria-labelledby="case-chain-title" className="regie-section">
      <Heading level={2} id="case-chain-title">
        {t('perCase')}
      </Heading>
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
          <Table className="regie-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('moment')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('by')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.moments.map((m) => (
                <TableRow key={`${m.moment}-${m.occurredAt}`}>
                  <TableCell>{t(momentKey(m.moment))}</TableCell>
                  <TableCell>{fmtDateTime(m.occurredAt, lang)}</TableCell>
                  <TableCell>{m.organisationName}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Table className="regie-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('interval')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('days')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.intervals.map((i) => (
                <TableRow key={i.to}>
                  <TableHeaderCell scope="row">{`${t(momentKey(i.from))} → ${t(momentKey(i.to))}`}</TableHeaderCell>
                  <TableCell>{fmtDays(i.days, lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {data && mine?.isCoordinator && <RecordMoment caseId={data.caseId} onDone={reloadChain} />}
    </section>
  );
}
