import type { RfqStatus } from './lifecycle.ts';
import { type BuyerLineView, buyerLineView } from './quote-view.ts';
import type { Quote, Rfq } from './rfq.ts';

/**
 * The quote as a document for the buyer company (the PDF, GET /rfqs/{rfqId}/quote.pdf): every field named here from the
 * buyer's whitelist, whoever prints it — a rep who downloads it gets exactly what the buyer gets, never cost or margin.
 */
export interface QuoteDocument {
  rfqId: string;
  seller: { name: string; email: string };
  buyer: { companyName: string; email: string; paymentTerms: string };
  accountRepEmail: string;
  status: RfqStatus;
  version: number;
  currency: string;
  issuedAt: string;
  validUntil: string;
  poNumber?: string;
  requestedDeliveryDate?: string;
  note?: string;
  lines: BuyerLineView[];
  subtotal: number;
  discountTotal: number;
  total: number;
}

/** While the seller is (re)working a quote its prices are proposals; only a quote the seller sent is a document. */
const beingWorkedOn: ReadonlySet<RfqStatus> = new Set(['SUBMITTED', 'IN_REVIEW', 'DISCOUNT_APPROVAL']);

/** The quote the seller committed to (sent to the buyer, with a validity date), or undefined before one was sent. */
export const sentQuote = (rfq: Pick<Rfq, 'status' | 'quote'>): (Quote & { validUntil: string }) | undefined => {
  const quote = rfq.quote;
  if (!quote?.validUntil || beingWorkedOn.has(rfq.status)) return undefined;
  return { ...quote, validUntil: quote.validUntil };
};

export const quoteDocument = (
  rfq: Rfq,
  quote: Quote & { validUntil: string },
  parties: { seller: { name: string; email: string }; companyName: string; paymentTerms: string },
): QuoteDocument => ({
  rfqId: rfq.rfqId,
  seller: { name: parties.seller.name, email: parties.seller.email },
  buyer: { companyName: parties.companyName, email: rfq.buyerEmail, paymentTerms: parties.paymentTerms },
  accountRepEmail: rfq.accountRepEmail,
  status: rfq.status,
  version: quote.version,
  currency: quote.currency,
  issuedAt: quote.pricedAt,
  validUntil: quote.validUntil,
  ...(rfq.poNumber !== undefined && { poNumber: rfq.poNumber }),
  ...(rfq.requestedDeliveryDate !== undefined && { requestedDeliveryDate: rfq.requestedDeliveryDate }),
  ...(rfq.note !== undefined && { note: rfq.note }),
  lines: quote.lines.map(buyerLineView),
  subtotal: quote.subtotal,
  discountTotal: quote.discountTotal,
  total: quote.total,
});
