/** What the catalog says about one product for the signed-in company: the price of one unit and its volume tiers. */
export interface CatalogPrice {
  yourPrice: number | null;
  tiers: readonly { minQty: number; unitPrice: number }[];
}

/**
 * A line's unit price for its quantity, as the quote will price it: the highest volume tier the quantity reaches,
 * else the price of one unit (the server's rule, functions/domain/pricing.ts). An estimate: the rep's quote decides.
 */
export const unitPriceAt = (entry: CatalogPrice, quantity: number): { unitPrice: number | null; tierFrom?: number } => {
  const reached = entry.tiers.filter((t) => t.minQty <= quantity);
  const tier = reached.reduce<(typeof reached)[number] | undefined>(
    (best, t) => (!best || t.minQty > best.minQty ? t : best),
    undefined,
  );
  return tier ? { unitPrice: tier.unitPrice, tierFrom: tier.minQty } : { unitPrice: entry.yourPrice };
};
