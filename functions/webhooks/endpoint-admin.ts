import { Forbidden, InvalidInput, NotFound, NotNow } from '#domain/errors.ts';
import type { Principal } from '#domain/integration.ts';
import { mayManageIntegrations } from '#domain/policy.ts';
import type { WebhookDelivery } from '#domain/webhook-delivery.ts';
import { type WebhookEndpoint, webhookUrlProblem } from '#domain/webhook-endpoint.ts';
import type { IntegrationStore, Page, WebhookStore } from '#store/ports.ts';
import { type AttemptDeps, attemptDelivery } from './attempt.ts';
import { newWebhookSecret } from './signature.ts';

/** What the seller admin's webhook use cases need: the integrations (to know one exists) and the webhook records. */
export interface WebhookAdminDeps {
  integrations: IntegrationStore;
  webhooks: WebhookStore;
  head(): Promise<number>;
  publicOnly: boolean;
  now: () => Date;
}

const mayManage = async (deps: Pick<WebhookAdminDeps, 'integrations'>, principal: Principal, integrationId: string) => {
  if (!mayManageIntegrations(principal)) throw new Forbidden('only the seller’s admin manages integrations');
  if (!(await deps.integrations.get(integrationId))) throw new NotFound(`no integration ${integrationId}`);
};

const endpointOf = async (webhooks: WebhookStore, integrationId: string): Promise<WebhookEndpoint> => {
  const endpoint = await webhooks.endpoint(integrationId);
  if (!endpoint) throw new NotFound(`integration ${integrationId} has no webhook endpoint`);
  return endpoint;
};

/**
 * Sets where an integration's webhooks go, and enables it (again, after a 410 disabled it). A new endpoint, or one
 * whose secret is rotated, gets a new signing secret, answered here only; a changed URL keeps the secret. An endpoint
 * gets the events from now on: what came before is in the feed.
 */
export const setWebhook = async (
  deps: WebhookAdminDeps,
  principal: Principal,
  integrationId: string,
  request: { url: string; rotateSecret?: boolean | undefined },
): Promise<{ endpoint: WebhookEndpoint; secretShown: boolean }> => {
  await mayManage(deps, principal, integrationId);
  const problem = webhookUrlProblem(request.url, deps.publicOnly);
  if (problem)
    throw new InvalidInput('the webhook URL cannot be called', [{ path: 'url', message: `must be ${problem}` }]);
  const now = deps.now().toISOString();
  const before = await deps.webhooks.endpoint(integrationId);
  const secretShown = !before || request.rotateSecret === true;
  const endpoint: WebhookEndpoint = {
    integrationId,
    url: request.url,
    secret: secretShown ? newWebhookSecret() : before.secret,
    enabled: true,
    // A disabled endpoint enabled again starts from now too: the deliveries it missed are not all sent at once.
    cursor: before?.enabled ? before.cursor : await deps.head(),
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
  await deps.webhooks.putEndpoint(endpoint);
  return { endpoint, secretShown };
};

export const readWebhook = async (
  deps: WebhookAdminDeps,
  principal: Principal,
  integrationId: string,
): Promise<WebhookEndpoint> => {
  await mayManage(deps, principal, integrationId);
  return endpointOf(deps.webhooks, integrationId);
};

/** Stops the integration's webhooks; the deliveries already made stay in its log. */
export const removeWebhook = async (deps: WebhookAdminDeps, principal: Principal, integrationId: string) => {
  await mayManage(deps, principal, integrationId);
  await endpointOf(deps.webhooks, integrationId);
  await deps.webhooks.removeEndpoint(integrationId);
};

export const listDeliveries = async (
  deps: WebhookAdminDeps,
  principal: Principal,
  integrationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<WebhookDelivery>> => {
  await mayManage(deps, principal, integrationId);
  return deps.webhooks.deliveries(integrationId, {
    limit: query.limit,
    ...(query.cursor !== undefined && { cursor: query.cursor }),
  });
};

/**
 * The seller's admin sends a delivery again now: one attempt with the same webhook-id, whatever its state, recorded in
 * its log; the automatic schedule stays as it was. A disabled endpoint is enabled again first (PUT its URL).
 */
export const retryDelivery = async (
  deps: WebhookAdminDeps & AttemptDeps,
  principal: Principal,
  integrationId: string,
  deliveryId: string,
): Promise<WebhookDelivery> => {
  await mayManage(deps, principal, integrationId);
  const endpoint = await endpointOf(deps.webhooks, integrationId);
  const delivery = await deps.webhooks.delivery(integrationId, deliveryId);
  if (!delivery) throw new NotFound(`integration ${integrationId} has no delivery ${deliveryId}`);
  if (!endpoint.enabled) {
    throw new NotNow(
      `the webhook endpoint is disabled (${endpoint.disabledBecause ?? 'by a 410'}): set its URL again first`,
    );
  }
  return attemptDelivery(deps, delivery, endpoint, false);
};
