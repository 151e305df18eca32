import { webhookDepsFromConfig } from './deps-from-config.ts';
import { dispatchWebhooks } from './dispatch.ts';

/**
 * The EventBridge rule's target for every event the app publishes: the event only wakes it; what it sends comes from
 * the feed after each endpoint's cursor, so an event whose run was lost goes out with the next.
 */
export const handler = (): Promise<void> => dispatchWebhooks(webhookDepsFromConfig());
