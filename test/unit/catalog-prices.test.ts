import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogEntries } from '#domain/catalog-prices.ts';
import { priceRequest } from '#domain/pricing.ts';
import { aContract } from '../builders/contract.ts';
import { aProduct } from '../builders/product.ts';

const bolt = aProduct('BOLT').named('Bolt').listedAt(2_00).costing(1_00).inCategory('Fasteners').build();
const nut = aProduct('NUT').named('Nut').listedAt(50).costing(20).build();
const euro = aProduct('EURO').listedAt(3_00).in('EUR').build();
const contract = aContract()
  .validBetween('2026-01-01', '2026-12-31')
  .withDiscount(5)
  .withPrice('BOLT', 1_80)
  .withTier('BOLT', 500, 1_50)
  .withTier('BOLT', 100, 1_60)
  .build();

describe("catalog prices for a buyer's company", () => {
  it('names the price basis of each product, lists its tiers ascending, and never shows cost', () => {
    const [b, n] = catalogEntries([bolt, nut], { contract, currency: 'USD', on: '2026-06-01' });
    expect(b).toEqual({
      sku: 'BOLT',
      name: 'Bolt',
      unit: 'each',
      category: 'Fasteners',
      listPrice: 2_00,
      yourPrice: 1_80,
      priceSource: 'contract price',
      tiers: [
        { minQty: 100, unitPrice: 1_60 },
        { minQty: 500, unitPrice: 1_50 },
      ],
    });
    expect(n).toMatchObject({ yourPrice: 48, priceSource: 'list − 5% contract', tiers: [] });
    expect(JSON.stringify([b, n])).not.toContain('cost');
  });

  it('is list price with no tiers outside the contract’s dates', () => {
    const [b] = catalogEntries([bolt], { contract, currency: 'USD', on: '2027-01-01' });
    expect(b).toMatchObject({ yourPrice: 2_00, priceSource: 'list price', tiers: [] });
  });

  it('flags a product in another currency for the rep instead of showing a wrong price', () => {
    const [e] = catalogEntries([euro], { contract, currency: 'USD', on: '2026-06-01' });
    expect(e).toMatchObject({ listPrice: null, yourPrice: null, priceSource: 'needs rep pricing', tiers: [] });
  });

  it('shows for one unit exactly what a one-unit RFQ line would be priced at', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 90 }), (listPrice, discount) => {
        const product = { ...nut, listPrice };
        const terms = aContract().validBetween('2026-01-01', '2026-12-31').withDiscount(discount).build();
        const [entry] = catalogEntries([product], { contract: terms, currency: 'USD', on: '2026-06-01' });
        const quote = priceRequest({
          lines: [{ sku: nut.sku, quantity: 1 }],
          products: new Map([[nut.sku, product]]),
          contract: terms,
          on: '2026-06-01',
          currency: 'USD',
          version: 1,
          pricedAt: '2026-06-01T00:00:00.000Z',
        });
        expect(entry?.yourPrice).toBe(quote.lines[0]?.unitPrice);
        expect(entry?.priceSource).toBe(quote.lines[0]?.priceSource);
      }),
    );
  });
});
