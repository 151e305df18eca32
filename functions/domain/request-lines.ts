import { mergedBySku } from './merged-lines.ts';
import { bySkuKey, type Product, skuKey } from './product.ts';
import type { RfqRequest } from './rfq.ts';

type RequestLine = RfqRequest['lines'][number];

export interface LineProblem {
  path: string;
  message: string;
}

/**
 * A submitted request as it will be priced: each catalog line under the catalog's spelling of its sku, lines of one
 * sku merged into one (mergedBySku). An unknown or inactive sku is refused, naming the line — unless the line
 * describes a custom item, which is kept as it was asked for and priced by the rep.
 */
export const checkedLines = (
  lines: readonly RequestLine[],
  products: ReadonlyMap<string, Product>,
): { ok: true; lines: RequestLine[] } | { ok: false; errors: LineProblem[] } => {
  const errors: LineProblem[] = [];
  // Catalog skus are matched in any case ("fas-hcs-m8-50" finds FAS-HCS-M8-50), and stored in the catalog's spelling.
  const catalog = bySkuKey(products.values());
  const spelled = lines.flatMap((line, index): RequestLine[] => {
    const product = catalog.get(skuKey(line.sku));
    if (product?.active) {
      const { description: _, ...catalogLine } = line;
      return [{ ...catalogLine, sku: product.sku }];
    }
    if (line.description !== undefined) return [line];
    errors.push({
      path: `lines.${index}.sku`,
      message: product
        ? `${product.sku} is no longer sold; remove the line or describe it as a custom item`
        : `no product ${line.sku} in the catalog; check the SKU or describe the line as a custom item`,
    });
    return [];
  });
  if (errors.length > 0) return { ok: false, errors };
  // Only a custom item still carries its description: it is never merged with another line.
  return { ok: true, lines: mergedBySku(spelled, (line) => (line.description === undefined ? line.sku : undefined)) };
};
