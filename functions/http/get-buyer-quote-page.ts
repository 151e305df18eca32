import { appLinks } from '#email/app-links.ts';
import { config } from '#functions/config.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

/**
 * The buyer's quote page moved into the web app; quote emails sent before the move still link here, so the old URL
 * sends the browser on to the RFQ in the app (which signs the buyer in and returns there). It reads nothing.
 */
export const handler = http(route('GET /rfqs/{rfqId}/page'), async ({ params }) => ({
  status: 302,
  headers: { location: appLinks(config().PUBLIC_BASE_URL).rfq(params.rfqId) },
}));
