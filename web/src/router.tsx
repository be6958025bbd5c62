// Navigation through React Router (declarative mode, BrowserRouter in main.tsx): this file keeps
// the app's few words for it — the address as { path, search }, a navigate hook that also scrolls
// to the top, and the design system's link.
import { type AnchorHTMLAttributes } from 'react';
import { Link, useLocation as useRouterLocation, useNavigate as useRouterNavigate } from 'react-router';

export { useParams } from 'react-router';

/** The current address: the path and the query string (with its '?', or ''). */
export function useLocation() {
  const loc = useRouterLocation();
  return { path: loc.pathname, search: loc.search };
}

/** navigate(to) goes to a new address (replace: instead of the current one), at the top of the page. */
export function useNavigate() {
  const go = useRouterNavigate();
  return (to: string, replace = false) => {
    void go(to, { replace });
    window.scrollTo(0, 0);
  };
}

/**
 * A link that navigates inside the app (a new tab with a modifier key, as any link), in the design
 * system's link style unless it brings a class of its own (the brand, the buttons that are links).
 */
export function A({ href, className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <Link
      to={href}
      {...rest}
      className={className ?? 'utrecht-link'}
      onClick={(e) => {
        rest.onClick?.(e);
        if (!e.defaultPrevented && !e.metaKey && !e.ctrlKey && !e.shiftKey && e.button === 0) window.scrollTo(0, 0);
      }}
    />
  );
}
