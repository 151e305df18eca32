/**
 * Money as people read it. Apart from money.ts, which holds the schemas, so that what only formats money (the web app
 * imports condition-text.ts) does not bring zod with it.
 */

/** How many minor units a currency's major unit has, as Intl knows it: USD 2, JPY 0, KWD 3. */
export const minorUnitDigits = (currency: string): number =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Money for people to read, in emails and pages: formatMoney(123450, 'USD') → "$1,234.50",
 * formatMoney(123450, 'EUR', 'de-DE') → "1.234,50 €". Display only. The amount reaches Intl as an exact decimal
 * string (NumberFormat v3), never as a float, so even huge amounts print every digit.
 */
export const formatMoney = (amount: number, currency: string, locale = 'en-US'): string => {
  const digits = minorUnitDigits(currency);
  const decimal = decimalAmount(amount, currency) as Intl.StringNumericLiteral;
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(decimal);
};

/**
 * Minor units as the exact decimal a machine reads, with the currency's digits: decimalAmount(123450, 'USD') →
 * "1234.50", decimalAmount(500, 'JPY') → "500". What order documents carry; never through a float.
 */
export const decimalAmount = (amount: number, currency: string): string => {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be a safe integer, got ${amount}`);
  const digits = minorUnitDigits(currency);
  const magnitude = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  return `${amount < 0 ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`;
};
