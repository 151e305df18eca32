import { approvalRulesSchema } from '#domain/approval-rule.ts';
import { companySchema } from '#domain/company.ts';
import { contractSchema } from '#domain/contract.ts';
import { type Product, productSchema, sameProduct, skuKey } from '#domain/product.ts';
import { taxSettingsSchema } from '#domain/tax.ts';
import { searchCatalog } from './catalog-search.ts';
import { productWords } from './catalog-words.ts';
import { isLostRace } from './conflict.ts';
import { fromItem, toItem } from './item.ts';
import {
  catalogSortKey,
  companyIndexKeys,
  keys,
  listPartitions,
  productIndexKeys,
  productWordIndexKeys,
} from './keys.ts';
import { listPage } from './list-page.ts';
import { packLarge, unpack } from './packed.ts';
import { type CatalogStore, ConflictError } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { Item, TableClient, TransactWrite } from './table-client.ts';

/** Counts a product's writes: each one is conditional on the one before it, so no two writers' words get mixed. */
const REVISION = 'wordsRevision';
/** Each lost race is another writer's win, so a handful of concurrent writers of one product all get through. */
const PUT_ATTEMPTS = 10;

const toProduct = (item: Item): Product => productSchema.parse(fromItem(item, [REVISION]));

/**
 * The writes that put a product and keep its word entries true: the words it no longer has are deleted, the new
 * ones (all of them when its catalog entry changed) are put, all conditional on the product being as it was read.
 * A product written before words were indexed carries no revision, so its words are all put.
 */
const productWrites = (product: Product, before: Item | undefined): TransactWrite[] => {
  const revision = before?.[REVISION];
  const indexed = typeof revision === 'number';
  const old = before && toProduct(before);
  const oldWords = old?.active ? productWords(old.name, old.sku) : [];
  const words = product.active ? productWords(product.name, product.sku) : [];
  const unchanged = indexed && old && catalogSortKey(old) === catalogSortKey(product);
  return [
    {
      Put: {
        Item: toItem(keys.product(product.sku), productIndexKeys(product), {
          ...product,
          [REVISION]: indexed ? revision + 1 : 1,
        }),
        ...(!before
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : indexed
            ? { ConditionExpression: '#revision = :revision', ExpressionAttributeValues: { ':revision': revision } }
            : { ConditionExpression: 'attribute_not_exists(#revision)' }),
        ...(before && { ExpressionAttributeNames: { '#revision': REVISION } }),
      },
    },
    ...words
      .filter((word) => !(unchanged && oldWords.includes(word)))
      .map((word) => ({
        Put: { Item: toItem(keys.productWord(product.sku, word), productWordIndexKeys(product, word), { word }) },
      })),
    ...oldWords
      .filter((word) => !words.includes(word))
      .map((word) => ({ Delete: { Key: keys.productWord(product.sku, word) } })),
  ];
};

/** Reference data: whole-resource upserts (the API's PUTs), read back through the domain schemas. */
export const createCatalogStore = (table: TableClient): CatalogStore => ({
  async putProduct(asked) {
    return (await this.upsertProduct(asked)).product;
  },
  async upsertProduct(asked) {
    // A PUT replaces the product whoever wrote it last; losing a race to another writer only means reading again.
    for (let attempt = 1; ; attempt++) {
      const before = await table.get(keys.product(asked.sku));
      // A sku in another case is the same product: updated, under the spelling it was first stored with, which
      // contracts and RFQ lines already use.
      const product = before ? { ...asked, sku: toProduct(before).sku } : asked;
      // An ERP sends its whole catalog every night: what did not change is not written again (nor re-indexed).
      if (before && typeof before[REVISION] === 'number' && sameProduct(toProduct(before), product))
        return { product, outcome: 'unchanged' };
      const writes = productWrites(product, before);
      try {
        if (writes.length === 1) await table.put(writes[0]!.Put!);
        else await table.transactWrite(writes);
        return { product, outcome: before ? 'updated' : 'created' };
      } catch (error) {
        if (!isLostRace(error)) throw error;
        if (attempt === PUT_ATTEMPTS)
          throw new ConflictError(`product ${product.sku} kept changing while being written`, { cause: error });
        // Jittered, so writers that lost together do not read and collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  },
  async indexProductWords(sku) {
    for (let attempt = 1; ; attempt++) {
      const before = await table.get(keys.product(sku));
      if (!before || typeof before[REVISION] === 'number') return false;
      try {
        await table.transactWrite(productWrites(toProduct(before), before));
        return true;
      } catch (error) {
        // Someone wrote the product meanwhile, and that write indexed it: read again to see.
        if (!isLostRace(error) || attempt === PUT_ATTEMPTS) throw error;
      }
    }
  },
  async moveProductToSkuKey(sku, { retireDuplicate = false } = {}) {
    const legacy = keys.productAsSpelled(sku);
    if (legacy.PK === keys.product(sku).PK) return 'in place';
    const before = await table.get(legacy);
    if (!before) return 'in place';
    const duplicate = (await table.get(keys.product(sku))) !== undefined;
    if (duplicate && !retireDuplicate) return 'duplicate';
    const legacyItems = await table.queryAll({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': legacy.PK },
      ProjectionExpression: 'PK, SK',
    });
    const removals: TransactWrite[] = legacyItems.map((item) => ({
      Delete: {
        Key: { PK: String(item.PK), SK: String(item.SK) },
        ...(item.SK === legacy.SK && { ConditionExpression: 'attribute_exists(PK)' }),
      },
    }));
    try {
      await table.transactWrite(duplicate ? removals : [...productWrites(toProduct(before), undefined), ...removals]);
    } catch (error) {
      // Another run moved it, or a PUT in another case created the product meanwhile: look again.
      if (!isLostRace(error)) throw error;
      return (await table.get(legacy)) ? 'duplicate' : 'in place';
    }
    return duplicate ? 'retired' : 'moved';
  },
  async getProduct(sku) {
    const item = await table.get(keys.product(sku));
    return item && toProduct(item);
  },
  async activeProducts(query) {
    return searchCatalog(table, query, toProduct);
  },
  async allProducts({ q, limit, cursor }) {
    const needle = q?.trim().toLowerCase();
    return listPage(
      table,
      {
        tag: `products:${needle ?? ''}`,
        index: tableDefinition.indexes.byRep,
        partition: listPartitions.allProducts,
        ascending: true,
        ...(needle && { keep: (sortKey: string) => sortKey.includes(needle) }),
        limit,
        cursor,
      },
      toProduct,
    );
  },
  async getProducts(skus) {
    const items = await table.batchGet([...new Set(skus.map(skuKey))].map(keys.product));
    const products = items.map(toProduct);
    return new Map(products.map((p) => [p.sku, p]));
  },
  async putCompany(company) {
    await table.put({ Item: toItem(keys.company(company.companyId), companyIndexKeys(company), company) });
  },
  async getCompany(companyId) {
    const item = await table.get(keys.company(companyId));
    return item && companySchema.parse(fromItem(item));
  },
  async companiesOfRep(repEmail) {
    const entries = await table.queryAll({
      IndexName: tableDefinition.indexes.byRep.indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': tableDefinition.indexes.byRep.partitionKey },
      ExpressionAttributeValues: { ':pk': listPartitions.companiesOfRep(repEmail) },
    });
    const items = await table.batchGet(entries.map((e) => ({ PK: e.PK as string, SK: e.SK as string })));
    // The index lags a change of rep; the item itself is the truth.
    return items
      .map((item) => companySchema.parse(fromItem(item)))
      .filter((c) => c.accountRepEmail === repEmail.toLowerCase())
      .sort((a, b) => (a.companyId < b.companyId ? -1 : 1));
  },
  async allCompanies() {
    const entries = await table.queryAll({
      IndexName: tableDefinition.indexes.byCreated.indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': tableDefinition.indexes.byCreated.partitionKey },
      ExpressionAttributeValues: { ':pk': listPartitions.allCompanies },
    });
    const items = await table.batchGet(entries.map((e) => ({ PK: e.PK as string, SK: e.SK as string })));
    return items
      .map((item) => companySchema.parse(fromItem(item)))
      .sort((a, b) => (a.companyId < b.companyId ? -1 : 1));
  },
  async putContract(contract) {
    await table.put({ Item: packLarge(toItem(keys.contract(contract.companyId), {}, contract), ['prices']) });
  },
  async getContract(companyId) {
    const item = await table.get(keys.contract(companyId));
    return item && contractSchema.parse(fromItem(unpack(item)));
  },
  async putApprovalRules(companyId, rules) {
    await table.put({ Item: toItem(keys.approvalRules(companyId), {}, { companyId, rules }) });
  },
  async getApprovalRules(companyId) {
    const item = await table.get(keys.approvalRules(companyId));
    return item ? approvalRulesSchema.parse(fromItem(item)).rules : [];
  },
  async putTaxSettings(settings) {
    await table.put({ Item: toItem(keys.taxSettings, {}, settings) });
  },
  async getTaxSettings() {
    const item = await table.get(keys.taxSettings);
    return item && taxSettingsSchema.parse(fromItem(item));
  },
});
