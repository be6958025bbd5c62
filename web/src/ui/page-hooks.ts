// What the page frame does on every screen (the title and focus after a navigation, the busy state),
// and what list screens share: their filters in the address bar, the row whose form is open.
import { useEffect, useRef, useState } from 'react';
import { busyEvents, requestsInFlight } from '../api.js';

/**
 * Every screen names itself: the page title follows the main heading ("<heading> – Regie"), also
 * when the heading changes after its data arrived; after a navigation, focus moves to that
 * heading (once), so keyboard and screen-reader users start at the new content, not on the link.
 */
export function usePageTitleAndFocus(location: string, appName: string) {
  const firstScreen = useRef(true);
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    let focused = firstScreen.current; // the page as loaded keeps the browser's own focus
    firstScreen.current = false;
    const update = () => {
      const h1 = main.querySelector('h1');
      const text = h1?.textContent?.trim();
      document.title = text ? `${text} – ${appName}` : appName;
      if (!focused && h1) {
        focused = true;
        // The user already went into the new content (clicked a field): leave focus there.
        const active = document.activeElement;
        if (active && active !== main && main.contains(active)) return;
        if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: true });
      }
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    // No heading within a moment (an error, a slow answer): focus the content itself.
    const fallback = setTimeout(() => {
      if (focused) return;
      focused = true;
      const active = document.activeElement;
      if (!active || active === document.body || !main.contains(active)) main.focus({ preventScroll: true });
    }, 3_000);
    return () => {
      observer.disconnect();
      clearTimeout(fallback);
    };
  }, [location, appName]);
}

/** True while a request takes longer than a moment: the content is marked busy and "Laden…" is announced. */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const change = () => {
      clearTimeout(timer);
      if (requestsInFlight() === 0) setBusy(false);
      else timer = setTimeout(() => setBusy(requestsInFlight() > 0), 400);
    };
    busyEvents.addEventListener('change', change);
    return () => {
      busyEvents.removeEventListener('change', change);
      clearTimeout(timer);
    };
  }, []);
  return busy;
}

/**
 * Keeps a list screen's filters in the address bar (replacing, not adding, a history entry), so
 * that a reload or a shared link shows the same list: `path?name=value…` with the filled-in
 * values, in the order given; just `path` when none is.
 */
export function useQueryInAddress(path: string, query: Record<string, string | false | null | undefined>) {
  const filled = Object.entries(query).filter((e): e is [string, string] => !!e[1]);
  const search = new URLSearchParams(filled).toString();
  useEffect(() => {
    history.replaceState(null, '', search ? `${path}?${search}` : path);
  }, [path, search]);
}

/**
 * A list screen's "change one row" state: the row whose form is open and the confirmation of the
 * last change. Opening a row's form takes the old confirmation away; `done(text)` closes the
 * form, confirms and fetches the list again.
 */
export function useRowEditing<T>(reload: () => unknown) {
  const [editing, setEditing] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    editing,
    notice,
    setNotice,
    edit: (row: T) => {
      setNotice(null);
      setEditing(row);
    },
    cancel: () => setEditing(null),
    done: (text: string) => {
      setNotice(text);
      setEditing(null);
      void reload();
    },
  };
}
