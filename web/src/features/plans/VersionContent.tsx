// One plan version's content (goals, the family's own goals, actions with owners), shared by the
// plan page, the draft editor and the comparison.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fmtDate } from '../../ui/time.js';
import { usePlanT, type PlanKey } from './texts.js';
import { ItemTable, RemoveButton } from './ItemTable.js';
import { domainLabel, ownerName } from './plan-labels.js';

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
  const domain = (x: string) => domainLabel(lang, x);
  const goals = v.goals.filter((g) => !g.familyOwn);
  const own = v.goals.filter((g) => g.familyOwn);
  const goalText = (id: string | null) => v.goals.find((g) => g.id === id)?.description ?? t('noGoal');
  const remove = (onRemove?: (id: string) => void) =>
    onRemove && ((x: { id: string; description: string }) => <RemoveButton what={x.description} onClick={() => onRemove(x.id)} />);
  return (
    <>
      <Heading level={level}>{t('goals')}</Heading>
      {goals.length === 0 ? (
        <Paragraph>{t('noGoals')}</Paragraph>
      ) : (
        <ItemTable
          columns={['domain', 'description', 'person', 'targetScore', 'targetDate']}
          items={goals}
          cells={(g) => [
            domain(g.domain),
            g.description,
            g.personName ?? t('wholeFamily'),
            g.targetScore ?? '—',
            fmtDate(g.targetDate, lang),
          ]}
          remove={remove(onRemoveGoal)}
        />
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
                  <RemoveButton what={g.description} onClick={() => onRemoveGoal(g.id)} />
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
        <ItemTable
          columns={['description', 'owner', 'dueOn', 'actionStatus', 'goal']}
          items={v.actions}
          cells={(a) => [
            a.description,
            ownerName(a.owner),
            fmtDate(a.dueOn, lang),
            <>
              {t(`a_${a.progress.status}` as PlanKey)}
              {a.progress.notDoneReason && ` (${a.progress.notDoneReason})`}
              {a.progress.recordedAt && (
                <span className="regie-muted">
                  {' — '}
                  {t('progressSince', { when: fmtDate(a.progress.recordedAt, lang), who: a.progress.recordedByName ?? '—' })}
                </span>
              )}
            </>,
            goalText(a.goalId),
          ]}
          remove={remove(onRemoveAction)}
        />
      )}
    </>
  );
}
