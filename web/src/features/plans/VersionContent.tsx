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
import type { ReactNode } from 'react';
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

/** A subtle button that removes one item; its accessible name says which. */
function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  const t = usePlanT();
  return (
    <button type="button" className="utrecht-button utrecht-button--subtle" aria-label={t('removeItem', { what })} onClick={onClick}>
      {t('remove')}
    </button>
  );
}

/** Items as a table, a column per cell; with `remove`, a last column (named for screen readers only) with its button. */
function ItemTable<T extends { id: string }>({
  columns,
  items,
  cells,
  remove,
}: {
  columns: PlanKey[];
  items: T[];
  cells: (item: T) => ReactNode[];
  remove?: (item: T) => ReactNode;
}) {
  const t = usePlanT();
  return (
    <Table className="regie-table">
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c} scope="col">
              {t(c)}
            </TableHeaderCell>
          ))}
          {remove && (
            <TableHeaderCell scope="col">
              <span className="regie-visually-hidden">{t('remove')}</span>
            </TableHeaderCell>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            {cells(item).map((c, i) => (
              <TableCell key={columns[i]}>{c}</TableCell>
            ))}
            {remove && <TableCell>{remove(item)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ownerName(o: Version['actions'][number]['owner']) {
  if (o.kind === 'organisation') return [o.organisationName, o.userName].filter(Boolean).join(' — ');
  return (o.kind === 'family_member' ? o.personName : o.networkMemberName) ?? '—';
}
