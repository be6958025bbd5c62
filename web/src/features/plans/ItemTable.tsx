// The goals or actions of a plan version as a table, each row with its remove button in a draft.
import { TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { ReactNode } from 'react';
import { ListTable } from '../../ui/paged-table.js';
import { usePlanT, type PlanKey } from './texts.js';

/** A subtle button that removes one item; its accessible name says which. */
export function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  const t = usePlanT();
  return (
    <button type="button" className="utrecht-button utrecht-button--subtle" aria-label={t('removeItem', { what })} onClick={onClick}>
      {t('remove')}
    </button>
  );
}

/** Items as a table, a column per cell; with `remove`, a last column (named for screen readers only) with its button. */
export function ItemTable<T extends { id: string }>({
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
    <ListTable
      items={items}
      head={[...columns.map((c) => t(c)), ...(remove ? [<span className="regie-visually-hidden">{t('remove')}</span>] : [])]}
      row={(item) => (
        <TableRow key={item.id}>
          {cells(item).map((c, i) => (
            <TableCell key={columns[i]}>{c}</TableCell>
          ))}
          {remove && <TableCell>{remove(item)}</TableCell>}
        </TableRow>
      )}
    />
  );
}
