import type { ComponentChildren } from 'preact';
import { lineChangeText, lineNameOf } from '#domain/order-delivery.ts';
import type { Schemas } from '../api/client.ts';
import { calendarDay, when } from '../ui/dates.ts';
import { money } from '../ui/money.ts';

type Order = Schemas['Order'];
type Entry = Order['timeline'][number];
type LineChange = NonNullable<NonNullable<Order['confirmation']>['lines']>[number];

/** A line the ERP confirmed otherwise than ordered, as the buyer reads it: "quantity 10 → 8; delivery Dec 22, 2026". */
const changeText = (order: Order, change: LineChange): string =>
  lineChangeText(
    order.lines.find((l) => l.lineId === change.lineId),
    change,
    { money: (minor) => money(minor, order.currency), day: calendarDay },
  );

/**
 * Who reported a step, for the seller's staff (the API gives it to no one else): an integration client by its id,
 * a person by their address.
 */
const reporter = (by: string): string =>
  by.startsWith('integration:') ? `the ERP (integration ${by.slice('integration:'.length)})` : by;

const Reason = (props: { reason: string | undefined }) =>
  props.reason ? (
    <div>
      Reason: <q>{props.reason}</q>
    </div>
  ) : null;

/** What one step of the order's life says, with what it recorded: the changes, the shipment and its tracking, the invoice. */
const stepOf = (order: Order, entry: Entry): ComponentChildren => {
  switch (entry.kind) {
    case 'placed':
      return `Order placed under PO ${order.poNumber} for ${money(order.total, order.currency)}.`;
    case 'confirmed':
      return 'The seller confirmed the order as ordered.';
    case 'confirmed-with-changes': {
      const confirmation = order.confirmation;
      return (
        <>
          The seller confirmed the order with changes
          {confirmation && `; it now comes to ${money(confirmation.total, order.currency)}`}.
          <ul>
            {(confirmation?.lines ?? []).map((change) => (
              <li key={change.lineId}>
                {lineNameOf(order, change.lineId)}: {changeText(order, change)}
              </li>
            ))}
          </ul>
          <Reason reason={confirmation?.reason} />
        </>
      );
    }
    case 'rejected':
      return (
        <>
          The seller could not accept the order, so it is cancelled: nothing will be shipped or invoiced.
          <Reason reason={order.confirmation?.reason ?? order.cancellation?.reason} />
        </>
      );
    case 'shipped': {
      const shipment = order.shipments.find((s) => s.shipmentId === entry.ref);
      if (!shipment) return `Shipment ${entry.ref ?? ''} left.`;
      const first = order.shipments[0]?.shipmentId === shipment.shipmentId;
      const what =
        entry.status === 'partly-shipped' ? 'Part of the order' : first ? 'The order' : 'The rest of the order';
      return (
        <>
          {what} left with {shipment.carrier} as shipment {shipment.shipmentId}
          {shipment.trackingNumber && `, tracking number ${shipment.trackingNumber}`}.
          <ul>
            {shipment.lines.map((line) => (
              <li key={line.lineId}>
                {line.quantity.toLocaleString()} × {lineNameOf(order, line.lineId)}
              </li>
            ))}
          </ul>
          {shipment.trackingUrl && (
            <a href={shipment.trackingUrl} rel="noopener noreferrer external" target="_blank">
              Track shipment {shipment.shipmentId} with {shipment.carrier}
              <span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
        </>
      );
    }
    case 'invoiced': {
      const invoice = order.invoices.find((i) => i.invoiceNumber === entry.ref);
      const sentence = invoice
        ? `Invoice ${invoice.invoiceNumber} for ${money(invoice.amount, invoice.currency)}, due ${calendarDay(invoice.dueDate)}.`
        : `Invoice ${entry.ref ?? ''}.`;
      return entry.status === 'closed' ? `${sentence} The order is shipped and invoiced in full.` : sentence;
    }
    case 'cancelled':
      return (
        <>
          The seller cancelled the order: nothing will be shipped or invoiced.
          <Reason reason={order.cancellation?.reason} />
        </>
      );
  }
};

/** The order's life after it was placed, oldest first: each report of the seller's ERP as a sentence, with when. */
export const OrderTimeline = (props: { order: Order }) => (
  <section aria-labelledby="order-timeline">
    <h2 id="order-timeline">Timeline</h2>
    <ol class="timeline">
      {props.order.timeline.map((entry, i) => (
        <li key={`${entry.at}-${i}`}>
          {stepOf(props.order, entry)}
          <div class="secondary">
            <time dateTime={entry.at}>{when(entry.at)}</time>
            {entry.by && ` · reported by ${reporter(entry.by)}`}
          </div>
        </li>
      ))}
    </ol>
  </section>
);
