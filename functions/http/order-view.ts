import * as z from 'zod';
import type { Caller } from '#domain/caller.ts';
import { type Order, orderSchema } from '#domain/order.ts';
import { audienceOf } from '#domain/policy.ts';
import { lineView, lineViewSchema } from '#domain/quote-view.ts';

export const orderViewSchema = orderSchema.extend({ lines: z.array(lineViewSchema) });
export type OrderView = z.infer<typeof orderViewSchema>;

/** An order as one caller may see it: fields named in, never stripped out; line cost only for seller staff. */
export const orderView = (order: Order, caller: Caller): OrderView => {
  const audience = audienceOf(caller);
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
    paymentTerms: order.paymentTerms,
    ...(order.billTo !== undefined && { billTo: order.billTo }),
    ...(order.shipTo !== undefined && { shipTo: order.shipTo }),
    ...(order.requestedDeliveryDate !== undefined && { requestedDeliveryDate: order.requestedDeliveryDate }),
    createdAt: order.createdAt,
  };
};
