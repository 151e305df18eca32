import { removeWebhook } from '#functions/webhooks/endpoint-admin.ts';
import { http } from './http.ts';
import { route } from './routes.ts';
import { webhookDeps } from './webhook-deps.ts';

export const handler = http(route('DELETE /integrations/{integrationId}/webhook'), async ({ params, caller }) => {
  await removeWebhook(webhookDeps(), caller, params.integrationId);
  return { status: 204 };
});
