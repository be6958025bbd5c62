// The family page's section on safety and the family network council: required or not and why,
// the safety decision with the behavioural scientist's review, the safety plan, and the council
// (offered, the family's answer, overdue, its plan); with the forms to record each.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { ProblemAlert } from '../../ui/forms.js';
import { AgreementForm } from './AgreementForm.js';
import { AgreementsTable } from './AgreementsTable.js';
import { AssessmentForm, ReviewForm } from './AssessmentForms.js';
import { AssessmentView } from './AssessmentView.js';
import { CouncilForm } from './CouncilForms.js';
import { CouncilView } from './CouncilView.js';
import { OutcomeForm } from './OutcomeForm.js';
import { key } from './safety-data.js';
import { useSafetyT } from './texts.js';
import './safety.css';

export function SafetySection({ caseId }: { caseId: string }) {
  const st = useSafetyT();
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
      {!a ? <Paragraph>{st('noAssessment')}</Paragraph> : <AssessmentView st={st} a={a} />}
      {data.may.write && <AssessmentForm key={`a${a?.version ?? 0}`} st={st} data={data} onSaved={reload} />}
      {data.may.review && a && <ReviewForm key={`r${a.version}`} st={st} caseId={caseId} version={a.version} onSaved={reload} />}

      <Heading level={3}>{st('plan')}</Heading>
      <AgreementsTable st={st} caseId={caseId} plan={data.plan} mayWrite={data.may.write} onChanged={reload} />
      {data.may.write && <AgreementForm st={st} caseId={caseId} parties={data.parties} onSaved={reload} />}

      <Heading level={3}>{st('council')}</Heading>
      <CouncilView st={st} c={c} />
      {data.may.council && <CouncilForm key={`c${c.version ?? 0}`} st={st} caseId={caseId} council={c} onSaved={reload} />}
      {data.may.council && c.status === 'met' && (
        <OutcomeForm key={`o${c.version ?? 0}`} st={st} caseId={caseId} council={c} parties={data.parties} onSaved={reload} />
      )}
    </section>
  );
}
