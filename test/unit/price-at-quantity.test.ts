import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitPriceAt } from '#domain/price-at-quantity.ts';

const hats = {
  yourPrice: 21_50,
  tiers: [
    { minQty: 100, unitPrice: 19_00 },
    { minQty: 25, unitPrice: 20_50 },
  ],
};

describe('a draft line priced at its quantity', () => {
  it('takes the highest tier the quantity reaches, whatever order the tiers come in', () => {
    expect(unitPriceAt(hats, 24)).toEqual({ unitPrice: 21_50 });
    expect(unitPriceAt(hats, 25)).toEqual({ unitPrice: 20_50, tierFrom: 25 });
    expect(unitPriceAt(hats, 99)).toEqual({ unitPrice: 20_50, tierFrom: 25 });
    expect(unitPriceAt(hats, 1000)).toEqual({ unitPrice: 19_00, tierFrom: 100 });
  });

  it('keeps the price of one when there is no tier, or no price at all', () => {
    expect(unitPriceAt({ yourPrice: 9_12, tiers: [] }, 150)).toEqual({ unitPrice: 9_12 });
    expect(unitPriceAt({ yourPrice: null, tiers: [] }, 3)).toEqual({ unitPrice: null });
  });

  it('never costs more a unit for buying more, when tiers fall as quantities rise (as contracts require)', () => {
    const falling = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 })
      .map((quantities) =>
        quantities.sort((a, b) => a - b).map((minQty, i) => ({ minQty, unitPrice: 50_00 - i * 100 })),
      );
    fc.assert(
      fc.property(falling, fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (tiers, a, b) => {
        const entry = { yourPrice: 60_00, tiers };
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(unitPriceAt(entry, large).unitPrice!).toBeLessThanOrEqual(unitPriceAt(entry, small).unitPrice!);
      }),
    );
  });
});
