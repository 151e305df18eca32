import { approvalRulesSchema } from '#domain/approval-rule.ts';
import { companySchema } from '#domain/company.ts';
import { contractSchema } from '#domain/contract.ts';
import { productSchema } from '#domain/product.ts';
import { fromItem, toItem } from './item.ts';
import {
  catalogCategoryPrefix,
  catalogSearchText,
  companyIndexKeys,
  keys,
  listPartitions,
  productIndexKeys,
} from './keys.ts';
import { listPage } from './list-page.ts';
import { packLarge, unpack } from './packed.ts';
import type { CatalogStore } from './ports.ts';
import { tableDefinition } from './table.ts';
import type { TableClient } from './table-client.ts';

/** Reference data: whole-resource upserts (the API's PUTs), read back through the domain schemas. */
export const createCatalogStore = (table: TableClient): CatalogStore => ({
  async putProduct(product) {
    await table.put({ Item: toItem(keys.product(product.sku), productIndexKeys(product), product) });
  },
  async getProduct(sku) {
    const item = await table.get(keys.product(sku));
    return item && productSchema.parse(fromItem(item));
  },
  async activeProducts({ q, category, limit, cursor }) {
    const needle = q?.trim().toLowerCase();
    return listPage(
      table,
      {
        tag: `catalog:${category?.toLowerCase() ?? ''}:${needle ?? ''}`,
        index: tableDefinition.indexes.byCreated,
        partition: listPartitions.activeProducts,
        ascending: true,
        ...(category && { sortPrefix: catalogCategoryPrefix(category) }),
        ...(needle && { keep: (sortKey: string) => catalogSearchText(sortKey).includes(needle) }),
        limit,
        cursor,
      },
      (item) => productSchema.parse(fromItem(item)),
    );
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
      (item) => productSchema.parse(fromItem(item)),
    );
  },
  async getProducts(skus) {
    const items = await table.batchGet([...new Set(skus)].map(keys.product));
    const products = items.map((item) => productSchema.parse(fromItem(item)));
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
});
