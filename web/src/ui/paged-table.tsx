// A list on screen: the problem of its last answer, "nothing found", its rows and, for a
// cursor-paged list (data.tsx's usePagedList), the pager below it. `ListTable` is the table every
// list screen draws (a column header row, one row an item, reflowed to cards by styles.css).
import type { ReactNode } from 'react';
import { Paragraph, Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { Pager, type PagedList, type PagedPath } from '../data.js';
import { ProblemAlert } from './forms.js';

type Item<P extends PagedPath> = PagedList<P>['items'][number];

export interface ListTableProps<T> {
  /** The column headers, in order. */
  head: ReactNode[];
  /** One `<TableRow>` an item (with its place in `items`). */
  row: (item: T, index: number) => ReactNode;
  /** A caption for screen readers (visually hidden). */
  caption?: string;
  /** The class of a wrapper that lets a wide table scroll sideways. */
  scroll?: string;
}

export function ListTable<T>({ items, head, row, caption, scroll }: ListTableProps<T> & { items: readonly T[] }) {
  const table = (
    <Table className="regie-table">
      {caption && <caption className="regie-visually-hidden">{caption}</caption>}
      <TableHeader>
        <TableRow>
          {head.map((h, i) => (
            <TableHeaderCell key={i} scope="col">
              {h}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{items.map(row)}</TableBody>
    </Table>
  );
  return scroll ? <div className={scroll}>{table}</div> : table;
}

export interface PagedItemsProps<P extends PagedPath> {
  list: PagedList<P>;
  /** The problem to show; by default the list's own (a screen puts the problem of its last write first). */
  error?: unknown;
  /** Said when the page has no items. */
  empty: ReactNode;
  /** The pager's accessible name (by default "Pagina's"). */
  pagerLabel?: string;
}

/** A paged list's problem, its "nothing found" or its items (drawn by `children`), and its pager. */
export function PagedItems<P extends PagedPath>({
  list,
  error = list.error,
  empty,
  pagerLabel,
  children,
}: PagedItemsProps<P> & { children: (items: Item<P>[]) => ReactNode }) {
  const items = list.items as Item<P>[];
  return (
    <>
      <ProblemAlert error={error} />
      {list.data && items.length === 0 && <Paragraph>{empty}</Paragraph>}
      {list.data && items.length > 0 && children(items)}
      <Pager list={list} label={pagerLabel} />
    </>
  );
}

/** A paged list drawn as a table. */
export function PagedTable<P extends PagedPath>({ head, row, caption, scroll, ...rest }: PagedItemsProps<P> & ListTableProps<Item<P>>) {
  return (
    <PagedItems {...rest}>{(items) => <ListTable items={items} head={head} row={row} caption={caption} scroll={scroll} />}</PagedItems>
  );
}
