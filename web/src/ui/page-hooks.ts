// What the page frame does on every screen: the title and focus after a navigation, and the busy state.
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
