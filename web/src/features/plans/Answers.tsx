// Who is asked to agree to a proposed version and what they answered; the coordinator records a
// family member's answer (how and when), a professional answers for their own organisation.
import { useState } from 'react';
import { Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { ListTable } from '../../ui/paged-table.js';
import { dutchIsoDay, fmtDate } from '../../ui/time.js';
import { usePlanT, type PlanKey } from './texts.js';
import type { Overview, Version } from './VersionContent.js';

type Party = Version['parties'][number];

export function Answers({ overview, v, onChanged }: { overview: Overview; v: Version; onChanged: () => void }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const { session } = useSession();
  if (v.parties.length === 0) return null;
  const mayAnswer = (p: Party) =>
    v.status === 'proposed' &&
    !p.answer &&
    (p.kind === 'person' ? overview.isCoordinator : p.organisationId === session?.user.organisationId);
  return (
    <>
      <Heading level={3}>{t('parties')}</Heading>
      <ListTable
        items={v.parties}
        head={[t('party'), t('requirement'), t('answer'), t('answeredOn'), t('via')]}
        row={(p) => (
          <TableRow key={p.id}>
            <TableHeaderCell scope="row">{p.name}</TableHeaderCell>
            <TableCell>{t(`r_${p.requirement}` as PlanKey)}</TableCell>
            <TableCell>
              {p.answer ? (
                <>
                  {t(`an_${p.answer.answer}` as PlanKey)}
                  {p.answer.reason && ` — “${p.answer.reason}”`}
                  {p.answer.view && ` — “${p.answer.view}”`}
                </>
              ) : (
                t('waiting')
              )}
            </TableCell>
            <TableCell>{fmtDate(p.answer?.answeredOn, lang)}</TableCell>
            <TableCell>{p.answer?.via ? t(`v_${p.answer.via}` as PlanKey) : '—'}</TableCell>
          </TableRow>
        )}
      />
      {v.parties.filter(mayAnswer).map((p) => (
        <AnswerForm key={p.id} versionId={v.id} party={p} onSaved={onChanged} />
      ))}
    </>
  );
}

function AnswerForm({ versionId, party, onSaved }: { versionId: string; party: Party; onSaved: () => void }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const heard = party.requirement === 'heard';
  const [answer, setAnswer] = useState<'agreed' | 'disagreed' | 'heard'>(heard ? 'heard' : 'agreed');
  const [via, setVia] = useState('conversation');
  const [text, setText] = useState('');
  const [date, setDate] = useState(dutchIsoDay());
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  const person = party.kind === 'person';
  const submit = async () => {
    setError(null);
    try {
      await post('/api/v1/plan-versions/:versionId/answers', {
        params: { versionId },
        body: {
          partyId: party.id,
          answer,
          ...(person ? { via: via, answeredOn: date } : {}),
          ...(answer === 'heard' ? { view: text } : answer === 'disagreed' ? { reason: text } : text ? { reason: text } : {}),
        },
      });
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <details className="regie-disclosure">
      <summary>{t('recordFor', { name: party.name })}</summary>
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        {!heard && (
          <Select
            label={t('answer')}
            name="answer"
            value={answer}
            onChange={(e) => setAnswer(e.target.value as 'agreed')}
            error={errors.answer}
            options={[
              { value: 'agreed', label: t('an_agreed') },
              { value: 'disagreed', label: t('an_disagreed') },
            ]}
          />
        )}
        {(heard || answer === 'disagreed') && (
          <TextArea
            label={heard ? t('view') : t('reason')}
            name="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={errors.view ?? errors.reason}
          />
        )}
        {person && (
          <>
            <Select
              label={t('via')}
              name="via"
              value={via}
              onChange={(e) => setVia(e.target.value)}
              error={errors.via}
              options={(['conversation', 'phone', 'in_writing', 'video'] as const).map((x) => ({ value: x, label: t(`v_${x}`) }))}
            />
            <DateInput label={t('answeredOn')} name="answeredOn" value={date} onChange={setDate} error={errors.answeredOn} />
          </>
        )}
        <Button appearance="primary-action-button" type="submit">
          {t('save')}
        </Button>
      </SubmitForm>
      <Paragraph className="regie-muted">{t(`r_${party.requirement}` as PlanKey)}</Paragraph>
    </details>
  );
}
