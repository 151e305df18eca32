import { bySkuKey, type Product, skuKey } from './product.ts';
import type { RfqRequest } from './rfq.ts';

type RequestLine = RfqRequest['lines'][number];

export interface LineProblem {
  path: string;
  message: string;
}

/**
 * A submitted request as it will be priced: each catalog line under the catalog's spelling of its sku, lines of one
 * sku merged into one (quantities added, so the contract's tiers see the total; the first target price kept), in the
 * order each sku first appears. An unknown or inactive sku is refused, naming the line — unless the line describes a
 * custom item, which is kept as it was asked for and priced by the rep.
 */
export const checkedLines = (
  lines: readonly RequestLine[],
  products: ReadonlyMap<string, Product>,
): { ok: true; lines: RequestLine[] } | { ok: false; errors: LineProblem[] } => {
  const errors: LineProblem[] = [];
  const merged: RequestLine[] = [];
  const bySku = new Map<string, number>();
  // Catalog skus are matched in any case ("fas-hcs-m8-50" finds FAS-HCS-M8-50), and stored in the catalog's spelling.
  const catalog = bySkuKey(products.values());
  lines.forEach((line, index) => {
    const product = catalog.get(skuKey(line.sku));
    if (!product?.active) {
      if (line.description !== undefined) merged.push(line);
      else
        errors.push({
          path: `lines.${index}.sku`,
          message: product
            ? `${product.sku} is no longer sold; remove the line or describe it as a custom item`
            : `no product ${line.sku} in the catalog; check the SKU or describe the line as a custom item`,
        });
      return;
    }
    const at = bySku.get(product.sku);
    const { description: _, ...catalogLine } = line;
    if (at === undefined) {
      bySku.set(product.sku, merged.length);
      merged.push({ ...catalogLine, sku: product.sku });
      return;
    }
    const first = merged[at]!;
    merged[at] = {
      ...first,
      quantity: first.quantity + line.quantity,
      ...(first.targetUnitPrice === undefined &&
        line.targetUnitPrice !== undefined && { targetUnitPrice: line.targetUnitPrice }),
    };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines: merged };
};
