import * as z from 'zod';
import { waitFrom } from '#domain/webhook-delivery.ts';
import { attemptDelivery } from './attempt.ts';
import type { WebhookDeps } from './deps.ts';
import { webhookDepsFromConfig } from './deps-from-config.ts';

const inputSchema = z.object({ integrationId: z.string().min(1), deliveryId: z.string().min(1) });

/** What the retry loop does next: wait `waitSeconds` and come back (`retrying`), or end (`waitSeconds` 0). */
export interface RetryStep {
  outcome: 'retrying' | 'delivered' | 'failed' | 'ended';
  waitSeconds: number;
}

/**
 * One turn of a delivery's retry loop (the Attempt task of workflows/webhook-retries.asl.json). A delivery that is no
 * longer retrying (a manual retry got it through, or it failed) ends the loop; one whose endpoint was disabled or
 * removed meanwhile fails without a send.
 */
export const retryTurn = async (deps: WebhookDeps, input: unknown): Promise<RetryStep> => {
  const { integrationId, deliveryId } = inputSchema.parse(input);
  const delivery = await deps.webhooks.delivery(integrationId, deliveryId);
  if (delivery?.state !== 'retrying') return { outcome: 'ended', waitSeconds: 0 };
  const endpoint = await deps.webhooks.endpoint(integrationId);
  if (!endpoint?.enabled) {
    const { nextAttemptAt: _next, ...rest } = delivery;
    const because = endpoint ? 'the endpoint was disabled' : 'the endpoint was removed';
    await deps.webhooks.record(delivery, { ...rest, state: 'failed', lastError: because });
    return { outcome: 'failed', waitSeconds: 0 };
  }
  const after = await attemptDelivery(deps, delivery, endpoint, true);
  if (after.state === 'retrying') return { outcome: 'retrying', waitSeconds: waitFrom(after, deps.now()) };
  return { outcome: after.state === 'delivered' ? 'delivered' : 'failed', waitSeconds: 0 };
};

export const handler = (event: unknown): Promise<RetryStep> => retryTurn(webhookDepsFromConfig(), event);
