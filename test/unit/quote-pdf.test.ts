import { describe, expect, it } from 'vitest';
import { quoteDocument, sentQuote, sentVersion } from '#domain/quote-document.ts';
import { quotePdf } from '#functions/pages/quote-pdf.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';
import { expectLinesSumToTotal, shownPdfQuote } from '../e2e/quote-sums.ts';
import { pdfLines } from '../pdf/read-pdf.ts';

const parties = {
  seller: { name: 'Northwind Industrial', email: 'quotes@northwind.example' },
  companyName: 'Acme Industrial Supply Co.',
  paymentTerms: 'NET30',
};

const quoted = aQuote()
  .withLine('SAF-HAT-WHT', 40, 21_50, {
    name: 'Hard hat, type I, white',
    listPrice: 24_90,
    contractPrice: 21_50,
    priceSource: 'contract price',
    cost: 9_10,
    adjustedBy: 'riley@northwind.example',
  })
  .withLine('PKG-BOX-1212', 1_200, 1_15, {
    name: 'Shipping box 12×12×12 in',
    listPrice: 1_40,
    priceSource: 'list − 5% contract',
    cost: 42,
  })
  .validUntil('2026-12-23')
  .build();
const rfq = anRfq()
  .for('acme')
  .by('dana@acme.example')
  .withQuote(quoted)
  .withStatus('QUOTED')
  .withPoNumber('PO-7')
  .numbered('Q-2026-00042')
  .build();

// pdf.js parses each document in a few hundred milliseconds, and in many seconds on a loaded 2-core machine: no speed is asserted.
describe('the quote PDF', { timeout: 60_000 }, () => {
  it('reads back with every line, the totals, the parties and the validity — and never a cost', async () => {
    const document = quoteDocument(rfq, sentQuote(rfq)!, parties);
    const { lines, pages, title } = await pdfLines(await quotePdf(document, '#0b5e3c'));
    const text = lines.join('\n');
    expect(pages).toBe(1);
    expect(title).toBe('Quote Q-2026-00042 (version 1)');
    expect(text).toContain('Quote Q-2026-00042');
    expect(text).not.toContain(rfq.rfqId);
    expect(text).toContain('Northwind Industrial');
    expect(text).toContain('For Acme Industrial Supply Co., dana@acme.example');
    expect(text).toContain('Valid until 2026-12-23');
    expect(text).toContain('Payment terms Net 30 days');
    expect(text).toContain('Your PO number PO-7');
    expect(lines).toContain('Hard hat, type I, white 40 each $21.50 $860.00');
    expect(lines).toContain('Shipping box 12×12×12 in 1,200 each $1.15 $1,380.00');
    expect(lines).toContain('SAF-HAT-WHT · contract price');
    expect(lines).toContain('PKG-BOX-1212 · list - 5% contract');
    expect(lines).toContain('Total $2,240.00');
    expect(lines).toContain('You save $436.00 against list prices');
    expectLinesSumToTotal('the PDF', shownPdfQuote(lines));
    // Seller-only facts: cost 9.10 and 0.42, margins, who adjusted.
    expect(text).not.toMatch(/\$9\.10|\$0\.42|riley@|margin|cost/i);
  });

  it('prints characters the standard font lacks as "?" and spreads a long quote over pages with the header again', async () => {
    const many = aQuote().validUntil('2026-12-23');
    const long = Array.from(
      { length: 60 },
      (_, i) => [`SKU-${String(i).padStart(3, '0')}`, 1 + i, 1_00] as const,
    ).reduce(
      (b, [sku, qty, price]) => b.withLine(sku, qty, price),
      many.withLine('ZH-1', 1, 5_00, { name: '螺丝 screws ≥ M8 ✓' }),
    );
    const big = anRfq().for('acme').withQuote(long.build()).withStatus('ORDERED').build();
    const { lines, pages } = await pdfLines(await quotePdf(quoteDocument(big, sentQuote(big)!, parties), '#0b5e3c'));
    expect(pages).toBeGreaterThan(1);
    expect(lines).toContain('?? screws >= M8 ? 1 each $5.00 $5.00');
    expect(lines.filter((l) => l === 'Product Quantity Unit price Line total')).toHaveLength(pages);
    // Stored before RFQs were numbered: the document names it by its id.
    expect(lines.at(-1)).toBe(`Quote ${big.rfqId} · version 1 · page ${pages} of ${pages}`);
  });

  it('exists only for a quote the seller sent, not while it is being priced or revised', () => {
    expect(sentQuote(anRfq().withQuote(quoted).withStatus('IN_REVIEW').build())).toBeUndefined();
    expect(sentQuote(anRfq().withQuote(quoted).withStatus('DISCOUNT_APPROVAL').build())).toBeUndefined();
    expect(sentQuote(anRfq().withQuote(aQuote().build()).withStatus('QUOTED').build())).toBeUndefined();
    expect(sentQuote(rfq)?.version).toBe(1);
  });

  it('is the last version sent while a newer one is worked on: read from the log, valid until that version’s date', () => {
    const sent = aQuote().version(1).build();
    const working = anRfq().withQuote(aQuote().version(3).build()).withStatus('DISCOUNT_APPROVAL');
    const revised = working.withQuoted(1, '2026-12-31').build();
    expect(sentVersion(revised)).toBe(1);
    expect(sentQuote(revised, sent)).toMatchObject({ version: 1, validUntil: '2026-12-31' });
    expect(sentQuote(revised, aQuote().version(2).build())).toBeUndefined();
    expect(sentQuote(revised)).toBeUndefined();
    const accepted = anRfq().withQuote(quoted).withStatus('ACCEPTED').withQuoted(1, '2026-12-31').build();
    expect(sentVersion(accepted)).toBe('current');
    expect(sentQuote(accepted)).toMatchObject({ version: 1, validUntil: '2026-12-23' });
  });
});
