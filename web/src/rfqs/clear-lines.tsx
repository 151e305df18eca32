import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/language.ts';
import type { RfqDraft } from './rfq-draft.ts';

/**
 * "Clear all lines", undoable: a thousand lines typed or fixed by hand are one click from gone, so the click empties
 * the draft and offers it back in the same place (the focus goes there) until lines are added again.
 */
export const ClearLines = (props: { draft: RfqDraft; onChange: (next: RfqDraft) => void }) => {
  const [cleared, setCleared] = useState<RfqDraft | undefined>();
  const undo = useRef<HTMLButtonElement>(null);
  const empty = props.draft.lines.length === 0;
  useEffect(() => {
    if (!empty) setCleared(undefined);
  }, [empty]);
  useEffect(() => {
    if (cleared) undo.current?.focus();
  }, [cleared]);

  if (!empty)
    return (
      <button
        type="button"
        class="secondary-action"
        onClick={() => {
          setCleared(props.draft);
          props.onChange({ ...props.draft, lines: [], note: '', requestedDeliveryDate: '' });
        }}
      >
        {t('draft.clear')}
      </button>
    );
  if (!cleared) return null;
  const count = cleared.lines.length;
  return (
    <span role="status" class="undo-clear">
      {t('draft.empty')}{' '}
      <button
        type="button"
        class="secondary-action"
        ref={undo}
        onClick={() => {
          props.onChange(cleared);
          setCleared(undefined);
        }}
      >
        {t('draft.undoClear', { count })}
      </button>
    </span>
  );
};
