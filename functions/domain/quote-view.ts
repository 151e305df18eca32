import type { Audience } from './policy.ts';
import type { Quote, QuoteLine } from './rfq.ts';

/**
 * A quote as one audience may see it, built from a whitelist of fields — never by deleting fields from the stored
 * quote, so a field added to the domain later reaches nobody until it is named here. The buyer side (buyers, their
 * approvers, their emails, pages and PDF) gets what the seller has committed to; seller staff also get the line's
 * cost, its margin and who set its price.
 */
export const buyerLineView = (line: QuoteLine) => ({
  lineId: line.lineId,
  sku: line.sku,
  name: line.name,
  quantity: line.quantity,
  unit: line.unit,
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
export type BuyerLineView = ReturnType<typeof buyerLineView>;

/** Margin per unit in minor units (price − cost), when both are known. */
const marginOf = (line: QuoteLine): number | undefined =>
  line.unitPrice !== null && line.cost !== undefined ? line.unitPrice - line.cost : undefined;

export const sellerLineView = (line: QuoteLine) => {
  const margin = marginOf(line);
  return {
    ...buyerLineView(line),
    ...(line.cost !== undefined && { cost: line.cost }),
    ...(margin !== undefined && { margin }),
    ...(line.adjustedBy !== undefined && { adjustedBy: line.adjustedBy }),
  };
};

export const lineView = (line: QuoteLine, audience: Audience) =>
  audience === 'seller' ? sellerLineView(line) : buyerLineView(line);

export const quoteView = (quote: Quote, audience: Audience) => ({
  version: quote.version,
  currency: quote.currency,
  lines: quote.lines.map((line) => lineView(line, audience)),
  subtotal: quote.subtotal,
  discountTotal: quote.discountTotal,
  total: quote.total,
  unpricedLines: quote.unpricedLines,
  pricedAt: quote.pricedAt,
  ...(quote.validUntil !== undefined && { validUntil: quote.validUntil }),
});
export type QuoteView = ReturnType<typeof quoteView>;
