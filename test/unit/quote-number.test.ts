import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuoteNumber, quoteName, quoteNumber, quoteNumberSeries } from '#domain/quote-number.ts';

describe('quote numbers people can say', () => {
  it('reads Q-<year>-<serial>, the serial in at least five digits', () => {
    expect(formatQuoteNumber('2026', 42)).toBe('Q-2026-00042');
    expect(formatQuoteNumber('2026', 123_456)).toBe('Q-2026-123456');
  });

  it('draws from the UTC year of the submission', () => {
    expect(quoteNumberSeries('2026-12-31T23:59:59.999Z')).toBe('2026');
    expect(quoteNumberSeries('2026-12-31T23:30:00-01:00')).toBe('2027');
  });

  it('gives every serial of a year its own valid number, in the order of the serials', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 1, max: 99_999_999 }), (a, b) => {
        const [first, second] = [formatQuoteNumber('2026', a), formatQuoteNumber('2026', b)];
        expect(quoteNumber.safeParse(first).success).toBe(true);
        expect(first === second).toBe(a === b);
        expect(Number(first.slice(7))).toBe(a);
      }),
    );
  });

  it('refuses a serial below 1 or a series that is not a year', () => {
    expect(() => formatQuoteNumber('2026', 0)).toThrow(RangeError);
    expect(() => formatQuoteNumber('26', 1)).toThrow(RangeError);
  });

  it('names an RFQ submitted before numbering by its id', () => {
    expect(quoteName({ rfqId: 'rfq_1', quoteNumber: 'Q-2026-00001' })).toBe('Q-2026-00001');
    expect(quoteName({ rfqId: 'rfq_1' })).toBe('rfq_1');
  });
});
