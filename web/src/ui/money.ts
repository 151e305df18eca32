/** Money arrives in integer minor units with its currency; it is shown in the person's locale, never as a float sum. */
const formats = new Map<string, Intl.NumberFormat>();

const formatFor = (currency: string): Intl.NumberFormat => {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format;
};

export const minorDigits = (currency: string): number =>
  formatFor(currency).resolvedOptions().maximumFractionDigits ?? 2;

export const money = (minorUnits: number | null | undefined, currency: string): string =>
  minorUnits === null || minorUnits === undefined
    ? '—'
    : formatFor(currency).format(minorUnits / 10 ** minorDigits(currency));
