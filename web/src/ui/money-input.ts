import { minorDigits } from './money.ts';

/** A code that is no currency (a CSV's "DOLLARS") reads with two decimals; the API then refuses the code itself. */
const digitsOf = (currency: string): number => {
  try {
    return minorDigits(currency);
  } catch {
    return 2;
  }
};

/**
 * A price as typed ("12.5", "1,234.50" with the thousands grouped, "12") in integer minor units of the currency, exactly —
 * or undefined when it is not a price; the API then refuses or accepts it by its own rules.
 */
export const minorUnitsOf = (typed: string, currency: string): number | undefined => {
  const digits = digitsOf(currency);
  const match = /^(\d{1,3}(?:,\d{3})+|\d{1,13})(?:\.(\d*))?$/.exec(typed.trim());
  if (!match || (match[2] ?? '').length > digits) return undefined;
  return Number(`${match[1]!.replaceAll(',', '')}${(match[2] ?? '').padEnd(digits, '0')}`);
};

/** Minor units as an input's value: "12.50", without grouping, so it reads back through minorUnitsOf. */
export const typedPrice = (minorUnits: number | null | undefined, currency: string): string => {
  if (minorUnits === null || minorUnits === undefined) return '';
  const digits = minorDigits(currency);
  return digits === 0 ? String(minorUnits) : (minorUnits / 10 ** digits).toFixed(digits);
};
