import { buyerQuotePage, buyerQuotePolicy } from '#functions/pages/buyer-quote.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

/** The shell only: it holds no RFQ data, so it is public; its script reads the RFQ with the buyer's own token. */
export const handler = http(route('GET /rfqs/{rfqId}/page'), async ({ params }) => ({
  status: 200,
  html: buyerQuotePage(params.rfqId),
  headers: { 'content-security-policy': buyerQuotePolicy },
}));
