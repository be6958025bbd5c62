// After a 409 the form loads the latest version without losing the user's input: a field the user
// changed keeps the user's value, a field they left alone takes the latest saved value.
export function rebase<T extends object>(draft: T, oldBase: T, latest: T): T {
  const out = { ...draft };
  for (const k of Object.keys(latest) as Array<keyof T>) if (JSON.stringify(draft[k]) === JSON.stringify(oldBase[k])) out[k] = latest[k];
  return out;
}
