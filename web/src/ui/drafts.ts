// Drafts of forms, saved as the user types (ADR 0009): the store and useDraft. The notice that a
// draft was restored is in forms.tsx, with the other form parts.
import { useEffect, useRef, useState } from 'react';
import { currentCsrf, sessionEvents } from '../api.js';

/**
 * Drafts hold personal data (names, BSNs, concerns), so they live only as long as the session
 * that wrote them, on this device (ADR 0009): in sessionStorage (gone with the tab), bound to the
 * session's identity (a draft of an ended session is never restored, even after logging in again)
 * and wiped at logout and as soon as the app learns the session expired.
 */
const DRAFT_PREFIX = 'regie.draft.';
const draftStore = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

/** A short fingerprint of the session (never the CSRF token itself) that a draft is bound to. */
function sessionFingerprint(): string {
  const token = currentCsrf();
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

interface StoredDraft<T> {
  value: T;
  at: number;
  session: string;
}

function readDraft<T>(storageKey: string): StoredDraft<T> | null {
  const store = draftStore();
  try {
    const raw = store?.getItem(storageKey);
    if (!raw) return null;
    const d = JSON.parse(raw) as StoredDraft<T>;
    if (d.session === sessionFingerprint()) return d;
    store?.removeItem(storageKey); // written in another session: never restored
  } catch {
    store?.removeItem(storageKey);
  }
  return null;
}

export interface DraftMeta {
  restored: boolean;
  restoredAt: number | null;
  savedAt: number | null;
  clear: () => void;
  discard: () => void;
}

/**
 * A form's state saved as the user types, so a reload or a lost connection never loses work.
 * `key` names what the draft is for (e.g. `<user>.handover.<case>`), so input typed for one family
 * never appears in another's form; when the key changes (another case chosen) the form shows that
 * one's draft or starts empty. `clear` after a successful submit; `discard` also empties the form.
 */
export function useDraft<T>(key: string, initial: T): [T, (v: T | ((prev: T) => T)) => void, DraftMeta] {
  const storageKey = `${DRAFT_PREFIX}${key}`;
  const [cur, setCur] = useState(() => ({ key: storageKey, stored: readDraft<T>(storageKey) }));
  const [state, setState] = useState<T>(() => (cur.stored ? cur.stored.value : initial));
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const initialJson = JSON.stringify(initial);
  const skipSave = useRef(true);
  if (cur.key !== storageKey) {
    // Another subject: its own draft, never the previous one's input.
    const stored = readDraft<T>(storageKey);
    setCur({ key: storageKey, stored });
    setState(stored ? stored.value : initial);
    setSavedAt(null);
    skipSave.current = true;
  }
  useEffect(() => {
    if (skipSave.current) {
      skipSave.current = false;
      return;
    }
    const h = setTimeout(() => {
      const store = draftStore();
      if (JSON.stringify(state) === initialJson) {
        store?.removeItem(storageKey);
        return;
      } // nothing typed: no draft
      store?.setItem(storageKey, JSON.stringify({ value: state, at: Date.now(), session: sessionFingerprint() } satisfies StoredDraft<T>));
      setSavedAt(Date.now());
    }, 400);
    return () => clearTimeout(h);
  }, [state, storageKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const clear = () => {
    draftStore()?.removeItem(storageKey);
    setSavedAt(null);
  };
  const discard = () => {
    clear();
    skipSave.current = true;
    setCur({ key: storageKey, stored: null });
    setState(initial);
  };
  return [state, setState, { restored: cur.stored !== null, restoredAt: cur.stored?.at ?? null, clear, discard, savedAt }];
}

export function clearAllDrafts() {
  for (const store of [
    draftStore(),
    (() => {
      try {
        return window.localStorage;
      } catch {
        return null;
      }
    })(),
  ]) {
    if (!store) continue;
    // Also drafts that older versions kept in localStorage.
    for (const k of Object.keys(store)) if (k.startsWith(DRAFT_PREFIX)) store.removeItem(k);
  }
}
// The session is over (idle timeout, logout elsewhere, account deactivated): its drafts go with it.
// The form on screen keeps what was typed, so logging in again continues the work.
sessionEvents.addEventListener('expired', clearAllDrafts);
