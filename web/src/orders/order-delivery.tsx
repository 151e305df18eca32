import { deliveryOf } from '#domain/order-delivery.ts';
import type { Schemas } from '../api/client.ts';
import { calendarDay } from '../ui/dates.ts';
import { LineTable } from '../ui/line-table.tsx';
import { money } from '../ui/money.ts';

type Order = Schemas['Order'];

const count = (n: number, unit: string) => `${n.toLocaleString()} ${unit}`;

/**
 * Each line's delivery so far — ordered, confirmed where the ERP changed it, shipped, still to come — counted by the
 * same domain arithmetic as the shipment email; then the invoices, with what they add up to.
 */
export const OrderDelivery = (props: { order: Order }) => {
  const { order } = props;
  const delivery = deliveryOf(order);
  const changed = delivery.some((line) => line.confirmed !== line.ordered);
  const rows = order.lines.map((line, i) => ({ line, delivery: delivery[i]! }));
  const invoiced = order.invoices.reduce((sum, invoice) => sum + invoice.amount, 0);
  return (
    <>
      <section aria-labelledby="order-delivery">
        <h2 id="order-delivery">Delivery</h2>
        <LineTable
          caption="What has shipped of each line, and what is still to come"
          rows={rows}
          rowKey={(row) => row.line.lineId}
          columns={[
            {
              heading: 'Product',
              cell: ({ line }) => (
                <>
                  {line.name}
                  <div class="secondary">{line.sku}</div>
                </>
              ),
            },
            { heading: 'Ordered', number: true, cell: ({ line, delivery }) => count(delivery.ordered, line.unit) },
            ...(changed
              ? [
                  {
                    heading: 'Confirmed',
                    number: true,
                    cell: ({ line, delivery }: (typeof rows)[number]) => count(delivery.confirmed, line.unit),
                  },
                ]
              : []),
            { heading: 'Shipped', number: true, cell: ({ line, delivery }) => count(delivery.shipped, line.unit) },
            { heading: 'To come', number: true, cell: ({ line, delivery }) => count(delivery.toCome, line.unit) },
          ]}
        />
      </section>
      {order.invoices.length > 0 && (
        <section aria-labelledby="order-invoices">
          <h2 id="order-invoices">Invoices</h2>
          <LineTable
            caption="The seller's invoices for this order"
            rows={order.invoices}
            rowKey={(invoice) => invoice.invoiceNumber}
            columns={[
              { heading: 'Invoice', cell: (invoice) => invoice.invoiceNumber },
              { heading: 'Due', number: true, cell: (invoice) => calendarDay(invoice.dueDate) },
              { heading: 'Amount', number: true, cell: (invoice) => money(invoice.amount, invoice.currency) },
            ]}
            total={{ label: 'Invoiced', value: money(invoiced, order.currency) }}
          />
        </section>
      )}
    </>
  );
};
