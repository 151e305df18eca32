import * as z from 'zod';
import { companyId, email } from './company.ts';
import { currencyCode, nonNegativeMinorUnits } from './money.ts';
import { quoteOf } from './quote-of.ts';
import { quoteLineSchema, type Rfq } from './rfq.ts';

export const orderSchema = z.object({
  orderId: z.string(),
  rfqId: z.string(),
  companyId,
  buyerEmail: email,
  poNumber: z.string(),
  quoteVersion: z.number().int().min(1),
  currency: currencyCode,
  lines: z.array(quoteLineSchema),
  subtotal: nonNegativeMinorUnits,
  total: nonNegativeMinorUnits,
  paymentTerms: z.string(),
  createdAt: z.iso.datetime(),
});
export type Order = z.infer<typeof orderSchema>;

/** One order per RFQ, enforced by the key: the order id is derived from the RFQ id. */
export const orderIdFor = (rfqId: string): string => `ord_${rfqId.replace(/^rfq_/, '')}`;

/**
 * The order an approved RFQ becomes: its current quote as the buyer accepted it, under the buyer's PO number and the
 * company's payment terms.
 */
export const orderFrom = (rfq: Rfq, terms: { paymentTerms: string; at: string }): Order => {
  const quote = quoteOf(rfq);
  // Accepting requires a PO number; an order without one would be an order nobody can match to the buyer's books.
  if (!rfq.poNumber) throw new Error(`RFQ ${rfq.rfqId} has no PO number to order under`);
  return {
    orderId: orderIdFor(rfq.rfqId),
    rfqId: rfq.rfqId,
    companyId: rfq.companyId,
    buyerEmail: rfq.buyerEmail,
    poNumber: rfq.poNumber,
    quoteVersion: quote.version,
    currency: quote.currency,
    lines: quote.lines,
    subtotal: quote.subtotal,
    total: quote.total,
    paymentTerms: terms.paymentTerms,
    createdAt: terms.at,
  };
};
