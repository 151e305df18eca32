import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  applyDiscount,
  basisPointsToPercentText,
  divideCeiling,
  divideHalfUp,
  lineTotal,
  percent,
  percentToBasisPoints,
  sum,
} from '#domain/money.ts';
import { formatMoney, minorUnitDigits } from '#domain/money-format.ts';

const amount = fc.integer({ min: 0, max: 1_000_000_000_00 });
const basisPoints = fc.integer({ min: 0, max: 10_000 });

describe('rounding half-up', () => {
  it.each([
    [5n, 10n, 1n], // 0.5 → 1
    [15n, 10n, 2n], // 1.5 → 2
    [25n, 10n, 3n], // 2.5 → 3
    [24n, 10n, 2n],
    [26n, 10n, 3n],
    [0n, 10n, 0n],
    [-5n, 10n, -1n], // a half rounds away from zero
    [-25n, 10n, -3n],
    [-24n, 10n, -2n],
  ])('%d / %d rounds to %d', (numerator, denominator, expected) => {
    expect(divideHalfUp(numerator, denominator)).toBe(expected);
  });

  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (n, d) => {
          const error = divideHalfUp(n, d) * d - n;
          expect(2n * (error < 0n ? -error : error)).toBeLessThanOrEqual(d);
        },
      ),
    );
  });

  it('rounds up only to the next whole unit', () => {
    expect(divideCeiling(10n, 5n)).toBe(2n);
    expect(divideCeiling(11n, 5n)).toBe(3n);
    expect(divideCeiling(0n, 5n)).toBe(0n);
  });

  it('refuses a zero denominator', () => {
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => divideCeiling(1n, 0n)).toThrow(RangeError);
  });
});

describe('percentages', () => {
  it.each([
    [5, 500],
    [2.5, 250],
    [12.25, 1225],
    [0, 0],
    [100, 10_000],
    [0.07, 7],
  ])('%d% is %d basis points', (percent, expected) => {
    expect(percentToBasisPoints(percent)).toBe(expected);
  });

  it.each([0, 0.07, 0.29, 2.5, 12.25, 99.99, 100])('takes %d% as a percentage', (given) => {
    expect(percent.parse(given)).toBe(given);
  });

  it.each([7.555, 5e-324, 12.250000000001, -1, 100.01])('refuses %d% as a percentage', (given) => {
    expect(percent.safeParse(given).success).toBe(false);
  });

  it.each([7.555, -1, 100.01, Number.NaN])('refuses %d%', (percent) => {
    expect(() => percentToBasisPoints(percent)).toThrow(RangeError);
  });

  it.each([
    [750, '7.5'],
    [1000, '10'],
    [1225, '12.25'],
    [5, '0.05'],
    [0, '0'],
    [-250, '-2.5'],
  ])('%d basis points read as %s%', (bp, text) => {
    expect(basisPointsToPercentText(bp)).toBe(text);
  });

  it('reads back every percentage it was given', () => {
    fc.assert(
      fc.property(basisPoints, (bp) => {
        expect(percentToBasisPoints(Number(basisPointsToPercentText(bp)))).toBe(bp);
      }),
    );
  });
});

describe('discounts', () => {
  it('rounds the discounted price half-up', () => {
    expect(applyDiscount(10_00, 500)).toBe(9_50);
    expect(applyDiscount(1, 5_000)).toBe(1); // 0.5 → 1
    expect(applyDiscount(3, 5_000)).toBe(2); // 1.5 → 2
    expect(applyDiscount(5, 5_000)).toBe(3); // 2.5 → 3
    expect(applyDiscount(9_99, 3_333)).toBe(6_66); // 666.033 → 666
  });

  it('gives the whole amount at 0% and nothing at 100%', () => {
    expect(applyDiscount(12_34, 0)).toBe(12_34);
    expect(applyDiscount(12_34, 10_000)).toBe(0);
  });

  it('always yields a whole amount between zero and the original', () => {
    fc.assert(
      fc.property(amount, basisPoints, (a, bp) => {
        const discounted = applyDiscount(a, bp);
        expect(Number.isSafeInteger(discounted)).toBe(true);
        expect(discounted).toBeGreaterThanOrEqual(0);
        expect(discounted).toBeLessThanOrEqual(a);
        expect(Math.abs(discounted * 10_000 - a * (10_000 - bp))).toBeLessThanOrEqual(5_000);
      }),
    );
  });

  it('never gives a larger price for a deeper discount', () => {
    fc.assert(
      fc.property(amount, basisPoints, basisPoints, (a, x, y) => {
        const [shallow, deep] = x <= y ? [x, y] : [y, x];
        expect(applyDiscount(a, deep)).toBeLessThanOrEqual(applyDiscount(a, shallow));
      }),
    );
  });

  it('stays exact where a float product would not', () => {
    // 9_007_199_254_740_991 × 9_999 overflows 2^53; BigInt keeps every digit.
    expect(applyDiscount(Number.MAX_SAFE_INTEGER, 1)).toBe(9_006_298_534_815_517);
  });

  it('refuses fractional amounts and discounts outside 0–100%', () => {
    expect(() => applyDiscount(10.5, 100)).toThrow(RangeError);
    expect(() => applyDiscount(10_00, -1)).toThrow(RangeError);
    expect(() => applyDiscount(10_00, 10_001)).toThrow(RangeError);
  });
});

describe('line totals and sums', () => {
  it('multiplies exactly', () => {
    expect(lineTotal(12_50, 4)).toBe(50_00);
    expect(lineTotal(0, 1_000)).toBe(0);
  });

  it('refuses a total beyond the safe integer range instead of rounding it', () => {
    expect(() => lineTotal(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => sum([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it('adds whole amounts to a whole amount, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }), { maxLength: 200 }), (amounts) => {
        const total = sum(amounts);
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(sum([...amounts].reverse())).toBe(total);
      }),
    );
  });

  it('sums nothing to zero', () => {
    expect(sum([])).toBe(0);
  });

  it('refuses a fractional amount', () => {
    expect(() => sum([1, 0.5])).toThrow(RangeError);
  });
});

describe('allocating a total by weights', () => {
  it('splits $100.00 three ways without losing a cent', () => {
    expect(allocate(100_00, [1, 1, 1])).toEqual([33_34, 33_33, 33_33]);
  });

  it('gives the leftover cents to the largest remainders', () => {
    expect(allocate(10, [1, 2, 7])).toEqual([1, 2, 7]);
    expect(allocate(5, [3, 3, 4])).toEqual([2, 1, 2]);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocate(99, [0, 1, 0])).toEqual([0, 99, 0]);
  });

  it('splits a negative total the same way, mirrored', () => {
    expect(allocate(-100_00, [1, 1, 1])).toEqual([-33_34, -33_33, -33_33]);
  });

  it('always sums to the total, each part within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(sum(parts)).toBe(total);
          const weightSum = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((part, i) => {
            expect(Number.isSafeInteger(part)).toBe(true);
            // |part − total·w/W| < 1  ⇔  |part·W − total·w| < W
            const gap = BigInt(part) * weightSum - BigInt(total) * BigInt(weights[i] ?? 0);
            expect(gap < 0n ? -gap : gap).toBeLessThan(weightSum);
          });
        },
      ),
    );
  });

  it('refuses weights that cannot share anything', () => {
    expect(() => allocate(100, [])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
    expect(() => allocate(100, [1, -1])).toThrow(RangeError);
  });
});

/** Intl separates with no-break spaces; compare as a reader sees them. */
const asRead = (text: string) => text.replace(/\u00a0/g, ' ');

describe('money for people to read', () => {
  it('writes dollars the American way', () => {
    expect(formatMoney(1_234_50, 'USD')).toBe('$1,234.50');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney(-12_00, 'USD')).toBe('-$12.00');
  });

  it('writes euros the German way when asked', () => {
    expect(asRead(formatMoney(1_234_50, 'EUR', 'de-DE'))).toBe('1.234,50 €');
  });

  it('knows currencies without cents and with mills', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(formatMoney(1_234, 'JPY')).toBe('¥1,234');
    expect(asRead(formatMoney(1_234_567, 'KWD'))).toBe('KWD 1,234.567');
  });

  it('refuses a fractional amount: it is not money in minor units', () => {
    expect(() => formatMoney(12.5, 'USD')).toThrow(RangeError);
  });

  it('prints every digit of amounts a float would blur', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD')).toBe('$90,071,992,547,409.91');
  });
});
