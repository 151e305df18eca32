import { problemText } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ShowMore, usePaged } from '../ui/paged.tsx';
import { OrderStatusBadge } from './order-status.tsx';

/**
 * Orders newest first, more by cursor, each with where it stands: a buyer's company's ("My orders"), or for the
 * seller's staff their customers' (a rep's accounts'), with the company each is from.
 */
export const OrdersPage = (props: { customers?: boolean }) => {
  const { api } = useSignedIn();
  const orders = usePaged(async (cursor) => {
    const { data, error } = await api.GET('/orders', { params: { query: { limit: 20, ...(cursor && { cursor }) } } });
    if (!data) throw new Error(problemText(error, 'The orders could not be loaded.'));
    return data;
  }, []);
  return (
    <>
      <PageTitle>{props.customers ? 'Orders' : 'My orders'}</PageTitle>
      <Show loaded={orders.loaded}>
        {({ items }) => {
          if (items.length === 0)
            return props.customers ? (
              <p>No orders yet. A customer's accepted and approved quote becomes an order.</p>
            ) : (
              <p>No orders yet. An accepted and approved quote becomes an order.</p>
            );
          return (
            <>
              <table class="list">
                <caption class="visually-hidden">
                  {props.customers ? "Your customers' orders, newest first" : "Your company's orders, newest first"}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    {props.customers && <th scope="col">Company</th>}
                    <th scope="col">PO number</th>
                    <th scope="col">Placed</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="number">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((order) => (
                    <tr key={order.orderId}>
                      <td>
                        <Link to={`orders/${order.orderId}`}>{order.orderId}</Link>
                        <div class="secondary">from {order.rfqId}</div>
                      </td>
                      {props.customers && <td data-label="Company">{order.companyName ?? order.companyId}</td>}
                      <td data-label="PO number">{order.poNumber}</td>
                      <td data-label="Placed">{when(order.createdAt)}</td>
                      <td data-label="Status">
                        <OrderStatusBadge status={order.status} />
                      </td>
                      <td class="number" data-label="Total">
                        {money(order.total, order.currency)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ShowMore paged={orders} label="Show older orders" />
            </>
          );
        }}
      </Show>
    </>
  );
};
