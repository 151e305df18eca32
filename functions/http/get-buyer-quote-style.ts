import { buyerQuoteStyle } from '#functions/pages/buyer-quote-style.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

export const handler = http(route('GET /assets/buyer-quote.css'), async () => ({
  status: 200,
  html: buyerQuoteStyle,
  headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' },
}));
