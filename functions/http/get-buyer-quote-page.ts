import { appLinks } from '#rendering/app-links.ts';
import { http } from './http.ts';
import { route } from './routes.ts';

/**
 * The buyer's quote page moved into the web app; quote emails sent before the move still link here, so the old URL
 * sends the browser on to the RFQ in the app (which signs the buyer in and returns there). It reads nothing.
 */
export const handler = http(route('GET /rfqs/{rfqId}/page'), async ({ params }) => ({
  status: 302,
  // Relative: the app is on the origin this request reached, whatever the configured public URL says.
  headers: { location: appLinks('').rfq(params.rfqId) },
}));
