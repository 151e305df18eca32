/**
 * How the catalog is searched: a product is found when its name or its sku contains the search text starting at
 * the beginning of a word (case-insensitive). Words are runs of letters and digits; every word of the search text
 * therefore begins a word of a product it finds, which is what lets a search read the word index instead of
 * every product.
 */

/**
 * A product's words are written to the index in one transaction with the product (old ones deleted, new ones put):
 * with at most this many, that stays within DynamoDB's 100 actions.
 */
export const MAX_PRODUCT_WORDS = 40;

const word = /[\p{L}\p{N}]+/gu;
const wordChar = /[\p{L}\p{N}]/u;

/** The distinct lower-case words of a text, in the order they first appear. */
export const wordsOf = (text: string): string[] => [...new Set(text.toLowerCase().match(word) ?? [])];

/** The words a product is indexed by: those of its name, then of its sku, the first `MAX_PRODUCT_WORDS`. */
export const productWords = (name: string, sku: string): string[] =>
  [...new Set([...wordsOf(name), ...wordsOf(sku)])].slice(0, MAX_PRODUCT_WORDS);

const startsAWord = (text: string, needle: string): boolean => {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !wordChar.test(text[at - 1]!) || !wordChar.test(needle[0]!)) return true;
  }
  return false;
};

/** Whether a lower-cased search text finds the product with this (any-case) name and sku. */
export const matchesSearch = (needle: string, name: string, sku: string): boolean =>
  startsAWord(name.toLowerCase(), needle) || startsAWord(sku.toLowerCase(), needle);
