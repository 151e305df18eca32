import { paymentTermsText } from '#domain/payment-terms.ts';
import { problemText } from '../api/client.ts';
import { QuoteLines } from '../rfqs/quote-lines.tsx';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';

/** One order: what was bought at which prices, under which PO and payment terms. */
export const OrderPage = (props: { orderId: string }) => {
  const { api } = useSignedIn();
  const [loaded] = useLoad(async () => {
    const { data, error } = await api.GET('/orders/{orderId}', { params: { path: { orderId: props.orderId } } });
    if (!data) throw new Error(problemText(error, 'This order could not be loaded.'));
    return data;
  }, [props.orderId]);
  return (
    <Show loaded={loaded}>
      {(order) => (
        <>
          <PageTitle secondary={order.orderId}>Order</PageTitle>
          <dl class="facts panel">
            <dt>PO number</dt>
            <dd>{order.poNumber}</dd>
            <dt>Placed</dt>
            <dd>{when(order.createdAt)}</dd>
            <dt>Payment terms</dt>
            <dd>{paymentTermsText(order.paymentTerms)}</dd>
            <dt>Buyer</dt>
            <dd>{order.buyerEmail}</dd>
            <dt>From</dt>
            <dd>
              <Link to={`rfqs/${order.rfqId}`}>RFQ {order.rfqId}</Link> (quote version {order.quoteVersion})
            </dd>
          </dl>
          <h2>Lines</h2>
          <QuoteLines
            lines={order.lines}
            currency={order.currency}
            discountTotal={order.subtotal - order.total}
            total={order.total}
          />
        </>
      )}
    </Show>
  );
};
