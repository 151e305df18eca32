import { problemText } from '../api/client.ts';
import { t } from '../i18n/language.ts';
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
    if (!data) throw new Error(problemText(error, t('orders.failed')));
    return data;
  }, []);
  return (
    <>
      <PageTitle>{props.customers ? t('orders.customersTitle') : t('orders.title')}</PageTitle>
      <Show loaded={orders.loaded}>
        {({ items }) => {
          if (items.length === 0) return <p>{props.customers ? t('orders.customersNone') : t('orders.none')}</p>;
          return (
            <>
              <table class="list">
                <caption class="visually-hidden">
                  {props.customers ? t('orders.customersCaption') : t('orders.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('orders.order')}</th>
                    {props.customers && <th scope="col">{t('orders.company')}</th>}
                    <th scope="col">{t('orders.poNumber')}</th>
                    <th scope="col">{t('orders.placed')}</th>
                    <th scope="col">{t('orders.status')}</th>
                    <th scope="col" class="number">
                      {t('orders.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((order) => (
                    <tr key={order.orderId}>
                      <td>
                        <Link to={`orders/${order.orderId}`}>{order.orderId}</Link>
                        <div class="secondary">{t('orders.from', { rfq: order.rfqId })}</div>
                      </td>
                      {props.customers && (
                        <td data-label={t('orders.company')}>{order.companyName ?? order.companyId}</td>
                      )}
                      <td data-label={t('orders.poNumber')}>{order.poNumber}</td>
                      <td data-label={t('orders.placed')}>{when(order.createdAt)}</td>
                      <td data-label={t('orders.status')}>
                        <OrderStatusBadge status={order.status} />
                      </td>
                      <td class="number" data-label={t('orders.total')}>
                        {money(order.total, order.currency)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ShowMore paged={orders} label={t('orders.more')} />
            </>
          );
        }}
      </Show>
    </>
  );
};
