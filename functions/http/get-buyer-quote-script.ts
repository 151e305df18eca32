import { buyerQuoteScript } from '#functions/pages/buyer-quote-script.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /assets/buyer-quote.js'), async () => ({
  status: 200,
  html: buyerQuoteScript,
  headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' },
}));
