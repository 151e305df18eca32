import { Contradiction, UnfitInput } from './errors.ts';
import { nextOrderStatus, type OrderAction, type OrderStatus } from './lifecycle.ts';
import { lineTotal, sum } from './money.ts';
import type { Order } from './order.ts';
import { confirmedLines, shippedQuantities } from './order-delivery.ts';
import type {
  CancellationReport,
  ConfirmationReport,
  InvoiceReport,
  OrderEventKind,
  OrderUpdate,
  ShipmentReport,
} from './order-reports.ts';

/**
 * What the seller's ERP reports does to an order: each report is checked against the order as recorded and moves it
 * through the one table of legal order transitions (lifecycle.ts), or is refused with nothing changed.
 */

/** One report as it arrived: its `Idempotency-Key`, a digest of its body, who sent it and when. */
export interface Report {
  key: string;
  digest: string;
  by: string;
  at: string;
}

export const orderStatusOf = (order: Order): OrderStatus => order.status ?? 'placed';

const totalOf = (lines: readonly { quantity: number; unitPrice: number }[]): number =>
  sum(lines.map((line) => lineTotal(line.unitPrice, line.quantity)));

/** What the order comes to as confirmed: the ordered total until the ERP changes a line. */
export const confirmedTotal = (order: Order): number => order.confirmation?.total ?? order.total;

export const invoicedTotal = (order: Order): number => sum((order.invoices ?? []).map((invoice) => invoice.amount));

/**
 * Whether this report was recorded already: the same key with the same body is the same report sent again (answered
 * with the order as it is, nothing written); the same key with another body is a client mistake.
 */
export const isRecorded = (order: Order, report: Report): boolean => {
  const earlier = order.updates?.find((update) => update.key === report.key);
  if (!earlier) return false;
  if (earlier.digest !== report.digest)
    throw new UnfitInput('this Idempotency-Key was already used with a different report', [
      { path: 'headers.idempotency-key', message: 'used before with another body: send a new key for a new report' },
    ]);
  return true;
};

/** The order with its report under `key` marked as mailed: written over the revision read, as a report is. */
export const mailed = (order: Order, key: string, at: string): Order => ({
  ...order,
  revision: (order.revision ?? 0) + 1,
  updates: (order.updates ?? []).map((update) => (update.key === key ? { ...update, mailedAt: at } : update)),
});

const recorded = (
  order: Order,
  report: Report,
  entry: { kind: OrderEventKind; to: OrderStatus; ref?: string },
  changes: Partial<Order>,
): Order => {
  const update: OrderUpdate = {
    at: report.at,
    by: report.by,
    kind: entry.kind,
    ...(entry.ref !== undefined && { ref: entry.ref }),
    from: orderStatusOf(order),
    to: entry.to,
    key: report.key,
    digest: report.digest,
  };
  return {
    ...order,
    ...changes,
    status: entry.to,
    revision: (order.revision ?? 0) + 1,
    updates: [...(order.updates ?? []), update],
  };
};

const unknownLines = (order: Order, lines: readonly { lineId: string }[]) =>
  lines.flatMap((line, i) =>
    order.lines.some((l) => l.lineId === line.lineId)
      ? []
      : [{ path: `lines.${i}.lineId`, message: `the order has no line ${line.lineId}` }],
  );

const refuseUnknownLines = (order: Order, lines: readonly { lineId: string }[]): void => {
  const errors = unknownLines(order, lines);
  if (errors.length > 0) throw new UnfitInput('the report names lines the order does not have', errors);
};

/** The ERP confirms the order as ordered, with per-line changes (quantity, price, delivery date), or rejects it. */
export const confirm = (order: Order, body: ConfirmationReport, report: Report): Order => {
  const status = orderStatusOf(order);
  if (body.decision === 'reject') {
    const to = nextOrderStatus('reject', status);
    return recorded(
      order,
      report,
      { kind: 'rejected', to },
      {
        confirmation: { decision: 'reject', reason: body.reason, total: order.total, at: report.at },
        cancellation: { reason: body.reason, at: report.at },
      },
    );
  }
  const to = nextOrderStatus('confirm', status);
  if (body.decision === 'accept')
    return recorded(
      order,
      report,
      { kind: 'confirmed', to },
      {
        confirmation: {
          decision: 'accept',
          ...(body.reason !== undefined && { reason: body.reason }),
          total: order.total,
          at: report.at,
        },
      },
    );
  refuseUnknownLines(order, body.lines);
  const twice = body.lines.flatMap((line, i) =>
    body.lines.findIndex((l) => l.lineId === line.lineId) < i
      ? [{ path: `lines.${i}.lineId`, message: `${line.lineId} is changed twice` }]
      : [],
  );
  if (twice.length > 0) throw new UnfitInput('each line is changed once', twice);
  const confirmation = { decision: 'change' as const, lines: body.lines, total: 0, at: report.at };
  const total = totalOf(confirmedLines({ ...order, confirmation }));
  return recorded(
    order,
    report,
    { kind: 'confirmed-with-changes', to },
    { confirmation: { ...confirmation, total, ...(body.reason !== undefined && { reason: body.reason }) } },
  );
};

/**
 * After a shipment or an invoice: an order shipped in full and invoiced is `invoiced`, and `closed` once its invoices
 * reach its confirmed total — each step through the table.
 */
const settle = (order: Order, status: OrderStatus): OrderStatus => {
  let settled = status;
  if (settled === 'shipped' && (order.invoices ?? []).length > 0) settled = nextOrderStatus('invoice', settled);
  if (settled === 'invoiced' && invoicedTotal(order) >= confirmedTotal(order))
    settled = nextOrderStatus('close', settled);
  return settled;
};

/** A shipment of some or all of what is left to ship: never more of a line than was confirmed, nor twice. */
export const ship = (order: Order, body: ShipmentReport, report: Report): Order => {
  const status = orderStatusOf(order);
  if ((order.shipments ?? []).some((s) => s.shipmentId === body.shipmentId))
    throw new Contradiction(`shipment ${body.shipmentId} is recorded already`, [
      { path: 'shipmentId', message: 'recorded already: a new shipment needs a new id' },
    ]);
  refuseUnknownLines(order, body.lines);
  const confirmed = confirmedLines(order);
  const shipped = shippedQuantities(order);
  const over = body.lines.flatMap((line, i) => {
    const ordered = confirmed.find((l) => l.lineId === line.lineId)!.quantity;
    const left = ordered - (shipped.get(line.lineId) ?? 0);
    return line.quantity > left
      ? [
          {
            path: `lines.${i}.quantity`,
            message: `only ${left} of ${line.lineId} left to ship (${ordered} confirmed, ${ordered - left} shipped)`,
          },
        ]
      : [];
  });
  if (over.length > 0) throw new Contradiction('the shipment ships more than was ordered', over);
  const shipments = [...(order.shipments ?? []), { ...body, at: report.at }];
  const after = { ...order, shipments };
  const all = shippedQuantities(after);
  const complete = confirmed.every((line) => (all.get(line.lineId) ?? 0) >= line.quantity);
  const action: OrderAction = complete ? 'shipRest' : 'shipPart';
  const to = settle(after, nextOrderStatus(action, status));
  return recorded(order, report, { kind: 'shipped', to, ref: body.shipmentId }, { shipments });
};

/** An invoice in the order's currency, for what has shipped: once shipped in full, the order is invoiced. */
export const invoice = (order: Order, body: InvoiceReport, report: Report): Order => {
  const status = orderStatusOf(order);
  if (body.currency !== order.currency)
    throw new UnfitInput('the invoice is in another currency than the order', [
      { path: 'currency', message: `the order is in ${order.currency}` },
    ]);
  if ((order.invoices ?? []).some((i) => i.invoiceNumber === body.invoiceNumber))
    throw new Contradiction(`invoice ${body.invoiceNumber} is recorded already`, [
      { path: 'invoiceNumber', message: 'recorded already: a new invoice needs a new number' },
    ]);
  const invoices = [...(order.invoices ?? []), { ...body, at: report.at }];
  const action: OrderAction = status === 'partly-shipped' ? 'invoicePart' : 'invoice';
  const to = settle({ ...order, invoices }, nextOrderStatus(action, status));
  return recorded(order, report, { kind: 'invoiced', to, ref: body.invoiceNumber }, { invoices });
};

/** The seller cancels the order, with a reason, before anything shipped. */
export const cancel = (order: Order, body: CancellationReport, report: Report): Order => {
  const to = nextOrderStatus('cancel', orderStatusOf(order));
  return recorded(order, report, { kind: 'cancelled', to }, { cancellation: { reason: body.reason, at: report.at } });
};
