import { formatMoney } from '#domain/money-format.ts';
import type { Order } from '#domain/order.ts';
import { deliveryOf, lineChangeText, lineNameOf } from '#domain/order-delivery.ts';
import type { LineChange, Shipment } from '#domain/order-reports.ts';
import { confirmedTotal } from '#domain/order-updates.ts';
import { html } from '#rendering/html.ts';
import { button, email, factsHtml, factsText, heading, link, note, paragraph, sentence } from './layout.ts';
import type { EmailMessage } from './ports.ts';

/**
 * What the buyer (and the account's rep, on the same message) hears when the seller's ERP reports on an order: it
 * was confirmed with changes, a shipment left (with its tracking link), or the order was cancelled. Buyer-side
 * fields only: quantities, the buyer's prices, dates — never the seller's cost. A plain confirmation and an invoice
 * are on the order page, not in the inbox.
 */

const changeText = (order: Order, change: LineChange): string =>
  lineChangeText(
    order.lines.find((l) => l.lineId === change.lineId),
    change,
    { money: (minor) => (minor == null ? '—' : formatMoney(minor, order.currency)), day: (date) => date },
  );

const recipients = (order: Order, repEmail: string | undefined): string[] => [
  ...new Set([order.buyerEmail, ...(repEmail ? [repEmail] : [])]),
];

const message = (
  to: string[],
  subject: string,
  intro: string,
  facts: readonly (readonly [string, string])[],
  orderUrl: string,
  extra: { reason?: string; trackingUrl?: string } = {},
): EmailMessage =>
  email(
    to,
    subject,
    html`${heading(subject)}
${paragraph(intro)}
${factsHtml(facts)}
${extra.trackingUrl ? paragraph(link(extra.trackingUrl, 'Track the shipment')) : ''}
${extra.reason ? note('Reason', extra.reason) : ''}
${button(orderUrl, 'Open the order')}`,
    [
      subject,
      intro,
      ...factsText(facts),
      ...(extra.trackingUrl ? [`Track the shipment: ${extra.trackingUrl}`] : []),
      ...(extra.reason ? [`Reason: ${extra.reason}`] : []),
      `The order: ${orderUrl}`,
    ],
  );

export const orderChangedEmail = (order: Order, repEmail: string | undefined, orderUrl: string): EmailMessage => {
  const changes = order.confirmation?.lines ?? [];
  return message(
    recipients(order, repEmail),
    `Order ${order.orderId} confirmed with changes (PO ${order.poNumber})`,
    `The seller confirmed order ${order.orderId} with changes to ${changes.length === 1 ? 'one line' : `${changes.length} lines`}. It now comes to ${formatMoney(confirmedTotal(order), order.currency)} (ordered: ${formatMoney(order.total, order.currency)}).`,
    changes.map((change) => [lineNameOf(order, change.lineId), changeText(order, change)] as const),
    orderUrl,
    order.confirmation?.reason ? { reason: order.confirmation.reason } : {},
  );
};

export const orderShippedEmail = (
  order: Order,
  shipment: Shipment,
  repEmail: string | undefined,
  orderUrl: string,
): EmailMessage => {
  const left = deliveryOf(order).filter((line) => line.toCome > 0);
  const subject =
    left.length === 0
      ? `Order ${order.orderId} shipped (PO ${order.poNumber})`
      : `Part of order ${order.orderId} shipped (PO ${order.poNumber})`;
  const tracking = shipment.trackingNumber ? `, tracking number ${shipment.trackingNumber}` : '';
  const rest =
    left.length === 0
      ? 'Everything on the order is on its way.'
      : `Still to come: ${left.map((line) => `${line.toCome} × ${lineNameOf(order, line.lineId)}`).join(', ')}.`;
  return message(
    recipients(order, repEmail),
    subject,
    `Shipment ${shipment.shipmentId} left with ${shipment.carrier}${tracking}. ${rest}`,
    shipment.lines.map((line) => [lineNameOf(order, line.lineId), `${line.quantity}`] as const),
    orderUrl,
    shipment.trackingUrl ? { trackingUrl: shipment.trackingUrl } : {},
  );
};

export const orderCancelledEmail = (order: Order, repEmail: string | undefined, orderUrl: string): EmailMessage =>
  message(
    recipients(order, repEmail),
    `Order ${order.orderId} was cancelled (PO ${order.poNumber})`,
    sentence(
      order.confirmation?.decision === 'reject'
        ? `The seller could not accept order ${order.orderId}, so it is cancelled: nothing will be shipped or invoiced`
        : `The seller cancelled order ${order.orderId}: nothing will be shipped or invoiced`,
    ),
    [
      ['PO number', order.poNumber],
      ['Total', formatMoney(order.total, order.currency)],
    ],
    orderUrl,
    order.cancellation ? { reason: order.cancellation.reason } : {},
  );
