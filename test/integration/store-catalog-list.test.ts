import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys, productIndexKeys, productWordIndexKeys } from '#store/keys.ts';
import { indexCatalogWords } from '../../migrations/catalog-words.ts';
import { moveProductsToSkuKeys } from '../../migrations/product-keys.ts';
import { aProduct } from '../builders/product.ts';
import { freshTable } from './store/fresh-table.ts';

const operations: string[] = [];
const table = freshTable({ onCapacity: (use) => operations.push(use.operation) });
const { store } = table;

const products = [
  aProduct('FAS-BOLT-M8').named('Hex bolt M8 x 50').inCategory('Fasteners').build(),
  aProduct('FAS-NUT-M8').named('Hex nut M8').inCategory('Fasteners').build(),
  aProduct('SAF-GLV-L').named('Cut-resistant gloves, L').inCategory('Safety').build(),
  aProduct('SAF-HAT-W').named('Hard hat, white').inCategory('Safety').build(),
  aProduct('PKG-BOX-1').named('Box #1 (single wall)').inCategory('Packaging & shipping').build(),
  aProduct('OLD-1').named('Discontinued hex key').inCategory('Fasteners').inactive().build(),
  aProduct('MISC-1').named('Hex-shaped paperweight').build(),
];

describe("the catalog's active products (a keys-only index entry per active product, never a scan)", () => {
  it('lists active products by category then name; inactive ones are not in the list at all', async () => {
    await Promise.all(products.map((p) => store.catalog.putProduct(p)));
    const { items, cursor } = await store.catalog.activeProducts({});
    expect(items.map((p) => p.sku)).toEqual([
      'MISC-1',
      'FAS-BOLT-M8',
      'FAS-NUT-M8',
      'PKG-BOX-1',
      'SAF-GLV-L',
      'SAF-HAT-W',
    ]);
    expect(cursor).toBeUndefined();
  });

  it('finds by the start of any word of the name or the sku, in any case', async () => {
    const skus = async (q: string) => (await store.catalog.activeProducts({ q })).items.map((p) => p.sku);
    expect(await skus('HEX')).toEqual(['MISC-1', 'FAS-BOLT-M8', 'FAS-NUT-M8']);
    expect(await skus('saf-hat')).toEqual(['SAF-HAT-W']);
    expect(await skus('#1')).toEqual(['PKG-BOX-1']);
    expect(await skus('hex bolt m')).toEqual(['FAS-BOLT-M8']);
    expect(await skus('hex bolt m8 x 50')).toEqual(['FAS-BOLT-M8']);
    expect(await skus('m8')).toEqual(['FAS-BOLT-M8', 'FAS-NUT-M8']);
    // Inside a word is not the start of one; a search of separators only is kept by the key as it is.
    expect(await skus('olt')).toEqual([]);
    expect(await skus('(')).toEqual(['PKG-BOX-1']);
    // The category is not the name: searching for it finds nothing named so.
    expect(await skus('fasteners')).toEqual([]);
  });

  it('narrows to one category, whatever characters its name has, and combines it with a search', async () => {
    const skus = async (query: { q?: string; category: string }) =>
      (await store.catalog.activeProducts(query)).items.map((p) => p.sku);
    expect(await skus({ category: 'safety' })).toEqual(['SAF-GLV-L', 'SAF-HAT-W']);
    expect(await skus({ category: 'Packaging & shipping' })).toEqual(['PKG-BOX-1']);
    expect(await skus({ category: 'Packaging' })).toEqual([]);
    expect(await skus({ category: 'Fasteners', q: 'nut' })).toEqual(['FAS-NUT-M8']);
  });

  it('pages with a cursor that continues only the list it came from', async () => {
    const first = await store.catalog.activeProducts({ limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await store.catalog.activeProducts({ limit: 4, cursor: first.cursor! });
    expect([...first.items, ...second.items].map((p) => p.sku)).toHaveLength(6);
    expect(second.cursor).toBeUndefined();
    await expect(store.catalog.activeProducts({ limit: 4, cursor: first.cursor!, q: 'hex' })).rejects.toThrow(
      /another list/,
    );
  });

  it('drops a product from the list when it is deactivated, and lists it again when reactivated', async () => {
    const gloves = products[2]!;
    await store.catalog.putProduct({ ...gloves, active: false });
    expect((await store.catalog.activeProducts({ q: 'gloves' })).items).toEqual([]);
    await store.catalog.putProduct(gloves);
    expect((await store.catalog.activeProducts({ q: 'gloves' })).items).toEqual([gloves]);
  });

  it('reads keys from the index and then the page of products: a query and a batch read, no scan', async () => {
    operations.length = 0;
    await store.catalog.activeProducts({ q: 'hex' });
    expect([...new Set(operations)].sort()).toEqual(['BatchGetItem', 'Query']);
  });
});

describe("the seller admin's product list (every product, by sku, from keys-only index entries)", () => {
  it('holds inactive products too, finds by sku or name, and pages', async () => {
    await Promise.all(products.map((p) => store.catalog.putProduct(p)));
    const skus = async (q?: string) => (await store.catalog.allProducts(q ? { q } : {})).items.map((p) => p.sku);
    expect(await skus()).toEqual([
      'FAS-BOLT-M8',
      'FAS-NUT-M8',
      'MISC-1',
      'OLD-1',
      'PKG-BOX-1',
      'SAF-GLV-L',
      'SAF-HAT-W',
    ]);
    expect(await skus('hex')).toEqual(['FAS-BOLT-M8', 'FAS-NUT-M8', 'MISC-1', 'OLD-1']);
    expect(await skus('saf-')).toEqual(['SAF-GLV-L', 'SAF-HAT-W']);
    const first = await store.catalog.allProducts({ limit: 3 });
    const rest = await store.catalog.allProducts({ limit: 10, cursor: first.cursor! });
    expect([...first.items, ...rest.items].map((p) => p.sku)).toEqual(await skus());
  });

  it('keeps a product that turns inactive in the list, out of the active catalog', async () => {
    const hat = products.find((p) => p.sku === 'SAF-HAT-W')!;
    await store.catalog.putProduct({ ...hat, active: false });
    expect((await store.catalog.allProducts({ q: 'saf-hat' })).items).toEqual([{ ...hat, active: false }]);
    expect((await store.catalog.activeProducts({ q: 'saf-hat' })).items).toEqual([]);
    await store.catalog.putProduct(hat);
  });
});

describe("the catalog's word entries (one item per word of an active product, written with it)", () => {
  const wordsOf = async (sku: string) =>
    (
      await table.doc.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :word)',
          ExpressionAttributeValues: { ':pk': keys.product(sku).PK, ':word': 'WORD#' },
          ConsistentRead: true,
        }),
      )
    ).Items?.map((item) => item.word as string);

  it('follows renames and deactivation, so a search never finds a product by a word it lost', async () => {
    const drill = aProduct('TLS-DRL-18').named('Cordless drill 18V').inCategory('Tools').build();
    await store.catalog.putProduct(drill);
    expect(await wordsOf('TLS-DRL-18')).toEqual(['18', '18v', 'cordless', 'drill', 'drl', 'tls']);
    await store.catalog.putProduct({ ...drill, name: 'Impact driver 18V' });
    expect(await wordsOf('TLS-DRL-18')).toEqual(['18', '18v', 'driver', 'drl', 'impact', 'tls']);
    expect((await store.catalog.activeProducts({ q: 'cordless' })).items).toEqual([]);
    expect((await store.catalog.activeProducts({ q: 'impact dr' })).items.map((p) => p.name)).toEqual([
      'Impact driver 18V',
    ]);
    await store.catalog.putProduct({ ...drill, active: false });
    expect(await wordsOf('TLS-DRL-18')).toEqual([]);
    expect((await store.catalog.activeProducts({ q: 'drl' })).items).toEqual([]);
  });

  it('moves a product to its new category', async () => {
    const tape = aProduct('PKG-TAPE').named('Packing tape').inCategory('Packaging & shipping').build();
    await store.catalog.putProduct(tape);
    await store.catalog.putProduct({ ...tape, category: 'Safety' });
    const skus = async (category: string) =>
      (await store.catalog.activeProducts({ q: 'tape', category })).items.map((p) => p.sku);
    expect(await skus('Packaging & shipping')).toEqual([]);
    expect(await skus('safety')).toEqual(['PKG-TAPE']);
  });

  it('lists a product once when several of its words begin with the search, by the first of them', async () => {
    const bolts = aProduct('FAS-BOLTS-KIT').named('Bolts kit, bolt assortment').inCategory('Fasteners').build();
    await store.catalog.putProduct(bolts);
    const { items } = await store.catalog.activeProducts({ q: 'bol' });
    expect(items.map((p) => p.sku)).toEqual(['FAS-BOLT-M8', 'FAS-BOLTS-KIT']);
  });

  it('keeps the last of concurrent writes, with exactly its words', async () => {
    const names = Array.from({ length: 6 }, (_, i) => `Safety vest size ${i} color${i}`);
    await Promise.all(
      names.map((name) => store.catalog.putProduct(aProduct('SAF-VEST').named(name).inCategory('Safety').build())),
    );
    const last = (await store.catalog.getProduct('SAF-VEST'))!;
    const n = last.name.at(-1)!;
    expect((await wordsOf('SAF-VEST'))?.sort()).toEqual(['safety', 'vest', 'size', n, `color${n}`, 'saf'].sort());
    expect((await store.catalog.activeProducts({ q: 'color' })).items).toEqual([last]);
  });

  it('indexes the words of a product written before words were indexed when it is written again', async () => {
    const old = aProduct('OLD-GLUE').named('Contact glue').inCategory('Tools').build();
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...old, ...productIndexKeys(old), ...keys.product(old.sku) },
      }),
    );
    expect((await store.catalog.activeProducts({ q: 'glue' })).items).toEqual([]);
    await store.catalog.putProduct(old);
    expect((await store.catalog.activeProducts({ q: 'glue' })).items).toEqual([old]);
  });

  it('indexes products written before words were indexed with the migration, never over a newer write', async () => {
    const oldWrite = async (product: ReturnType<ReturnType<typeof aProduct>['build']>) =>
      table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { ...product, ...productIndexKeys(product), ...keys.product(product.sku) },
        }),
      );
    const tape = aProduct('OLD-TAPE').named('Duct tape silver').inCategory('Packaging').build();
    const wrap = aProduct('OLD-WRAP').named('Stretch wrap film').inCategory('Packaging').build();
    await oldWrite(tape);
    await oldWrite(wrap);
    expect((await store.catalog.activeProducts({ q: 'duct' })).items).toEqual([]);
    // An admin saves the wrap anew (a new price) while the migration has it in its page: the migration leaves it be.
    const repriced = { ...wrap, listPrice: wrap.listPrice + 1_00 };
    const catalog = {
      ...store.catalog,
      indexProductWords: async (sku: string) => {
        if (sku === wrap.sku) await store.catalog.putProduct(repriced);
        return store.catalog.indexProductWords(sku);
      },
    };

    const seen: number[] = [];
    const first = await indexCatalogWords(catalog, (n) => seen.push(n));
    const again = await indexCatalogWords(store.catalog, () => undefined);

    expect(first.indexed).toBeGreaterThanOrEqual(1);
    expect(again.indexed).toBe(0);
    expect(seen.at(-1)).toBe(first.seen);
    expect((await store.catalog.activeProducts({ q: 'duct' })).items).toEqual([tape]);
    expect((await store.catalog.activeProducts({ q: 'stretch' })).items).toEqual([repriced]);
  });

  it('pages a search through one word, and refuses the cursor of another word or search', async () => {
    const ties = Array.from({ length: 7 }, (_, i) =>
      aProduct(`ELE-TIE-${i}`).named(`Cable tie ${i}`).inCategory('Electrical').build(),
    );
    await Promise.all(ties.map((p) => store.catalog.putProduct(p)));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.catalog.activeProducts({ q: 'cable tie', category: 'electrical', limit: 3, cursor });
      seen.push(...page.items.map((p) => p.sku));
      cursor = page.cursor;
      if (cursor) {
        await expect(store.catalog.activeProducts({ q: 'cable', category: 'electrical', cursor })).rejects.toThrow(
          /another list/,
        );
        await expect(store.catalog.activeProducts({ q: 'cable tie', cursor })).rejects.toThrow(/another list/);
      }
    } while (cursor);
    expect(seen).toEqual(ties.map((p) => p.sku));
  });
});

describe('one product per sku, whatever its case', () => {
  it('updates the product in the spelling it was first stored with when a sku comes in another case', async () => {
    const bolt = aProduct('CASE-BOLT-1').named('Case bolt').listedAt(2_00).build();
    await store.catalog.putProduct(bolt);
    const stored = await store.catalog.putProduct({ ...bolt, sku: 'case-bolt-1', listPrice: 1 });
    expect(stored).toEqual({ ...bolt, listPrice: 1 });
    expect(await store.catalog.getProduct('Case-Bolt-1')).toEqual(stored);
    expect((await store.catalog.allProducts({ q: 'case-bolt' })).items).toEqual([stored]);
    expect([...(await store.catalog.getProducts(['case-bolt-1', 'CASE-BOLT-1'])).values()]).toEqual([stored]);
  });

  it('moves products stored under a lower-case sku to their key with the migration, and reports duplicates', async () => {
    const asSpelled = async (product: ReturnType<ReturnType<typeof aProduct>['build']>, word: string) => {
      const partition = keys.productAsSpelled(product.sku);
      for (const Item of [
        { ...product, ...productIndexKeys(product), ...partition, wordsRevision: 1 },
        { ...productWordIndexKeys(product, word), word, PK: partition.PK, SK: `WORD#${word}` },
      ])
        await table.doc.send(new PutCommand({ TableName: table.tableName, Item }));
    };
    const glue = aProduct('glue-stick-9').named('Mucilage stick').build();
    const imposter = aProduct('case-tape-2').named('Case tape').listedAt(1).build();
    const tape = aProduct('CASE-TAPE-2').named('Case tape').listedAt(3_00).build();
    await asSpelled(glue, 'mucilage');
    await asSpelled(imposter, 'tape');
    await store.catalog.putProduct(tape);
    expect(await store.catalog.getProduct('GLUE-STICK-9')).toBeUndefined();

    const first = await moveProductsToSkuKeys(store.catalog, { retireDuplicates: false }, () => undefined);
    expect(first).toMatchObject({ moved: 1, duplicates: ['case-tape-2'], retired: [] });
    expect(await store.catalog.getProduct('GLUE-STICK-9')).toEqual(glue);
    expect((await store.catalog.activeProducts({ q: 'mucilage' })).items).toEqual([glue]);
    expect(await store.catalog.getProduct('case-tape-2')).toEqual(tape);

    const retiring = await moveProductsToSkuKeys(store.catalog, { retireDuplicates: true }, () => undefined);
    expect(retiring).toMatchObject({ moved: 0, duplicates: [], retired: ['case-tape-2'] });
    expect((await store.catalog.allProducts({ q: 'case-tape' })).items).toEqual([tape]);
    const leftBehind = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.productAsSpelled(glue.sku).PK },
      }),
    );
    expect(leftBehind.Items).toEqual([]);
  });
});
