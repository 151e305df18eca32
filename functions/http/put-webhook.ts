import { setWebhook } from '#functions/webhooks/endpoint-admin.ts';
import { http } from './http.ts';
import { route } from './routes.ts';
import { webhookDeps } from './webhook-deps.ts';
import { webhookView } from './webhook-views.ts';

/** The seller's admin sets (or re-enables) where an integration's webhooks go; a new secret is shown this once. */
export const handler = http(route('PUT /integrations/{integrationId}/webhook'), async ({ params, body, caller }) => {
  const { endpoint, secretShown } = await setWebhook(webhookDeps(), caller, params.integrationId, body);
  return { status: 200, body: webhookView(endpoint, secretShown) };
});
