import type { RfqStatus } from '#domain/lifecycle.ts';
import { type ApprovalStep, type Quote, type Rfq, type RfqRequest, rfqSchema } from '#domain/rfq.ts';

let next = 0;

class RfqBuilder {
  constructor(private readonly rfq: Rfq) {}

  private with(changes: Partial<Rfq>): RfqBuilder {
    return new RfqBuilder({ ...this.rfq, ...changes });
  }

  /** The buyer company and its account rep. */
  for(companyId: string, accountRepEmail = this.rfq.accountRepEmail) {
    return this.with({ companyId, accountRepEmail });
  }
  /** Submitted by this buyer themselves. */
  by(buyerEmail: string) {
    return this.with({ buyerEmail, submittedBy: { email: buyerEmail, role: 'buyer' } });
  }
  /** Submitted by the account rep on the buyer's behalf. */
  byRepFor(buyerEmail: string) {
    return this.with({
      buyerEmail,
      submittedBy: { email: this.rfq.accountRepEmail, role: 'rep', onBehalfOf: buyerEmail },
    });
  }
  requesting(...lines: RfqRequest['lines']) {
    return this.with({ lines });
  }
  withStatus(status: RfqStatus) {
    return this.with({ status });
  }
  withVersion(version: number) {
    return this.with({ version });
  }
  withQuote(quote: Quote) {
    return this.with({ quote, currency: quote.currency });
  }
  /** The last version the seller sent, and until when it holds. */
  withQuoted(quotedVersion: number, quotedUntil: string) {
    return this.with({ quotedVersion, quotedUntil });
  }
  withApprovals(approvals: ApprovalStep[]) {
    return this.with({ approvals });
  }
  withPoNumber(poNumber: string) {
    return this.with({ poNumber });
  }
  /** To one of the company's ship-to addresses, wanted by a day. */
  shippingTo(shipToId: string, requestedDeliveryDate?: string) {
    return this.with({ shipToId, ...(requestedDeliveryDate !== undefined && { requestedDeliveryDate }) });
  }
  /** Stored under this quote number (the store gives one to every RFQ it creates). */
  numbered(quoteNumber: string) {
    return this.with({ quoteNumber });
  }
  /** Submitted at this moment (ISO 8601): its year is the quote number's series. */
  submittedAt(at: string) {
    return this.with({ createdAt: at, updatedAt: at });
  }
  build(): Rfq {
    return rfqSchema.parse(this.rfq);
  }
}

/** A freshly SUBMITTED RFQ of buyer@acme.example for 10 × SKU-1, with a unique id per call. */
export const anRfq = (rfqId = `rfq_test${Date.now().toString(36)}${(next++).toString(36)}`) =>
  new RfqBuilder({
    rfqId,
    companyId: 'acme',
    buyerEmail: 'buyer@acme.example',
    accountRepEmail: 'rep@seller.example',
    submittedBy: { email: 'buyer@acme.example', role: 'buyer' },
    status: 'SUBMITTED',
    version: 1,
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
    currency: 'USD',
    lines: [{ sku: 'SKU-1', quantity: 10 }],
    approvals: [],
  });
