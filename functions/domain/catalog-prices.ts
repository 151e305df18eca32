import * as z from 'zod';
import { type Contract, isInEffect } from './contract.ts';
import { priceRequest } from './pricing.ts';
import { listPriceIn, type Product, skuKey } from './product.ts';

/** A product as one company sees it in the catalog: its price for one unit, why, and the volume tiers it can reach. */
export const catalogEntrySchema = z.object({
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  category: z.string().optional(),
  listPrice: z
    .number()
    .int()
    .nullable()
    .describe('In the company’s currency; null when the product is not in it (the rep prices such a line)'),
  yourPrice: z.number().int().nullable(),
  priceSource: z.string(),
  tiers: z
    .array(z.object({ minQty: z.number().int(), unitPrice: z.number().int() }))
    .describe('The contract’s volume tiers for this product, ascending by quantity; empty when none apply'),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/**
 * Prices catalog products for one company with the same function that prices an RFQ (one unit each), so what a buyer
 * sees in the catalog is what a quote would start from. Fields are named in: cost never reaches this view.
 */
export const catalogEntries = (
  products: readonly Product[],
  pricing: { contract?: Contract; currency: string; on: string },
): CatalogEntry[] => {
  const quote = priceRequest({
    lines: products.map((p) => ({ sku: p.sku, quantity: 1 })),
    products: new Map(products.map((p) => [p.sku, p])),
    ...(pricing.contract && { contract: pricing.contract }),
    on: pricing.on,
    currency: pricing.currency,
    version: 1,
    pricedAt: `${pricing.on}T00:00:00.000Z`,
  });
  const contract =
    pricing.contract && pricing.contract.currency === pricing.currency && isInEffect(pricing.contract, pricing.on)
      ? pricing.contract
      : undefined;
  const entries = new Map(contract?.prices.map((p) => [skuKey(p.sku), p]));
  const lines = new Map(quote.lines.map((line) => [line.sku, line]));
  return products.map((product) => {
    const line = lines.get(product.sku);
    const listPrice = listPriceIn(product, pricing.currency) ?? null;
    return {
      sku: product.sku,
      name: product.name,
      unit: product.unit,
      ...(product.category !== undefined && { category: product.category }),
      listPrice,
      yourPrice: line?.unitPrice ?? null,
      priceSource: line?.priceSource ?? 'needs rep pricing',
      tiers:
        listPrice !== null
          ? [...(entries.get(skuKey(product.sku))?.tiers ?? [])]
              .sort((a, b) => a.minQty - b.minQty)
              .map(({ minQty, unitPrice }) => ({ minQty, unitPrice }))
          : [],
    };
  });
};
