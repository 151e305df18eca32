import { storeFromConfig } from '#store/from-config.ts';
import type { CatalogStore } from '#store/ports.ts';

/**
 * Catalog search reads a word index since 0.2: products stored before it have no word entries, so a search would miss
 * them until someone saved them again. This gives each such product its words, the product as it stands — safe while
 * the app runs, and to run again (an indexed product is left alone).
 *
 *   TABLE_NAME=<the stack's table> AWS_REGION=<region> npm run migrate:catalog-words
 */
export const indexCatalogWords = async (
  catalog: CatalogStore,
  progress: (seen: number, indexed: number) => void,
): Promise<{ seen: number; indexed: number }> => {
  let seen = 0;
  let indexed = 0;
  let cursor: string | undefined;
  do {
    const page = await catalog.allProducts({ limit: 100, ...(cursor && { cursor }) });
    for (const product of page.items) {
      if (await catalog.indexProductWords(product.sku)) indexed += 1;
      seen += 1;
    }
    progress(seen, indexed);
    cursor = page.cursor;
  } while (cursor);
  return { seen, indexed };
};

if (import.meta.main) {
  const started = performance.now();
  const { seen, indexed } = await indexCatalogWords(storeFromConfig().catalog, (seen, indexed) =>
    console.error(`${seen.toLocaleString('en')} products read, ${indexed.toLocaleString('en')} indexed`),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Done in ${seconds} s: ${indexed} of ${seen} products had no search words and now have them.`);
}
