import { skuKey } from '#domain/product.ts';
import { storeFromConfig } from '#store/from-config.ts';
import type { CatalogStore } from '#store/ports.ts';

/**
 * Products are keyed by their sku in any case since 0.3, so that FAS-HCS-M8-50 and fas-hcs-m8-50 cannot be two
 * products. A product stored before under a sku with lower-case letters is out of reach of the new key until moved:
 * this moves each one, with its search words, keeping the sku as spelled. Where the catalog already holds the same
 * sku in another case (a duplicate the old keys allowed — the product at the key is what every sku in any case reads
 * now), neither is touched and both are listed, for a person to check; `--retire-duplicates` then removes the ones not
 * at the key. Safe while the app runs, and to run again. Run it before `migrate:catalog-words`.
 *
 *   TABLE_NAME=<the stack's table> AWS_REGION=<region> npm run migrate:product-keys [-- --retire-duplicates]
 */
export const moveProductsToSkuKeys = async (
  catalog: CatalogStore,
  options: { retireDuplicates: boolean },
  progress: (seen: number, moved: number) => void,
): Promise<{ seen: number; moved: number; duplicates: string[]; retired: string[] }> => {
  let seen = 0;
  let moved = 0;
  const duplicates: string[] = [];
  const retired: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.allProducts({ limit: 100, ...(cursor && { cursor }) });
    for (const product of page.items) {
      seen += 1;
      if (product.sku === skuKey(product.sku)) continue;
      const outcome = await catalog.moveProductToSkuKey(product.sku, { retireDuplicate: options.retireDuplicates });
      if (outcome === 'moved') moved += 1;
      if (outcome === 'duplicate') duplicates.push(product.sku);
      if (outcome === 'retired') retired.push(product.sku);
    }
    progress(seen, moved);
    cursor = page.cursor;
  } while (cursor);
  return { seen, moved, duplicates, retired };
};

if (import.meta.main) {
  const started = performance.now();
  const retireDuplicates = process.argv.includes('--retire-duplicates');
  const { seen, moved, duplicates, retired } = await moveProductsToSkuKeys(
    storeFromConfig().catalog,
    { retireDuplicates },
    (seen, moved) => console.error(`${seen.toLocaleString('en')} products read, ${moved.toLocaleString('en')} moved`),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Done in ${seconds} s: ${moved} of ${seen} products moved to their sku key.`);
  for (const sku of retired) console.log(`${sku}: removed, a duplicate of the product at ${skuKey(sku)}.`);
  for (const sku of duplicates)
    console.log(
      `${sku}: a duplicate of the product at ${skuKey(sku)} (another case); left as is. Check which is right,`,
    );
  if (duplicates.length > 0) {
    console.log('then run again with --retire-duplicates to keep the products at their keys.');
    process.exitCode = 1;
  }
}
