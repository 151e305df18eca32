import * as z from 'zod';
import { addressSchema, shipToOf, shipToSchema } from './address.ts';
import { type Company, companyId, email, erpCustomerNumber } from './company.ts';
import { isoDate } from './contract.ts';
import { orderStatus } from './lifecycle.ts';
import { currencyCode, nonNegativeMinorUnits } from './money.ts';
import {
  cancellationSchema,
  invoiceSchema,
  orderConfirmationSchema,
  orderUpdateSchema,
  shipmentSchema,
} from './order-reports.ts';
import { quoteNumber } from './quote-number.ts';
import { quoteOf } from './quote-of.ts';
import { taxOfQuote } from './quote-totals.ts';
import { quoteLineSchema, quoteSchema, type Rfq } from './rfq.ts';

export const orderSchema = z.object({
  orderId: z.string(),
  rfqId: z.string(),
  /** The RFQ's quote number, which the order's documents name the quote by; absent on RFQs stored before numbering. */
  quoteNumber: quoteNumber.optional(),
  companyId,
  /** The buyer company's name and its number in the seller's ERP, as they were when the order was placed. */
  companyName: z.string().optional(),
  erpCustomerNumber: erpCustomerNumber.optional(),
  buyerEmail: email,
  poNumber: z.string(),
  quoteVersion: z.number().int().min(1),
  currency: currencyCode,
  /** Each line keeps the quote's `lineId`, which ERP confirmations and shipments name. */
  lines: z.array(quoteLineSchema),
  subtotal: nonNegativeMinorUnits,
  total: nonNegativeMinorUnits,
  /** The quote's tax as the buyer accepted it, to the cent; absent on orders placed before tax. */
  taxes: quoteSchema.shape.taxes,
  taxTotal: quoteSchema.shape.taxTotal,
  grandTotal: quoteSchema.shape.grandTotal,
  taxNote: quoteSchema.shape.taxNote,
  paymentTerms: z.string(),
  /** Where the invoice goes and where the goods go: the company's addresses when the order was placed. */
  billTo: addressSchema.optional(),
  shipTo: shipToSchema.optional(),
  requestedDeliveryDate: isoDate.optional(),
  createdAt: z.iso.datetime(),
  /**
   * Where the order stands as the seller's ERP reported it, and what it reported (order-updates.ts). All absent until
   * the first report (`placed`, nothing shipped): orders placed before the ERP reported back read the same.
   */
  status: orderStatus.optional(),
  /** Bumped by every report: two reports at once never both land on the order they read. */
  revision: z.number().int().min(1).optional(),
  confirmation: orderConfirmationSchema.optional(),
  shipments: z.array(shipmentSchema).optional(),
  invoices: z.array(invoiceSchema).optional(),
  cancellation: cancellationSchema.optional(),
  updates: z.array(orderUpdateSchema).optional(),
});
export type Order = z.infer<typeof orderSchema>;

/** One order per RFQ, enforced by the key: the order id is derived from the RFQ id. */
export const orderIdFor = (rfqId: string): string => `ord_${rfqId.replace(/^rfq_/, '')}`;

/** What of the buyer company an order keeps: documents name the customer and its addresses from the order alone. */
export type Customer = Pick<Company, 'name' | 'erpCustomerNumber' | 'addresses'>;

const customerFields = (rfq: Rfq, customer: Customer | undefined): Partial<Order> => {
  if (!customer) return {};
  const { addresses } = customer;
  // A place the company removed since the RFQ named it: the company's first, which its admin keeps current.
  const shipTo = addresses && (shipToOf(addresses, rfq.shipToId) ?? addresses.shipTo[0]);
  return {
    companyName: customer.name,
    ...(customer.erpCustomerNumber !== undefined && { erpCustomerNumber: customer.erpCustomerNumber }),
    ...(addresses && { billTo: addresses.billTo }),
    ...(shipTo && { shipTo }),
  };
};

/**
 * The order an approved RFQ becomes: its current quote as the buyer accepted it (its tax unchanged), under the buyer's PO number and the
 * company's payment terms, with the customer's ERP number and addresses as they are now.
 */
export const orderFrom = (rfq: Rfq, terms: { paymentTerms: string; at: string; customer?: Customer }): Order => {
  const quote = quoteOf(rfq);
  // Accepting requires a PO number; an order without one would be an order nobody can match to the buyer's books.
  if (!rfq.poNumber) throw new Error(`RFQ ${rfq.rfqId} has no PO number to order under`);
  return {
    orderId: orderIdFor(rfq.rfqId),
    rfqId: rfq.rfqId,
    ...(rfq.quoteNumber !== undefined && { quoteNumber: rfq.quoteNumber }),
    companyId: rfq.companyId,
    ...customerFields(rfq, terms.customer),
    buyerEmail: rfq.buyerEmail,
    poNumber: rfq.poNumber,
    quoteVersion: quote.version,
    currency: quote.currency,
    lines: quote.lines,
    subtotal: quote.subtotal,
    total: quote.total,
    ...taxOfQuote(quote),
    paymentTerms: terms.paymentTerms,
    ...(rfq.requestedDeliveryDate !== undefined && { requestedDeliveryDate: rfq.requestedDeliveryDate }),
    createdAt: terms.at,
  };
};
