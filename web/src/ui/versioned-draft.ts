// An edit form on a saved record that someone else may save in the meantime: the server refuses a
// save on an older version (409), and the latest version can be loaded without losing the input.
import { useState } from 'react';
import { useDraft } from './forms.js';

/**
 * `useDraft` on a saved record: `base` is the version the form is based on (its version goes with
 * a save; the draft starts from it). `rebaseOn(latest)` makes the latest version the base and
 * keeps what the user changed on top of it (`merge`: a field the user changed keeps their value,
 * one they left alone takes the latest); `reloaded` says the form now shows the latest.
 */
export function useVersionedDraft<S, D>(key: string, initial: S, toDraft: (s: S) => D, merge: (draft: D, oldBase: D, latest: D) => D) {
  const [base, setBase] = useState(initial);
  const [d, setD, draft] = useDraft<D>(key, toDraft(base));
  const [reloaded, setReloaded] = useState(false);
  const rebaseOn = (latest: S) => {
    setD(merge(d, toDraft(base), toDraft(latest)));
    setBase(latest);
    setReloaded(true);
  };
  return { base, setBase, d, setD, draft, reloaded, setReloaded, rebaseOn };
}
