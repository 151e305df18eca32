import { paymentTermsText } from '#domain/payment-terms.ts';
import { problemText, type Schemas } from '../api/client.ts';
import { t } from '../i18n/language.ts';
import { QuoteLines } from '../rfqs/quote-lines.tsx';
import { Link } from '../router.tsx';
import { useSignedIn } from '../signed-in.ts';
import { calendarDay, when } from '../ui/dates.ts';
import { useLoad } from '../ui/load.ts';
import { PageTitle, Show } from '../ui/page.tsx';
import { OrderDelivery } from './order-delivery.tsx';
import { type OrderStatus, OrderStatusBadge } from './order-status.tsx';
import { OrderTimeline } from './order-timeline.tsx';

type Address = NonNullable<Schemas['Order']['shipTo']>;

/** Where an order stands, in a sentence beside its status. */
const standing: Record<OrderStatus, string> = {
  placed: 'Waiting for the seller to confirm it.',
  confirmed: 'Confirmed by the seller; nothing has shipped yet.',
  'partly-shipped': 'Part of it has shipped; the rest is to come.',
  shipped: 'Everything has shipped.',
  invoiced: 'Everything has shipped; part of it has been invoiced.',
  closed: 'Complete: nothing more to ship or invoice.',
  cancelled: 'Cancelled: nothing will be shipped or invoiced.',
};

const countries = new Intl.DisplayNames(undefined, { type: 'region' });
/** Where the town comes before the postal code on an envelope ("Reno, NV 89502"); elsewhere "114 55 Stockholm". */
const townFirst = new Set(['US', 'CA', 'AU', 'GB', 'IE']);

const AddressLines = (props: { address: Address }) => {
  const a = props.address;
  const town = townFirst.has(a.country)
    ? `${a.city}${a.region ? `, ${a.region}` : ''} ${a.postalCode}`
    : `${a.postalCode} ${a.city}${a.region ? `, ${a.region}` : ''}`;
  return (
    <>
      {[a.name, a.line1, a.line2, town, countries.of(a.country) ?? a.country]
        .filter((part): part is string => Boolean(part))
        .map((part) => (
          <div key={part}>{part}</div>
        ))}
    </>
  );
};

/** Where the reader follows the RFQ an order came from: a buyer's RFQ page, a rep's or manager's review desk. */
const rfqPathFor = (sections: readonly string[], rfqId: string): string | undefined => {
  if (sections.includes('my-rfqs')) return `rfqs/${rfqId}`;
  if (sections.includes('queue') || sections.includes('discounts')) return `review/${encodeURIComponent(rfqId)}`;
  return undefined;
};

/**
 * One order: where it stands as the seller's ERP reported it (confirmation, shipments with their tracking, invoices,
 * cancellation), what was bought at which prices, under which PO and payment terms. The buyer's and the seller
 * staff's page alike; the API decides what each may see.
 */
export const OrderPage = (props: { orderId: string }) => {
  const { api, me } = useSignedIn();
  const [loaded] = useLoad(async () => {
    const { data, error } = await api.GET('/orders/{orderId}', { params: { path: { orderId: props.orderId } } });
    if (!data) throw new Error(problemText(error, t('order.failed')));
    return data;
  }, [props.orderId]);
  return (
    <Show loaded={loaded}>
      {(order) => {
        const rfqPath = rfqPathFor(me.sections, order.rfqId);
        return (
          <>
            <PageTitle secondary={order.orderId}>{t('order.title')}</PageTitle>
            <p class="order-standing">
              <OrderStatusBadge status={order.status} /> {standing[order.status]}
            </p>
            <dl class="facts panel">
              <dt>{t('orders.poNumber')}</dt>
              <dd>{order.poNumber}</dd>
              {order.companyName && (
                <>
                  <dt>{t('orders.company')}</dt>
                  <dd>{order.companyName}</dd>
                </>
              )}
              <dt>{t('orders.placed')}</dt>
              <dd>{when(order.createdAt)}</dd>
              <dt>{t('order.paymentTerms')}</dt>
              <dd>{paymentTermsText(order.paymentTerms)}</dd>
              <dt>{t('order.buyer')}</dt>
              <dd>{order.buyerEmail}</dd>
              {order.shipTo && (
                <>
                  <dt>{t('rfq.shipTo')}</dt>
                  <dd>
                    <AddressLines address={order.shipTo} />
                  </dd>
                </>
              )}
              {order.requestedDeliveryDate && (
                <>
                  <dt>{t('rfq.requestedDelivery')}</dt>
                  <dd>{calendarDay(order.requestedDeliveryDate)}</dd>
                </>
              )}
              <dt>{t('order.from')}</dt>
              <dd>
                {rfqPath ? (
                  <Link to={rfqPath}>{t('order.rfq', { rfq: order.rfqId })}</Link>
                ) : (
                  t('order.rfq', { rfq: order.rfqId })
                )}{' '}
                {t('order.quoteVersion', { version: order.quoteVersion })}
              </dd>
            </dl>
            <OrderTimeline order={order} />
            {order.status !== 'placed' && order.status !== 'cancelled' && <OrderDelivery order={order} />}
            <h2>{order.confirmation?.decision === 'change' ? t('order.linesAsOrdered') : t('order.lines')}</h2>
            <QuoteLines
              lines={order.lines}
              currency={order.currency}
              discountTotal={order.subtotal - order.total}
              total={order.total}
              tax={order}
            />
          </>
        );
      }}
    </Show>
  );
};
