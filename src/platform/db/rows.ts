// The rows a statement answered, read without pretending: `rows[0]` may be undefined
// (noUncheckedIndexedAccess), and a missing row where one must be is a bug, not bad input.

/**
 * The one row a statement must have answered (an INSERT … RETURNING, a count(*), a row just
 * locked): throws when there is none, so the request fails as an internal error instead of
 * carrying `undefined` on.
 */
export function oneRow<T>(rows: readonly T[], what = 'row'): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`expected one ${what}, the statement answered none`);
  return row;
}
