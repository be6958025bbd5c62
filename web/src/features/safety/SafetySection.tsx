// The family page's section on safety and the family network council: required or not and why,
// the safety decision with the behavioural scientist's review, the safety plan, and the council
// (offered, the family's answer, overdue, its plan); with the forms to record each.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post, put, type ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, TextArea, TextInput } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { fmtDate } from '../../ui/time.js';
import { useSafetyT, type SafetyKey, type ST } from './texts.js';
import './safety.css';

type Safety = ApiResponse<'GET', '/api/v1/cases/:caseId/safety'>;
type Party = Safety['parties'][number];
const key = (s: string) => s as SafetyKey;

export function SafetySection({ caseId }: { caseId: string }) {
  const st = useSafetyT();
  const { lang } = useI18n();
  const q = useApi('/api/v1/cases/:caseId/safety', { params: { caseId } });
  const { data, error } = q;
  const reload = () => { void q.refetch(); };
  if (!data) return <section aria-labelledby="safety-title" className="regie-section"><Heading level={2} id="safety-title">{st('title')}</Heading>
    {error ? <ProblemAlert error={error} /> : <Paragraph>{st('loading')}</Paragraph>}</section>;
  const a = data.assessment;
  const c = data.council;
  return (
    <section aria-labelledby="safety-title" className="regie-section">
      <Heading level={2} id="safety-title">{st('title')}</Heading>
      <Paragraph>
        <strong>{st(data.required.required ? 'required' : 'notRequired')}</strong>
        {data.required.required && <> — {st('why')}: {data.required.reasons.map((r) => st(key(`r_${r}`))).join('; ')}</>}
      </Paragraph>

      <Heading level={3}>{st('assessment')}</Heading>
      {!a ? <Paragraph>{st('noAssessment')}</Paragraph> : (
        <>
          <Paragraph>{st('decision')}: <span className={`regie-badge regie-badge--safety-${a.decision}`}>{st(key(`d_${a.decision}`))}</span></Paragraph>
          <dl className="regie-facts">
            <dt>{st('dangers')}</dt><dd>{a.dangers}</dd>
            <dt>{st('goingWell')}</dt><dd>{a.goingWell || '—'}</dd>
            <dt>{st('safetyGoals')}</dt><dd>{a.safetyGoals || '—'}</dd>
          </dl>
          {a.scalings.length > 0 && (
            <Table className="regie-table">
              <caption className="regie-visually-hidden">{st('scaling')}</caption>
              <TableHeader><TableRow><TableHeaderCell scope="col">{st('party')}</TableHeaderCell><TableHeaderCell scope="col">{st('score')}</TableHeaderCell></TableRow></TableHeader>
              <TableBody>{a.scalings.map((s) => (
                <TableRow key={`${s.partyKind}:${s.partyId}`}><TableCell>{s.partyName}</TableCell><TableCell>{s.score} / 10{s.note && ` — ${s.note}`}</TableCell></TableRow>
              ))}</TableBody>
            </Table>
          )}
          <Paragraph className="regie-muted">{st('lastChanged', { name: a.updatedBy, date: fmtDate(a.updatedAt, lang), version: a.version })}</Paragraph>
          <Heading level={4}>{st('review')}</Heading>
          {a.reviews.length === 0 ? <Paragraph>{st('noReview')}</Paragraph> : (
            <ul className="utrecht-unordered-list">{a.reviews.map((r) => (
              <li key={r.id} className="utrecht-unordered-list__item">
                {st('reviewBy', { name: r.reviewer, date: fmtDate(r.reviewedAt, lang), verdict: st(key(`v_${r.verdict}`)) })}{r.comment && `: ${r.comment}`} {!r.current && st('olderVersion')}
              </li>
            ))}</ul>
          )}
        </>
      )}
      {data.may.write && <AssessmentForm key={`a${a?.version ?? 0}`} st={st} data={data} onSaved={reload} />}
      {data.may.review && a && <ReviewForm key={`r${a.version}`} st={st} caseId={caseId} version={a.version} onSaved={reload} />}

      <Heading level={3}>{st('plan')}</Heading>
      {data.plan.length === 0 ? <Paragraph>{st('emptyPlan')}</Paragraph> : (
        <Table className="regie-table">
          <TableHeader><TableRow>
            <TableHeaderCell scope="col">{st('what')}</TableHeaderCell><TableHeaderCell scope="col">{st('owner')}</TableHeaderCell>
            <TableHeaderCell scope="col">{st('dueOn')}</TableHeaderCell><TableHeaderCell scope="col">{st('checkHow')}</TableHeaderCell>
          </TableRow></TableHeader>
          <TableBody>{data.plan.map((p) => (
            <TableRow key={p.id}><TableCell>{p.what}</TableCell><TableCell>{p.ownerName} ({st(key(`o_${p.ownerKind === 'family_member' ? 'person' : p.ownerKind}`))})</TableCell>
              <TableCell>{p.dueOn ? fmtDate(p.dueOn, lang) : '—'}</TableCell><TableCell>{p.checkHow}</TableCell></TableRow>
          ))}</TableBody>
        </Table>
      )}
      {data.may.write && <AgreementForm st={st} caseId={caseId} parties={data.parties} onSaved={reload} />}

      <Heading level={3}>{st('council')}</Heading>
      {c.overdue && <Alert type="warning"><Paragraph>{st('overdue', { date: fmtDate(c.dueOn, lang) })}</Paragraph></Alert>}
      <Paragraph><strong>{st(key(`s_${c.status}`))}</strong>
        {c.offeredOn && <> · {st('offeredOn')} {fmtDate(c.offeredOn, lang)}</>}
        {c.metOn && <> · {st('metOn')} {fmtDate(c.metOn, lang)}</>}
      </Paragraph>
      {c.status === 'not_offered' && <Paragraph>{st('dueBy', { date: fmtDate(c.dueOn, lang), days: c.workingDays })}</Paragraph>}
      {c.declinedReason && <Paragraph>{st('declinedReason')}: {c.declinedReason}</Paragraph>}
      {c.safetyReason && <Paragraph>{st('safetyReason')}: {c.safetyReason}</Paragraph>}
      {(c.outcome.goals.length > 0 || c.outcome.actions.length > 0) && (
        <>
          <Heading level={4}>{st('outcome')}</Heading>
          <Paragraph>{st('familyGoals')}:</Paragraph>
          <ul className="utrecht-unordered-list">{c.outcome.goals.map((g, i) => <li key={i} className="utrecht-unordered-list__item">“{g}”</li>)}</ul>
          {c.outcome.actions.length > 0 && (
            <Table className="regie-table">
              <caption className="regie-visually-hidden">{st('actions')}</caption>
              <TableHeader><TableRow><TableHeaderCell scope="col">{st('what')}</TableHeaderCell><TableHeaderCell scope="col">{st('networkMember')}</TableHeaderCell>
                <TableHeaderCell scope="col">{st('dueOn')}</TableHeaderCell></TableRow></TableHeader>
              <TableBody>{c.outcome.actions.map((x, i) => (
                <TableRow key={i}><TableCell>{x.what}</TableCell><TableCell>{x.networkMemberName}</TableCell><TableCell>{fmtDate(x.dueOn, lang)}</TableCell></TableRow>
              ))}</TableBody>
            </Table>
          )}
        </>
      )}
      {data.may.council && <CouncilForm key={`c${c.version ?? 0}`} st={st} caseId={caseId} council={c} onSaved={reload} />}
      {data.may.council && c.status === 'met' && <OutcomeForm key={`o${c.version ?? 0}`} st={st} caseId={caseId} council={c} parties={data.parties} onSaved={reload} />}
    </section>
  );
}

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="regie-disclosure" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

function AssessmentForm({ st, data, onSaved }: { st: ST; data: Safety; onSaved: () => void }) {
  const { lang } = useI18n();
  const a = data.assessment;
  const scaled = data.parties.filter((p) => p.kind !== 'network_member');
  const [dangers, setDangers] = useState(a?.dangers ?? '');
  const [goingWell, setGoingWell] = useState(a?.goingWell ?? '');
  const [safetyGoals, setSafetyGoals] = useState(a?.safetyGoals ?? '');
  const [decision, setDecision] = useState<string>(a?.decision ?? '');
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries((a?.scalings ?? []).map((s) => [`${s.partyKind}:${s.partyId}`, String(s.score)])));
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const entries = scaled.map((p) => ({ p, value: scores[`${p.kind}:${p.id}`] ?? '' })).filter((e) => e.value.trim() !== '');
  const submit = async () => {
    setError(null);
    try {
      await put('/api/v1/cases/:caseId/safety/assessment', { params: { caseId: data.caseId }, body: {
        dangers, goingWell, safetyGoals, decision: decision as 'safe',
        scalings: entries.map(({ p, value }) => ({ partyKind: p.kind as 'person' | 'organisation', partyId: p.id, score: Number(value) })),
        ...(a ? { version: a.version } : {}) } });
      onSaved();
    } catch (err) { setError(err); }
  };
  return (
    <Disclosure summary={st(a ? 'changeAssessment' : 'recordAssessment')}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <ProblemAlert error={error} />
        <TextArea label={st('dangers')} value={dangers} onChange={(e) => setDangers(e.target.value)} error={errors.dangers} required />
        <TextArea label={st('goingWell')} value={goingWell} onChange={(e) => setGoingWell(e.target.value)} error={errors.goingWell} />
        <TextArea label={st('safetyGoals')} value={safetyGoals} onChange={(e) => setSafetyGoals(e.target.value)} error={errors.safetyGoals} />
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{st('scaling')}</legend>
          <div className="regie-grid">{scaled.map((p) => {
            const i = entries.findIndex((e) => e.p === p);
            return <TextInput key={`${p.kind}:${p.id}`} label={st('scoreOf', { name: p.name })} type="number" min={0} max={10} step={1} inputMode="numeric"
              value={scores[`${p.kind}:${p.id}`] ?? ''} onChange={(e) => setScores({ ...scores, [`${p.kind}:${p.id}`]: e.target.value })}
              error={i >= 0 ? errors[`scalings[${i}].score`] ?? errors[`scalings[${i}].partyId`] : undefined} />;
          })}</div>
        </fieldset>
        <Select label={st('decision')} value={decision} onChange={(e) => setDecision(e.target.value)} error={errors.decision} required
          options={(['safe', 'conditionally_safe', 'unsafe'] as const).map((d) => ({ value: d, label: st(key(`d_${d}`)) }))} />
        <Button appearance="primary-action-button" type="submit">{st('save')}</Button>
      </form>
    </Disclosure>
  );
}

function ReviewForm({ st, caseId, version, onSaved }: { st: ST; caseId: string; version: number; onSaved: () => void }) {
  const { lang } = useI18n();
  const [verdict, setVerdict] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const submit = async () => {
    setError(null);
    try { await post('/api/v1/cases/:caseId/safety/reviews', { params: { caseId }, body: { verdict: verdict as 'agree', comment: comment || undefined, version } }); onSaved(); }
    catch (err) { setError(err); }
  };
  return (
    <Disclosure summary={st('reviewAction')}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <ProblemAlert error={error} />
        <Select label={st('verdict')} value={verdict} onChange={(e) => setVerdict(e.target.value)} error={errors.verdict} required
          options={[{ value: 'agree', label: st('v_agree') }, { value: 'comment', label: st('v_comment') }]} />
        <TextArea label={st('comment')} value={comment} onChange={(e) => setComment(e.target.value)} error={errors.comment} />
        <Button appearance="primary-action-button" type="submit">{st('save')}</Button>
      </form>
    </Disclosure>
  );
}

const ownerOptions = (st: ST, parties: Party[]) => parties.map((p) => ({ value: `${p.kind}:${p.id}`, label: `${p.name} (${st(key(`o_${p.kind}`))})` }));

function AgreementForm({ st, caseId, parties, onSaved }: { st: ST; caseId: string; parties: Party[]; onSaved: () => void }) {
  const { lang } = useI18n();
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [checkHow, setCheckHow] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const submit = async () => {
    setError(null);
    const [kind = '', id = ''] = owner.split(':');
    const ownerKind = kind === 'person' ? 'family_member' : kind;
    try {
      await post('/api/v1/cases/:caseId/safety/plan', { params: { caseId }, body: { what, ownerKind: ownerKind as 'organisation', ownerId: id, checkHow, ...(dueOn ? { dueOn } : {}) } });
      setWhat(''); setOwner(''); setDueOn(''); setCheckHow('');
      onSaved();
    } catch (err) { setError(err); }
  };
  return (
    <Disclosure summary={st('addAgreement')}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <ProblemAlert error={error} />
        <TextArea label={st('what')} value={what} onChange={(e) => setWhat(e.target.value)} error={errors.what} required />
        <Select label={st('owner')} value={owner} onChange={(e) => setOwner(e.target.value)} error={errors.ownerId ?? errors.ownerKind} required options={ownerOptions(st, parties)} />
        <DateInput label={`${st('dueOn')} ${st('optional')}`} value={dueOn} onChange={setDueOn} error={errors.dueOn} />
        <TextArea label={st('checkHow')} value={checkHow} onChange={(e) => setCheckHow(e.target.value)} error={errors.checkHow} required />
        <Button appearance="primary-action-button" type="submit">{st('save')}</Button>
      </form>
    </Disclosure>
  );
}

function CouncilForm({ st, caseId, council, onSaved }: { st: ST; caseId: string; council: Safety['council']; onSaved: () => void }) {
  const { lang } = useI18n();
  const [v, setV] = useState({ offeredOn: council.offeredOn ?? '', answer: council.answer ?? '', declinedReason: council.declinedReason ?? '',
    answeredOn: council.answeredOn ?? '', metOn: council.metOn ?? '', safetyReason: council.safetyReason ?? '' });
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  const submit = async () => {
    setError(null);
    const orNull = (s: string) => s.trim() || null;
    try {
      await put('/api/v1/cases/:caseId/council', { params: { caseId }, body: {
        offeredOn: orNull(v.offeredOn), answer: (orNull(v.answer) as 'accepted' | null), declinedReason: orNull(v.declinedReason), answeredOn: orNull(v.answeredOn),
        metOn: orNull(v.metOn), safetyReason: orNull(v.safetyReason), ...(council.version ? { version: council.version } : {}) } });
      onSaved();
    } catch (err) { setError(err); }
  };
  return (
    <Disclosure summary={st('recordCouncil')}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <ProblemAlert error={error} />
        <DateInput label={st('offeredOn')} value={v.offeredOn} onChange={set('offeredOn')} error={errors.offeredOn} />
        <Select label={`${st('answer')} ${st('optional')}`} value={v.answer} onChange={(e) => set('answer')(e.target.value)} error={errors.answer}
          options={[{ value: 'accepted', label: st('a_accepted') }, { value: 'declined', label: st('a_declined') }]} />
        <DateInput label={`${st('answeredOn')} ${st('optional')}`} value={v.answeredOn} onChange={set('answeredOn')} error={errors.answeredOn} />
        {v.answer === 'declined' && <TextArea label={st('declinedReason')} value={v.declinedReason} onChange={(e) => set('declinedReason')(e.target.value)} error={errors.declinedReason} required />}
        {v.answer === 'accepted' && <DateInput label={`${st('metOn')} ${st('optional')}`} value={v.metOn} onChange={set('metOn')} error={errors.metOn} />}
        <TextArea label={`${st('safetyReason')} ${st('optional')}`} value={v.safetyReason} onChange={(e) => set('safetyReason')(e.target.value)} error={errors.safetyReason} />
        <Button appearance="primary-action-button" type="submit">{st('save')}</Button>
      </form>
    </Disclosure>
  );
}

function OutcomeForm({ st, caseId, council, parties, onSaved }: { st: ST; caseId: string; council: Safety['council']; parties: Party[]; onSaved: () => void }) {
  const { lang } = useI18n();
  const network = parties.filter((p) => p.kind === 'network_member');
  const [goals, setGoals] = useState(council.outcome.goals.join('\n'));
  const [actions, setActions] = useState(council.outcome.actions.map((a) => ({ what: a.what, networkMemberId: a.networkMemberId, dueOn: a.dueOn })));
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const setAction = (i: number, k: 'what' | 'networkMemberId' | 'dueOn', value: string) => setActions(actions.map((a, j) => (j === i ? { ...a, [k]: value } : a)));
  const submit = async () => {
    setError(null);
    try {
      await put('/api/v1/cases/:caseId/council/outcome', { params: { caseId }, body: {
        goals: goals.split('\n').map((g) => g.trim()).filter(Boolean), actions, version: council.version ?? 1 } });
      onSaved();
    } catch (err) { setError(err); }
  };
  return (
    <Disclosure summary={st('recordOutcome')}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <ProblemAlert error={error} />
        <TextArea label={st('goals')} value={goals} onChange={(e) => setGoals(e.target.value)} error={errors.goals} />
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{st('actions')}</legend>
          {actions.map((a, i) => (
            <div key={i} className="regie-grid">
              <TextInput label={`${st('what')} ${i + 1}`} value={a.what} onChange={(e) => setAction(i, 'what', e.target.value)} error={errors[`actions[${i}].what`]} required />
              <Select label={`${st('networkMember')} ${i + 1}`} value={a.networkMemberId} onChange={(e) => setAction(i, 'networkMemberId', e.target.value)}
                error={errors[`actions[${i}].networkMemberId`]} required options={network.map((n) => ({ value: n.id, label: n.name }))} />
              <DateInput label={`${st('dueOn')} ${i + 1}`} value={a.dueOn} onChange={(value) => setAction(i, 'dueOn', value)} error={errors[`actions[${i}].dueOn`]} required />
              <Button appearance="subtle-button" type="button" onClick={() => setActions(actions.filter((_, j) => j !== i))}>{st('removeAction')} {i + 1}</Button>
            </div>
          ))}
          <Button appearance="secondary-action-button" type="button" onClick={() => setActions([...actions, { what: '', networkMemberId: '', dueOn: '' }])}>{st('addAction')}</Button>
        </fieldset>
        <Button appearance="primary-action-button" type="submit">{st('save')}</Button>
      </form>
    </Disclosure>
  );
}
