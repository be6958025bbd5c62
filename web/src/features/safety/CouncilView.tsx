// The family network council as recorded: overdue or not, offered and met, the family's answer,
// and its outcome (the family's goals and the network's actions).
import { Alert, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { key, type Safety } from './safety-data.js';
import type { ST } from './texts.js';

export function CouncilView({ st, c }: { st: ST; c: Safety['council'] }) {
  const { lang } = useI18n();
  return (
    <>
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
            <ListTable
              items={c.outcome.actions}
              caption={st('actions')}
              head={[st('what'), st('networkMember'), st('dueOn')]}
              row={(x, i) => (
                <TableRow key={i}>
                  <TableCell>{x.what}</TableCell>
                  <TableCell>{x.networkMemberName}</TableCell>
                  <TableCell>{fmtDate(x.dueOn, lang)}</TableCell>
                </TableRow>
              )}
            />
          )}
        </>
      )}
    </>
  );
}
