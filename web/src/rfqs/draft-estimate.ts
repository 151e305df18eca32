import { mergedBySku } from '#domain/merged-lines.ts';
import { unitPriceAt } from '#domain/price-at-quantity.ts';
import { type DraftLine, quantityOf } from './draft-lines.ts';

/**
 * The draft priced as the quote will price it, with the server's own rules: lines of one SKU merged (so their tiers
 * see the total quantity), each SKU at the price its merged quantity reaches. An estimate: the rep's quote decides.
 */
export interface DraftEstimate {
  /** The unit price a line's SKU reaches with every line of it counted, and the tier that gives it. */
  priceOf: (sku: string) => { unitPrice: number | null; tierFrom?: number } | undefined;
  total: number;
}

export const draftEstimate = (
  lines: readonly DraftLine[],
  known: ReadonlyMap<string, Parameters<typeof unitPriceAt>[0]>,
): DraftEstimate => {
  const counted = mergedBySku(
    lines.flatMap((line) => {
      const quantity = quantityOf(line.quantity);
      return quantity && known.has(line.sku) ? [{ sku: line.sku, quantity }] : [];
    }),
  );
  const prices = new Map(counted.map((line) => [line.sku, unitPriceAt(known.get(line.sku)!, line.quantity)]));
  const total = counted.reduce((sum, line) => {
    const price = prices.get(line.sku)?.unitPrice;
    return price == null ? sum : sum + price * line.quantity;
  }, 0);
  return { priceOf: (sku) => prices.get(sku), total };
};
