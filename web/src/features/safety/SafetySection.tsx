// The family page's section on safety and the family network council: required or not and why,
// the safety decision with the behavioural scientist's review, the safety plan, and the council
// (offered, the family's answer, overdue, its plan); with the forms to record each.
import {
  Alert,
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
import { ProblemAlert } from '../../ui/forms.js';
import { fmtDate } from '../../ui/time.js';
import { AgreementForm } from './AgreementForm.js';
import { AgreementsTable } from './AgreementsTable.js';
import { AssessmentForm, ReviewForm } from './AssessmentForms.js';
import { CouncilForm, OutcomeForm } from './CouncilForms.js';
import { key } from './safety-data.js';
import { useSafetyT } from './texts.js';
import './safety.css';

export function SafetySection({ caseId }: { caseId: string }) {
  const st = useSafetyT();
  const { lang } = useI18n();
  const q = useApi('/api/v1/cases/:caseId/safety', { params: { caseId } });
  const { data, error } = q;
  const reload = () => {
    void q.refetch();
  };
  if (!data)
    return (
      <section aria-labelledby="safety-title" className="regie-section">
        <Heading level={2} id="safety-title">
          {st('title')}
        </Heading>
        {error ? <ProblemAlert error={error} /> : <Paragraph>{st('loading')}</Paragraph>}
      </section>
    );
  const a = data.assessment;
  const c = data.council;
  return (
    <section aria-labelledby="safety-title" className="regie-section">
      <Heading level={2} id="safety-title">
        {st('title')}
      </Heading>
      <Paragraph>
        <strong>{st(data.required.required ? 'required' : 'notRequired')}</strong>
        {data.required.required && (
          <>
            {' '}
            — {st('why')}: {data.required.reasons.map((r) => st(key(`r_${r}`))).join('; ')}
          </>
        )}
      </Paragraph>

      <Heading level={3}>{st('assessment')}</Heading>
      {!a ? (
        <Paragraph>{st('noAssessment')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {st('decision')}: <span className={`regie-badge regie-badge--safety-${a.decision}`}>{st(key(`d_${a.decision}`))}</span>
          </Paragraph>
          <dl className="regie-facts">
            <dt>{st('dangers')}</dt>
            <dd>{a.dangers}</dd>
            <dt>{st('goingWell')}</dt>
            <dd>{a.goingWell || '—'}</dd>
            <dt>{st('safetyGoals')}</dt>
            <dd>{a.safetyGoals || '—'}</dd>
          </dl>
          {a.scalings.length > 0 && (
            <Table className="regie-table">
              <caption className="regie-visually-hidden">{st('scaling')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{st('party')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{st('score')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {a.scalings.map((s) => (
                  <TableRow key={`${s.partyKind}:${s.partyId}`}>
                    <TableCell>{s.partyName}</TableCell>
                    <TableCell>
                      {s.score} / 10{s.note && ` — ${s.note}`}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Paragraph className="regie-muted">
            {st('lastChanged', { name: a.updatedBy, date: fmtDate(a.updatedAt, lang), version: a.version })}
          </Paragraph>
          <Heading level={4}>{st('review')}</Heading>
          {a.reviews.length === 0 ? (
            <Paragraph>{st('noReview')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {a.reviews.map((r) => (
                <li key={r.id} className="utrecht-unordered-list__item">
                  {st('reviewBy', { name: r.reviewer, date: fmtDate(r.reviewedAt, lang), verdict: st(key(`v_${r.verdict}`)) })}
                  {r.comment && `: ${r.comment}`} {!r.current && st('olderVersion')}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {data.may.write && <AssessmentForm key={`a${a?.version ?? 0}`} st={st} data={data} onSaved={reload} />}
      {data.may.review && a && <ReviewForm key={`r${a.version}`} st={st} caseId={caseId} version={a.version} onSaved={reload} />}

      <Heading level={3}>{st('plan')}</Heading>
      <AgreementsTable st={st} caseId={caseId} plan={data.plan} mayWrite={data.may.write} onChanged={reload} />
      {data.may.write && <AgreementForm st={st} caseId={caseId} parties={data.parties} onSaved={reload} />}

      <Heading level={3}>{st('council')}</Heading>
      {c.overdue && (
        <Alert type="warning">
          <Paragraph>{st('overdue', { date: fmtDate(c.dueOn, lang) })}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <strong>{st(key(`s_${c.status}`))}</strong>
        {c.offeredOn && (
          <>
            {' '}
            · {st('offeredOn')} {fmtDate(c.offeredOn, lang)}
          </>
        )}
        {c.metOn && (
          <>
            {' '}
            · {st('metOn')} {fmtDate(c.metOn, lang)}
          </>
        )}
      </Paragraph>
      {c.status === 'not_offered' && <Paragraph>{st('dueBy', { date: fmtDate(c.dueOn, lang), days: c.workingDays })}</Paragraph>}
      {c.declinedReason && (
        <Paragraph>
          {st('declinedReason')}: {c.declinedReason}
        </Paragraph>
      )}
      {c.safetyReason && (
        <Paragraph>
          {st('safetyReason')}: {c.safetyReason}
        </Paragraph>
      )}
      {(c.outcome.goals.length > 0 || c.outcome.actions.length > 0) && (
        <>
          <Heading level={4}>{st('outcome')}</Heading>
          <Paragraph>{st('familyGoals')}:</Paragraph>
          <ul className="utrecht-unordered-list">
            {c.outcome.goals.map((g, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                “{g}”
              </li>
            ))}
          </ul>
          {c.outcome.actions.length > 0 && (
            <Table className="regie-table">
              <caption className="regie-visually-hidden">{st('actions')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{st('what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{st('networkMember')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{st('dueOn')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.outcome.actions.map((x, i) => (
                  <TableRow key={i}>
                    <TableCell>{x.what}</TableCell>
                    <TableCell>{x.networkMemberName}</TableCell>
                    <TableCell>{fmtDate(x.dueOn, lang)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
      {data.may.council && <CouncilForm key={`c${c.version ?? 0}`} st={st} caseId={caseId} council={c} onSaved={reload} />}
      {data.may.council && c.status === 'met' && (
        <OutcomeForm key={`o${c.version ?? 0}`} st={st} caseId={caseId} council={c} parties={data.parties} onSaved={reload} />
      )}
    </section>
  );
}
