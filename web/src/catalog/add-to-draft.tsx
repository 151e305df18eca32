import { useState } from 'preact/hooks';
import { quantityOf } from '../rfqs/draft-lines.ts';
import { addToDraft } from '../rfqs/rfq-draft.ts';
import { useSignedIn } from '../signed-in.ts';

/**
 * A product's way into the RFQ draft: the quantity wanted and the button, and the answer right beside them — on a
 * scrolled phone a notice at the top of the list would be off screen.
 */
export const AddToDraft = (props: { sku: string; name: string }) => {
  const { person } = useSignedIn();
  const [quantity, setQuantity] = useState('1');
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | undefined>();
  const add = (event: Event) => {
    event.preventDefault();
    const wanted = quantityOf(quantity.trim());
    if (!wanted) {
      setAnswer({ ok: false, text: 'A quantity is a whole number from 1 to 1,000,000.' });
      return;
    }
    const lines = addToDraft(person.email, [{ sku: props.sku, quantity: wanted }]);
    setAnswer({
      ok: true,
      text: `Added ${wanted.toLocaleString()} to your RFQ draft (${lines.toLocaleString()} ${lines === 1 ? 'line' : 'lines'}).`,
    });
  };
  return (
    <form class="add-to-draft" onSubmit={add}>
      <label>
        <span aria-hidden="true">Quantity</span>
        <input
          aria-label={`Quantity of ${props.name}`}
          inputMode="numeric"
          size={5}
          value={quantity}
          aria-invalid={answer && !answer.ok ? 'true' : undefined}
          onInput={(e) => setQuantity(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="secondary-action" aria-label={`Add to RFQ: ${props.name}`}>
        Add to RFQ
      </button>
      {answer && (
        <p role={answer.ok ? 'status' : 'alert'} class={answer.ok ? 'notice' : 'error'}>
          {answer.text}
        </p>
      )}
    </form>
  );
};
