import { Forbidden } from '#domain/errors.ts';
import type { Principal } from '#domain/integration.ts';
import { mayWriteCatalog } from '#domain/policy.ts';
import { productSchema, skuKey } from '#domain/product.ts';
import { whitelist } from '#domain/whitelist.ts';
import { type CatalogStore, ConflictError } from '#store/ports.ts';

/** What became of one product of a bulk upsert, by its place in the call. */
export type ProductOutcome =
  | { index: number; sku: string; outcome: 'created' | 'updated' | 'unchanged' }
  /** Not a product (each field's problem named), or a sku this call already named in any case: nothing written. */
  | { index: number; sku?: string; outcome: 'rejected'; errors: { path: string; message: string }[] }
  /** Others kept writing it at the same moment, or there was no time left to try: send it again. */
  | { index: number; sku: string; outcome: 'conflict' | 'not-attempted' };

/** A product as PUT /products/{sku} takes it: a field it does not name, however deep, refuses the product. */
const productRecord = whitelist(productSchema);

/** Sixteen at a time: each is a read and a write, and the table takes many more in a second. */
const width = 16;

/**
 * Up to a thousand products from the ERP, each upserted by its sku in any case as PUT /products/{sku} does, and each
 * answered on its own: one bad product refuses only itself. Past `deadline` (epoch ms) none is started more, and
 * those left are `not-attempted`, so a slow table is answered in time rather than cut off.
 */
export const upsertProducts = async (
  deps: { catalog: Pick<CatalogStore, 'upsertProduct'> },
  caller: Principal,
  items: readonly unknown[],
  deadline: number,
): Promise<ProductOutcome[]> => {
  if (!mayWriteCatalog(caller)) throw new Forbidden('writing the catalog needs the scope catalog.write');
  const outcomes: ProductOutcome[] = [];
  const named = new Map<string, number>();
  const valid = items.flatMap((item, index) => {
    const parsed = productRecord.safeParse(item);
    if (!parsed.success) {
      const sku = (item as { sku?: unknown } | null)?.sku;
      outcomes[index] = {
        index,
        ...(typeof sku === 'string' && { sku }),
        outcome: 'rejected',
        errors: parsed.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'unknown field' }))
            : [{ path: issue.path.join('.') || 'product', message: issue.message }],
        ),
      };
      return [];
    }
    const earlier = named.get(skuKey(parsed.data.sku));
    if (earlier !== undefined) {
      outcomes[index] = {
        index,
        sku: parsed.data.sku,
        outcome: 'rejected',
        errors: [{ path: 'sku', message: `the same product as item ${earlier} of this call (skus match in any case)` }],
      };
      return [];
    }
    named.set(skuKey(parsed.data.sku), index);
    return [{ index, product: parsed.data }];
  });
  for (let i = 0; i < valid.length; i += width) {
    await Promise.all(
      valid.slice(i, i + width).map(async ({ index, product }) => {
        if (Date.now() > deadline) {
          outcomes[index] = { index, sku: product.sku, outcome: 'not-attempted' };
          return;
        }
        try {
          const done = await deps.catalog.upsertProduct(product);
          outcomes[index] = { index, sku: done.product.sku, outcome: done.outcome };
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          outcomes[index] = { index, sku: product.sku, outcome: 'conflict' };
        }
      }),
    );
  }
  return outcomes;
};
