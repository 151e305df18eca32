import type { Address, ShipTo } from '#domain/address.ts';
import type { Order } from '#domain/order.ts';
import { quoteName } from '#domain/quote-number.ts';
import { taxOfQuote } from '#domain/quote-totals.ts';
import type { QuoteTax } from '#domain/tax.ts';
import { documentedUnit, type UnitCode } from '#domain/unit-code.ts';

/**
 * An order as its documents (cXML, UBL, X12) carry it: what the buyer company agreed to, named field by field from
 * the stored order — never the order itself, so the seller's cost, or any field added to the order later, reaches no
 * document until it is named here.
 */
export interface DocumentOrder {
  orderId: string;
  rfqId: string;
  /** What the buyer calls the quote the order accepts: its number, or the RFQ id before numbering. */
  quoteName: string;
  poNumber: string;
  /** When the order was placed: the documents' date and time, so the same order always reads the same. */
  orderedAt: string;
  currency: string;
  paymentTerms: string;
  /** Net of tax. */
  total: number;
  /** The tax as the buyer accepted it: rows per label and rate, their sum, `total + taxTotal`, and any note. */
  tax: QuoteTax;
  requestedDeliveryDate?: string;
  buyer: { companyId: string; name: string; erpCustomerNumber?: string; email: string };
  seller: Seller;
  billTo?: Address;
  shipTo?: ShipTo;
  lines: DocumentLine[];
}

export interface Seller {
  name: string;
  email: string;
}

export interface DocumentLine {
  /** The quote's line id (`L3`): what an ERP's confirmation and shipments name the line by. */
  lineId: string;
  /** Its number: the line id's digits, for formats whose line numbers are numeric. */
  lineNumber: number;
  sku: string;
  name: string;
  category?: string;
  quantity: number;
  unitCode: UnitCode;
  unitPrice: number;
  lineTotal: number;
}

/** A document cannot say what the order holds in that format (an X12 element too short for the PO number, ...). */
export class DocumentUnwritable extends Error {}

const documentLine = (line: Order['lines'][number], order: Order): DocumentLine => {
  // An order is placed from a quote whose every line the seller priced; a line without a price is a broken order.
  if (line.unitPrice === null || line.lineTotal === null)
    throw new Error(`order ${order.orderId} line ${line.lineId} has no price`);
  return {
    lineId: line.lineId,
    lineNumber: Number(line.lineId.slice(1)),
    sku: line.sku,
    name: line.name,
    ...(line.category !== undefined && { category: line.category }),
    quantity: line.quantity,
    unitCode: documentedUnit(line),
    unitPrice: line.unitPrice,
    lineTotal: line.lineTotal,
  };
};

export const documentOrderOf = (order: Order, seller: Seller): DocumentOrder => ({
  orderId: order.orderId,
  rfqId: order.rfqId,
  quoteName: quoteName(order),
  poNumber: order.poNumber,
  orderedAt: order.createdAt,
  currency: order.currency,
  paymentTerms: order.paymentTerms,
  total: order.total,
  tax: taxOfQuote(order),
  ...(order.requestedDeliveryDate !== undefined && { requestedDeliveryDate: order.requestedDeliveryDate }),
  buyer: {
    companyId: order.companyId,
    name: order.companyName ?? order.companyId,
    ...(order.erpCustomerNumber !== undefined && { erpCustomerNumber: order.erpCustomerNumber }),
    email: order.buyerEmail,
  },
  seller: { name: seller.name, email: seller.email },
  ...(order.billTo !== undefined && { billTo: order.billTo }),
  ...(order.shipTo !== undefined && { shipTo: order.shipTo }),
  lines: order.lines.map((line) => documentLine(line, order)),
});

/** `NET30` → 30: the days a payment term of that form gives; undefined for other terms (`PREPAID`, `CIA`). */
export const netDays = (paymentTerms: string): number | undefined => {
  const days = /^NET(\d{1,3})$/.exec(paymentTerms)?.[1];
  return days === undefined ? undefined : Number(days);
};
