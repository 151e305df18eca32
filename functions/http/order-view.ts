import * as z from 'zod';
import type { Principal } from '#domain/integration.ts';
import { orderStatus } from '#domain/lifecycle.ts';
import { type Order, orderSchema } from '#domain/order.ts';
import { type OrderUpdate, orderEventKind } from '#domain/order-reports.ts';
import { orderStatusOf } from '#domain/order-updates.ts';
import { type Audience, audienceOfPrincipal } from '#domain/policy.ts';
import { taxOfQuote } from '#domain/quote-totals.ts';
import { lineView, lineViewSchema } from '#domain/quote-view.ts';
import { quoteTaxSchema } from '#domain/tax.ts';

/** One step of an order's timeline as its pages show it: placed, then each report of the seller's ERP. */
export const orderTimelineEntrySchema = z.object({
  at: z.iso.datetime(),
  kind: z.union([z.literal('placed'), orderEventKind]),
  /** Where the order stood after it. */
  status: orderStatus,
  /** The shipment or invoice it recorded. */
  ref: z.string().optional(),
  /** Who reported it: for the seller's staff. */
  by: z.string().optional(),
});

export const orderViewSchema = orderSchema
  .omit({ revision: true, updates: true, status: true, shipments: true, invoices: true })
  .extend({
    lines: z.array(lineViewSchema),
    ...quoteTaxSchema.shape,
    status: orderStatus,
    shipments: z.array(orderSchema.shape.shipments.unwrap().element),
    invoices: z.array(orderSchema.shape.invoices.unwrap().element),
    timeline: z.array(orderTimelineEntrySchema),
  });
export type OrderView = z.infer<typeof orderViewSchema>;

const timelineEntry = (update: OrderUpdate, audience: Audience): z.infer<typeof orderTimelineEntrySchema> => ({
  at: update.at,
  kind: update.kind,
  status: update.to,
  ...(update.ref !== undefined && { ref: update.ref }),
  ...(audience === 'seller' && { by: update.by }),
});

/**
 * An order as one caller may see it: fields named in, never stripped out; line cost and who reported what only for
 * seller staff (an integration reads the buyer side).
 */
export const orderView = (order: Order, caller: Principal): OrderView => {
  const audience = audienceOfPrincipal(caller);
  return {
    orderId: order.orderId,
    rfqId: order.rfqId,
    companyId: order.companyId,
    ...(order.companyName !== undefined && { companyName: order.companyName }),
    ...(order.erpCustomerNumber !== undefined && { erpCustomerNumber: order.erpCustomerNumber }),
    buyerEmail: order.buyerEmail,
    poNumber: order.poNumber,
    quoteVersion: order.quoteVersion,
    currency: order.currency,
    lines: order.lines.map((line) => lineView(line, audience)),
    subtotal: order.subtotal,
    total: order.total,
    ...taxOfQuote(order),
    paymentTerms: order.paymentTerms,
    ...(order.billTo !== undefined && { billTo: order.billTo }),
    ...(order.shipTo !== undefined && { shipTo: order.shipTo }),
    ...(order.requestedDeliveryDate !== undefined && { requestedDeliveryDate: order.requestedDeliveryDate }),
    createdAt: order.createdAt,
    status: orderStatusOf(order),
    ...(order.confirmation !== undefined && { confirmation: order.confirmation }),
    shipments: order.shipments ?? [],
    invoices: order.invoices ?? [],
    ...(order.cancellation !== undefined && { cancellation: order.cancellation }),
    timeline: [
      { at: order.createdAt, kind: 'placed', status: 'placed' },
      ...(order.updates ?? []).map((update) => timelineEntry(update, audience)),
    ],
  };
};
