import { useState } from 'preact/hooks';
import { t } from '../i18n/language.ts';
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
      setAnswer({ ok: false, text: t('draft.quantityRule') });
      return;
    }
    const lines = addToDraft(person.email, [{ sku: props.sku, quantity: wanted }]);
    setAnswer({ ok: true, text: t('catalog.added', { quantity: wanted, lines }) });
  };
  return (
    <form class="add-to-draft" onSubmit={add}>
      <label>
        <span aria-hidden="true">{t('catalog.quantity')}</span>
        <input
          aria-label={t('catalog.quantityOf', { name: props.name })}
          inputMode="numeric"
          size={5}
          value={quantity}
          aria-invalid={answer && !answer.ok ? 'true' : undefined}
          onInput={(e) => setQuantity(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="secondary-action" aria-label={t('catalog.addToRfqOf', { name: props.name })}>
        {t('catalog.addToRfq')}
      </button>
      {answer && (
        <p role={answer.ok ? 'status' : 'alert'} class={answer.ok ? 'notice' : 'error'}>
          {answer.text}
        </p>
      )}
    </form>
  );
};
