/** A volume tier: from `minQty` units on, each costs `unitPrice` (minor units). */
export interface Tier {
  minQty: number;
  unitPrice: number;
}

/** The highest tier a quantity reaches; the contract schema guarantees it is also the lowest price reached. */
export const tierReached = <T extends Tier>(tiers: readonly T[] | undefined, quantity: number): T | undefined =>
  tiers?.reduce<T | undefined>(
    (best, t) => (t.minQty <= quantity && (!best || t.minQty > best.minQty) ? t : best),
    undefined,
  );

/**
 * A line's unit price for its quantity as a quote prices it, from what the catalog says of the product: the highest
 * volume tier the quantity reaches, else the price of one unit. The web app's draft estimate is this function, so it
 * cannot drift from the quote.
 */
export const unitPriceAt = (
  entry: { yourPrice: number | null; tiers: readonly Tier[] },
  quantity: number,
): { unitPrice: number | null; tierFrom?: number } => {
  const tier = tierReached(entry.tiers, quantity);
  return tier ? { unitPrice: tier.unitPrice, tierFrom: tier.minQty } : { unitPrice: entry.yourPrice };
};
