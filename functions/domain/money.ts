import * as z from 'zod';

/** Integer minor units (cents for USD/EUR). Never a float. */
export const minorUnits = z.number().int().safe();
export const nonNegativeMinorUnits = minorUnits.min(0);

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

/**
 * A percentage with at most two decimals (5, 2.5, 12.25), held as basis points inside the domain: exactly the number
 * its hundredths make, so nothing finer passes — not 7.555, nor a 5e-324 that DynamoDB could not even store.
 */
export const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.round(p * 100) / 100 === p, { message: 'at most two decimals' });

/*
 * Rounding rule: half-up (a half rounds away from zero, as Java's ROUND_HALF_UP), applied once per line — to the
 * unit price a discount produces — never to a sum. Totals are exact sums of already-rounded line totals, so the
 * quote a buyer reads adds up to the cent. Arithmetic that multiplies runs in BigInt, so no product of two safe
 * integers is ever rounded by the float unit; results outside the safe-integer range throw.
 */

const basisPointsPerWhole = 10_000n;

const toSafeNumber = (value: bigint, what: string): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${value} is beyond the safe integer range`);
  }
  return Number(value);
};

const requireInteger = (value: number, what: string): void => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
};

/** numerator / denominator, a half rounded away from zero. The denominator must be positive. */
export const divideHalfUp = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
};

/** numerator / denominator rounded up (towards +∞). The denominator must be positive. */
export const divideCeiling = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const quotient = numerator / denominator;
  return numerator % denominator > 0n ? quotient + 1n : quotient;
};

/** 5 → 500, 2.5 → 250, 12.25 → 1225. Throws for more than two decimals or outside 0–100. */
export const percentToBasisPoints = (value: number): number => {
  const parsed = percent.safeParse(value);
  if (!parsed.success) throw new RangeError(`${value} is not a percentage with at most two decimals in 0–100`);
  return Math.round(parsed.data * 100);
};

/** 750 → "7.5", 1000 → "10", 1225 → "12.25": how a percentage reads in a price explanation. */
export const basisPointsToPercentText = (basisPoints: number): string => {
  requireInteger(basisPoints, 'basis points');
  const sign = basisPoints < 0 ? '-' : '';
  const magnitude = Math.abs(basisPoints);
  const whole = Math.trunc(magnitude / 100);
  const fraction = (magnitude % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
};

/** The amount less `basisPoints` (500 = 5%), the resulting price rounded half-up. */
export const applyDiscount = (amount: number, basisPoints: number): number => {
  requireInteger(amount, 'amount');
  requireInteger(basisPoints, 'basis points');
  if (basisPoints < 0 || basisPoints > 10_000)
    throw new RangeError(`a discount of ${basisPoints} bp is not in 0–10000`);
  const discounted = divideHalfUp(BigInt(amount) * (basisPointsPerWhole - BigInt(basisPoints)), basisPointsPerWhole);
  return toSafeNumber(discounted, 'discounted amount');
};

export const lineTotal = (unitPrice: number, quantity: number): number => {
  requireInteger(unitPrice, 'unit price');
  requireInteger(quantity, 'quantity');
  return toSafeNumber(BigInt(unitPrice) * BigInt(quantity), 'line total');
};

export const sum = (amounts: Iterable<number>): number => {
  let total = 0n;
  for (const amount of amounts) {
    requireInteger(amount, 'amount');
    total += BigInt(amount);
  }
  return toSafeNumber(total, 'sum');
};

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method: every part is the exact share rounded
 * down (towards zero), and the cents left over go one each to the largest remainders (earlier parts first on a tie).
 * The parts always add up to `total` exactly and each is within one minor unit of its exact share.
 */
export const allocate = (total: number, weights: readonly number[]): number[] => {
  requireInteger(total, 'total');
  for (const weight of weights) {
    requireInteger(weight, 'weight');
    if (weight < 0) throw new RangeError('weights must not be negative');
  }
  const weightSum = weights.reduce((acc, w) => acc + BigInt(w), 0n);
  if (weightSum === 0n) throw new RangeError('at least one weight must be positive');

  const magnitude = BigInt(Math.abs(total));
  const shares = weights.map((w, index) => {
    const scaled = magnitude * BigInt(w);
    return { index, part: scaled / weightSum, remainder: scaled % weightSum };
  });
  let leftOver = magnitude - shares.reduce((acc, s) => acc + s.part, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftOver === 0n) break;
    share.part += 1n;
    leftOver -= 1n;
  }
  return shares.map((s) => (total < 0 && s.part > 0n ? -Number(s.part) : Number(s.part)));
};
