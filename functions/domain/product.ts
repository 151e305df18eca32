import * as z from 'zod';
import { currencyCode, nonNegativeMinorUnits } from './money.ts';
import { singleLine } from './text.ts';
import { type UnitCode, unitCode, unitCodeOfWord } from './unit-code.ts';

export const sku = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (1–64)');

/**
 * SKUs name one product whatever their case — "fas-hcs-m8-50" is FAS-HCS-M8-50 — so they are stored, looked up and
 * compared by this key, while the catalog keeps the spelling its product was first stored with.
 */
export const skuKey = (sku: string): string => sku.toUpperCase();

/** Products by their sku key: how a sku written in any case finds its product. */
export const bySkuKey = (products: Iterable<Product>): ReadonlyMap<string, Product> =>
  new Map(Array.from(products, (product) => [skuKey(product.sku), product]));

export const productSchema = z.object({
  sku,
  name: singleLine(200),
  unit: singleLine(20),
  /** The unit as a UN/ECE Rec 20 code for order documents; without it, the code of `unit`'s word. */
  unitCode: unitCode.optional(),
  listPrice: nonNegativeMinorUnits,
  currency: currencyCode,
  cost: nonNegativeMinorUnits.optional(),
  category: singleLine(100).optional(),
  active: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

/** Whether two products say the same in every field (optional fields absent in both count as the same). */
export const sameProduct = (a: Product, b: Product): boolean =>
  (Object.keys(productSchema.shape) as (keyof Product)[]).every((field) => a[field] === b[field]);

/** The Rec 20 code a line of this product carries: the product's own, else its unit word's; none when neither is known. */
export const unitCodeOfProduct = (product: Product): { unitCode?: UnitCode } => {
  const code = product.unitCode ?? unitCodeOfWord(product.unit);
  return code ? { unitCode: code } : {};
};
