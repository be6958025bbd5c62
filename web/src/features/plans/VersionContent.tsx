// One plan version's content (goals, the family's own goals, actions with owners), shared by the
// plan page, the draft editor and the comparison.
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
import { DOMAIN_LABELS } from '@contract/shared/domains.js';
import type { ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fmtDate } from '../../ui/time.js';
import { usePlanT, type PlanKey } from './texts.js';

export type Overview = ApiResponse<'GET', '/api/v1/cases/:caseId/plan'>;
export type Version = NonNullable<Overview['current']>;

/** Goals, the family's own goals and actions of one version, as tables and a list. */
export function VersionContent({
  v,
  level,
  onRemoveGoal,
  onRemoveAction,
}: {
  v: Version;
  level: 2 | 3;
  onRemoveGoal?: (id: string) => void;
  onRemoveAction?: (id: string) => void;
}) {
  const t = usePlanT();
  const { lang } = useI18n();
  const domain = (x: string) => DOMAIN_LABELS[lang][x as keyof (typeof DOMAIN_LABELS)['nl']] ?? x;
  const goals = v.goals.filter((g) => !g.familyOwn);
  const own = v.goals.filter((g) => g.familyOwn);
  const goalText = (id: string | null) => v.goals.find((g) => g.id === id)?.description ?? t('noGoal');
  return (
    <>
      <Heading level={level}>{t('goals')}</Heading>
      {goals.length === 0 ? (
        <Paragraph>{t('noGoals')}</Paragraph>
      ) : (
        <Table className="regie-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('domain')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('description')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('person')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('targetScore')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('targetDate')}</TableHeaderCell>
              {onRemoveGoal && (
                <TableHeaderCell scope="col">
                  <span className="regie-visually-hidden">{t('remove')}</span>
                </TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {goals.map((g) => (
              <TableRow key={g.id}>
                <TableCell>{domain(g.domain)}</TableCell>
                <TableCell>{g.description}</TableCell>
                <TableCell>{g.personName ?? t('wholeFamily')}</TableCell>
                <TableCell>{g.targetScore ?? '—'}</TableCell>
                <TableCell>{fmtDate(g.targetDate, lang)}</TableCell>
                {onRemoveGoal && (
                  <TableCell>
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      aria-label={t('removeItem', { what: g.description })}
                      onClick={() => onRemoveGoal(g.id)}
                    >
                      {t('remove')}
                    </button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Heading level={level}>{t('familyGoals')}</Heading>
      <Paragraph className="regie-muted">{t('familyGoalNote')}</Paragraph>
      {own.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {own.map((g) => (
            <li key={g.id} className="utrecht-unordered-list__item">
              <q>{g.description}</q> — {domain(g.domain)}
              {g.targetDate && `, ${fmtDate(g.targetDate, lang)}`}
              {onRemoveGoal && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    aria-label={t('removeItem', { what: g.description })}
                    onClick={() => onRemoveGoal(g.id)}
                  >
                    {t('remove')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <Heading level={level}>{t('actions')}</Heading>
      {v.actions.length === 0 ? (
        <Paragraph>{t('noActions')}</Paragraph>
      ) : (
        <Table className="regie-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('description')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('owner')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('dueOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('actionStatus')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('goal')}</TableHeaderCell>
              {onRemoveAction && (
                <TableHeaderCell scope="col">
                  <span className="regie-visually-hidden">{t('remove')}</span>
                </TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {v.actions.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.description}</TableCell>
                <TableCell>{ownerName(a.owner)}</TableCell>
                <TableCell>{fmtDate(a.dueOn, lang)}</TableCell>
                <TableCell>
                  {t(`a_${a.progress.status}` as PlanKey)}
                  {a.progress.notDoneReason && ` (${a.progress.notDoneReason})`}
                  {a.progress.recordedAt && (
                    <span className="regie-muted">
                      {' — '}
                      {t('progressSince', { when: fmtDate(a.progress.recordedAt, lang), who: a.progress.recordedByName ?? '—' })}
                    </span>
                  )}
                </TableCell>
                <TableCell>{goalText(a.goalId)}</TableCell>
                {onRemoveAction && (
                  <TableCell>
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      aria-label={t('removeItem', { what: a.description })}
                      onClick={() => onRemoveAction(a.id)}
                    >
                      {t('remove')}
                    </button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

export function ownerName(o: Version['actions'][number]['owner']) {
  if (o.kind === 'organisation') return [o.organisationName, o.userName].filter(Boolean).join(' — ');
  return (o.kind === 'family_member' ? o.personName : o.networkMemberName) ?? '—';
}
