import { mayReadQuotePdf } from '#domain/policy.ts';
import { config } from '#functions/config.ts';
import { adapters } from './adapters.ts';
import { http } from './http.ts';
import { notFound } from './problem.ts';
import { quotePdfReply } from './quote-pdf-reply.ts';
import { route } from './routes.ts';

/** The quote the seller sent, as the buyer's PDF: built from the buyer-side whitelist whoever asks. */
export const handler = http(route('GET /rfqs/{rfqId}/quote.pdf'), async ({ params, caller }) => {
  const { store } = adapters();
  const rfq = await store.rfqs.get(params.rfqId);
  if (!rfq || !mayReadQuotePdf(caller, rfq)) throw notFound(`no RFQ ${params.rfqId}`);
  return quotePdfReply(store, rfq, config());
});
