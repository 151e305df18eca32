import { retryDelivery } from '#functions/webhooks/endpoint-admin.ts';
import { http } from './http.ts';
import { route } from './routes.ts';
import { webhookDeps } from './webhook-deps.ts';
import { deliveryView } from './webhook-views.ts';

/** Sends one delivery again now, with the same webhook-id; answers the delivery as its log now shows it. */
export const handler = http(
  route('POST /integrations/{integrationId}/deliveries/{deliveryId}/retry'),
  async ({ params, caller }) => ({
    status: 200,
    body: deliveryView(await retryDelivery(webhookDeps(), caller, params.integrationId, params.deliveryId)),
  }),
);
