import { useEffect, useRef, useState } from 'preact/hooks';
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
        Clear all lines
      </button>
    );
  if (!cleared) return null;
  const count = cleared.lines.length;
  return (
    <span role="status" class="undo-clear">
      The draft is empty.{' '}
      <button
        type="button"
        class="secondary-action"
        ref={undo}
        onClick={() => {
          props.onChange(cleared);
          setCleared(undefined);
        }}
      >
        Undo: bring back {count.toLocaleString()} {count === 1 ? 'line' : 'lines'}
      </button>
    </span>
  );
};
