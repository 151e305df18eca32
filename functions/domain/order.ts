import * as z from 'zod';
import { companyId, email } from './company.ts';
import { currencyCode, nonNegativeMinorUnits } from './money.ts';
import { quoteLineSchema } from './rfq.ts';

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
