import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Paths inside the app, without the `/app/` base: '' is the catalog, 'rfqs/R-1' an RFQ. */
const base = import.meta.env.BASE_URL;

export const appPath = (): string => window.location.pathname.slice(base.length).replace(/\/$/, '');

export const hrefOf = (path: string): string => `${base}${path}`;

export const navigate = (path: string, options: { replace?: boolean } = {}): void => {
  const url = path.startsWith('/') ? path : hrefOf(path);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
};

/** The current path and query; re-renders on navigation. */
export const useLocation = (): { path: string; query: URLSearchParams } => {
  const read = () => ({ path: appPath(), query: new URLSearchParams(window.location.search) });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const changed = () => setLocation(read());
    window.addEventListener('popstate', changed);
    return () => window.removeEventListener('popstate', changed);
  }, []);
  return location;
};

/** A link that navigates inside the app without reloading it; a modified click still opens a new tab. */
export const Link = (props: { to: string; children: ComponentChildren; class?: string; 'aria-current'?: 'page' }) => (
  <a
    href={hrefOf(props.to)}
    class={props.class}
    aria-current={props['aria-current']}
    onClick={(event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(props.to);
    }}
  >
    {props.children}
  </a>
);
