import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/language.ts';
import type { Action } from './action.ts';

/** What a form says once the person acted: a notice, or why not. */
export interface FormAnswer {
  ok: boolean;
  text: string;
  /** A save refused because somebody else saved first (412): loads what they saved, so the person can try again. */
  onReload?: () => void;
}

export const noAnswer: FormAnswer = { ok: true, text: '' };

/**
 * The way past a save refused over somebody else's (412): load the latest, forgetting the refusal (it no longer holds
 * once the latest is on the page). Nothing for any other refusal.
 */
export const staleSave = (
  action: Pick<Action<never[], unknown>, 'problem' | 'clear'>,
  reload: () => void,
): Pick<FormAnswer, 'onReload'> =>
  action.problem?.status === 412
    ? {
        onReload: () => {
          action.clear();
          reload();
        },
      }
    : {};

/**
 * A reload the person asked for: `reload` starts it, and `onLoaded` runs once what it loaded is on the page (when
 * `loaded`, the data the reload replaces, changes) — so the answer says "loaded" only when it is true.
 */
export const useReload = (loaded: unknown, reload: () => void, onLoaded: () => void): (() => void) => {
  const asked = useRef(false);
  // Only a change of the loaded data ends the reload; onLoaded is the caller's sentence for it.
  useEffect(() => {
    if (!asked.current) return;
    asked.current = false;
    onLoaded();
  }, [loaded]);
  return () => {
    asked.current = true;
    reload();
  };
};

/** Takes the focus when it appears, which scrolls it into view: a phone's form may be a screen away from its answer. */
const ReloadButton = (props: { onClick: () => void }) => {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <button ref={button} type="button" class="secondary-action answer-action" onClick={props.onClick}>
      {t('ui.loadTheirChanges')}
    </button>
  );
};

/**
 * The form's answer in a live region that is always there, so a screen reader announces each new one. A refusal over
 * somebody else's save offers to load theirs; once loaded, the focus stays on the answer, which then says so.
 */
export const AnswerLine = (props: { answer: FormAnswer | undefined }) => {
  const line = useRef<HTMLParagraphElement>(null);
  const reload = props.answer?.onReload;
  return (
    <p ref={line} tabIndex={-1} role="status" class={props.answer?.ok === false ? 'error' : 'notice'}>
      {props.answer?.text}
      {reload && (
        <>
          {' '}
          <ReloadButton
            onClick={() => {
              line.current?.focus();
              reload();
            }}
          />
        </>
      )}
    </p>
  );
};
