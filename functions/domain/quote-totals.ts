import { lineTotal, sum } from './money.ts';
import type { Quote, QuoteLine } from './rfq.ts';

export type QuoteTotals = Pick<Quote, 'subtotal' | 'discountTotal' | 'total' | 'unpricedLines'>;

/**
 * A quote's totals, always derived from its lines, never edited by hand. `subtotal` is what the priced lines would
 * cost at list price (a line with no list price counts at its own price), `total` the sum of line totals, and
 * `discountTotal` the difference, so the buyer sees the saving. Unpriced lines count in neither; they are counted.
 */
export const quoteTotals = (lines: readonly QuoteLine[]): QuoteTotals => {
  const priced = lines.filter((line) => line.lineTotal !== null);
  const subtotal = sum(
    priced.map((line) => (line.listPrice === null ? line.lineTotal! : lineTotal(line.listPrice, line.quantity))),
  );
  const total = sum(priced.map((line) => line.lineTotal!));
  return { subtotal, discountTotal: subtotal - total, total, unpricedLines: lines.length - priced.length };
};
