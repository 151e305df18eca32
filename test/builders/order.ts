import { type Order, orderFrom } from '#domain/order.ts';
import type { Report } from '#domain/order-updates.ts';
import { aQuote } from './quote.ts';
import { anRfq } from './rfq.ts';

/**
 * An order as the workflow places it, of these lines (sku, quantity, unit price): `anOrder([['BOLT-M8', 10, 12_00]])`.
 * Line ids are L1, L2, ... in the order given.
 */
export const anOrder = (lines: readonly (readonly [string, number, number])[], rfqId = 'rfq_ord1'): Order => {
  const quote = lines.reduce((q, [sku, quantity, price]) => q.withLine(sku, quantity, price), aQuote()).build();
  const rfq = anRfq(rfqId).withQuote(quote).withStatus('APPROVED').withPoNumber('PO-7').build();
  return orderFrom(rfq, { paymentTerms: 'NET30', at: '2026-11-23T10:00:00.000Z' });
};

let reports = 0;
/** A report from the ERP with a fresh key (and a digest of its own unless given). */
export const aReport = (overrides: Partial<Report> = {}): Report => {
  reports += 1;
  return {
    key: `key-${reports}`,
    digest: `digest-${reports}`,
    by: 'erp@northwind.example',
    at: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
};
