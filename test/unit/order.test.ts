import { describe, expect, it } from 'vitest';
import { orderFrom, orderIdFor } from '#domain/order.ts';
import { aQuote } from '../builders/quote.ts';
import { anRfq } from '../builders/rfq.ts';

describe('an approved RFQ becoming an order', () => {
  const quote = aQuote().withLine('BOLT-M8', 100, 12_00).withLine('NUT-M8', 100, 3_50).build();
  const rfq = anRfq('rfq_abc').withQuote(quote).withStatus('APPROVED').withPoNumber('PO-7').build();

  it('orders exactly the accepted quote, under the buyer’s PO and the company’s terms', () => {
    const order = orderFrom(rfq, { paymentTerms: 'NET45', at: '2026-11-23T10:00:00.000Z' });
    expect(order).toMatchObject({
      orderId: 'ord_abc',
      rfqId: 'rfq_abc',
      companyId: rfq.companyId,
      buyerEmail: rfq.buyerEmail,
      poNumber: 'PO-7',
      quoteVersion: quote.version,
      currency: quote.currency,
      subtotal: quote.subtotal,
      total: quote.total,
      paymentTerms: 'NET45',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(order.lines).toEqual(quote.lines);
    expect(order.orderId).toBe(orderIdFor(rfq.rfqId));
  });

  it('keeps the quote number the buyer knows the quote by', () => {
    const numbered = { ...rfq, quoteNumber: 'Q-2026-00042' };
    expect(orderFrom(numbered, { paymentTerms: 'NET30', at: '2026-11-23T10:00:00.000Z' }).quoteNumber).toBe(
      'Q-2026-00042',
    );
  });

  it('refuses an RFQ that has no quote', () => {
    const unpriced = anRfq('rfq_none').build();
    expect(() => orderFrom(unpriced, { paymentTerms: 'NET30', at: '2026-11-23T10:00:00.000Z' })).toThrow(/no quote/);
  });

  it('refuses an RFQ without a PO number rather than ordering under an empty one', () => {
    const noPo = anRfq('rfq_nopo').withQuote(quote).withStatus('APPROVED').build();
    expect(() => orderFrom(noPo, { paymentTerms: 'NET30', at: '2026-11-23T10:00:00.000Z' })).toThrow(/no PO number/);
  });
});
