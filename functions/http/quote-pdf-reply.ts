import { readSentQuote } from '#application/sent-quote.ts';
import { quoteDocument } from '#domain/quote-document.ts';
import type { Rfq } from '#domain/rfq.ts';
import type { Config } from '#functions/config.ts';
import { quotePdf } from '#functions/pages/quote-pdf.ts';
import type { Store } from '#store/ports.ts';
import { conflict } from './problem.ts';

/**
 * The quote the seller sent, as the buyer's PDF — the one document, whichever route let the reader in (their sign-in,
 * or an approver's email link): built from the buyer-side whitelist, never cost or margin.
 */
export const quotePdfReply = async (store: Pick<Store, 'rfqs' | 'catalog'>, rfq: Rfq, settings: Config) => {
  const quote = await readSentQuote(store, rfq);
  if (!quote) throw conflict(`no quote was sent for ${rfq.rfqId} yet (it is ${rfq.status}); there is nothing to print`);
  const company = await store.catalog.getCompany(rfq.companyId);
  const pdf = await quotePdf(
    quoteDocument(rfq, quote, {
      seller: { name: settings.SELLER_NAME, email: settings.MAIL_FROM },
      companyName: company?.name ?? rfq.companyId,
      paymentTerms: company?.paymentTerms ?? '—',
    }),
    settings.BRAND_COLOR,
  );
  return {
    status: 200 as const,
    bytes: pdf,
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `inline; filename="quote-${rfq.rfqId}-v${quote.version}.pdf"`,
      'cache-control': 'private, no-store',
    },
  };
};
