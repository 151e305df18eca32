import { lineTotal, sum } from './money.ts';
import type { Quote, QuoteLine } from './rfq.ts';
import { type QuoteTax, type TaxBasis, taxOnBasis } from './tax.ts';

export type QuoteTotals = Pick<Quote, 'subtotal' | 'discountTotal' | 'total' | 'unpricedLines'> & QuoteTax;

/**
 * A quote's totals, always derived from its lines, never edited by hand. `subtotal` is what the priced lines would
 * cost at list price (a line with no list price counts at its own price), `total` the sum of line totals, and
 * `discountTotal` the difference, so the buyer sees the saving. Unpriced lines count in neither; they are counted. The
 * tax is on the priced lines, from the quote's tax basis (functions/domain/tax.ts); `total` stays net of it.
 */
export const quoteTotals = (lines: readonly QuoteLine[], taxBasis?: TaxBasis): QuoteTotals => {
  const priced = lines.filter((line) => line.lineTotal !== null);
  const subtotal = sum(
    priced.map((line) => (line.listPrice === null ? line.lineTotal! : lineTotal(line.listPrice, line.quantity))),
  );
  const total = sum(priced.map((line) => line.lineTotal!));
  return {
    subtotal,
    discountTotal: subtotal - total,
    total,
    unpricedLines: lines.length - priced.length,
    ...taxOnBasis(lines, taxBasis),
  };
};

/**
 * A quote's tax as every surface shows it. A quote priced before tax was charged none: no rows, and its grand total is
 * its total.
 */
export const taxOfQuote = (
  quote: Pick<Quote, 'total' | 'taxes' | 'taxTotal' | 'grandTotal' | 'taxNote'>,
): QuoteTax => ({
  taxes: quote.taxes ?? [],
  taxTotal: quote.taxTotal ?? 0,
  grandTotal: quote.grandTotal ?? quote.total,
  ...(quote.taxNote !== undefined && { taxNote: quote.taxNote }),
});
