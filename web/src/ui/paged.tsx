import { useState } from 'preact/hooks';
import { t } from '../i18n/language.ts';
import { type Loaded, useLoad } from './load.ts';

/** One page of a list the API pages by cursor. */
export interface ApiPage<T> {
  items: T[];
  cursor?: string | undefined;
}

export interface Paged<P extends ApiPage<unknown>> {
  /** The first page with every item loaded since, and the cursor of the next. */
  loaded: Loaded<P>;
  /** Loads the next page after what is shown; undefined when there is none. */
  more: (() => Promise<void>) | undefined;
  loadingMore: boolean;
  /** Why the next page did not come ('' when it did). */
  moreError: string;
  reload: () => void;
}

/**
 * A list read page by page: the first page again whenever `deps` change, then more on request, appended. The one
 * way the app pages a list (catalog, RFQs, orders, products).
 */
export const usePaged = <P extends ApiPage<unknown>>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  deps: readonly unknown[],
): Paged<P> => {
  const [extra, setExtra] = useState<{ items: P['items']; cursor: string | undefined; of: P } | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  const [first, reload] = useLoad(() => fetchPage(undefined), deps);
  // Pages loaded after another first page (the filter changed meanwhile) are not this list's.
  const more = first.state === 'ready' && extra?.of === first.value ? extra : undefined;
  const loaded: Loaded<P> =
    first.state === 'ready' && more
      ? { state: 'ready', value: { ...first.value, items: [...first.value.items, ...more.items], cursor: more.cursor } }
      : first;
  const cursor = loaded.state === 'ready' ? loaded.value.cursor : undefined;
  const loadMore = async () => {
    if (first.state !== 'ready') return;
    const of = first.value;
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await fetchPage(cursor);
      setExtra((shown) => ({
        items: [...(shown?.of === of ? shown.items : []), ...page.items],
        cursor: page.cursor,
        of,
      }));
    } catch (error) {
      setMoreError(error instanceof Error ? error.message : String(error));
    } finally {
      setLoadingMore(false);
    }
  };
  return { loaded, more: cursor ? loadMore : undefined, loadingMore, moreError, reload };
};

/** The button that loads a list's next page, while there is one; says when it is loading and why it failed. */
export const ShowMore = (props: { paged: Paged<ApiPage<unknown>>; label: string }) => {
  const { more, loadingMore, moreError } = props.paged;
  if (!more) return null;
  return (
    <>
      <button type="button" class="secondary-action" disabled={loadingMore} onClick={more}>
        {loadingMore ? t('ui.loading') : props.label}
      </button>
      {moreError && (
        <p class="error" role="alert">
          {moreError}
        </p>
      )}
    </>
  );
};
