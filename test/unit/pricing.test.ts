import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractSchema } from '#domain/contract.ts';
import { needsRepPricing, priceRequest } from '#domain/pricing.ts';
import { quoteSchema } from '#domain/rfq.ts';
import { aContract } from '../builders/contract.ts';
import { aProduct, catalogOf } from '../builders/product.ts';

const onDay = { on: '2026-06-15', currency: 'USD', version: 1, pricedAt: '2026-06-15T10:00:00.000Z' };

const priceOne = (quantity: number, options: Partial<Parameters<typeof priceRequest>[0]> = {}) => {
  const quote = priceRequest({
    ...onDay,
    lines: [{ sku: 'SKU-1', quantity }],
    products: catalogOf(aProduct('SKU-1')),
    ...options,
  });
  const line = quote.lines[0];
  if (!line) throw new Error('priced no line');
  return line;
};

describe('pricing a line from the contract', () => {
  const contract = aContract()
    .withPrice('SKU-1', 9_50)
    .withTier('SKU-1', 100, 9_00)
    .withTier('SKU-1', 500, 8_50)
    .build();

  it('takes the contract price below the first tier', () => {
    expect(priceOne(99, { contract })).toMatchObject({
      unitPrice: 9_50,
      contractPrice: 9_50,
      lineTotal: 940_50,
      priceSource: 'contract price',
    });
  });

  it('takes the tier a quantity reaches, from its first unit', () => {
    expect(priceOne(100, { contract })).toMatchObject({ unitPrice: 9_00, priceSource: 'contract tier ≥ 100' });
  });

  it('takes the highest tier reached', () => {
    expect(priceOne(750, { contract })).toMatchObject({ unitPrice: 8_50, priceSource: 'contract tier ≥ 500' });
  });

  it('takes list price less the blanket discount for a sku the contract does not name', () => {
    const blanket = aContract().withDiscount(5).build();
    expect(priceOne(3, { contract: blanket })).toMatchObject({
      listPrice: 10_00,
      contractPrice: 9_50,
      unitPrice: 9_50,
      priceSource: 'list − 5% contract',
    });
  });

  it('takes the blanket discount below the first tier when the contract names no unit price', () => {
    const tiersOnly = aContract().withDiscount(2.5).withTier('SKU-1', 100, 9_00).build();
    expect(priceOne(10, { contract: tiersOnly })).toMatchObject({
      unitPrice: 9_75,
      priceSource: 'list − 2.5% contract',
    });
  });

  it('rounds a discounted unit price half-up, before multiplying by the quantity', () => {
    const products = catalogOf(aProduct('SKU-1').listedAt(10_01));
    const quote = priceRequest({
      ...onDay,
      lines: [{ sku: 'SKU-1', quantity: 1_000 }],
      products,
      contract: aContract().withDiscount(5).build(),
    });
    // 1001 × 0.95 = 950.95 → 951 per unit, then × 1000
    expect(quote.lines[0]).toMatchObject({ unitPrice: 9_51, lineTotal: 9_510_00 });
  });

  it('charges list price, with no contract price, when the contract gives no discount and no price', () => {
    expect(priceOne(3, { contract: aContract().build() })).toMatchObject({
      unitPrice: 10_00,
      contractPrice: null,
      priceSource: 'list price',
    });
  });

  it('names the contract it priced with', () => {
    const quote = priceRequest({
      ...onDay,
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      products: catalogOf(aProduct()),
      contract,
    });
    expect(quote.contractId).toBe('ctr-acme-2026');
  });
});

describe('pricing outside the contract', () => {
  const contract = aContract().validBetween('2026-01-01', '2026-06-30').withPrice('SKU-1', 7_00).build();

  it('charges list price with no contract at all', () => {
    expect(priceOne(5)).toMatchObject({
      unitPrice: 10_00,
      contractPrice: null,
      lineTotal: 50_00,
      priceSource: 'list price',
    });
  });

  it.each(['2025-12-31', '2026-07-01'])('charges list price on %s, outside the contract dates', (on) => {
    expect(priceOne(5, { contract, on })).toMatchObject({ unitPrice: 10_00, priceSource: 'list price' });
    const quote = priceRequest({
      ...onDay,
      on,
      lines: [{ sku: 'SKU-1', quantity: 5 }],
      products: catalogOf(aProduct()),
      contract,
    });
    expect(quote.contractId).toBeUndefined();
  });

  it.each(['2026-01-01', '2026-06-30'])('honours the contract on %s, its first and last days included', (on) => {
    expect(priceOne(5, { contract, on })).toMatchObject({ unitPrice: 7_00, priceSource: 'contract price' });
  });
});

describe('lines that cannot be priced', () => {
  const products = catalogOf(
    aProduct('SKU-1'),
    aProduct('OLD-1').inactive().listedAt(4_00).costing(2_00),
    aProduct('EU-1').in('EUR'),
  );
  const quote = priceRequest({
    ...onDay,
    lines: [
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'NOPE-1', quantity: 3, targetUnitPrice: 1_00 },
      { sku: 'OLD-1', quantity: 4 },
      { sku: 'EU-1', quantity: 5 },
    ],
    products,
  });

  it('flags an unknown sku for the rep, with no price rather than zero', () => {
    expect(quote.lines[1]).toMatchObject({
      sku: 'NOPE-1',
      unitPrice: null,
      lineTotal: null,
      listPrice: null,
      priceSource: needsRepPricing,
      unpriced: 'unknown sku',
      targetUnitPrice: 1_00,
    });
  });

  it('flags an inactive product, keeping its list price and cost as a guide for the rep', () => {
    expect(quote.lines[2]).toMatchObject({
      unitPrice: null,
      lineTotal: null,
      listPrice: 4_00,
      cost: 2_00,
      unpriced: 'inactive product',
    });
  });

  it('flags a product priced in another currency than the buyer’s', () => {
    expect(quote.lines[3]).toMatchObject({ unitPrice: null, listPrice: null, unpriced: 'currency mismatch' });
  });

  it('flags every line when the contract in effect is in another currency', () => {
    const euroContract = aContract().in('EUR').withPrice('SKU-1', 5_00).build();
    expect(priceOne(1, { contract: euroContract })).toMatchObject({ unitPrice: null, unpriced: 'currency mismatch' });
  });

  it('counts them and leaves them out of the totals', () => {
    expect(quote).toMatchObject({ unpricedLines: 3, subtotal: 20_00, total: 20_00, discountTotal: 0 });
  });
});

describe('a quote', () => {
  it('adds its lines up: subtotal at list price, the saving, and the total', () => {
    const quote = priceRequest({
      ...onDay,
      lines: [
        { sku: 'SKU-1', quantity: 100 },
        { sku: 'SKU-2', quantity: 3 },
      ],
      products: catalogOf(aProduct('SKU-1'), aProduct('SKU-2').listedAt(20_00)),
      contract: aContract().withTier('SKU-1', 100, 9_00).withDiscount(10).build(),
    });
    expect(quote).toMatchObject({ subtotal: 1_060_00, total: 954_00, discountTotal: 106_00, unpricedLines: 0 });
  });

  it('keeps what it is told: version, currency, when it was priced, and how long it is valid', () => {
    const quote = priceRequest({
      ...onDay,
      version: 3,
      validityDays: 30,
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      products: catalogOf(aProduct()),
    });
    expect(quote).toMatchObject({ version: 3, currency: 'USD', pricedAt: onDay.pricedAt, validUntil: '2026-07-15' });
  });

  it('has no expiry until it is given one', () => {
    expect(priceRequest({ ...onDay, lines: [], products: new Map() }).validUntil).toBeUndefined();
  });

  it('carries each line’s cost, for the rep’s floor', () => {
    expect(priceOne(1)).toMatchObject({ cost: 6_00 });
  });

  it('prices every one of 1,000 lines against a 10,000-price contract (its speed is measured by npm run bench)', () => {
    const products = catalogOf(...Array.from({ length: 1_000 }, (_, i) => aProduct(`SKU-${i * 10}`)));
    const prices = Array.from({ length: 9_999 }, (_, i) => ({ sku: `SKU-${i}`, unitPrice: 5_00 + (i % 100) }));
    const contract = contractSchema.parse({
      ...aContract().build(),
      prices: [...prices, { sku: 'SKU-X', tiers: [{ minQty: 10, unitPrice: 4_00 }] }],
    });
    const lines = Array.from({ length: 1_000 }, (_, i) => ({ sku: `SKU-${i * 10}`, quantity: 1 + (i % 50) }));

    const quote = priceRequest({ ...onDay, lines, products, contract });

    expect(quote.unpricedLines).toBe(0);
    expect(quote.lines).toHaveLength(1_000);
  });
});

const aProductArb = fc.record({
  sku: fc.constantFrom('SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-5'),
  listPrice: fc.integer({ min: 0, max: 100_000_00 }),
  cost: fc.option(fc.integer({ min: 0, max: 100_000_00 }), { nil: undefined }),
  active: fc.boolean(),
  currency: fc.constantFrom('USD', 'USD', 'USD', 'EUR'),
});

/** A valid tiered price: a base unit price and tiers that only ever get cheaper. */
const tieredPriceArb = fc
  .record({
    unitPrice: fc.integer({ min: 0, max: 100_000_00 }),
    steps: fc.uniqueArray(fc.integer({ min: 2, max: 10_000 }), { minLength: 1, maxLength: 8 }),
    cuts: fc.array(fc.integer({ min: 0, max: 5_00 }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ unitPrice, steps, cuts }) => {
    let price = unitPrice;
    const tiers = [...steps]
      .sort((a, b) => a - b)
      .map((minQty, i) => {
        price = Math.max(0, price - (cuts[i] ?? 0));
        return { minQty, unitPrice: price };
      });
    return { unitPrice, tiers };
  });

describe('pricing, for any catalog and contract', () => {
  it('never raises the unit price for a larger quantity in a tiered contract', () => {
    fc.assert(
      fc.property(
        tieredPriceArb,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (entry, discountPercent, q1, q2) => {
          const contract = contractSchema.parse({
            ...aContract().withDiscount(discountPercent).build(),
            prices: [{ sku: 'SKU-1', ...entry }],
          });
          const [fewer, more] = q1 <= q2 ? [q1, q2] : [q2, q1];
          expect(priceOne(more, { contract }).unitPrice!).toBeLessThanOrEqual(priceOne(fewer, { contract }).unitPrice!);
        },
      ),
    );
  });

  it('explains every priced line, flags every other, and adds the lines up exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(aProductArb, { selector: (p) => p.sku, maxLength: 5 }),
        fc.array(
          fc.record({
            sku: fc.constantFrom('SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-5', 'GHOST'),
            quantity: fc.integer({ min: 1, max: 10_000 }),
          }),
          {
            maxLength: 20,
          },
        ),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        (catalog, lines, discountPercent) => {
          const products = catalogOf(
            ...catalog.map(({ sku, listPrice, cost, active, currency }) => {
              const product = aProduct(sku).listedAt(listPrice).in(currency);
              const priced = cost === undefined ? product : product.costing(cost);
              return active ? priced : priced.inactive();
            }),
          );
          const contract =
            discountPercent === undefined
              ? undefined
              : aContract().withDiscount(discountPercent).withPrice('SKU-2', 1_00).build();
          const quote = priceRequest({ ...onDay, lines, products, ...(contract && { contract }) });

          expect(quoteSchema.parse(quote)).toEqual(quote);
          for (const line of quote.lines) {
            if (line.unitPrice === null) {
              expect(line.lineTotal).toBeNull();
              expect(line.priceSource).toBe(needsRepPricing);
              expect(line.unpriced).toMatch(/^(unknown sku|inactive product|currency mismatch)$/);
            } else {
              expect(line.priceSource).toMatch(
                /^(list price|contract price|contract tier ≥ \d+|list − [\d.]+% contract)$/,
              );
              expect(line.lineTotal).toBe(line.unitPrice * line.quantity);
              expect(line.unpriced).toBeUndefined();
            }
          }
          const priced = quote.lines.filter((l) => l.lineTotal !== null);
          expect(quote.total).toBe(priced.reduce((acc, l) => acc + l.lineTotal!, 0));
          expect(quote.subtotal - quote.discountTotal).toBe(quote.total);
          expect(quote.unpricedLines).toBe(quote.lines.length - priced.length);
        },
      ),
    );
  });
});

describe('pricing on any day', () => {
  const contract = aContract()
    .validBetween('2026-03-01', '2026-09-30')
    .withDiscount(7.5)
    .withPrice('SKU-1', 8_00)
    .withTier('SKU-1', 50, 7_00)
    .build();

  it('charges list price outside the contract dates and the contract inside them', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 500 }),
        (at, quantity) => {
          const on = at.toISOString().slice(0, 10);
          const line = priceOne(quantity, { contract, on });
          if (on < contract.validFrom || on > contract.validTo) {
            expect(line).toMatchObject({ unitPrice: 10_00, contractPrice: null, priceSource: 'list price' });
          } else {
            expect(line.priceSource).toMatch(/^contract /);
            expect(line.unitPrice).toBe(quantity >= 50 ? 7_00 : 8_00);
          }
        },
      ),
    );
  });
});

describe('a contract', () => {
  it('is refused when ordering more would cost more per unit', () => {
    const raw = {
      ...aContract().build(),
      prices: [
        {
          sku: 'SKU-1',
          tiers: [
            { minQty: 10, unitPrice: 9_00 },
            { minQty: 100, unitPrice: 9_50 },
          ],
        },
      ],
    };
    expect(contractSchema.safeParse(raw).success).toBe(false);
  });

  it('is refused when a tier costs more than its own base price', () => {
    const raw = {
      ...aContract().build(),
      prices: [{ sku: 'SKU-1', unitPrice: 9_00, tiers: [{ minQty: 10, unitPrice: 9_50 }] }],
    };
    expect(contractSchema.safeParse(raw).success).toBe(false);
  });

  it('is refused when it ends before it starts', () => {
    expect(() => aContract().validBetween('2026-02-01', '2026-01-31').build()).toThrow(/validTo is before validFrom/);
  });
});
