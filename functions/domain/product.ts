import * as z from 'zod';
import { listedOnce } from './listed-once.ts';
import { currencyCode, nonNegativeMinorUnits } from './money.ts';
import { taxClass } from './tax.ts';
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
  /**
   * Its list price in other currencies than `currency`, for companies that buy in them (a Swedish company in SEK);
   * a company whose currency has no price here cannot buy the product at a list price (the rep prices the line).
   */
  listPrices: z
    .array(z.strictObject({ currency: currencyCode, listPrice: nonNegativeMinorUnits }))
    .max(20)
    .superRefine(listedOnce((price) => price.currency, 'currency'))
    .optional(),
  cost: nonNegativeMinorUnits.optional(),
  category: singleLine(100).optional(),
  /** Which of the seller's tax rates applies to it (`reduced`, `books`); absent: `standard`. */
  taxClass: taxClass.optional(),
  active: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

/** The product's list price in `currency`: its own, or one of its other currencies'; undefined when it has none. */
export const listPriceIn = (product: Pick<Product, 'listPrice' | 'currency' | 'listPrices'>, currency: string) =>
  product.currency === currency
    ? product.listPrice
    : product.listPrices?.find((price) => price.currency === currency)?.listPrice;

/** Whether two products say the same in every field (optional fields absent in both count as the same). */
export const sameProduct = (a: Product, b: Product): boolean =>
  (Object.keys(productSchema.shape) as (keyof Product)[]).every((field) =>
    field === 'listPrices' ? JSON.stringify(a[field]) === JSON.stringify(b[field]) : a[field] === b[field],
  );

/** The Rec 20 code a line of this product carries: the product's own, else its unit word's; none when neither is known. */
export const unitCodeOfProduct = (product: Product): { unitCode?: UnitCode } => {
  const code = product.unitCode ?? unitCodeOfWord(product.unit);
  return code ? { unitCode: code } : {};
};
