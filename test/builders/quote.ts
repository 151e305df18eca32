import { quoteTotals } from '#domain/quote-totals.ts';
import type { Quote, QuoteLine } from '#domain/rfq.ts';

type LineDetails = Partial<Omit<QuoteLine, 'sku' | 'quantity' | 'unitPrice' | 'lineTotal'>>;

/** Line ids as pricing gives them: by position. */
const nextId = (lines: readonly QuoteLine[]): string => `L${lines.length + 1}`;

class QuoteBuilder {
  constructor(private readonly quote: Omit<Quote, 'subtotal' | 'discountTotal' | 'total' | 'unpricedLines'>) {}

  private withLines(lines: QuoteLine[]): QuoteBuilder {
    return new QuoteBuilder({ ...this.quote, lines: [...this.quote.lines, ...lines] });
  }

  /** A line priced at `unitPrice` (its list price too, unless `details` say otherwise). */
  withLine(sku: string, quantity: number, unitPrice: number, details: LineDetails = {}) {
    return this.withLines([
      {
        lineId: nextId(this.quote.lines),
        sku,
        name: `Product ${sku}`,
        unit: 'each',
        listPrice: unitPrice,
        contractPrice: null,
        priceSource: 'list price',
        ...details,
        quantity,
        unitPrice,
        lineTotal: unitPrice * quantity,
      },
    ]);
  }
  /** A line the catalog could not price: null price, flagged for the rep. */
  withUnpricedLine(sku: string, quantity: number, unpriced = 'unknown sku') {
    return this.withLines([
      {
        lineId: nextId(this.quote.lines),
        sku,
        name: sku,
        unit: '',
        quantity,
        listPrice: null,
        contractPrice: null,
        unitPrice: null,
        lineTotal: null,
        priceSource: 'needs rep pricing',
        unpriced,
      },
    ]);
  }
  version(version: number) {
    return new QuoteBuilder({ ...this.quote, version });
  }
  in(currency: string) {
    return new QuoteBuilder({ ...this.quote, currency });
  }
  validUntil(validUntil: string) {
    return new QuoteBuilder({ ...this.quote, validUntil });
  }
  /** Totals derived from the lines, as pricing derives them. */
  build(): Quote {
    return { ...this.quote, ...quoteTotals(this.quote.lines) };
  }
}

/** Version 1 of a USD quote with no lines yet: `aQuote().withLine('SKU-1', 10, 12_00, { category: 'tools' })`. */
export const aQuote = () =>
  new QuoteBuilder({ version: 1, currency: 'USD', lines: [], pricedAt: '2026-11-23T09:00:00.000Z' });
