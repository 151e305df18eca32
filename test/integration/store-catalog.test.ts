import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { contractSchema } from '#domain/contract.ts';
import { capacityMeter } from '#store/capacity.ts';
import { createDynamoStore } from '#store/dynamo-store.ts';
import { keys } from '#store/keys.ts';
import { createTable } from '#store/table.ts';
import { aRule, total } from '../builders/approval-rule.ts';
import { aCompany } from '../builders/company.ts';
import { aContract } from '../builders/contract.ts';
import { aProduct } from '../builders/product.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { freshTable } from './store/fresh-table.ts';

const table = freshTable();
const { store } = table;

describe('the catalog', () => {
  it('returns a product as it was put, and nothing for an unknown sku', async () => {
    const product = aProduct('BOLT-1').listedAt(1_25).costing(40).inCategory('fasteners').build();
    await store.catalog.putProduct(product);
    expect(await store.catalog.getProduct('BOLT-1')).toEqual(product);
    expect(await store.catalog.getProduct('NOPE-1')).toBeUndefined();
  });

  it('fetches 250 products in one call, skipping unknown skus and repeats', async () => {
    const products = Array.from({ length: 250 }, (_, i) =>
      aProduct(`BULK-${i}`)
        .listedAt(100 + i)
        .build(),
    );
    await Promise.all(products.map((p) => store.catalog.putProduct(p)));
    const wanted = [...products.map((p) => p.sku), 'BULK-0', 'UNKNOWN-1'];
    const found = await store.catalog.getProducts(wanted);
    expect(found.size).toBe(250);
    expect(found.get('BULK-249')).toEqual(products[249]);
    expect(found.has('UNKNOWN-1')).toBe(false);
  });

  it('upserts a product whole', async () => {
    await store.catalog.putProduct(aProduct('NUT-1').inCategory('fasteners').build());
    const replaced = aProduct('NUT-1').inactive().build();
    await store.catalog.putProduct(replaced);
    expect(await store.catalog.getProduct('NUT-1')).toEqual(replaced);
  });
});

describe('companies', () => {
  it('are found by id and by their account rep, and move with a change of rep', async () => {
    const acme = aCompany('acme').servedBy('ann@seller.example').withBuyer('buyer@acme.example').build();
    const globex = aCompany('globex').servedBy('ann@seller.example').build();
    const initech = aCompany('initech').servedBy('bob@seller.example').build();
    await Promise.all([acme, globex, initech].map((c) => store.catalog.putCompany(c)));
    expect(await store.catalog.getCompany('acme')).toEqual(acme);
    const anns = await store.catalog.companiesOfRep('Ann@seller.example');
    expect(anns.map((c) => c.companyId).sort()).toEqual(['acme', 'globex']);

    await store.catalog.putCompany({ ...globex, accountRepEmail: 'bob@seller.example' });
    expect((await store.catalog.companiesOfRep('ann@seller.example')).map((c) => c.companyId)).toEqual(['acme']);
    expect((await store.catalog.companiesOfRep('bob@seller.example')).map((c) => c.companyId).sort()).toEqual([
      'globex',
      'initech',
    ]);
    // The seller's admin lists them all, by id, each once however often it was replaced.
    expect((await store.catalog.allCompanies()).map((c) => c.companyId)).toEqual(['acme', 'globex', 'initech']);
  });
});

describe('a company’s contract and approval rules', () => {
  it('store one contract per company', async () => {
    const contract = aContract('ctr-1').for('acme').withPrice('SKU-1', 9_00).withTier('SKU-2', 100, 7_50).build();
    await store.catalog.putContract(contract);
    expect(await store.catalog.getContract('acme')).toEqual(contract);
    expect(await store.catalog.getContract('globex')).toBeUndefined();
  });

  it('keep a 10,000-price contract whole, beyond the 400 KB item limit in plain form', async () => {
    const contract = contractSchema.parse({
      ...aContract('ctr-big').for('bigco').build(),
      prices: Array.from({ length: 10_000 }, (_, i) => ({
        sku: `SKU-${i}`,
        unitPrice: 9_50,
        tiers: [
          { minQty: 100, unitPrice: 9_00 },
          { minQty: 1000, unitPrice: 8_00 },
        ],
      })),
    });
    await store.catalog.putContract(contract);
    expect(await store.catalog.getContract('bigco')).toEqual(contract);
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.contract('bigco') }));
    expect(Item).toHaveProperty('packedGzip');
  });

  it('store the approval rules as one list, empty when none were set', async () => {
    const rules = [aRule('big').when(total.over(1_000_00)).approvedBy('lead@acme.example').build()];
    await store.catalog.putApprovalRules('acme', rules);
    expect(await store.catalog.getApprovalRules('acme')).toEqual(rules);
    expect(await store.catalog.getApprovalRules('globex')).toEqual([]);
  });
});

describe('the table', () => {
  it('can be created again without harm', async () => {
    await createTable(table.client, table.tableName);
    expect(await store.catalog.getProduct('BOLT-1')).toBeDefined();
  });

  it('reports the capacity each call consumed, when asked', async () => {
    const meter = capacityMeter();
    const metered = createDynamoStore(table.doc, table.tableName, { onCapacity: meter.onCapacity });
    const rfq = anRfq().build();
    await metered.rfqs.create(rfq, { actor: { email: 'buyer@acme.example', role: 'buyer' }, action: 'submitted' });
    const afterCreate = meter.totals();
    expect(afterCreate.writeUnits).toBeGreaterThan(0);
    await metered.rfqs.get(rfq.rfqId);
    expect(meter.totals().readUnits).toBeGreaterThan(0);
    // The create reads its year's last quote number and writes in one transaction; then the get.
    expect(meter.totals().calls).toBe(3);
    meter.reset();
    expect(meter.totals()).toEqual({ readUnits: 0, writeUnits: 0, calls: 0 });
  });

  it('keeps the lists cheap to maintain: a transition of a 20 KB RFQ costs about its own size, not five times it', async () => {
    const meter = capacityMeter();
    const metered = createDynamoStore(table.doc, table.tableName, { onCapacity: meter.onCapacity });
    let quote = aQuote();
    for (let i = 0; i < 100; i++)
      quote = quote.withLine(`SKU-${i}`, 10, 12_00, { name: 'Hex bolt M8 x 40 mm, DIN 933' });
    const system = { email: 'system@seller.example', role: 'system' as const };
    const rfq = anRfq().build();
    await metered.rfqs.create(rfq, { actor: system, action: 'submitted' });
    const priced = await metered.rfqs.transition(
      rfq,
      'price',
      { quote: quote.build() },
      { actor: system, action: 'priced' },
    );
    meter.reset();
    await metered.rfqs.transition(priced, 'sendQuote', {}, { actor: system, action: 'quote sent' });
    const itemKb = Math.ceil(Buffer.byteLength(JSON.stringify(priced)) / 1024);
    // A transactional write costs 2 units per KB; four index entries projecting the whole RFQ would add 8 per KB more.
    expect(meter.totals().writeUnits).toBeLessThan(2 * itemKb + 20);
  });
});
