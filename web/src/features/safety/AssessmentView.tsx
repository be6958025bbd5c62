// The recorded safety assessment: the decision, dangers and what goes well, the scaling per party,
// who changed it last, and the behavioural scientist's reviews.
import { Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { key, type Safety } from './safety-data.js';
import type { ST } from './texts.js';

export function AssessmentView({ st, a }: { st: ST; a: NonNullable<Safety['assessment']> }) {
  const { lang } = useI18n();
  return (
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
        <ListTable
          items={a.scalings}
          caption={st('scaling')}
          head={[st('party'), st('score')]}
          row={(s) => (
            <TableRow key={`${s.partyKind}:${s.partyId}`}>
              <TableCell>{s.partyName}</TableCell>
              <TableCell>
                {s.score} / 10{s.note && ` — ${s.note}`}
              </TableCell>
            </TableRow>
          )}
        />
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
  );
}
