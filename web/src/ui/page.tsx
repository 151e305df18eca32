import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { sellerName } from '../brand.tsx';
import { t } from '../i18n/language.ts';
import type { Loaded } from './load.ts';

/**
 * A page's title: its h1, which takes the focus when the page opens, so a screen reader announces the new page and
 * the keyboard starts from it; the document title follows.
 */
export const PageTitle = (props: { children: string; secondary?: string }) => {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.children} — ${sellerName()}`;
    heading.current?.focus({ preventScroll: true });
  }, [props.children]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {props.children}
      {props.secondary && <span class="secondary"> {props.secondary}</span>}
    </h1>
  );
};

/** Renders a loaded value, or says it is loading, or why it failed (announced). */
export const Show = <T,>(props: { loaded: Loaded<T>; children: (value: T) => ComponentChildren }) => {
  if (props.loaded.state === 'loading') return <p aria-busy="true">{t('ui.loading')}</p>;
  if (props.loaded.state === 'failed')
    return (
      <p class="error" role="alert">
        {props.loaded.message}
      </p>
    );
  return <>{props.children(props.loaded.value)}</>;
};
