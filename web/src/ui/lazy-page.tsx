import type { ComponentType } from 'preact';
import { useLoad } from './load.ts';
import { Show } from './page.tsx';

/**
 * A page whose code is fetched the first time it is shown, so a buyer's first visit downloads only the pages buyers
 * open: staff screens, the dashboard's charts and the settings pages come when someone opens them.
 */
export const lazyPage = <P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> => {
  const fetchPage = () =>
    load().catch(() => {
      throw new Error('This page could not be loaded. Check your connection, then reload the page.');
    });
  return (props: P) => {
    const [loaded] = useLoad(fetchPage, []);
    return <Show loaded={loaded}>{(Page) => <Page {...props} />}</Show>;
  };
};
