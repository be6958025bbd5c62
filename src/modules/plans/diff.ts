// Comparing two plan versions: goals and actions matched by their lineage (the same goal or
// action copied into the next version), each added, removed, changed or unchanged, side by side.

export interface Comparable {
  lineageId: string;
}
export type Change<T> =
  | { change: 'added'; before: null; after: T; fields: string[] }
  | { change: 'removed'; before: T; after: null; fields: string[] }
  | { change: 'changed'; before: T; after: T; fields: string[] }
  | { change: 'unchanged'; before: T; after: T; fields: string[] };

/** The fields whose values differ (shallow; nested objects compared as JSON). */
function changedFields<T extends object>(a: T, b: T, ignore: ReadonlySet<string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: string[] = [];
  for (const k of keys) {
    if (ignore.has(k)) continue;
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (x === y) continue;
    if (typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y)) continue;
    out.push(k);
  }
  return out;
}

/** Side by side: first everything of `before` in its order (removed, changed, unchanged), then what `after` added, in its order. */
export function compareItems<T extends Comparable>(
  before: T[],
  after: T[],
  ignore: readonly string[] = ['id', 'lineageId', 'position'],
): Array<Change<T>> {
  const skip = new Set(ignore);
  const later = new Map(after.map((x) => [x.lineageId, x]));
  const earlier = new Set(before.map((x) => x.lineageId));
  const out: Array<Change<T>> = [];
  for (const b of before) {
    const a = later.get(b.lineageId);
    if (!a) {
      out.push({ change: 'removed', before: b, after: null, fields: [] });
      continue;
    }
    const fields = changedFields(b, a, skip);
    out.push(fields.length ? { change: 'changed', before: b, after: a, fields } : { change: 'unchanged', before: b, after: a, fields });
  }
  for (const a of after) if (!earlier.has(a.lineageId)) out.push({ change: 'added', before: null, after: a, fields: [] });
  return out;
}

export function countChanges(items: Array<{ change: string }>) {
  const c = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const i of items) c[i.change as keyof typeof c] += 1;
  return c;
}
