import type { RfqStatus } from './lifecycle.ts';
import { quoteName } from './quote-number.ts';
import { taxOfQuote } from './quote-totals.ts';
import { type BuyerLineView, buyerLineView } from './quote-view.ts';
import type { Quote, Rfq } from './rfq.ts';
import type { TaxRow } from './tax.ts';

/**
 * The quote as a document for the buyer company (the PDF, GET /rfqs/{rfqId}/quote.pdf): every field named here from the
 * buyer's whitelist, whoever prints it — a rep who downloads it gets exactly what the buyer gets, never cost or margin.
 */
export interface QuoteDocument {
  rfqId: string;
  /** What the document calls the quote: its number (Q-2026-00042), or its id when stored before numbering. */
  quoteName: string;
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
  shipTo?: string;
  note?: string;
  lines: BuyerLineView[];
  discountTotal: number;
  total: number;
  taxes: TaxRow[];
  grandTotal: number;
  taxNote?: string;
}

/** While the seller is (re)working a quote its prices are proposals; only a quote the seller sent is a document. */
const beingWorkedOn: ReadonlySet<RfqStatus> = new Set(['SUBMITTED', 'IN_REVIEW', 'DISCOUNT_APPROVAL']);

export type SentQuote = Quote & { validUntil: string };

/**
 * Which quote version the buyer side may read: the last one the seller sent (`quotedVersion`). A newer version being
 * worked on — a revision, or prices waiting for the sales manager — is not an offer yet. `current` when that is the
 * RFQ's own quote, a number when it is an older stored version, undefined before anything was sent.
 */
export const sentVersion = (rfq: Pick<Rfq, 'status' | 'quote' | 'quotedVersion'>): 'current' | number | undefined => {
  if (rfq.quotedVersion === undefined)
    // RFQs quoted before quotedVersion was recorded: the status says whether their quote was sent.
    return rfq.quote?.validUntil && !beingWorkedOn.has(rfq.status) ? 'current' : undefined;
  return rfq.quote?.version === rfq.quotedVersion ? 'current' : rfq.quotedVersion;
};

/**
 * The quote the seller committed to, with its validity date: the RFQ's own quote once sent, else `stored` — the
 * version `sentVersion` named, read from the version log — or undefined when nothing was sent yet.
 */
export const sentQuote = (
  rfq: Pick<Rfq, 'status' | 'quote' | 'quotedVersion' | 'quotedUntil'>,
  stored?: Quote,
): SentQuote | undefined => {
  const which = sentVersion(rfq);
  const quote = which === 'current' ? rfq.quote : stored?.version === which ? stored : undefined;
  const validUntil = quote?.validUntil ?? rfq.quotedUntil;
  return quote && validUntil ? { ...quote, validUntil } : undefined;
};

export const quoteDocument = (
  rfq: Rfq,
  quote: SentQuote,
  parties: { seller: { name: string; email: string }; companyName: string; paymentTerms: string },
): QuoteDocument => {
  const tax = taxOfQuote(quote);
  return {
    rfqId: rfq.rfqId,
    quoteName: quoteName(rfq),
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
    ...(rfq.shipTo !== undefined && { shipTo: rfq.shipTo }),
    ...(rfq.note !== undefined && { note: rfq.note }),
    lines: quote.lines.map(buyerLineView),
    discountTotal: quote.discountTotal,
    total: quote.total,
    taxes: tax.taxes,
    grandTotal: tax.grandTotal,
    ...(tax.taxNote !== undefined && { taxNote: tax.taxNote }),
  };
};
