import * as z from 'zod';
import { marginOf } from './margin.ts';
import { minorUnits } from './money.ts';
import type { Audience } from './policy.ts';
import { taxOfQuote } from './quote-totals.ts';
import { type Quote, type QuoteLine, quoteLineSchema, quoteSchema } from './rfq.ts';
import { quoteTaxSchema } from './tax.ts';

/**
 * A quote as one audience may see it, built from a whitelist of fields — never by deleting fields from the stored
 * quote, so a field added to the domain later reaches nobody until it is named here. The buyer side (buyers, their
 * approvers, their emails, pages and PDF) gets what the seller has committed to; seller staff also get the line's
 * cost, its margin and who set its price.
 */
export const buyerLineViewSchema = quoteLineSchema.pick({
  lineId: true,
  sku: true,
  name: true,
  quantity: true,
  unit: true,
  unitCode: true,
  category: true,
  listPrice: true,
  contractPrice: true,
  unitPrice: true,
  lineTotal: true,
  priceSource: true,
  targetUnitPrice: true,
  unpriced: true,
  custom: true,
});
export type BuyerLineView = z.infer<typeof buyerLineViewSchema>;

/** A line as seller staff read it: the buyer's fields, and cost, margin and who set the price. */
export const lineViewSchema = buyerLineViewSchema.extend({
  cost: quoteLineSchema.shape.cost,
  margin: minorUnits.optional().describe('Per unit, price − cost, when both are known (seller staff only)'),
  adjustedBy: quoteLineSchema.shape.adjustedBy,
});
export type LineView = z.infer<typeof lineViewSchema>;

export const buyerLineView = (line: QuoteLine): BuyerLineView => ({
  lineId: line.lineId,
  sku: line.sku,
  name: line.name,
  quantity: line.quantity,
  unit: line.unit,
  ...(line.unitCode !== undefined && { unitCode: line.unitCode }),
  ...(line.category !== undefined && { category: line.category }),
  listPrice: line.listPrice,
  contractPrice: line.contractPrice,
  unitPrice: line.unitPrice,
  lineTotal: line.lineTotal,
  priceSource: line.priceSource,
  ...(line.targetUnitPrice !== undefined && { targetUnitPrice: line.targetUnitPrice }),
  ...(line.unpriced !== undefined && { unpriced: line.unpriced }),
  ...(line.custom && { custom: line.custom }),
});

export const sellerLineView = (line: QuoteLine): LineView => {
  const margin = marginOf(line.unitPrice, line.cost);
  return {
    ...buyerLineView(line),
    ...(line.cost !== undefined && { cost: line.cost }),
    ...(margin !== undefined && { margin }),
    ...(line.adjustedBy !== undefined && { adjustedBy: line.adjustedBy }),
  };
};

export const lineView = (line: QuoteLine, audience: Audience): LineView =>
  audience === 'seller' ? sellerLineView(line) : buyerLineView(line);

export const quoteViewSchema = quoteSchema
  .pick({
    version: true,
    currency: true,
    subtotal: true,
    discountTotal: true,
    total: true,
    unpricedLines: true,
    pricedAt: true,
    validUntil: true,
  })
  .extend({ lines: z.array(lineViewSchema), ...quoteTaxSchema.shape });
export type QuoteView = z.infer<typeof quoteViewSchema>;

export const quoteView = (quote: Quote, audience: Audience): QuoteView => ({
  version: quote.version,
  currency: quote.currency,
  lines: quote.lines.map((line) => lineView(line, audience)),
  subtotal: quote.subtotal,
  discountTotal: quote.discountTotal,
  total: quote.total,
  unpricedLines: quote.unpricedLines,
  ...taxOfQuote(quote),
  pricedAt: quote.pricedAt,
  ...(quote.validUntil !== undefined && { validUntil: quote.validUntil }),
});
