import { type SentQuote, sentQuote, sentVersion } from '#domain/quote-document.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { Store } from '#store/ports.ts';

/**
 * The quote the seller committed to, for the buyer side: the RFQ's own quote once sent, or the last sent version read
 * back from the version log while a newer one is being worked on. One read at most, and only during a revision.
 */
export const readSentQuote = async (store: Pick<Store, 'rfqs'>, rfq: Rfq): Promise<SentQuote | undefined> => {
  const which = sentVersion(rfq);
  const stored = typeof which === 'number' ? (await store.rfqs.version(rfq.rfqId, which))?.quote : undefined;
  return sentQuote(rfq, stored);
};
