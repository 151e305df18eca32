import { useEffect, useRef } from 'preact/hooks';
import type { Schemas } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { money } from '../ui/money.ts';

type Rfq = Schemas['Rfq'];

/** The lines a phone shows in the review before "…and N more": the whole quote is on the page below. */
const shownLines = 10;

/**
 * The step between typing a PO number and accepting, because accepting cannot be undone: what is being ordered (the
 * lines, the total) under which PO number — and a warning when the company already placed an order under that PO
 * (the API says which: GET /rfqs/{rfqId}/po-number-uses). The heading takes the focus, so the keyboard and a screen
 * reader start here.
 */
export const AcceptReview = (props: {
  rfq: Rfq;
  poNumber: string;
  busy: boolean;
  onAccept: () => void;
  onBack: () => void;
}) => {
  const { api } = useSignedIn();
  const { rfq, poNumber } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [uses] = useLoad(async () => {
    const { data } = await api.GET('/rfqs/{rfqId}/po-number-uses', {
      params: { path: { rfqId: rfq.rfqId }, query: { poNumber } },
    });
    // Without the answer the review still stands: the warning is a help, not a gate.
    return data?.orders ?? [];
  }, [rfq.rfqId, poNumber]);
  const total = money(rfq.total, rfq.currency);
  const more = rfq.lines.length - shownLines;

  return (
    <section class="panel accept-review" aria-labelledby="accept-review-heading">
      <h2 id="accept-review-heading" ref={heading} tabIndex={-1}>
        Check the order before you accept
      </h2>
      <p>Accepting orders these lines under your PO number; it cannot be taken back.</p>
      <ul class="review-lines">
        {rfq.lines.slice(0, shownLines).map((line) => (
          <li key={line.sku}>
            <span>
              {line.quantity.toLocaleString()} {line.unit} · {line.name}
            </span>
            <span class="number">{money(line.lineTotal, rfq.currency)}</span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p class="secondary">
          …and {more.toLocaleString()} more {more === 1 ? 'line' : 'lines'} (the whole quote is below).
        </p>
      )}
      <dl class="facts">
        <dt>Total</dt>
        <dd>
          <strong>{total}</strong>
        </dd>
        <dt>Your PO number</dt>
        <dd>{poNumber}</dd>
      </dl>
      {uses.state === 'loading' && <p aria-busy="true">Checking your company’s orders for this PO number…</p>}
      {uses.state === 'ready' && uses.value.length > 0 && (
        <div class="warning" role="alert">
          <p>
            PO number {poNumber} is already on{' '}
            {uses.value.length === 1 ? 'another order' : `${uses.value.length} other orders`} of your company:
          </p>
          <ul class="po-uses">
            {uses.value.map((order) => (
              <li key={order.orderId}>
                <Link to={`orders/${order.orderId}`}>{order.orderId}</Link>
                <span class="secondary">placed {when(order.createdAt)}</span>
              </li>
            ))}
          </ul>
          <p>Accept with it anyway, or change the PO number.</p>
        </div>
      )}
      <div class="actions">
        <button type="button" disabled={props.busy} onClick={props.onAccept}>
          Accept the quote ({total})
        </button>
        <button type="button" class="secondary-action" onClick={props.onBack}>
          Change the PO number
        </button>
      </div>
    </section>
  );
};
