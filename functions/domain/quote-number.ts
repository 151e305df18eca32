import * as z from 'zod';

/**
 * The number people say on the phone and write on a purchase order: `Q-2026-00042`, the 42nd RFQ the seller received in
 * 2026 (the year of its submission in UTC). Numbers run per year from 1, are never reused, and grow past five digits
 * rather than wrap. The RFQ id stays what URLs and the API address it by.
 */
export const quoteNumber = z.string().regex(/^Q-[0-9]{4}-[0-9]{5,}$/, 'a quote number such as Q-2026-00042');
export type QuoteNumber = z.infer<typeof quoteNumber>;

const SERIAL_DIGITS = 5;

/** The series a submission at `at` (ISO 8601) draws from: its UTC year, `2026`. */
export const quoteNumberSeries = (at: string): string => String(new Date(at).getUTCFullYear());

/** The `serial`th number of `series`: (`2026`, 42) → `Q-2026-00042`. */
export const formatQuoteNumber = (series: string, serial: number): QuoteNumber => {
  if (!/^[0-9]{4}$/.test(series)) throw new RangeError(`a quote number series is a year, got ${series}`);
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`a quote number serial is ≥ 1, got ${serial}`);
  return `Q-${series}-${String(serial).padStart(SERIAL_DIGITS, '0')}`;
};

/** How people name an RFQ: its quote number, or its id when it was submitted before RFQs were numbered. */
export const quoteName = (rfq: { rfqId: string; quoteNumber?: string | undefined }): string =>
  rfq.quoteNumber ?? rfq.rfqId;
