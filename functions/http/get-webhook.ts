import { readWebhook } from '#functions/webhooks/endpoint-admin.ts';
import { http } from './http.ts';
import { route } from './routes.ts';
import { webhookDeps } from './webhook-deps.ts';
import { webhookView } from './webhook-views.ts';

export const handler = http(route('GET /integrations/{integrationId}/webhook'), async ({ params, caller }) => ({
  status: 200,
  body: webhookView(await readWebhook(webhookDeps(), caller, params.integrationId), false),
}));
