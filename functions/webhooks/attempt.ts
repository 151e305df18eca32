import type { IntegrationEvent } from '#domain/integration-event.ts';
import { type AttemptResult, afterAttempt, lost, type WebhookDelivery } from '#domain/webhook-delivery.ts';
import type { WebhookEndpoint } from '#domain/webhook-endpoint.ts';
import type { WebhookDeps } from './deps.ts';
import { signedHeaders } from './signature.ts';

/** What one attempt touches: the feed for the event, the records, the sender. */
export type AttemptDeps = Pick<WebhookDeps, 'feed' | 'webhooks' | 'sender' | 'now' | 'random'>;

/** The event as the feed serves it, signed for this attempt: the same `webhook-id` every time, a fresh timestamp. */
const send = (
  deps: AttemptDeps,
  endpoint: WebhookEndpoint,
  event: IntegrationEvent,
  at: Date,
): Promise<AttemptResult> => {
  const body = JSON.stringify(event);
  return deps.sender.send({ url: endpoint.url, headers: signedHeaders(endpoint.secret, event.id, at, body), body });
};

/**
 * One attempt of a delivery (Standard Webhooks), recorded conditional on the attempts the delivery had, so two
 * attempts at once (a manual retry beside the schedule's) never overwrite each other: the one that loses reads what
 * won. A 410 disables the endpoint. Returns the delivery as it stands after.
 */
export const attemptDelivery = async (
  deps: AttemptDeps,
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
  automatic: boolean,
): Promise<WebhookDelivery> => {
  const event = await deps.feed.at(Number(delivery.deliveryId));
  const at = deps.now();
  const result = event && (await send(deps, endpoint, event, at));
  const after = result ? afterAttempt(delivery, result, at, deps.random(), automatic) : lost(delivery);
  if (!(await deps.webhooks.record(delivery, after))) {
    return (await deps.webhooks.delivery(delivery.integrationId, delivery.deliveryId)) ?? after;
  }
  if (result && 'status' in result && result.status === 410) {
    await deps.webhooks.disable(endpoint.integrationId, `${endpoint.url} answered 410 Gone`, at);
  }
  return after;
};
