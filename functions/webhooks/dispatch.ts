import type { IntegrationEvent } from '#domain/integration-event.ts';
import { deferred, type WebhookDelivery, waitFrom } from '#domain/webhook-delivery.ts';
import type { WebhookEndpoint } from '#domain/webhook-endpoint.ts';
import { attemptDelivery } from './attempt.ts';
import type { WebhookDeps } from './deps.ts';

/** Events read from the feed at a time. */
const BATCH = 100;
/** How long a dispatcher holds a new delivery's first attempt: longer than an attempt can take (the send's timeout). */
const CLAIM_MS = 60_000;

const newDelivery = (endpoint: WebhookEndpoint, position: number, event: IntegrationEvent): WebhookDelivery => ({
  integrationId: endpoint.integrationId,
  deliveryId: String(position),
  eventId: event.id,
  eventType: event.type,
  subject: event.subject,
  occurredAt: event.occurredAt,
  state: 'pending',
  attempts: 0,
  waitedSeconds: 0,
});

/**
 * The delivery of one event to one endpoint, made once however many dispatchers see the event: whoever creates the
 * delivery (or finds it pending with its claim run out: a dispatcher that died) makes the first attempt. `failing`:
 * the endpoint failed a moment ago in this round, so the attempt goes to the retry schedule instead.
 */
const deliver = async (
  deps: WebhookDeps,
  endpoint: WebhookEndpoint,
  fresh: WebhookDelivery,
  failing: boolean,
): Promise<WebhookDelivery | undefined> => {
  const claimedUntil = new Date(deps.now().getTime() + CLAIM_MS);
  if (!(await deps.webhooks.createDelivery(fresh, claimedUntil))) {
    const found = await deps.webhooks.delivery(fresh.integrationId, fresh.deliveryId);
    // Retrying already: its loop is started again, which is a no-op when it runs (a dispatcher died before starting it).
    if (found?.state === 'retrying') await deps.retries.start(found, waitFrom(found, deps.now()));
    if (found?.state !== 'pending') return undefined;
    if (!(await deps.webhooks.claim(found.integrationId, found.deliveryId, deps.now(), claimedUntil))) return undefined;
  }
  if (failing) {
    const later = deferred(fresh, deps.now(), deps.random());
    if (await deps.webhooks.record(fresh, later)) await deps.retries.start(later, waitFrom(later, deps.now()));
    return later;
  }
  const after = await attemptDelivery(deps, fresh, endpoint, true);
  if (after.state === 'retrying') await deps.retries.start(after, waitFrom(after, deps.now()));
  return after;
};

/** Hands the events after the endpoint's cursor to deliveries, oldest first, and moves the cursor past them. */
const dispatchTo = async (deps: WebhookDeps, endpoint: WebhookEndpoint): Promise<void> => {
  let cursor = endpoint.cursor;
  let failing = false;
  for (;;) {
    const { items, positions, last } = await deps.feed.read(cursor, BATCH);
    for (const [index, event] of items.entries()) {
      const after = await deliver(deps, endpoint, newDelivery(endpoint, positions[index] ?? 0, event), failing);
      if (after?.state === 'failed' && after.lastStatus === 410) return;
      failing ||= after?.state === 'retrying';
    }
    // Another dispatcher moved it first: it carries on from there.
    if (last === cursor || !(await deps.webhooks.advance(endpoint.integrationId, cursor, last))) return;
    cursor = last;
    if (items.length < BATCH) return;
  }
};

/**
 * Brings every enabled endpoint up to the feed: run on each event EventBridge carries (and locally by the same rule),
 * so a missed run is made up by the next. Endpoints go side by side; within one, events go in feed order.
 */
export const dispatchWebhooks = async (deps: WebhookDeps): Promise<void> => {
  const endpoints = (await deps.webhooks.endpoints()).filter((endpoint) => endpoint.enabled);
  const results = await Promise.allSettled(endpoints.map((endpoint) => dispatchTo(deps, endpoint)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
};
