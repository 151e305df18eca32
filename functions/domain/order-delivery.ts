import type { LineChange } from './order-reports.ts';

/**
 * What of an order the delivery arithmetic reads: an Order, or an order as GET /orders/{orderId} shows it — so the
 * order page and the shipment email count what is still to come the same way.
 */
interface Deliverable {
  lines: readonly { lineId: string; quantity: number; unitPrice?: number | null }[];
  confirmation?: { lines?: readonly LineChange[] | undefined } | undefined;
  shipments?: readonly { lines: readonly { lineId: string; quantity: number }[] }[] | undefined;
}

/** Each line as the seller will deliver it: the ERP's confirmed quantity and price where it changed them. */
export const confirmedLines = (order: Deliverable) =>
  order.lines.map((line) => {
    const change = order.confirmation?.lines?.find((c) => c.lineId === line.lineId);
    return {
      lineId: line.lineId,
      quantity: change?.quantity ?? line.quantity,
      unitPrice: change?.unitPrice ?? line.unitPrice ?? 0,
    };
  });

/** How many of each line have shipped so far, by lineId. */
export const shippedQuantities = (order: Pick<Deliverable, 'shipments'>): Map<string, number> => {
  const shipped = new Map<string, number>();
  for (const shipment of order.shipments ?? [])
    for (const line of shipment.lines) shipped.set(line.lineId, (shipped.get(line.lineId) ?? 0) + line.quantity);
  return shipped;
};

/** Each line's delivery so far: ordered, confirmed, shipped, and still to come (never below zero). */
export const deliveryOf = (order: Deliverable) => {
  const shipped = shippedQuantities(order);
  return confirmedLines(order).map((line, i) => {
    const sent = shipped.get(line.lineId) ?? 0;
    return {
      lineId: line.lineId,
      ordered: order.lines[i]!.quantity,
      confirmed: line.quantity,
      shipped: sent,
      toCome: Math.max(0, line.quantity - sent),
    };
  });
};

/** A line of the order by its name and SKU, as people recognise it ("Hard hat (SAF-HAT-WHT)"); its id when unknown. */
export const lineNameOf = (
  order: { lines: readonly { lineId: string; name: string; sku: string }[] },
  lineId: string,
): string => {
  const line = order.lines.find((l) => l.lineId === lineId);
  return line ? `${line.name} (${line.sku})` : lineId;
};

/**
 * What the ERP's confirmation changed on a line, as the buyer reads it ("quantity 10 → 8; delivery 2026-12-20"), in
 * the surface's own money and date formats: the email and the order page say the same.
 */
export const lineChangeText = (
  ordered: { quantity: number; unitPrice?: number | null } | undefined,
  change: LineChange,
  say: { money: (minor: number | null | undefined) => string; day: (yyyyMmDd: string) => string },
): string => {
  const parts = [
    ...(change.quantity === undefined
      ? []
      : [change.quantity === 0 ? 'cannot be supplied' : `quantity ${ordered?.quantity ?? '?'} → ${change.quantity}`]),
    ...(change.unitPrice === undefined
      ? []
      : [`unit price ${say.money(ordered?.unitPrice)} → ${say.money(change.unitPrice)}`]),
    ...(change.deliveryDate === undefined ? [] : [`delivery ${say.day(change.deliveryDate)}`]),
  ];
  return parts.join('; ') || 'as ordered';
};
