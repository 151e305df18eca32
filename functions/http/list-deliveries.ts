import { listDeliveries } from '#functions/webhooks/endpoint-admin.ts';
import { http } from './http.ts';
import { route } from './routes.ts';
import { webhookDeps } from './webhook-deps.ts';
import { deliveryView } from './webhook-views.ts';

const DEFAULT_LIMIT = 25;

/** The integration's delivery log, newest first: each event, its attempts, the last answer, the next attempt. */
export const handler = http(
  route('GET /integrations/{integrationId}/deliveries'),
  async ({ params, query, caller }) => {
    const page = await listDeliveries(webhookDeps(), caller, params.integrationId, {
      limit: query.limit ?? DEFAULT_LIMIT,
      cursor: query.cursor,
    });
    return { status: 200, body: { items: page.items.map(deliveryView), ...(page.cursor && { cursor: page.cursor }) } };
  },
);
