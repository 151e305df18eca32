import type { Caller } from '#domain/caller.ts';
import type { Order } from '#domain/order.ts';
import { audienceOf } from '#domain/policy.ts';
import { lineView } from '#domain/quote-view.ts';

/** An order as one caller may see it: fields named in, never stripped out; line cost only for seller staff. */
export const orderView = (order: Order, caller: Caller) => {
  const audience = audienceOf(caller);
  return {
    orderId: order.orderId,
    rfqId: order.rfqId,
    companyId: order.companyId,
    buyerEmail: order.buyerEmail,
    poNumber: order.poNumber,
    quoteVersion: order.quoteVersion,
    currency: order.currency,
    lines: order.lines.map((line) => lineView(line, audience)),
    subtotal: order.subtotal,
    total: order.total,
    paymentTerms: order.paymentTerms,
    createdAt: order.createdAt,
  };
};
