import { storeFromConfig } from '#store/from-config.ts';
import type { CatalogStore } from '#store/ports.ts';
import { backfill, runMigration } from './backfill.ts';

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
): Promise<{ seen: number; indexed: number }> =>
  backfill(
    (cursor) => catalog.allProducts({ limit: 100, ...(cursor && { cursor }) }),
    (product) => catalog.indexProductWords(product.sku),
    progress,
  );

if (import.meta.main) {
  await runMigration(
    () =>
      indexCatalogWords(storeFromConfig().catalog, (seen, indexed) =>
        console.error(`${seen.toLocaleString('en')} products read, ${indexed.toLocaleString('en')} indexed`),
      ),
    ({ seen, indexed }) => `${indexed} of ${seen} products had no search words and now have them.`,
  );
}
