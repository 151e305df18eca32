import { beforeAll, describe, expect, it } from 'vitest';
import { aContract } from '../builders/contract.ts';
import { aProduct } from '../builders/product.ts';
import { useTestStack } from './test-stack.ts';
import { acme, idempotencyKey, people, seed } from './world.ts';

/**
 * GET /catalog over real HTTP: Acme's prices, searching, a category, paging, and who may ask for whose prices; and the
 * reference data behind it as the seller's admin writes it.
 */
const api = useTestStack('catalog', { seed: false, holdWorkflow: true });

beforeAll(async () => {
  await seed(api);
  const extra = Array.from({ length: 30 }, (_, i) =>
    aProduct(`CAT-${String(i).padStart(2, '0')}`)
      .named(`Cable tie pack ${i}`)
      .inCategory('Electrical')
      .listedAt(1_00 + i)
      .build(),
  );
  await Promise.all([
    ...extra.map((p) => api.store.catalog.putProduct(p)),
    api.store.catalog.putProduct(aProduct('GONE-1').named('Cable tie, discontinued').inactive().build()),
    api.store.catalog.putContract(
      aContract()
        .for(acme.companyId)
        .validBetween('2020-01-01', '2099-12-31')
        .withDiscount(10)
        .withPrice('CAT-00', 50)
        .withTier('CAT-00', 100, 40)
        .build(),
    ),
  ]);
});

describe('GET /catalog', () => {
  it("answers a buyer with their company's prices, in its currency, with each price's basis and tiers", async () => {
    const answer = await api.call('GET', '/catalog?q=cable%20tie%20pack%200', { as: people.acmeBuyer });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ companyId: 'acme', companyName: acme.name, currency: acme.currency });
    expect(answer.body.items).toEqual([
      {
        sku: 'CAT-00',
        name: 'Cable tie pack 0',
        unit: 'each',
        category: 'Electrical',
        listPrice: 1_00,
        yourPrice: 50,
        priceSource: 'contract price',
        tiers: [{ minQty: 100, unitPrice: 40 }],
      },
    ]);
    expect(answer.text).not.toContain('cost');
  });

  it('finds by sku or name, narrows by category, leaves inactive products out, and pages by cursor', async () => {
    const bySku = await api.call('GET', '/catalog?q=cat-1', { as: people.acmeBuyer });
    expect(bySku.body.items.map((p: { sku: string }) => p.sku)).toEqual(
      Array.from({ length: 10 }, (_, i) => `CAT-1${i}`).sort((a, b) => a.localeCompare(b)),
    );
    expect(bySku.body.items[0]).toMatchObject({ yourPrice: 99, priceSource: 'list − 10% contract' });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call(
        'GET',
        `/catalog?category=electrical&q=cable&limit=12${cursor ? `&cursor=${cursor}` : ''}`,
        { as: people.acmeBuyer },
      );
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.items.map((p: { sku: string }) => p.sku));
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen).not.toContain('GONE-1');
  });

  it("lets seller staff see a company's prices by naming it, and refuses a company that is not theirs", async () => {
    const rep = await api.call('GET', '/catalog?companyId=acme&q=CAT-00', { as: people.acmeRep });
    expect(rep.body.items[0]).toMatchObject({ sku: 'CAT-00', yourPrice: 50 });
    const unnamed = await api.call('GET', '/catalog', { as: people.salesManager });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([{ path: 'query.companyId', message: 'required for seller staff' }]);
    const other = await api.call('GET', '/catalog?companyId=acme', { as: people.globexBuyer });
    expect(other.status).toBe(404);
  });

  it('prices exactly the skus an RFQ draft names, leaving out unknown and inactive ones', async () => {
    const answer = await api.call('GET', '/catalog?skus=CAT-00,NOPE-9,GONE-1,CAT-05,CAT-00', { as: people.acmeBuyer });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.items.map((p: { sku: string; yourPrice: number }) => [p.sku, p.yourPrice])).toEqual([
      ['CAT-00', 50],
      ['CAT-05', 95],
    ]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `S-${i}`).join(',');
    const refused = await api.call('GET', `/catalog?skus=${tooMany}`, { as: people.acmeBuyer });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('query.skus');
  });

  it('answers bad parameters and a forged cursor with a problem naming the field', async () => {
    const long = await api.call('GET', `/catalog?q=${'x'.repeat(101)}`, { as: people.acmeBuyer });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].path).toBe('query.q');
    for (const [query, field] of [
      ['q=bolt%E2%80%AE', 'query.q'],
      ['q=bolt%00', 'query.q'],
      ['category=Electrical%1B', 'query.category'],
    ]) {
      const spoofed = await api.call('GET', `/catalog?${query}`, { as: people.acmeBuyer });
      expect([spoofed.status, spoofed.body.errors?.[0]?.path], query).toEqual([400, field]);
    }
    const products = await api.call('GET', '/products?q=bolt%E2%80%AE', { as: people.admin });
    expect([products.status, products.body.errors?.[0]?.path]).toEqual([400, 'query.q']);
    const forged = await api.call('GET', '/catalog?cursor=bm90LWEtY3Vyc29y', { as: people.acmeBuyer });
    expect(forged.status).toBe(400);
  });
});

describe('a contract as the seller writes it', () => {
  const contract = (changes: Record<string, unknown>) => ({
    ...aContract('ctr-input')
      .for(acme.companyId)
      .validBetween('2026-01-01', '2099-12-31')
      .withPrice('CAT-01', 90)
      .build(),
    ...changes,
  });

  it('refuses a sku listed twice, naming the second listing, and keeps the contract as it was', async () => {
    const before = await api.call('GET', '/companies/acme/contract', { as: people.admin });
    const twice = await api.call('PUT', '/companies/acme/contract', {
      as: people.admin,
      body: contract({
        prices: [
          { sku: 'CAT-01', unitPrice: 90 },
          { sku: 'CAT-02', unitPrice: 80 },
          { sku: 'CAT-01', unitPrice: 1 },
        ],
      }),
    });
    expect(twice.status, twice.text).toBe(400);
    expect(twice.body.errors.map((e: { path: string }) => e.path)).toEqual(['prices.2.sku']);
    expect((await api.call('GET', '/companies/acme/contract', { as: people.admin })).body).toEqual(before.body);
  });

  it("refuses a contract in another currency than the company's, naming currency", async () => {
    expect(acme.currency).toBe('USD');
    const euros = await api.call('PUT', '/companies/acme/contract', {
      as: people.admin,
      body: contract({ currency: 'EUR' }),
    });
    expect(euros.status, euros.text).toBe(400);
    expect(euros.body.errors.map((e: { path: string }) => e.path)).toEqual(['currency']);
  });
});

describe('skus that differ only in case', () => {
  it('are one product: a price list in lower case updates it, and an RFQ line in any case is that product', async () => {
    const product = (await api.call('GET', '/catalog?skus=CAT-07', { as: people.acmeBuyer })).body.items[0];
    expect(product.sku).toBe('CAT-07');
    const imposter = {
      sku: 'cat-07',
      name: 'Cable tie pack 7',
      unit: 'each',
      listPrice: 1,
      currency: 'USD',
      category: 'Electrical',
      active: true,
    };
    const put = await api.call('PUT', '/products/cat-07', { as: people.admin, body: imposter });
    expect([put.status, put.body.sku, put.body.listPrice], put.text).toEqual([200, 'CAT-07', 1]);
    const listed = await api.call('GET', '/products?q=cat-07', { as: people.admin });
    expect(listed.body.items.map((p: { sku: string }) => p.sku)).toEqual(['CAT-07']);

    const answer = await api.call('POST', '/rfqs', {
      as: people.acmeBuyer,
      body: {
        lines: [
          { sku: 'Cat-07', quantity: 2 },
          { sku: 'cat-07', quantity: 3 },
        ],
      },
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(answer.status, answer.text).toBe(201);
    const rfq = await api.store.rfqs.get(answer.body.rfqId);
    expect(rfq?.lines).toEqual([{ sku: 'CAT-07', quantity: 5 }]);
  });
});
