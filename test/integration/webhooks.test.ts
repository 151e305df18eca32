import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IntegrationEvent } from '#domain/integration-event.ts';
import { RETRY_WINDOW_SECONDS } from '#domain/webhook-delivery.ts';
import type { WebhookEndpoint } from '#domain/webhook-endpoint.ts';
import type { WebhookDeps } from '#functions/webhooks/deps.ts';
import { dispatchWebhooks } from '#functions/webhooks/dispatch.ts';
import { retryTurn } from '#functions/webhooks/retry-attempt.ts';
import { createWebhookSender } from '#functions/webhooks/sender.ts';
import { newWebhookSecret } from '#functions/webhooks/signature.ts';
import { createStepFunctionsRetries } from '#functions/webhooks/step-functions-retries.ts';
import { webhookRetriesText } from '#workflows/webhook-retries.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../e2e/webhook-receiver.ts';
import { eventually, functionArn, type LocalSfn, startLocalSfn } from './stepfunctions/local-service.ts';
import { freshTable } from './store/fresh-table.ts';

/**
 * Webhooks against the real services: DynamoDB Local, the local Step Functions running webhook-retries.asl.json (its
 * waits scaled so three days pass in about three seconds) with the real attempt handler, and a real HTTP receiver on
 * 127.0.0.1 that answers what each test scripts. Each test has its own receiver path and integration.
 */
const table = freshTable();
const timeScale = 0.00001;

let local: LocalSfn;
let deps: WebhookDeps;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  local = await startLocalSfn(
    [
      {
        name: 'webhook-retries',
        definition: webhookRetriesText(),
        substitutions: { AttemptWebhookFunctionArn: functionArn('attempt-webhook') },
      },
    ],
    { 'attempt-webhook': (event) => retryTurn(deps, event) },
    { timeScale },
  );
  deps = {
    feed: table.store.feed,
    webhooks: table.store.webhooks,
    sender: createWebhookSender({ publicOnly: false, timeoutMs: 2000 }),
    retries: createStepFunctionsRetries(local.sfn, local.arn('webhook-retries')),
    now: () => new Date(),
    random: Math.random,
  };
});
afterAll(async () => {
  await local?.service.stop();
  await receiver?.close();
});

// Each test's endpoints are the only ones enabled while it runs: the events it appends go to them alone.
beforeEach(async () => {
  for (const endpoint of await table.store.webhooks.endpoints()) {
    await table.store.webhooks.disable(endpoint.integrationId, 'an earlier test’s', new Date());
  }
});

let endpoints = 0;
/** An endpoint of its own, at a path of its own, starting after every event appended so far. */
const anEndpoint = async (answers: number[] = [200]): Promise<WebhookEndpoint & { path: string }> => {
  const path = `/erp-${++endpoints}`;
  receiver.answer(path, answers);
  const { last } = await readToEnd();
  const endpoint: WebhookEndpoint = {
    integrationId: `integration-${endpoints}`,
    url: receiver.url(path),
    secret: newWebhookSecret(),
    enabled: true,
    cursor: last,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
  await table.store.webhooks.putEndpoint(endpoint);
  return { ...endpoint, path };
};

const readToEnd = async (): Promise<{ last: number }> => {
  for (let cursor = 0; ; ) {
    const { items, last } = await table.store.feed.read(cursor, 500);
    if (items.length === 0) return { last };
    cursor = last;
  }
};

let events = 0;
const anEvent = async (): Promise<IntegrationEvent> => {
  const event: IntegrationEvent = {
    id: `rfq_${++events}/event:quote.sent:1`,
    type: 'quote.sent',
    occurredAt: new Date().toISOString(),
    subject: `rfq_${events}`,
    data: { rfqId: `rfq_${events}`, total: 1250_00, currency: 'EUR' },
  };
  await table.store.feed.append(event);
  return event;
};

const requestsTo = (path: string) => receiver.received(path);

/** The delivery of the endpoint's one event, once it has left `pending`/`retrying`. */
const ended = (integrationId: string) =>
  eventually(async () => {
    const { items } = await table.store.webhooks.deliveries(integrationId, { limit: 10 });
    return items.length > 0 && items.every((d) => d.state === 'delivered' || d.state === 'failed') ? items : undefined;
  }, 30_000);

describe('webhooks, signed and retried', () => {
  it('are signed as Standard Webhooks: the reference library verifies the request and reads the event back', async () => {
    const endpoint = await anEndpoint();
    const event = await anEvent();
    await dispatchWebhooks(deps);

    const [request] = requestsTo(endpoint.path);
    expect(requestsTo(endpoint.path)).toHaveLength(1);
    expect(request!.headers['webhook-id']).toBe(event.id);
    expect(new Webhook(endpoint.secret).verify(request!.body, request!.headers as Record<string, string>)).toEqual(
      event,
    );
    // Signed with another secret, it does not verify.
    expect(() =>
      new Webhook(newWebhookSecret()).verify(request!.body, request!.headers as Record<string, string>),
    ).toThrow();
    const [delivery] = await ended(endpoint.integrationId);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 200, eventId: event.id });
  });

  it('a receiver that fails, then succeeds, gets the same webhook-id on every attempt, each freshly signed', async () => {
    const endpoint = await anEndpoint([500, 503, 200]);
    const event = await anEvent();
    await dispatchWebhooks(deps);

    const [delivery] = await ended(endpoint.integrationId);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200 });
    const requests = requestsTo(endpoint.path);
    expect(requests.map((r) => r.headers['webhook-id'])).toEqual([event.id, event.id, event.id]);
    for (const request of requests) {
      expect(new Webhook(endpoint.secret).verify(request.body, request.headers as Record<string, string>)).toEqual(
        event,
      );
    }
  });

  it('a receiver that answers 410 is disabled: no retry, and later events are not sent to it', async () => {
    const endpoint = await anEndpoint([410]);
    await anEvent();
    await dispatchWebhooks(deps);
    const [delivery] = await ended(endpoint.integrationId);
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 410 });
    expect(await table.store.webhooks.endpoint(endpoint.integrationId)).toMatchObject({
      enabled: false,
      disabledBecause: `${endpoint.url} answered 410 Gone`,
    });

    await anEvent();
    await dispatchWebhooks(deps);
    expect(requestsTo(endpoint.path)).toHaveLength(1);
  });

  it('a receiver that never answers 2xx is retried, with the same webhook-id, until three days of waits have passed', async () => {
    const endpoint = await anEndpoint([500]);
    const event = await anEvent();
    await dispatchWebhooks(deps);

    const [delivery] = await ended(endpoint.integrationId);
    expect(delivery).toMatchObject({ state: 'failed', lastStatus: 500, lastError: 'HTTP 500' });
    expect(delivery!.waitedSeconds).toBeGreaterThanOrEqual(RETRY_WINDOW_SECONDS);
    const requests = requestsTo(endpoint.path);
    expect(requests).toHaveLength(delivery!.attempts);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([event.id]));
  });

  it('dispatchers running at once send each event once, and a later run sends nothing again', async () => {
    const endpoint = await anEndpoint();
    const sent = [await anEvent(), await anEvent(), await anEvent(), await anEvent()];
    await Promise.all([dispatchWebhooks(deps), dispatchWebhooks(deps), dispatchWebhooks(deps)]);
    await dispatchWebhooks(deps);

    const ids = requestsTo(endpoint.path).map((r) => r.headers['webhook-id']);
    expect([...ids].sort()).toEqual(sent.map((e) => e.id).sort());
    expect((await table.store.webhooks.endpoint(endpoint.integrationId))?.cursor).toBe((await readToEnd()).last);
  });

  it('a dead receiver does not hold the others: its later events go to the retry schedule without a send', async () => {
    const dead = await anEndpoint([503]);
    const alive = await anEndpoint();
    await anEvent();
    await anEvent();
    // The schedule's starts are held here, so what the dispatcher did is seen before any retry runs.
    const started: Parameters<WebhookDeps['retries']['start']>[] = [];
    await dispatchWebhooks({ ...deps, retries: { start: async (...args) => void started.push(args) } });

    expect(requestsTo(alive.path)).toHaveLength(2);
    expect(requestsTo(dead.path)).toHaveLength(1);
    const { items } = await table.store.webhooks.deliveries(dead.integrationId, { limit: 10 });
    // Newest first: the second event was deferred to the schedule without an attempt of its own.
    expect(items.map((d) => [d.state, d.attempts])).toEqual([
      ['retrying', 0],
      ['retrying', 1],
    ]);
    expect(started.map(([delivery]) => delivery.deliveryId).sort()).toEqual(items.map((d) => d.deliveryId).sort());

    receiver.answer(dead.path, [200]);
    for (const [delivery, wait] of started) await deps.retries.start(delivery, wait);
    expect((await ended(dead.integrationId)).map((d) => d.state)).toEqual(['delivered', 'delivered']);
  });
});
