import { readSentQuote } from '#application/sent-quote.ts';
import { mayReadQuotePdf } from '#domain/policy.ts';
import { quoteDocument } from '#domain/quote-document.ts';
import { config } from '#functions/config.ts';
import { quotePdf } from '#functions/pages/quote-pdf.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { conflict, notFound } from './problem.ts';
import { route } from './routes.ts';

/** The quote the seller sent, as the buyer's PDF: built from the buyer-side whitelist whoever asks. */
export const handler = http(route('GET /rfqs/{rfqId}/quote.pdf'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await store.rfqs.get(params.rfqId);
  if (!rfq || !mayReadQuotePdf(caller, rfq)) throw notFound(`no RFQ ${params.rfqId}`);
  const quote = await readSentQuote(store, rfq);
  if (!quote) throw conflict(`no quote was sent for ${rfq.rfqId} yet (it is ${rfq.status}); there is nothing to print`);
  const company = await store.catalog.getCompany(rfq.companyId);
  const settings = config();
  const pdf = await quotePdf(
    quoteDocument(rfq, quote, {
      seller: { name: settings.SELLER_NAME, email: settings.MAIL_FROM },
      companyName: company?.name ?? rfq.companyId,
      paymentTerms: company?.paymentTerms ?? '—',
    }),
  );
  return {
    status: 200,
    bytes: pdf,
    contentType: 'application/pdf',
    headers: {
      'content-disposition': `inline; filename="quote-${rfq.rfqId}-v${quote.version}.pdf"`,
      'cache-control': 'private, no-store',
    },
  };
});
