import { documentClient } from '#functions/clients/dynamodb.ts';
import { sfnClient } from '#functions/clients/sfn.ts';
import { config } from '#functions/config.ts';
import { createDynamoStore } from '#store/dynamo-store.ts';
import type { WebhookDeps } from './deps.ts';
import { createWebhookSender } from './sender.ts';
import { createStepFunctionsRetries } from './step-functions-retries.ts';

/** The webhook use cases' adapters from the config: the table, the sender (public https only on AWS), the retry loop. */
export const webhookDepsFromConfig = (): WebhookDeps => {
  const settings = config();
  const store = createDynamoStore(documentClient(), settings.TABLE_NAME);
  return {
    feed: store.feed,
    webhooks: store.webhooks,
    sender: createWebhookSender({
      publicOnly: settings.WEBHOOK_TARGETS === 'public',
      timeoutMs: settings.WEBHOOK_TIMEOUT_SECONDS * 1000,
    }),
    retries: createStepFunctionsRetries(sfnClient(), settings.WEBHOOK_RETRIES_ARN),
    now: () => new Date(),
    random: Math.random,
  };
};
