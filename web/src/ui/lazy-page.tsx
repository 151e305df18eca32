import type { ComponentType } from 'preact';
import { t } from '../i18n/language.ts';
import { useLoad } from './load.ts';
import { Show } from './page.tsx';

/**
 * A page whose code is fetched the first time it is shown, so a buyer's first visit downloads only the pages buyers
 * open: staff screens, the dashboard's charts and the settings pages come when someone opens them.
 */
export const lazyPage = <P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> => {
  const fetchPage = () =>
    load().catch(() => {
      throw new Error(t('ui.pageNotLoaded'));
    });
  return (props: P) => {
    const [loaded] = useLoad(fetchPage, []);
    return <Show loaded={loaded}>{(Page) => <Page {...props} />}</Show>;
  };
};
