import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginOf, marginShare, marginText } from '#domain/margin.ts';

describe('the margin on a line', () => {
  it('is the price less the cost, once both are known', () => {
    expect(marginOf(12_00, 9_00)).toBe(3_00);
    expect(marginOf(null, 9_00)).toBeUndefined();
    expect(marginOf(12_00, undefined)).toBeUndefined();
  });

  it('reads as money and a share of the price, with no share of a free line', () => {
    const money = (amount: number) => `$${(amount / 100).toFixed(2)}`;
    expect(marginText(3_00, 12_00, money)).toBe('$3.00 (25.0%)');
    expect(marginText(-1_00, 8_00, money)).toBe('$-1.00 (-12.5%)');
    expect(marginShare(0, 0)).toBe('—');
  });

  it('never shares more than the whole price while the cost is not negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (price, cost) => {
        expect(Number.parseFloat(marginShare(marginOf(price, cost)!, price))).toBeLessThanOrEqual(100);
      }),
    );
  });
});
