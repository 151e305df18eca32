import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceRequest } from '#domain/pricing.ts';
import { applyAdjustments, quoteIsComplete, repFloor } from '#domain/rep-authority.ts';
import type { Actor, Quote } from '#domain/rfq.ts';
import { aContract } from '../builders/contract.ts';
import { aProduct, catalogOf } from '../builders/product.ts';
import { aQuote } from '../builders/quote.ts';

const rep: Actor = { email: 'rep@seller.example', role: 'rep' };
const salesManager: Actor = { email: 'boss@seller.example', role: 'sales-manager' };
const asRep = { maxRepDiscountPercent: 10, actor: rep };

/** SKU-1 at a $10.00 contract price (list $12.00, cost $6.00); SKU-2 at list $20.00 (cost $15.00); GHOST unknown. */
const quote = priceRequest({
  on: '2026-06-15',
  currency: 'USD',
  version: 1,
  pricedAt: '2026-06-15T10:00:00.000Z',
  lines: [
    { sku: 'SKU-1', quantity: 10 },
    { sku: 'SKU-2', quantity: 2 },
    { sku: 'GHOST', quantity: 1 },
  ],
  products: catalogOf(
    aProduct('SKU-1').listedAt(12_00).costing(6_00),
    aProduct('SKU-2').listedAt(20_00).costing(15_00),
  ),
  contract: aContract().withPrice('SKU-1', 10_00).build(),
});

const applied = (result: ReturnType<typeof applyAdjustments>) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result;
};
const line = (q: Quote, sku: string) => q.lines.find((l) => l.sku === sku)!;

describe('a rep adjusting prices within their authority', () => {
  const result = applied(applyAdjustments(quote, [{ sku: 'SKU-1', unitPrice: 9_25 }], asRep));

  it('needs no sales manager', () => {
    expect(result.needsManager).toEqual([]);
  });

  it('explains the new price against the contract price, keeping the contract price', () => {
    expect(line(result.quote, 'SKU-1')).toMatchObject({
      unitPrice: 9_25,
      contractPrice: 10_00,
      lineTotal: 92_50,
      priceSource: 'rep override (−7.5% off contract)',
      adjustedBy: 'rep@seller.example',
    });
  });

  it('recomputes the totals and makes a new quote version', () => {
    expect(result.quote).toMatchObject({
      version: 2,
      total: 92_50 + 40_00,
      subtotal: 120_00 + 40_00,
      unpricedLines: 1,
    });
    expect(result.quote.discountTotal).toBe(result.quote.subtotal - result.quote.total);
  });

  it('leaves the lines it did not touch as they were', () => {
    expect(line(result.quote, 'SKU-2')).toEqual(line(quote, 'SKU-2'));
  });

  it('may go exactly to the limit', () => {
    expect(applied(applyAdjustments(quote, [{ sku: 'SKU-1', unitPrice: 9_00 }], asRep)).needsManager).toEqual([]);
  });

  it('measures a line without a contract price from its list price', () => {
    const result = applied(applyAdjustments(quote, [{ sku: 'SKU-2', unitPrice: 18_00 }], asRep));
    expect(result.needsManager).toEqual([]);
    expect(line(result.quote, 'SKU-2').priceSource).toBe('rep override (−10% off list)');
  });

  it('may also raise a price', () => {
    const result = applied(applyAdjustments(quote, [{ sku: 'SKU-1', unitPrice: 10_20 }], asRep));
    expect(line(result.quote, 'SKU-1').priceSource).toBe('rep override (+2% over contract)');
  });

  it('gives back the same quote when nothing is adjusted', () => {
    expect(applied(applyAdjustments(quote, [], asRep)).quote).toBe(quote);
  });

  it('gives back the same quote, same version, when every price posted is the one the line has', () => {
    const unchanged = [
      { sku: 'SKU-1', unitPrice: 10_00 },
      { sku: 'SKU-2', unitPrice: 20_00 },
    ];
    expect(applied(applyAdjustments(quote, unchanged, asRep)).quote).toBe(quote);
  });

  it('applies the same price to every line of a sku requested twice', () => {
    const twice = aQuote().withLine('SKU-1', 10, 10_00).withLine('SKU-1', 200, 9_00).build();
    const result = applied(applyAdjustments(twice, [{ sku: 'SKU-1', unitPrice: 9_50 }], asRep));
    expect(result.quote.lines.map((l) => [l.unitPrice, l.lineTotal])).toEqual([
      [9_50, 95_00],
      [9_50, 1_900_00],
    ]);
  });
});

describe('a rep going beyond their authority', () => {
  const result = applied(
    applyAdjustments(
      quote,
      [
        { sku: 'SKU-1', unitPrice: 8_75 },
        { sku: 'SKU-2', unitPrice: 19_00 },
      ],
      asRep,
    ),
  );

  it('lists exactly the lines the sales manager must approve, with the floor the rep could have given', () => {
    expect(result.needsManager).toEqual([
      { sku: 'SKU-1', requested: 8_75, floor: 9_00, reason: "−12.5% off contract exceeds the rep's 10% authority" },
    ]);
  });

  it('still prices the quote as asked, for the manager to see', () => {
    expect(line(result.quote, 'SKU-1').unitPrice).toBe(8_75);
  });

  it('needs no approval when the sales manager sets the price', () => {
    const byManager = applied(
      applyAdjustments(quote, [{ sku: 'SKU-1', unitPrice: 7_00 }], { ...asRep, actor: salesManager }),
    );
    expect(byManager.needsManager).toEqual([]);
    expect(line(byManager.quote, 'SKU-1').adjustedBy).toBe('boss@seller.example');
  });

  it('rounds the floor up, so the rep never goes a fraction of a cent past the limit', () => {
    const odd = aQuote().withLine('SKU-9', 1, 9_99, { contractPrice: 9_99, cost: 0 }).build();
    // 9.99 × 0.9 = 8.991: half-up would allow 8.99 (10.01% off); the floor is 9.00
    expect(applied(applyAdjustments(odd, [{ sku: 'SKU-9', unitPrice: 9_00 }], asRep)).needsManager).toEqual([]);
    expect(applied(applyAdjustments(odd, [{ sku: 'SKU-9', unitPrice: 8_99 }], asRep)).needsManager).toMatchObject([
      { sku: 'SKU-9', floor: 9_00 },
    ]);
  });
});

describe('prices nobody may give', () => {
  it('refuses a price below cost, even to the sales manager', () => {
    for (const actor of [rep, salesManager]) {
      expect(applyAdjustments(quote, [{ sku: 'SKU-2', unitPrice: 14_99 }], { ...asRep, actor })).toEqual({
        ok: false,
        errors: [{ sku: 'SKU-2', message: '$14.99 is below cost; no one may sell below $15.00' }],
        belowCost: [{ sku: 'SKU-2', requested: 14_99, cost: 15_00 }],
      });
    }
  });

  it('speaks in the quote’s own currency and units, as the person typed the price', () => {
    const yen = aQuote().in('JPY').withLine('SKU-1', 1, 1_600, { cost: 1_500 }).build();
    expect(applyAdjustments(yen, [{ sku: 'SKU-1', unitPrice: 1_499 }], asRep)).toMatchObject({
      errors: [{ sku: 'SKU-1', message: '¥1,499 is below cost; no one may sell below ¥1,500' }],
    });
  });

  it('refuses a sku that is not on the quote', () => {
    expect(applyAdjustments(quote, [{ sku: 'SKU-7', unitPrice: 1_00 }], asRep)).toEqual({
      ok: false,
      errors: [{ sku: 'SKU-7', message: 'SKU-7 is not on this quote' }],
      belowCost: [],
    });
  });

  it('refuses the same sku adjusted twice', () => {
    const result = applyAdjustments(
      quote,
      [
        { sku: 'SKU-1', unitPrice: 9_50 },
        { sku: 'SKU-1', unitPrice: 9_40 },
      ],
      asRep,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ sku: 'SKU-1', message: 'SKU-1 is adjusted more than once' }],
    });
  });

  it.each([-1, 9.5, Number.NaN])('refuses a unit price of %d', (unitPrice) => {
    expect(applyAdjustments(quote, [{ sku: 'SKU-1', unitPrice }], asRep)).toMatchObject({ ok: false });
  });

  it('applies nothing when one adjustment of several is refused', () => {
    const result = applyAdjustments(
      quote,
      [
        { sku: 'SKU-1', unitPrice: 9_50 },
        { sku: 'SKU-2', unitPrice: 1_00 },
      ],
      asRep,
    );
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('quote');
  });
});

describe('pricing a line the catalog could not', () => {
  it('lets the rep price an unknown sku, which completes the quote', () => {
    expect(quoteIsComplete(quote)).toBe(false);
    const result = applied(applyAdjustments(quote, [{ sku: 'GHOST', unitPrice: 3_00 }], asRep));
    expect(line(result.quote, 'GHOST')).toMatchObject({ unitPrice: 3_00, lineTotal: 3_00, priceSource: 'rep price' });
    expect(line(result.quote, 'GHOST')).not.toHaveProperty('unpriced');
    expect(result.needsManager).toEqual([]);
    expect(result.quote.unpricedLines).toBe(0);
    // with no list price to compare against, the line adds its own price to the subtotal: no phantom saving
    expect(result.quote).toMatchObject({ subtotal: 120_00 + 40_00 + 3_00, total: 100_00 + 40_00 + 3_00 });
    expect(quoteIsComplete(result.quote)).toBe(true);
  });

  it('holds an inactive product’s price to its cost', () => {
    const inactive = aQuote().withUnpricedLine('OLD-1', 2, 'inactive product').build();
    const withCost = { ...inactive, lines: inactive.lines.map((l) => ({ ...l, cost: 5_00 })) };
    expect(applyAdjustments(withCost, [{ sku: 'OLD-1', unitPrice: 4_99 }], asRep)).toMatchObject({ ok: false });
    expect(applyAdjustments(withCost, [{ sku: 'OLD-1', unitPrice: 5_00 }], asRep)).toMatchObject({ ok: true });
  });
});

describe('a complete quote', () => {
  it('has a price on every line', () => {
    expect(quoteIsComplete(aQuote().withLine('SKU-1', 1, 1_00).build())).toBe(true);
    expect(quoteIsComplete(aQuote().withLine('SKU-1', 1, 1_00).withUnpricedLine('X', 1).build())).toBe(false);
  });

  it('may be empty of lines only in theory, and then is complete', () => {
    expect(quoteIsComplete(aQuote().build())).toBe(true);
  });
});

describe('rep authority, for any quote and any adjustment', () => {
  const lineArb = fc.record({
    reference: fc.integer({ min: 1, max: 1_000_000_00 }),
    costShare: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    hasContractPrice: fc.boolean(),
    quantity: fc.integer({ min: 1, max: 1_000 }),
    requestedShare: fc.integer({ min: 0, max: 150 }),
  });

  it('never takes a price below cost, and asks the manager exactly when the rep goes past the limit', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(rep, salesManager),
        (specs, maxBasisPoints, actor) => {
          let builder = aQuote();
          specs.forEach((s, i) => {
            const cost = s.costShare === undefined ? undefined : Math.floor((s.reference * s.costShare) / 100);
            builder = builder.withLine(`SKU-${i}`, s.quantity, s.reference, {
              contractPrice: s.hasContractPrice ? s.reference : null,
              ...(cost !== undefined && { cost }),
            });
          });
          const original = builder.build();
          const adjustments = specs.map((s, i) => ({
            sku: `SKU-${i}`,
            unitPrice: Math.floor((s.reference * s.requestedShare) / 100),
          }));
          const maxRepDiscountPercent = maxBasisPoints / 100;
          const result = applyAdjustments(original, adjustments, { maxRepDiscountPercent, actor });

          const belowCost = original.lines.filter((l, i) => l.cost !== undefined && adjustments[i]!.unitPrice < l.cost);
          expect(result.ok).toBe(belowCost.length === 0);
          if (!result.ok) {
            expect(result.errors.map((e) => e.sku)).toEqual(belowCost.map((l) => l.sku));
            expect(result.belowCost.map((b) => b.sku)).toEqual(belowCost.map((l) => l.sku));
            return;
          }
          for (const l of result.quote.lines) {
            if (l.cost !== undefined) expect(l.unitPrice!).toBeGreaterThanOrEqual(l.cost);
          }
          const beyond =
            actor.role === 'rep'
              ? original.lines.filter(
                  (l, i) => adjustments[i]!.unitPrice * 10_000 < l.unitPrice! * (10_000 - maxBasisPoints),
                )
              : [];
          expect(result.needsManager.map((n) => n.sku)).toEqual(beyond.map((l) => l.sku));
          for (const n of result.needsManager) expect(n.requested).toBeLessThan(n.floor);
          expect(result.quote.total).toBe(result.quote.lines.reduce((acc, l) => acc + l.lineTotal!, 0));
        },
      ),
    );
  });
});

describe('the rep’s floor, one computation for the rule and the page', () => {
  it('is the lowest price the rule lets a rep give alone (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 50 }), (contract, percent) => {
        const quote = aQuote().withLine('X', 1, contract, { contractPrice: contract }).build();
        const floor = repFloor(quote.lines[0]!, percent)!;
        const limits = {
          maxRepDiscountPercent: percent,
          actor: { email: 'rita@seller.example', role: 'rep' as const },
        };
        const at = applyAdjustments(quote, [{ sku: 'X', unitPrice: floor }], limits);
        expect(at.ok && at.needsManager).toEqual([]);
        if (floor > 0) {
          const below = applyAdjustments(quote, [{ sku: 'X', unitPrice: floor - 1 }], limits);
          expect(below.ok && below.needsManager.map((n) => n.floor)).toEqual([floor]);
        }
      }),
    );
  });

  it('is absent for a line with nothing to measure against', () => {
    expect(repFloor({ contractPrice: null, listPrice: null }, 10)).toBeUndefined();
  });
});
