import { describe, expect, it } from 'vitest';
import { compareItems, countChanges } from './diff.js';

const g = (lineageId: string, description: string, targetScore = 3, id = `${lineageId}-${description}`) => ({
  id,
  lineageId,
  description,
  targetScore,
  position: 0,
});

describe('comparing plan versions', () => {
  it('finds added, removed, changed (naming the fields) and unchanged items by lineage, not by id', () => {
    const before = [g('a', 'Schulden op orde'), g('b', 'Naar school'), g('c', 'Werk vinden')];
    const after = [g('b', 'Naar school', 3, 'other-id'), g('a', 'Schulden op orde', 4), g('d', 'Sport')];
    const r = compareItems(before, after);
    expect(r.map((x) => [x.change, (x.before ?? x.after).lineageId, x.fields])).toEqual([
      ['changed', 'a', ['targetScore']],
      ['unchanged', 'b', []],
      ['removed', 'c', []],
      ['added', 'd', []],
    ]);
    expect(countChanges(r)).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
  });

  it('compares nested values by content', () => {
    const a = [{ lineageId: 'x', owner: { kind: 'organisation', id: '1' } }];
    const b = [{ lineageId: 'x', owner: { kind: 'organisation', id: '1' } }];
    const c = [{ lineageId: 'x', owner: { kind: 'organisation', id: '2' } }];
    expect(compareItems(a, b)[0]?.change).toBe('unchanged');
    expect(compareItems(a, c)[0]).toMatchObject({ change: 'changed', fields: ['owner'] });
  });
});
