import { useEffect } from 'react';

/**
 * Tables that reflow (WCAG 1.4.10): on a narrow screen styles.css shows each row of a
 * `.regie-table` as a card of "column: value" lines. For that every cell carries its column's
 * header text in `data-label`, and the table keeps its table semantics through explicit ARIA
 * roles, because `display: block` drops them in some browsers. One observer on the main content
 * labels every table of every screen, also those that arrive or change later.
 */
export function labelTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table.regie-table')) {
    setAttr(table, 'role', 'table');
    const labels: string[] = [];
    const head = table.tHead;
    if (head) {
      setAttr(head, 'role', 'rowgroup');
      for (const row of head.rows) {
        setAttr(row, 'role', 'row');
        for (const cell of row.cells) setAttr(cell, 'role', 'columnheader');
      }
      const headRow = head.rows[0];
      if (headRow) for (const th of headRow.cells) for (let i = 0; i < (th.colSpan || 1); i++) labels.push(th.textContent?.trim() ?? '');
    }
    for (const body of table.tBodies) {
      setAttr(body, 'role', 'rowgroup');
      for (const row of body.rows) {
        setAttr(row, 'role', 'row');
        let column = 0;
        for (const cell of row.cells) {
          setAttr(cell, 'role', cell.tagName === 'TH' ? 'rowheader' : 'cell');
          setAttr(cell, 'data-label', cell.colSpan > 1 ? '' : (labels[column] ?? ''));
          column += cell.colSpan || 1;
        }
      }
    }
  }
}

function setAttr(el: Element, name: string, value: string) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Keeps every table under <main> labelled (attribute changes do not wake the observer again). */
export function useTableReflow(): void {
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    let pending = false;
    const run = () => {
      pending = false;
      labelTables(main);
    };
    run();
    const observer = new MutationObserver(() => {
      if (!pending) {
        pending = true;
        queueMicrotask(run);
      }
    });
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
}
