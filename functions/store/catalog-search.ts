import { matchesSearch, productWords, wordsOf } from './catalog-words.ts';
import { catalogCategoryPrefix, catalogNameAndSku, catalogWordEntry, keys, listPartitions } from './keys.ts';
import { cheapestList, continues, type ListSpec, listPage } from './list-page.ts';
import type { Page } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { Item, TableClient } from './table-client.ts';

const { byCompany, byRepStatus, byCreated } = tableDefinition.indexes;

export interface CatalogQuery {
  q?: string | undefined;
  category?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** A search's words are weighed by a read each at once: the longest few, enough to find a selective one. */
const WORDS_WEIGHED = 3;

/** A product's word entry is an item of its own; the list fetches the product beside it. */
const productOfWord = (entry: Item) => keys.productOfWord({ PK: String(entry.PK), SK: String(entry.SK) });

/**
 * The list of the products found through one word of the search: the entries of the words beginning with it, kept
 * when the product matches the whole search and this is the first of its words that begins so (a product with
 * "bolt" and "bolts" is listed once when "bol" is searched).
 */
const throughWord = (needle: string, word: string, query: CatalogQuery): ListSpec => ({
  tag: `catalog:${query.category?.toLowerCase() ?? ''}:${needle}:${word}`,
  index: query.category ? byRepStatus : byCompany,
  partition: query.category ? listPartitions.catalogWordsIn(query.category) : listPartitions.catalogWords,
  sortPrefix: word,
  ascending: true,
  keep: (sortKey) => {
    const { word: matched, entry } = catalogWordEntry(sortKey);
    const { name, sku } = catalogNameAndSku(entry);
    return matchesSearch(needle, name, sku) && productWords(name, sku).find((w) => w.startsWith(word)) === matched;
  },
  itemOf: productOfWord,
  limit: query.limit,
  cursor: query.cursor,
});

/** The active catalog by category, name and sku; a search text of no letters or digits keeps entries by their key. */
const wholeCatalog = (needle: string | undefined, query: CatalogQuery): ListSpec => ({
  tag: `catalog:${query.category?.toLowerCase() ?? ''}:${needle ?? ''}`,
  index: byCreated,
  partition: listPartitions.activeProducts,
  ascending: true,
  ...(query.category && { sortPrefix: catalogCategoryPrefix(query.category) }),
  ...(needle && {
    keep: (sortKey: string) => {
      const { name, sku } = catalogNameAndSku(sortKey);
      return matchesSearch(needle, name, sku);
    },
  }),
  limit: query.limit,
  cursor: query.cursor,
});

/**
 * A page of active products. A search reads the word index through one of its words: the one whose entries are
 * fewest, or else keep the most, judged by reading each word's first entries at once (every word of the search begins
 * a word of each product it finds, so any one of them finds them all). A cursor names its word (it continues only the
 * list of that word), so every page of a search reads the same list.
 */
export const searchCatalog = async <T>(
  table: TableClient,
  query: CatalogQuery,
  toDomain: (item: Item) => T,
): Promise<Page<T>> => {
  const needle = query.q?.trim().toLowerCase() || undefined;
  const words = needle
    ? wordsOf(needle)
        .sort((a, b) => b.length - a.length)
        .slice(0, WORDS_WEIGHED)
    : [];
  if (!needle || words.length === 0) return listPage(table, wholeCatalog(needle, query), toDomain);
  const lists = words.map((word) => throughWord(needle, word, query));
  if (query.cursor || lists.length === 1) {
    const cursor = query.cursor;
    return listPage(table, (cursor && lists.find((list) => continues(list, cursor))) || lists[0]!, toDomain);
  }
  const { spec, firstRead } = await cheapestList(table, lists);
  return listPage(table, spec, toDomain, firstRead);
};
