import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PRODUCT_WORDS, matchesSearch, productWords, wordsOf } from '#store/catalog-words.ts';

describe('how the catalog is searched: the search text begins a word of the name or the sku', () => {
  it('splits names and skus into lower-case words of letters and digits, each once', () => {
    expect(wordsOf('Box #1 (single wall), box')).toEqual(['box', '1', 'single', 'wall']);
    expect(productWords('Cut-resistant gloves, L', 'SAF-GLV-L')).toEqual([
      'cut',
      'resistant',
      'gloves',
      'l',
      'saf',
      'glv',
    ]);
    expect(productWords('Schraube Größe M8', 'DE-8')).toEqual(['schraube', 'größe', 'm8', 'de', '8']);
  });

  it(`indexes at most ${MAX_PRODUCT_WORDS} words, so a product and its words fit one transaction`, () => {
    const name = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    expect(productWords(name, 'SKU-1')).toHaveLength(MAX_PRODUCT_WORDS);
  });

  it('finds by the start of any word of the name or the sku, never by the middle of a word', () => {
    expect(matchesSearch('hex', 'Hex bolt M8 x 50', 'FAS-BOLT-M8')).toBe(true);
    expect(matchesSearch('bolt m8', 'Hex bolt M8 x 50', 'FAS-BOLT-M8')).toBe(true);
    expect(matchesSearch('bolt-m', 'Hex bolt M8 x 50', 'FAS-BOLT-M8')).toBe(true);
    expect(matchesSearch('olt', 'Hex bolt M8 x 50', 'FAS-BOLT-M8')).toBe(false);
    expect(matchesSearch('model 77', 'bolt nut model 770', 'BENCH-00770')).toBe(true);
    expect(matchesSearch('model 77', 'bolt nut model 1770', 'BENCH-01770')).toBe(false);
    // A search beginning with a separator matches wherever it occurs.
    expect(matchesSearch('#1', 'Box #1 (single wall)', 'PKG-BOX-1')).toBe(true);
    // Name and sku are searched apart: a search does not run from one into the other.
    expect(matchesSearch('wall pkg', 'Box #1 (single wall)', 'PKG-BOX-1')).toBe(false);
  });

  it('every word of a search that finds a product begins one of the words the product is indexed by', () => {
    const text = fc.stringMatching(/^[a-z0-9 #-]{1,30}$/);
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(30), (name, sku, from, length) => {
        const needle = name.slice(from % (name.length + 1), (from % (name.length + 1)) + length).toLowerCase();
        fc.pre(needle.trim() === needle && needle.length > 0 && matchesSearch(needle, name, sku));
        const indexed = productWords(name, sku);
        for (const word of wordsOf(needle)) expect(indexed.some((w) => w.startsWith(word))).toBe(true);
      }),
    );
  });
});
