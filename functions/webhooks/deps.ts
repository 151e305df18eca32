import type { WebhookDelivery } from '#domain/webhook-delivery.ts';
import type { EventFeedStore, WebhookStore } from '#store/ports.ts';
import type { WebhookSender } from './sender.ts';

/** Starts (once per delivery) the loop that waits and attempts again until the delivery ends (retry-loop.ts). */
export interface RetrySchedule {
  start(delivery: WebhookDelivery, waitSeconds: number): Promise<void>;
}

/** Everything the webhook use cases touch, passed in: tests hand in a store on their own table and a real sender. */
export interface WebhookDeps {
  feed: EventFeedStore;
  webhooks: WebhookStore;
  sender: WebhookSender;
  retries: RetrySchedule;
  now: () => Date;
  random: () => number;
}
