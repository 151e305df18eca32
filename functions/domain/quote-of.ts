import type { Quote, Rfq } from './rfq.ts';

/**
 * An RFQ past pricing without a quote: a broken invariant. It fails the step or request that met it, loudly, rather
 * than being read as an empty or zero quote.
 */
export class NoQuote extends Error {
  override readonly name = 'NoQuote';
}

/** The quote of an RFQ that must have one by now (priced, quoted, accepted, in approval, approved). */
export const quoteOf = (rfq: Pick<Rfq, 'rfqId' | 'status' | 'quote'>): Quote => {
  if (!rfq.quote) throw new NoQuote(`RFQ ${rfq.rfqId} is ${rfq.status} but has no quote`);
  return rfq.quote;
};
