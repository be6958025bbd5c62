// A person's course: per life domain a line chart of the scores over time (recharts, MIT), the
// professional's and the family's view as two lines, each with the same data as a table for
// screen readers and keyboard users (the chart itself is hidden from assistive technology).
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { DOMAIN_LABELS } from '@contract/shared/domains.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { useAssessmentT } from './texts.js';

export function PersonCourse({ caseId, personId }: { caseId: string; personId: string }) {
  const t = useAssessmentT();
  const { lang } = useI18n();
  const course = useApi('/api/v1/cases/:caseId/persons/:personId/assessment-course', { params: { caseId, personId } });
  const family = useApi('/api/v1/cases/:caseId/blind-spots', { params: { caseId } });
  const data = course.data;
  return (
    <>
      <Heading level={1}>{data ? `${t('courseTitle')}: ${data.person.name}` : t('courseTitle')}</Heading>
      <Paragraph className="regie-lead">{t('courseIntro')}</Paragraph>
      {family.data && (
        <Paragraph>
          <A href={`/gezinnen/${family.data.familyId}`}>{t('backToFamily')}</A>
        </Paragraph>
      )}
      <ProblemAlert error={course.error} />
      {data && data.domains.length === 0 && <Paragraph>{t('noCourse')}</Paragraph>}
      {data?.domains.map((d) => {
        const name = DOMAIN_LABELS[lang][d.domain];
        const dates = [...new Set(d.points.map((p) => p.assessedOn))].sort();
        const rows = dates.map((date) => ({
          date: fmtDate(date, lang),
          professional: d.points.find((p) => p.assessedOn === date && p.view === 'professional')?.score ?? null,
          family: d.points.find((p) => p.assessedOn === date && p.view === 'family')?.score ?? null,
        }));
        return (
          <section key={d.domain} className="regie-section" aria-labelledby={`course-${d.domain}`}>
            <Heading level={2} id={`course-${d.domain}`}>
              {name}
            </Heading>
            <figure className="regie-course-chart" aria-hidden="true" style={{ width: '100%', height: 220, margin: 0 }}>
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" />
                  <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} allowDecimals={false} width={28} />
                  <Legend />
                  <Line
                    type="monotone"
                    dataKey="professional"
                    name={t('professional')}
                    stroke="#154273"
                    strokeWidth={2}
                    connectNulls
                    isAnimationActive={false}
                  />
                  <Line
                    type="monotone"
                    dataKey="family"
                    name={t('family')}
                    stroke="#a4262c"
                    strokeWidth={2}
                    strokeDasharray="6 3"
                    connectNulls
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </figure>
            <ListTable
              items={dates}
              caption={t('tableCaption', { domain: name })}
              head={[t('date'), t('professional'), t('family')]}
              row={(date, i) => {
                const pro = d.points.find((p) => p.assessedOn === date && p.view === 'professional');
                const fam = d.points.find((p) => p.assessedOn === date && p.view === 'family');
                return (
                  <TableRow key={date}>
                    <TableHeaderCell scope="row">{rows[i]?.date}</TableHeaderCell>
                    <TableCell>{pro ? `${pro.score} — ${pro.rationale} (${pro.organisation})` : t('notScored')}</TableCell>
                    <TableCell>{fam ? `${fam.score} — ${fam.rationale} (${fam.organisation})` : t('notScored')}</TableCell>
                  </TableRow>
                );
              }}
            />
          </section>
        );
      })}
    </>
  );
}
