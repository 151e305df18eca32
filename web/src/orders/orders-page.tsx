import { problemText } from '../api/client.ts';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { when } from '../ui/dates.ts';
import { money } from '../ui/money.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { ShowMore, usePaged } from '../ui/paged.tsx';

/** My company's orders, newest first, more by cursor. */
export const OrdersPage = () => {
  const { api } = useSignedIn();
  const orders = usePaged(async (cursor) => {
    const { data, error } = await api.GET('/orders', { params: { query: { limit: 20, ...(cursor && { cursor }) } } });
    if (!data) throw new Error(problemText(error, 'Your orders could not be loaded.'));
    return data;
  }, []);
  return (
    <>
      <PageTitle>My orders</PageTitle>
      <Show loaded={orders.loaded}>
        {({ items }) => {
          if (items.length === 0) return <p>No orders yet. An accepted and approved quote becomes an order.</p>;
          return (
            <>
              <table class="list">
                <caption class="visually-hidden">Your company's orders, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">PO number</th>
                    <th scope="col">Placed</th>
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
                      <td data-label="PO number">{order.poNumber}</td>
                      <td data-label="Placed">{when(order.createdAt)}</td>
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
