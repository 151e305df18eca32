import { config } from '#functions/config.ts';
import type { AttemptDeps } from '#functions/webhooks/attempt.ts';
import type { WebhookAdminDeps } from '#functions/webhooks/endpoint-admin.ts';
import { createWebhookSender } from '#functions/webhooks/sender.ts';
import { adapters } from './adapters.ts';

/** The webhook routes' adapters: the store, and for a manual retry the sender (public https only on AWS). */
export const webhookDeps = (): WebhookAdminDeps & AttemptDeps => {
  const { store } = adapters();
  const settings = config();
  const publicOnly = settings.WEBHOOK_TARGETS === 'public';
  return {
    integrations: store.integrations,
    webhooks: store.webhooks,
    feed: store.feed,
    head: () => store.feed.head(),
    sender: createWebhookSender({ publicOnly, timeoutMs: settings.WEBHOOK_TIMEOUT_SECONDS * 1000 }),
    publicOnly,
    now: () => new Date(),
    random: Math.random,
  };
};
